"""Terminal reports follow the real width (COLUMNS) and put the summary first."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from aggregate_samples import BANK_PATH, WORKSHOP
from coprod_check.cli import app

EXAMPLE = Path(__file__).parents[2] / "examples" / "borough-wide-redesign.yaml"


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_score_text_fits_the_terminal_and_opens_with_the_summary(
    columns: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = CliRunner().invoke(app, ["score", str(EXAMPLE)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert max(len(line) for line in lines) > columns - 10  # it uses the width it has
    text = result.stdout
    summary = text.index("Summary")
    assert summary < text.index("Verdict: Not ready yet") < text.index("Detail")
    assert text.index("The three most important actions:") < text.index("Criteria and sections")
    # Words are wrapped whole: every word of the first action is on some line intact.
    flowing = " ".join(text.split())
    assert "1. Engage a range of networks, inside and outside services, and take time" in flowing


@pytest.mark.parametrize("columns", [60, 120])
def test_aggregate_text_follows_columns(columns: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    result = CliRunner().invoke(app, ["aggregate", str(WORKSHOP), "-b", str(BANK_PATH)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert lines[1].startswith("Summary")
    assert lines[2].startswith("Verdict: Everyone: ")


def test_a_file_gets_the_usual_width_whatever_the_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    target = tmp_path / "report.txt"
    assert CliRunner().invoke(app, ["score", str(EXAMPLE), "-o", str(target)]).exit_code == 0
    widest = max(len(line) for line in target.read_text(encoding="utf-8").splitlines())
    assert 90 < widest <= 100
