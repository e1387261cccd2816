"""Hostile and mistaken inputs against every command, through the real console script.

Each case pins the exit code and the whole of standard error: one line naming the file (and
line, where there is one), never a traceback, never a hang (every run has a timeout), and no
file of the user's replaced or half-written. The cases are the bugs an adversarial sweep found.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pexpect
import pytest

from coprod_check.errors import InputError, OutputExistsError, UsageError
from coprod_check.files import atomic
from coprod_check.files.atomic import check_output, write_atomic
from coprod_check.files.input_files import NOT_REGULAR, open_input
from coprod_check.files.yaml_source import read_text

HERE = Path(__file__).parent
ROOT = HERE.parent
CONSOLE = Path(sys.executable).parent / "coprod-check"
AGGREGATE = HERE / "fixtures" / "aggregate"

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")


def run(cwd: Path, *args: str) -> tuple[int, str, str]:
    """Run the console script in ``cwd`` with no terminal; (exit code, stdout, stderr)."""
    done = subprocess.run(
        [str(CONSOLE), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        env={**os.environ, "GITHUB_ACTIONS": "", "COLUMNS": "100"},
    )
    assert "Traceback" not in done.stderr + done.stdout
    return done.returncode, done.stdout, done.stderr


@pytest.fixture
def work(tmp_path: Path) -> Path:
    """A folder with answers files, a bank, a CSV export, its bank and mapping, and pipes."""
    shutil.copy(ROOT / "examples" / "neighbourhood-peer-support.yaml", tmp_path / "answers.yaml")
    shutil.copy(ROOT / "examples" / "borough-wide-redesign.yaml", tmp_path / "later.yaml")
    shutil.copy(ROOT / "questionnaires" / "malby-do-dont.yaml", tmp_path / "bank.yaml")
    shutil.copy(AGGREGATE / "bank.yaml", tmp_path / "agg-bank.yaml")
    shutil.copy(AGGREGATE / "mappings" / "valid.yaml", tmp_path / "mapping.yaml")
    shutil.copy(AGGREGATE / "workshop.csv", tmp_path / "workshop.csv")
    (tmp_path / "folder").mkdir()
    if hasattr(os, "mkfifo"):
        for name in ("pipe.yaml", "pipe.csv", "pipe.json"):
            os.mkfifo(tmp_path / name)
    return tmp_path


# -- named pipes as inputs: refused at once, never waited on ------------------------------------

PIPE_INPUTS = {
    "score": (["score", "pipe.yaml"], "pipe.yaml"),
    "score --bank": (["score", "answers.yaml", "--bank", "pipe.yaml"], "pipe.yaml"),
    "template --bank": (["template", "--bank", "pipe.yaml"], "pipe.yaml"),
    "questionnaire --bank": (["questionnaire", "--bank", "pipe.yaml"], "pipe.yaml"),
    "compare": (["compare", "answers.yaml", "pipe.json"], "pipe.json"),
    "aggregate csv": (["aggregate", "pipe.csv", "--bank", "agg-bank.yaml"], "pipe.csv"),
    "aggregate yaml": (["aggregate", "pipe.yaml", "--bank", "agg-bank.yaml"], "pipe.yaml"),
    "aggregate --mapping": (
        ["aggregate", "workshop.csv", "--bank", "agg-bank.yaml", "--mapping", "pipe.yaml"],
        "pipe.yaml",
    ),
    "mapping draft": (["mapping", "draft", "pipe.csv", "--bank", "agg-bank.yaml"], "pipe.csv"),
}


@needs_fifo
@pytest.mark.parametrize("case", list(PIPE_INPUTS))
def test_a_named_pipe_as_an_input_is_refused_without_waiting(work: Path, case: str) -> None:
    args, pipe = PIPE_INPUTS[case]
    assert run(work, *args) == (2, "", f"coprod-check: error: {pipe}: {NOT_REGULAR}\n")


@needs_fifo
def test_validate_a_folder_holding_a_pipe_reports_it_and_checks_the_rest(work: Path) -> None:
    folder = work / "banks"
    folder.mkdir()
    shutil.copy(work / "bank.yaml", folder / "bank.yaml")
    os.mkfifo(folder / "pipe.yaml")
    code, out, err = run(work, "validate", "banks")
    assert (code, err) == (2, "")
    assert out.splitlines() == [
        f"{Path('banks', 'pipe.yaml')}: error: {NOT_REGULAR} [unreadable]",
        "2 files checked, 1 file unreadable",
    ]


@needs_fifo
def test_assess_resume_from_a_pipe_is_refused_without_waiting(work: Path) -> None:
    child = pexpect.spawn(
        str(CONSOLE),
        ["assess", "--resume", "pipe.yaml"],
        cwd=str(work),
        timeout=30,
        encoding="utf-8",
        env={**os.environ, "COLUMNS": "100"},
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert child.before.strip() == f"coprod-check: error: pipe.yaml: {NOT_REGULAR}"


@needs_fifo
def test_read_text_and_open_input_refuse_pipes_and_folders(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.yaml")
    with pytest.raises(InputError) as pipe:
        read_text(tmp_path / "p.yaml", "p.yaml")
    assert (str(pipe.value), pipe.value.exit_code) == (f"p.yaml: {NOT_REGULAR}", 2)
    with pytest.raises(InputError) as folder:
        open_input(tmp_path, "here")
    assert str(folder.value) == "here: is a directory, not a file"


# -- where reports are written -------------------------------------------------------------------

WRITERS = {
    "template": ["template"],
    "questionnaire": ["questionnaire"],
    "score": ["score", "answers.yaml"],
    "compare": ["compare", "answers.yaml", "later.yaml"],
    "aggregate": ["aggregate", "workshop.csv", "--bank", "agg-bank.yaml", "-m", "mapping.yaml"],
    "mapping draft": ["mapping", "draft", "workshop.csv", "--bank", "agg-bank.yaml"],
}


@pytest.mark.parametrize("command", list(WRITERS))
def test_output_that_is_a_folder_is_refused_even_with_force(work: Path, command: str) -> None:
    code, out, err = run(work, *WRITERS[command], "-o", "folder", "--force")
    assert (code, out) == (2, "")
    assert err == "coprod-check: error: folder: is a folder; give a file name to write to\n"
    assert (work / "folder").is_dir() and not any((work / "folder").iterdir())


@pytest.mark.parametrize("command", list(WRITERS))
def test_output_in_a_missing_folder_is_refused_before_any_work(work: Path, command: str) -> None:
    target = str(Path("missing", "report.txt"))
    code, out, err = run(work, *WRITERS[command], "-o", target)
    assert (code, out) == (2, "")
    assert (
        err == f"coprod-check: error: {target}: cannot write here: there is no folder 'missing'\n"
    )
    assert not (work / "missing").exists()


BANK_REFUSALS = {
    "template": "refusing to write the template over a bank file",
    "questionnaire": "refusing to write the handout over a bank file",
    "score": "refusing to write the report over an input file (answers or bank)",
    "compare": "refusing to write the report over an input file",
    "aggregate": "refusing to write the report over an input file",
    "mapping draft": "refusing to write the mapping over an input file",
}


@pytest.mark.parametrize("command", list(WRITERS))
def test_output_over_a_bank_file_is_refused_even_with_force(work: Path, command: str) -> None:
    before = (work / "bank.yaml").read_bytes()
    args = [*WRITERS[command], "--bank", "bank.yaml"]
    code, out, err = run(work, *args, "-o", str(Path(".", "bank.yaml")), "--force")
    assert (code, out) == (2, "")
    assert err == f"coprod-check: error: bank.yaml: {BANK_REFUSALS[command]}\n"
    assert (work / "bank.yaml").read_bytes() == before


def test_output_through_a_link_to_an_input_is_refused(work: Path) -> None:
    (work / "link.yaml").symlink_to("answers.yaml")
    before = (work / "answers.yaml").read_bytes()
    code, out, err = run(work, "score", "answers.yaml", "-o", "link.yaml", "--force")
    assert (code, out) == (2, "")
    assert err == (
        "coprod-check: error: link.yaml: refusing to write the report over an input file "
        "(answers or bank)\n"
    )
    assert (work / "answers.yaml").read_bytes() == before


def test_output_that_is_a_link_writes_the_file_it_points_to_and_keeps_the_link(
    work: Path,
) -> None:
    (work / "old-report.txt").write_text("old\n", encoding="utf-8")
    (work / "report.txt").symlink_to("old-report.txt")
    code, out, err = run(work, "score", "answers.yaml", "-o", "report.txt", "--force")
    assert (code, out, err) == (0, "", "coprod-check: wrote report.txt\n")
    assert (work / "report.txt").is_symlink()
    assert (
        (work / "old-report.txt")
        .read_text(encoding="utf-8")
        .startswith("Co-production readiness report")
    )


def test_output_that_is_a_link_loop_is_one_line(work: Path) -> None:
    (work / "a.txt").symlink_to("b.txt")
    (work / "b.txt").symlink_to("a.txt")
    code, out, err = run(work, "score", "answers.yaml", "-o", "a.txt", "--force")
    assert (code, out) == (2, "")
    assert err.startswith("coprod-check: error: a.txt: cannot write here: ")
    assert len(err.splitlines()) == 1


@needs_fifo
def test_a_pipe_as_output_is_written_into_never_replaced(tmp_path: Path) -> None:
    pipe = tmp_path / "out"
    os.mkfifo(pipe)
    with pytest.raises(InputError) as nobody:
        write_atomic(pipe, "text\n", overwrite=True)
    assert str(nobody.value) == f"{pipe}: a pipe with nothing reading from it"
    received: list[bytes] = []
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)
    try:
        thread = threading.Thread(
            target=write_atomic, args=(pipe, "text\n"), kwargs={"overwrite": True}
        )
        thread.start()
        thread.join(timeout=30)
        os.set_blocking(reader, True)
        received.append(os.read(reader, 100))
    finally:
        os.close(reader)
    assert received == [b"text\n"]
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]


def test_a_failed_write_is_one_error_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old\n", encoding="utf-8")

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full)
    with pytest.raises(InputError) as caught:
        write_atomic(target, "new\n", overwrite=True)
    assert str(caught.value) == f"{target}: cannot write: No space left on device"
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [path.name for path in tmp_path.iterdir()] == ["report.txt"]


@pytest.mark.parametrize(
    ("setup", "force", "error", "message"),
    [
        ("folder", True, UsageError, "is a folder; give a file name to write to"),
        ("file", False, OutputExistsError, "already exists; use --force to replace it"),
        ("input", True, OutputExistsError, "refusing to write the report over an input file"),
    ],
)
def test_check_output(
    tmp_path: Path, setup: str, force: bool, error: type[Exception], message: str
) -> None:
    target = tmp_path / "out"
    if setup == "folder":
        target.mkdir()
    else:
        target.write_text("x", encoding="utf-8")
    inputs = [tmp_path / "." / "out"] if setup == "input" else []
    with pytest.raises(error) as caught:
        check_output(target, force=force, inputs=inputs)
    assert str(caught.value) == f"{target}: {message}"


# -- content that used to leak a traceback or a megabyte of text -------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "not a saved result: the JSON is nested far too deeply"),
        (
            '{"result_version": ' + "9" * 5000 + "}",
            "not a saved result: the JSON holds a number too long to read",
        ),
    ],
    ids=["deep", "long-number"],
)
def test_hostile_json_for_compare(work: Path, text: str, message: str) -> None:
    (work / "saved.json").write_text(text, encoding="utf-8")
    code, out, err = run(work, "compare", "answers.yaml", "saved.json")
    assert (code, out, err) == (2, "", f"coprod-check: error: saved.json: {message}\n")


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (
            b"answers_version: 1\nbanks: \x1b[31m\n",
            "answers.yaml:2:8: a control character (U+001B) that YAML does not allow; remove it",
        ),
        (
            "answers_version: 1\n".encode("utf-16"),
            "answers.yaml:1: the file is saved as UTF-16 text; save it as UTF-8",
        ),
        (
            "answers_version: 1\n".encode("utf-32"),
            "answers.yaml:1: the file is saved as UTF-32 text; save it as UTF-8",
        ),
        (
            b"answers_version: " + b"9" * 5000 + b"\n",
            "answers.yaml:1:18: a number with 5,000 digits is too long; numbers have at most 15",
        ),
    ],
    ids=["escape-character", "utf-16", "utf-32", "long-number"],
)
def test_unreadable_yaml_is_one_short_line(work: Path, raw: bytes, message: str) -> None:
    (work / "answers.yaml").write_bytes(raw)
    assert run(work, "score", "answers.yaml") == (2, "", f"coprod-check: error: {message}\n")


def test_a_huge_answer_is_shown_cut_short(work: Path) -> None:
    (work / "answers.yaml").write_text(
        "answers_version: 1\nbanks:\n  - id: malby-do-dont\nanswers:\n"
        f"  malby-dont-no-funders: {'x' * 2_000_000}\n",
        encoding="utf-8",
    )
    code, out, err = run(work, "score", "answers.yaml")
    assert (code, out) == (1, "")
    assert err.startswith(f"coprod-check: error: answers.yaml:5:3: '{'x' * 57}...' is not an")
    assert len(err) < 400 and len(err.splitlines()) == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "bank.yaml",
            None,
            "bank.yaml:18:1: this is a question bank, not an answers file (give banks with --bank)",
        ),
        (
            "saved.json",
            json.dumps({"result_version": 1, "tool_version": "0"}),
            "saved.json:1:2: this is a result saved by 'coprod-check score', not an answers file",
        ),
        (
            "mapping.yaml",
            None,
            "mapping.yaml:1:1: this is a mapping file (for 'aggregate --mapping'), not an "
            "answers file",
        ),
    ],
    ids=["bank", "score-json", "mapping"],
)
def test_another_coprod_file_given_as_answers_is_named(
    work: Path, name: str, content: str | None, message: str
) -> None:
    if content is not None:
        (work / name).write_text(content, encoding="utf-8")
    assert run(work, "score", name) == (1, "", f"coprod-check: error: {message}\n")


def test_aggregate_role_cells_in_warnings_are_cut_short(work: Path) -> None:
    role = "y" * 500_000
    (work / "big.csv").write_text(
        f"respondent,role,power-shared\nR1,{role},agree\n", encoding="utf-8"
    )
    code, out, err = run(work, "aggregate", "big.csv", "--bank", "agg-bank.yaml", "-f", "json")
    assert code == 0 and json.loads(out)["respondents"] == 1
    assert err.startswith(f"coprod-check: warning: role '{'y' * 57}...' is not one")
    assert len(err) < 400 and len(err.splitlines()) == 1


def test_aggregate_input_that_is_a_link_loop_is_one_line(work: Path) -> None:
    (work / "a.yaml").symlink_to("b.yaml")
    (work / "b.yaml").symlink_to("a.yaml")
    assert run(work, "aggregate", "a.yaml", "--bank", "agg-bank.yaml") == (
        2,
        "",
        "coprod-check: error: a.yaml: a symbolic link to nothing (or round in a loop)\n",
    )


def test_mapping_draft_refuses_thousands_of_columns_quickly(work: Path) -> None:
    header = ",".join(f"Q{number}. A statement about us" for number in range(100_000))
    (work / "wide.csv").write_text(header + "\n" + "," * 99_999 + "\n", encoding="utf-8")
    code, out, err = run(work, "mapping", "draft", "wide.csv", "--bank", "agg-bank.yaml")
    assert (code, out) == (2, "")
    assert err == (
        "coprod-check: error: wide.csv:1: a line with 100,000 columns; the limit is 10,000 "
        "(is this really a form export?)\n"
    )


# -- standard output closed early ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["score", "answers.yaml", "-f", "html"], ["schema"], ["template"], ["validate", "bank.yaml"]],
    ids=["score", "schema", "template", "validate"],
)
def test_closed_standard_output_gives_no_traceback(work: Path, args: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head -0`: every write fails with a broken pipe
    try:
        done = subprocess.run(
            [str(CONSOLE), *args],
            cwd=work,
            stdout=write_end,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (1, b"")


@pytest.mark.parametrize(
    ("output", "resume", "named"),
    [("folder", None, "folder"), (None, "folder", "folder"), (None, None, "answers.yaml")],
    ids=["-o", "--resume", "default answers.yaml"],
)
def test_assess_refuses_a_folder_as_its_answers_file(
    work: Path, monkeypatch: pytest.MonkeyPatch, output: str | None, resume: str | None, named: str
) -> None:
    from coprod_check.assess.runner import target_path

    monkeypatch.chdir(work)
    (work / "answers.yaml").unlink()
    (work / "answers.yaml").mkdir()
    with pytest.raises(UsageError) as caught:
        target_path(Path(output) if output else None, Path(resume) if resume else None)
    assert str(caught.value) == f"{named}: is a folder; give a file name"
