"""Hostile sizes are refused early, naming the real cause (issue 17).

Each test fails on the code before the limit: a file of commas was read into millions of cells
and then called empty, a 10,000-character header cost a minute of comparing in ``mapping
draft``, and a file of tiny YAML values was built into a node tree before it was refused.
"""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from coprod_check.aggregate.csv_source import MAX_COLUMNS
from coprod_check.aggregate.mapping_draft import MAX_COMPARED, candidates, similarity
from coprod_check.cli import app

BANK = Path(__file__).parents[1] / "fixtures" / "aggregate" / "bank.yaml"
runner = CliRunner()


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(arg) for arg in args])
    return result.exit_code, result.stdout, result.stderr


def test_a_header_of_millions_of_commas_is_refused_with_the_count(tmp_path: Path) -> None:
    (tmp_path / "commas.csv").write_text("," * 2_000_000 + "\n", encoding="utf-8")
    code, out, err = invoke("aggregate", tmp_path / "commas.csv", "-b", BANK)
    assert (code, out) == (2, "")
    assert err == (
        f"coprod-check: error: {tmp_path / 'commas.csv'}:1: a line with 2,000,001 columns; the "
        f"limit is {MAX_COLUMNS:,} (is this really a form export?)\n"
    )


def test_a_row_with_too_many_columns_is_refused_with_its_line(tmp_path: Path) -> None:
    text = "respondent,role,power-shared\nR1,carer,agree\nR2," + "," * 20_000 + "\n"
    (tmp_path / "wide.csv").write_text(text, encoding="utf-8")
    code, _, err = invoke("aggregate", tmp_path / "wide.csv", "-b", BANK)
    assert code == 2
    assert f"wide.csv:3: a line with 20,002 columns; the limit is {MAX_COLUMNS:,}" in err


def test_mapping_draft_compares_a_bounded_part_of_each_header() -> None:
    long = "Q3. What we hope to achieve " + "x" * 10_000 + " [is important to everyone]"
    found = candidates(long)
    assert found and all(len(text) <= MAX_COMPARED for text in found)
    assert "is important to everyone" in found  # the grid item at the end is still read
    assert similarity(long, "What we hope to achieve is important.") > 0.2
