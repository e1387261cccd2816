"""``coprod-check score``: output, refusal to overwrite, exit codes of --fail-below and
--fail-on-blockers, and one-line errors for bad answers (with nothing written)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_check.answers.loader import read_answers
from coprod_check.bank.loader import load_bank
from coprod_check.cli import app
from coprod_check.scoring.engine import score
from coprod_check.scoring.report import render

BANKS = Path(__file__).parents[1] / "fixtures" / "answers" / "banks"
MINI = str(BANKS / "mini.yaml")
OTHER = str(BANKS / "other.yaml")
BEST = """\
answers_version: 1
banks:
  - id: mini
    version: 1.0.0
answers:
  a1: strongly-agree
  a2: strongly-agree
  a3: strongly-disagree
  b1: {b1}
  b2: strongly-agree
  c1: fully-true
  c2: fully-true
  l1: {l1}
  l2: strongly-agree
"""

runner = CliRunner()


def answers(tmp_path: Path, *, b1: str = "strongly-agree", l1: str = "strongly-agree") -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(BEST.format(b1=b1, l1=l1), encoding="utf-8")
    return path


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, ["score", *(str(a) for a in args)])
    return result.exit_code, result.stdout, result.stderr


def expected_report(path: Path, fmt: str, **options: bool) -> str:
    loaded = read_answers(path, [load_bank(Path(MINI))])
    result = score(loaded.banks, loaded.answers)
    return render(result, fmt, color=False, **options)


def test_json_to_stdout(tmp_path: Path) -> None:
    path = answers(tmp_path)
    code, out, err = invoke(path, "--bank", MINI, "--format", "json")
    assert (code, err) == (0, "")
    assert out == expected_report(path, "json")
    data = json.loads(out)
    assert (data["verdict"]["id"], data["level"]["id"]) == ("ready", "two")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_other_formats_to_a_file(tmp_path: Path, fmt: str) -> None:
    path = answers(tmp_path, l1="disagree")
    report = tmp_path / f"report.{fmt}"
    code, out, err = invoke(path, "-b", MINI, "-f", fmt, "-o", report, "--explain", "--all")
    assert (code, out) == (0, "")
    assert err == f"coprod-check: wrote {report}\n"
    text = report.read_text(encoding="utf-8")
    assert text == expected_report(path, fmt, explain=True, show_all=True)
    assert "\x1b[" not in text


def test_never_overwrites_a_report_without_force(tmp_path: Path) -> None:
    path = answers(tmp_path)
    report = tmp_path / "report.json"
    report.write_text("old report\n", encoding="utf-8")
    code, out, err = invoke(path, "-b", MINI, "-f", "json", "-o", report)
    assert (code, out) == (2, "")
    assert err == f"coprod-check: error: {report}: already exists; use --force to replace it\n"
    assert report.read_text(encoding="utf-8") == "old report\n"
    code, _, _ = invoke(path, "-b", MINI, "-f", "json", "-o", report, "--force")
    assert code == 0
    assert report.read_text(encoding="utf-8") == expected_report(path, "json")


@pytest.mark.parametrize("spelling", ["same", "dotted", "symlink", "bank"])
def test_never_writes_over_the_answers_or_a_bank(tmp_path: Path, spelling: str) -> None:
    path = answers(tmp_path)
    before = path.read_text(encoding="utf-8")
    target = {
        "same": path,
        "dotted": tmp_path / "sub" / ".." / "answers.yaml",
        "symlink": tmp_path / "link.yaml",
        "bank": Path(MINI),
    }[spelling]
    (tmp_path / "sub").mkdir()
    os.symlink(path, tmp_path / "link.yaml")
    bank_before = Path(MINI).read_text(encoding="utf-8")
    code, out, err = invoke(path, "-b", MINI, "-f", "json", "-o", target, "--force")
    assert (code, out) == (2, "")
    assert err == (
        f"coprod-check: error: {target}: refusing to write the report over an input file "
        "(answers or bank)\n"
    )
    assert path.read_text(encoding="utf-8") == before
    assert Path(MINI).read_text(encoding="utf-8") == bank_before


@pytest.mark.parametrize(
    ("text", "code", "message"),
    [
        (
            BEST.format(b1="maybe", l1="agree"),
            1,
            "answers.yaml:9:3: 'maybe' is not an answer on the scale of 'b1'",
        ),
        (
            BEST.format(b1="agree", l1="agree") + "  zz: agree\n",
            1,
            "answers.yaml:15:3: no listed bank has a question 'zz'",
        ),
        (
            BEST.format(b1="agree", l1="agree").replace("id: mini", "id: mystery"),
            1,
            "answers.yaml:3:5: bank 'mystery' is not loaded",
        ),
        (
            BEST.format(b1="agree", l1="agree") + "  o1: 'yes'\n",
            1,
            "answers.yaml:15:3: question 'o1' belongs to bank 'other'",
        ),
        ("", 2, "answers.yaml:1: the file is empty"),
        ("answers_version: 1\nbanks: [\n", 2, "answers.yaml:3:1: YAML syntax error"),
    ],
    ids=["off-scale", "unknown-question", "bank-not-loaded", "bank-not-listed", "empty", "syntax"],
)
def test_bad_answers_give_one_line_and_write_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, code: int, message: str
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(text, encoding="utf-8")
    report = tmp_path / "report.json"
    monkeypatch.chdir(tmp_path)
    got, out, err = invoke("answers.yaml", "-b", MINI, "-b", OTHER, "-o", report)
    assert (got, out) == (code, "")
    assert err.startswith(f"coprod-check: error: {message}")
    assert err.count("\n") == 1
    assert not report.exists()


def test_missing_answers_file(tmp_path: Path) -> None:
    code, out, err = invoke(tmp_path / "nope.yaml")
    assert (code, out) == (2, "")
    assert err == f"coprod-check: error: {tmp_path / 'nope.yaml'}: no such file\n"


def test_version_warning_goes_to_stderr(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(BEST.format(b1="agree", l1="agree").replace("1.0.0", "0.9.0"), "utf-8")
    code, out, err = invoke(path, "-b", MINI, "-f", "json")
    assert code == 0
    assert json.loads(out)["verdict"]["id"] == "ready"
    assert err == (
        f"coprod-check: {path}:4:5: warning: these answers were given to version 0.9.0 of bank "
        "'mini' but version 1.0.0 is loaded; check the questions still match "
        "[bank-version-differs]\n"
    )


@pytest.mark.parametrize(
    ("l1", "fail_below", "code"),
    [
        ("strongly-agree", "two", 0),
        ("strongly-agree", "one", 0),
        ("disagree", "none", 0),
        ("disagree", "one", 1),
        ("disagree", "First", 1),  # an alias, any case
        ("neither", "one", 0),  # 50: exactly on level one's threshold
    ],
)
def test_fail_below(tmp_path: Path, l1: str, fail_below: str, code: int) -> None:
    path = answers(tmp_path, l1=l1)
    got, out, err = invoke(path, "-b", MINI, "-f", "json", "--fail-below", fail_below)
    assert got == code
    assert out == expected_report(path, "json")  # the report comes first, whatever the code
    if code:
        assert err.startswith("coprod-check: falls short: the level is ")


def test_fail_below_reports_the_level_it_found(tmp_path: Path) -> None:
    path = answers(tmp_path, l1="disagree")
    _, _, err = invoke(path, "-b", MINI, "-f", "json", "--fail-below", "two")
    assert err == "coprod-check: falls short: the level is none, below two (--fail-below)\n"


def test_fail_below_with_a_report_file_still_writes_it(tmp_path: Path) -> None:
    path = answers(tmp_path, l1="disagree")
    report = tmp_path / "report.json"
    code, _, _ = invoke(path, "-b", MINI, "-f", "json", "-o", report, "--fail-below", "one")
    assert code == 1
    assert report.read_text(encoding="utf-8") == expected_report(path, "json")


@pytest.mark.parametrize("level", ["three", "transformative"])
def test_fail_below_unknown_level_is_a_usage_error(tmp_path: Path, level: str) -> None:
    code, out, err = invoke(answers(tmp_path), "-b", MINI, "--fail-below", level)
    assert (code, out) == (2, "")
    assert err == (
        f"coprod-check: error: --fail-below {level}: not a level; choose one of: none, one, two\n"
    )


def test_fail_below_needs_a_level_bank(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("answers_version: 1\nbanks: [{id: other}]\nanswers: {o1: 'yes'}\n", "utf-8")
    code, out, err = invoke(path, "-b", OTHER, "--fail-below", "none")
    assert (code, out) == (2, "")
    assert "needs a bank with Needham & Carr levels" in err


def test_fail_on_blockers(tmp_path: Path) -> None:
    clean = answers(tmp_path)
    assert invoke(clean, "-b", MINI, "-f", "json", "--fail-on-blockers")[0] == 0
    blocked = answers(tmp_path, b1="strongly-disagree")
    code, out, err = invoke(blocked, "-b", MINI, "-f", "json", "--fail-on-blockers")
    assert code == 1
    assert json.loads(out)["verdict"]["id"] == "not-yet"
    assert err == (
        "coprod-check: falls short: 1 blocker raised (--fail-on-blockers): b1: No funding at all.\n"
    )
    assert invoke(blocked, "-b", MINI, "-f", "json")[0] == 0  # a verdict alone never fails


def test_both_gates_report_both_reasons(tmp_path: Path) -> None:
    path = answers(tmp_path, b1="strongly-disagree", l1="disagree")
    code, _, err = invoke(
        path, "-b", MINI, "-f", "json", "--fail-on-blockers", "--fail-below", "one"
    )
    assert code == 1
    assert err.splitlines() == [
        "coprod-check: falls short: the level is none, below one (--fail-below)",
        "coprod-check: falls short: 1 blocker raised (--fail-on-blockers): b1: No funding at all.",
    ]


def test_a_folder_is_not_a_report_file(tmp_path: Path) -> None:
    code, out, err = invoke(answers(tmp_path), "-b", MINI, "-o", tmp_path, "--force")
    assert (code, out) == (2, "")
    assert err == f"coprod-check: error: {tmp_path}: is a folder; give a file name to write to\n"


def test_a_report_in_a_missing_folder(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "report.json"
    code, out, err = invoke(answers(tmp_path), "-b", MINI, "-f", "json", "-o", target)
    assert (code, out) == (2, "")
    assert err.startswith(f"coprod-check: error: {target}: cannot write here")
