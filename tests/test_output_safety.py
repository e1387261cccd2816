"""What coprod-check writes out stays safe: terminals, full disks, files that are not ours.

- Control characters and escape sequences in user text (a CSV note, a file name) never reach a
  terminal raw; they are shown as visible escapes (issue 15).
- A full disk as standard output is a one-line error, exit 2 (issue 17).
- A file that is not a coprod-check file (``--bank /etc/passwd``) is named with the problem,
  never quoted; an empty path is called empty, not "." (issue 17).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_check.cli import app
from coprod_check.render.safe_text import neutralise, neutralise_coloured, typed

HERE = Path(__file__).parent
ROOT = HERE.parent
CONSOLE = Path(sys.executable).parent / "coprod-check"
AGGREGATE = HERE / "fixtures" / "aggregate"
runner = CliRunner()

SECRET = "root:x:0:0:SECRET-FIRST-LINE:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/nologin\n"


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(arg) for arg in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copy(ROOT / "examples" / "neighbourhood-peer-support.yaml", tmp_path / "answers.yaml")
    shutil.copy(AGGREGATE / "bank.yaml", tmp_path / "agg-bank.yaml")
    shutil.copy(ROOT / "questionnaires" / "malby-do-dont.yaml", tmp_path / "bank.yaml")
    (tmp_path / "passwd").write_text(SECRET, encoding="utf-8")
    (tmp_path / "passwd.yaml").write_text(SECRET, encoding="utf-8")
    (tmp_path / "keys.yaml").write_text("password: hunter2\nuser: bob\n", encoding="utf-8")
    (tmp_path / "workshop.csv").write_text(
        "respondent,role,power-shared,note\n"
        "R1,Carer,Agree,\x1b[2J\x1b]0;owned\x07cleared your screen\n"
        "R2,Carer,Agree,fine\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


# -- terminal escapes ------------------------------------------------------------------------------


def test_neutralise_shows_controls_and_surrogates_as_escapes() -> None:
    assert neutralise("a\x1b[2Jb\tc\nd\x9b\udfff") == "a\\x1b[2Jb\tc\nd\\x9b\\udfff"
    assert neutralise_coloured("\x1b[1mbold\x1b[0m \x1b]0;t\x07") == (
        "\x1b[1mbold\x1b[0m \\x1b]0;t\\x07"
    )
    assert typed("note\x1b[A\x1b[Dhere\x07") == "notehere"


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "json", "html"])
def test_escape_sequences_in_a_csv_note_never_reach_the_terminal_raw(work: Path, fmt: str) -> None:
    code, out, err = invoke(
        "aggregate", "workshop.csv", "-b", "agg-bank.yaml", "--include-notes",
        "--min-group-size", "1", "-f", fmt,
    )  # fmt: skip
    assert code == 0, err
    assert "\x1b" not in out + err and "\x07" not in out + err
    if fmt != "csv":  # notes are not in the CSV
        assert "cleared your screen" in out


def test_escape_sequences_in_a_file_name_never_reach_the_terminal_raw(work: Path) -> None:
    code, _, err = invoke("score", "\x1b[2Jmissing.yaml")
    assert code == 2 and "\x1b" not in err
    assert err.startswith("coprod-check: error: \\x1b[2Jmissing.yaml: ")


def test_escapes_in_bank_texts_are_refused_so_what_validates_round_trips(work: Path) -> None:
    text = (work / "bank.yaml").read_text(encoding="utf-8")
    folded = (
        "        statement: >-\n"
        "          The people leading this work are still open about what the service should"
        " look like.\n"
    )
    assert folded in text
    text = text.replace(
        folded,
        '        statement: "\\e[8mThe people leading this work are still open about what the'
        ' service should look like."\n',
        1,
    )
    (work / "bank.yaml").write_text(text, encoding="utf-8")
    code, out, _ = invoke("validate", "bank.yaml")
    assert code == 1
    assert "a control character (U+001B) in the text; remove it" in out
    code, out, err = invoke("template", "--bank", "bank.yaml")
    assert (code, out) == (1, "")
    assert "a control character (U+001B)" in err


# -- a full disk as standard output ----------------------------------------------------------------

FULL = "coprod-check: error: cannot write to standard output: no space left on device\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is a Linux device")
@pytest.mark.parametrize(
    "args",
    [
        ["schema"],
        ["validate", "bank.yaml"],
        ["score", "answers.yaml"],
        ["score", "answers.yaml", "-f", "json"],
        ["template"],
        ["questionnaire", "-f", "html"],
        ["aggregate", "workshop.csv", "-b", "agg-bank.yaml"],
        ["compare", "answers.yaml", "answers.yaml"],
    ],
    ids=lambda args: " ".join(args[:3]),
)
def test_full_disk_as_standard_output_is_one_line_and_exit_2(work: Path, args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [str(CONSOLE), *args],
            cwd=work,
            stdout=full,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            timeout=120,
            env={**os.environ, "COLUMNS": "100"},
        )
    assert (done.returncode, done.stderr.splitlines()[-1] + "\n") == (2, FULL)
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr


# -- files that are not ours; empty paths ----------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["score", "answers.yaml", "--bank", "passwd"],
        ["score", "answers.yaml", "--bank", "passwd.yaml"],
        ["validate", "passwd.yaml"],
        ["score", "passwd.yaml"],
        ["compare", "answers.yaml", "passwd.yaml"],
        ["template", "--bank", "passwd.yaml"],
        ["aggregate", "passwd.yaml", "-b", "agg-bank.yaml"],
        ["aggregate", "workshop.csv", "-b", "agg-bank.yaml", "--mapping", "passwd.yaml"],
        ["aggregate", "workshop.csv", "-b", "agg-bank.yaml", "--mapping", "keys.yaml"],
        ["score", "answers.yaml", "--bank", "keys.yaml"],
    ],
    ids=lambda args: " ".join(args),
)
def test_a_file_that_is_not_ours_is_named_never_quoted(work: Path, args: list[str]) -> None:
    code, out, err = invoke(*args)
    assert code in (1, 2)
    shown = out + err
    for secret in ("SECRET", "root:x", "daemon", "hunter2", "password", "user"):
        assert secret not in shown
    assert "passwd" in shown or "keys.yaml" in shown


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["template", "-o", ""], "'--output' / '-o'"),
        (["score", "answers.yaml", "-o", ""], "'--output' / '-o'"),
        (["score", ""], "'ANSWERS'"),
        (["assess", "--resume", ""], "'--resume'"),
        (["assess", "-o", ""], "'--output' / '-o'"),
        (["compare", "answers.yaml", ""], "'INPUT'"),
        (["validate", ""], "'PATH'"),
        (["aggregate", "workshop.csv", "--mapping", ""], "'--mapping' / '-m'"),
    ],
)
def test_an_empty_path_is_called_empty(work: Path, args: list[str], name: str) -> None:
    code, _, err = invoke(*args)
    assert code == 2
    assert f"Invalid value for {name}: the path is empty; give a file name" in err
    assert "'.'" not in err and ".:" not in err


@pytest.mark.skipif(sys.platform != "linux", reason="file names of raw bytes are a Linux matter")
def test_a_file_name_that_is_not_utf8_is_shown_escaped(work: Path) -> None:
    done = subprocess.run(
        [str(CONSOLE).encode(), b"score", b"bad\xff.yaml"],
        cwd=work,
        capture_output=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert (done.returncode, done.stderr) == (
        2,
        b"coprod-check: error: bad\\udcff.yaml: no such file\n",
    )
