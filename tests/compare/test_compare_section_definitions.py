"""compare's section score (everyone's typical answers) and aggregate's (the mean of all
answers) differ for the same workshop: both reports say which they show, and compare says so
only when a point is a workshop."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from coprod_check.cli import app
from print_samples import EXAMPLES, workshop


def run(*args: str | Path) -> str:
    result = CliRunner().invoke(app, [str(arg) for arg in args])
    assert result.exit_code in (0, 1), result.stderr
    return " ".join(result.stdout.split())


def test_both_reports_name_their_definition_of_a_section_score(tmp_path: Path) -> None:
    csv = workshop(tmp_path / "march.csv")
    aggregate = run("aggregate", csv)
    assert "mean" in aggregate and "typical answers too" in aggregate
    for name, date in (("march", "2026-03-01"), ("june", "2026-06-01")):
        run("aggregate", csv, "--date", date, "-o", tmp_path / f"{name}.json")
    compared = run("compare", tmp_path / "march.json", tmp_path / "june.json")
    assert (
        "Section scores of a workshop (an aggregate result) are here those of everyone's "
        "typical answers" in compared
    )
    assert "the aggregate report's section scores are the mean of all answers" in compared


def test_compare_of_two_answers_files_does_not_mention_workshops() -> None:
    compared = run(
        "compare",
        EXAMPLES / "consults-but-decides.yaml",
        EXAMPLES / "neighbourhood-peer-support.yaml",
    )
    assert "mean of all answers" not in compared
