"""Bad, odd and multiple inputs to ``coprod-check validate``: one line each, the right exit code.

Exit codes: 0 every file valid; 1 problems in a file's content (YAML syntax, empty file, top
level not a mapping included); 2 an input that cannot be read at all.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from coprod_check.cli import app
from coprod_check.files.yaml_source import MAX_FILE_BYTES

FIXTURES = Path(__file__).parents[1] / "fixtures" / "banks"
MINIMAL = FIXTURES / "valid" / "minimal.yaml"
BROKEN = FIXTURES / "invalid" / "unknown-fields" / "bank.yaml"
BIN = Path(sys.executable).parent


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["validate", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout


def run_json(*args: str) -> tuple[int, dict[str, Any]]:
    code, out = run("--format", "json", *args)
    return code, json.loads(out)


def test_file_larger_than_the_limit_is_unreadable(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    line = b"# " + b"x" * 1000 + b"\n"
    big.write_bytes(b"schema_version: 1\n" + line * (MAX_FILE_BYTES // len(line) + 100))
    code, out = run(str(big))
    assert code == 2
    assert out == (
        f"{big}: error: file is too large (5.1 MiB; the limit is 5 MiB) [unreadable]\n"
        "1 file checked, 1 file unreadable\n"
    )


def test_folder_without_yaml_is_unreadable_input(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not yaml\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "bank.yaml").write_text("schema_version: 1\n")
    code, out = run(str(tmp_path))
    assert code == 2
    assert out == (
        f"{tmp_path}: error: a folder with no .yaml or .yml files in it [unreadable]\n"
        "1 file checked, 1 file unreadable\n"
    )


def test_missing_path_is_unreadable_input(tmp_path: Path) -> None:
    code, out = run(str(tmp_path / "nope.yaml"))
    assert code == 2
    assert (
        out.splitlines()[0]
        == f"{tmp_path / 'nope.yaml'}: error: no such file or folder [unreadable]"
    )


def test_file_that_cannot_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.yaml"
    shutil.copy(MINIMAL, locked)
    if os.geteuid() == 0:  # root reads through chmod 000: make the opening itself fail
        real = os.open

        def refuse(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if Path(path) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)
    else:
        locked.chmod(0)
    try:
        code, out = run(str(locked))
    finally:
        locked.chmod(0o644)
    assert code == 2
    assert out.splitlines() == [
        f"{locked}: error: permission denied: cannot read this file [unreadable]",
        "1 file checked, 1 file unreadable",
    ]


def test_a_named_pipe_is_refused_without_waiting_for_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    done = subprocess.run(
        [str(BIN / "coprod-check"), "validate", str(fifo)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "GITHUB_ACTIONS": ""},
    )
    assert done.returncode == 2
    assert done.stdout.splitlines()[0] == (
        f"{fifo}: error: not a regular file (a pipe, socket or device?) [unreadable]"
    )


def test_bom_and_crlf_are_valid(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8")
    windows = tmp_path / "windows.yaml"
    windows.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert run(str(windows)) == (0, "1 file checked, all valid\n")


def test_crlf_keeps_line_numbers(tmp_path: Path) -> None:
    text = BROKEN.read_text(encoding="utf-8")
    windows = tmp_path / "bank.yaml"
    windows.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    unix = tmp_path / "unix" / "bank.yaml"
    unix.parent.mkdir()
    unix.write_text(text)
    _, crlf_out = run(str(windows))
    _, lf_out = run(str(unix))
    assert crlf_out.replace(str(windows), "F") == lf_out.replace(str(unix), "F")
    assert "F:25:9: error: unknown field 'statment'" in lf_out.replace(str(unix), "F")


def test_deeply_nested_data_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * 3000 + "]" * 3000 + "\n")
    code, out = run(str(deep))
    assert code == 1
    assert out.splitlines()[-1] == "1 file checked, 1 error in 1 file"
    assert "[yaml-syntax]" in out


def test_keeps_going_after_a_failure_and_exits_with_the_worst_code(tmp_path: Path) -> None:
    code, out = run(str(BROKEN), str(MINIMAL))
    assert code == 1
    assert out.splitlines()[-1] == "2 files checked, 6 errors in 1 file"
    code, out = run(str(BROKEN), str(tmp_path / "missing.yaml"), str(MINIMAL))
    assert code == 2
    assert out.splitlines()[-1] == "3 files checked, 6 errors in 1 file, 1 file unreadable"
    assert out.count("[unknown-field]") == 4


def test_folders_are_searched_recursively_sorted_and_hidden_folders_skipped(
    tmp_path: Path,
) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    shutil.copy(MINIMAL, tmp_path / "b" / "one.yaml")
    shutil.copy(MINIMAL, tmp_path / "a" / "deep" / "two.yml")
    shutil.copy(MINIMAL, tmp_path / "a" / "three.YAML")
    shutil.copy(BROKEN, tmp_path / ".git" / "ignored.yaml")
    shutil.copy(BROKEN, tmp_path / "a" / ".hidden.yaml")
    (tmp_path / "a" / "notes.txt").write_text("ignored\n")
    code, report = run_json(str(tmp_path))
    assert code == 0
    assert [file["path"] for file in report["files"]] == [
        str(tmp_path / "a" / "deep" / "two.yml"),
        str(tmp_path / "a" / "three.YAML"),
        str(tmp_path / "b" / "one.yaml"),
    ]


def test_a_file_named_twice_is_checked_once() -> None:
    code, out = run(str(MINIMAL), str(MINIMAL))
    assert (code, out) == (0, "1 file checked, all valid\n")


def test_bundled_banks_are_the_default_and_all_valid() -> None:
    code, report = run_json()
    assert code == 0
    assert len(report["files"]) == 6
    assert {Path(file["path"]).name for file in report["files"]} == {
        "inclusion-and-conditions.yaml",
        "malby-do-dont.yaml",
        "needham-carr-levels.yaml",
        "right-circumstances.yaml",
        "sharing-the-work.yaml",
        "still-genuine.yaml",
    }
    assert all(file["kind"] == "bank" and file["valid"] for file in report["files"])
    assert run() == (0, "6 files checked, all valid\n")


def test_answers_files_are_dispatched_to_the_answers_checks(tmp_path: Path) -> None:
    good = tmp_path / "good.yaml"
    good.write_text(
        "answers_version: 1\nbanks:\n  - id: minimal\nanswers:\n  only-question: 'yes'\n"
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "answers_version: 1\nbanks:\n  - id: minimal\nanswers:\n  no-such-question: 'yes'\n"
    )
    code, report = run_json(str(MINIMAL), str(good), str(bad))
    files = {Path(file["path"]).name: file for file in report["files"]}
    assert files["minimal.yaml"]["kind"] == "bank"
    assert files["good.yaml"] == {
        "path": str(good),
        "kind": "answers",
        "valid": True,
        "problems": [],
    }
    assert files["bad.yaml"]["kind"] == "answers"
    assert [(p["line"], p["code"]) for p in files["bad.yaml"]["problems"]] == [
        (5, "unknown-question")
    ]
    assert code == 1


def test_answers_to_a_bundled_bank(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "answers_version: 1\nbanks:\n  - id: right-circumstances\n"
        "answers:\n  inett-authority-move-outside: agree\n"
    )
    assert run(str(answers)) == (0, "1 file checked, all valid\n")


CONSOLE = BIN / "coprod-check"


@pytest.mark.parametrize(
    ("content", "code", "first_line_end"),
    [
        (b"", 1, ":1: error: the file is empty [empty-file]"),
        (b"- a\n- b\n", 1, "the top level is a list, not a mapping [not-coprod-file]"),
        (
            b"schema_version: 1\n\x00\x01",
            2,
            ":2: error: binary content (a NUL byte): not a text file [unreadable]",
        ),
        (
            b"title: caf\xe9\n",
            2,
            ":1: error: not valid UTF-8 (byte 0xe9); save the file as UTF-8 [unreadable]",
        ),
        (
            b"schema_version: 1\nid:\n\t- x\n",
            1,
            ":3:1: error: a tab character is used for indentation; YAML needs spaces [yaml-syntax]",
        ),
    ],
    ids=["empty", "list", "binary", "latin-1", "tabs"],
)
def test_real_console_script_gives_one_line_and_no_traceback(
    tmp_path: Path, content: bytes, code: int, first_line_end: str
) -> None:
    path = tmp_path / "input.yaml"
    path.write_bytes(content)
    done = subprocess.run(
        [str(CONSOLE), "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "GITHUB_ACTIONS": ""},
    )
    assert done.returncode == code
    assert "Traceback" not in done.stderr + done.stdout
    assert done.stderr == ""
    lines = done.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(str(path)) and lines[0].endswith(first_line_end)


def test_python_dash_m_runs_validate_on_a_broken_bank() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "coprod_check", "validate", str(BROKEN)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "GITHUB_ACTIONS": ""},
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stdout.splitlines()[-1] == "1 file checked, 6 errors in 1 file"
