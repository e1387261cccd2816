"""Every terminal report draws its title, verdicts and statuses in the one set of styles in
``render/styles.py``: the same ANSI codes for the same meaning, whichever command made it."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from coprod_check.aggregate.report import REPORTS as AGGREGATE_REPORTS
from coprod_check.aggregate.result import AggregateResult
from coprod_check.cli import app
from coprod_check.compare.report import REPORTS as COMPARE_REPORTS
from coprod_check.compare.result import CompareResult
from coprod_check.scoring.report import REPORTS as SCORE_REPORTS
from coprod_check.scoring.result import Result

TESTS = Path(__file__).parents[1]
RESULTS = TESTS / "fixtures" / "compare" / "results"
BOLD_UNDERLINE = "\x1b[1;4m"


def _compare() -> CompareResult:
    inputs = [str(RESULTS / "jan.json"), str(RESULTS / "apr-v2.json"), "--allow-bank-change"]
    found = CliRunner().invoke(app, ["compare", *inputs, "-f", "json"])
    return CompareResult.model_validate_json(found.stdout)


def test_every_terminal_report_opens_with_its_title_in_the_same_style() -> None:
    score = Result.model_validate_json((RESULTS / "jan.json").read_text(encoding="utf-8"))
    aggregate = AggregateResult.model_validate_json(
        (TESTS / "golden" / "aggregate" / "workshop.json").read_text(encoding="utf-8")
    )
    reports = {
        "score": SCORE_REPORTS.render(score, "text", color=True),
        "aggregate": AGGREGATE_REPORTS.render(aggregate, "text", color=True),
        "compare": COMPARE_REPORTS.render(_compare(), "text", color=True),
    }
    firsts = {name: str(text).splitlines()[0] for name, text in reports.items()}
    assert {name: line.startswith(BOLD_UNDERLINE) for name, line in firsts.items()} == {
        "score": True,
        "aggregate": True,
        "compare": True,
    }, firsts
