"""``coprod-check aggregate`` end to end on the hand-checked workshop: every format, privacy,
notes, escaping, output files and the saved JSON that ``compare`` reads."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from aggregate_samples import HERE, fixture_bank, settings
from coprod_check.aggregate.engine import aggregate_respondents
from coprod_check.aggregate.report import CSV_COLUMNS, render, render_csv
from coprod_check.aggregate.result import AGGREGATE_VERSION, AggregateResult
from coprod_check.cli import app
from html_checks import page_problems

runner = CliRunner()
SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, ["aggregate", *(str(arg) for arg in args)])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def in_fixtures(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(HERE)
    return HERE


STAFF_WARNING = (
    "coprod-check: warning: role 'Staff' read as 'frontline staff'; if that is wrong, say what "
    "it is in the mapping file's roles: section\n"
)


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "json", "html"])
def test_workshop_report(fmt: str, in_fixtures: Path, golden: Callable[[str, str], None]) -> None:
    code, out, err = invoke("workshop.csv", "--bank", "bank.yaml", "-f", fmt)
    assert (code, err) == (0, STAFF_WARNING)
    if fmt == "html":
        assert page_problems(out) == []
        out = SVG.sub("<svg><!-- chart --></svg>", STYLE.sub("<style><!-- shared --></style>", out))
    suffix = {"text": "txt", "markdown": "md"}.get(fmt, fmt)
    golden(f"aggregate/workshop.{suffix}", out)


def test_json_is_versioned_and_matches_its_schema(in_fixtures: Path) -> None:
    _, out, _ = invoke("workshop.csv", "--bank", "bank.yaml", "-f", "json")
    data = json.loads(out)
    assert data["aggregate_version"] == AGGREGATE_VERSION == 1
    jsonschema.validate(data, AggregateResult.model_json_schema(mode="serialization"))
    assert AggregateResult.model_validate(data).respondents == 7


def test_csv_has_one_row_per_question_and_shown_group(in_fixtures: Path) -> None:
    _, out, _ = invoke("workshop.csv", "--bank", "bank.yaml", "-f", "csv")
    lines = out.splitlines()
    assert lines[0] == ",".join(CSV_COLUMNS)
    rows = [line.split(",")[:5] for line in lines[1:]]
    # 3 questions x (everyone, people who use services); staff are hidden because Everyone
    # minus them and people who use services would be the one carer's answers.
    assert len(rows) == 3 * 2
    hidden = next(line for line in lines if ",person who uses services,yes," in line)
    assert hidden.startswith("aggregate-fixture,power,power-shared,")
    assert hidden.endswith(",person who uses services,yes" + "," * 12)


def test_csv_cells_cannot_become_spreadsheet_formulas() -> None:
    bank = fixture_bank()
    result = aggregate_respondents([bank], [(None, {"power-shared": "agree"})], settings())
    question = result.questions[0].model_copy(update={"statement": '=HYPERLINK("x")'})
    tampered = result.model_copy(update={"questions": [question]})
    assert "'=HYPERLINK" in render_csv(tampered)


def test_notes_are_escaped_in_html_and_markdown(in_fixtures: Path) -> None:
    args = ("workshop.csv", "--bank", "bank.yaml", "--include-notes", "--min-group-size", "1")
    _, html, _ = invoke(*args, "-f", "html")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert page_problems(html) == []
    _, markdown, _ = invoke(*args, "-f", "markdown")
    assert "\\<script\\>alert(1)\\</script\\>" in markdown
    _, text, _ = invoke(*args)
    assert '[People who use services, general] Decisions are made "upstairs", not with us' in text
    assert "[Frontline staff, general] We need more time" in text


def test_notes_stay_out_unless_asked_for(in_fixtures: Path) -> None:
    for fmt in ("text", "markdown", "csv", "json", "html"):
        _, out, _ = invoke("workshop.csv", "--bank", "bank.yaml", "-f", fmt)
        assert "upstairs" not in out and "more time" not in out, fmt


def test_small_groups_are_named_as_hidden_but_never_shown(in_fixtures: Path) -> None:
    _, out, _ = invoke("workshop.csv", "--bank", "bank.yaml")
    assert "Not shown: Carers, Frontline staff." in out
    assert "Carers (" not in out and "Frontline staff (" not in out
    _, shown, _ = invoke("workshop.csv", "--bank", "bank.yaml", "--min-group-size", "1")
    assert "Carers (1)" in shown


def test_output_file_is_written_and_never_replaces_an_input(
    in_fixtures: Path, tmp_path: Path
) -> None:
    target = tmp_path / "report.html"
    code, out, err = invoke("workshop.csv", "-b", "bank.yaml", "-f", "html", "-o", target)
    assert (code, out) == (0, "")
    assert err.endswith(f"coprod-check: wrote {target}\n")
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    code, _, err = invoke("workshop.csv", "-b", "bank.yaml", "-o", target)
    assert (code, err) == (
        2,
        f"coprod-check: error: {target}: already exists; use --force to replace it\n",
    )
    code, _, err = invoke("workshop.csv", "-b", "bank.yaml", "-o", "workshop.csv", "--force")
    assert (code, err) == (
        2,
        "coprod-check: error: workshop.csv: refusing to write the report over an input file\n",
    )


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--on-error", "ignore"], "--on-error ignore: choose one of: skip, fail"),
        (["--min-group-size", "0"], "--min-group-size must be at least 1"),
        (["--gap-threshold", "0"], "--gap-threshold must be more than 0 and at most 100 (points)"),
    ],
)
def test_bad_options_are_usage_errors(option: list[str], message: str, in_fixtures: Path) -> None:
    assert invoke("workshop.csv", "-b", "bank.yaml", *option) == (
        2,
        "",
        f"coprod-check: error: {message}\n",
    )


def test_progress_bar_goes_to_standard_error(in_fixtures: Path) -> None:
    code, out, err = invoke("workshop.csv", "-b", "bank.yaml", "-f", "json", "--progress")
    assert code == 0 and json.loads(out)["respondents"] == 7
    assert "workshop.csv" in err and "100%" in err


def test_compare_reads_a_saved_aggregate(in_fixtures: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "march.json", tmp_path / "june.json"
    for target in (first, second):
        code, _, _ = invoke("workshop.csv", "-b", "bank.yaml", "-f", "json", "-o", target)
        assert code == 0
    result = runner.invoke(
        app, ["compare", str(first), str(second), "-b", "bank.yaml", "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    points = json.loads(result.stdout)["points"]
    assert [(p["kind"], p["respondents"]) for p in points] == [("aggregate", 7), ("aggregate", 7)]


def test_render_rejects_an_unknown_format() -> None:
    result = aggregate_respondents(
        [fixture_bank()], [(None, {"power-shared": "agree"})], settings()
    )
    with pytest.raises(Exception, match="unknown report format 'pdf'"):
        render(result, "pdf")
