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
    # Words are wrapped whole: the phrases below are found once the lines are joined.
    flowing = " ".join(result.stdout.split())
    verdict = "Verdict: Co-production is not the right approach for this work"
    assert flowing.index("Summary") < flowing.index(verdict) < flowing.index("Detail")
    assert flowing.index("The three most important actions:") < flowing.index(
        "Criteria and sections"
    )
    assert "1. Where running the service is the services' job and you need feedback" in flowing


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


def test_a_real_terminal_sets_the_width_without_columns() -> None:
    """In a pseudo-terminal 72 columns wide (no COLUMNS), the report is drawn 72 wide."""
    import os
    import sys

    import pexpect

    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES")}
    env["NO_COLOR"] = "1"
    command = Path(sys.executable).with_name("coprod-check")
    child = pexpect.spawn(
        str(command), ["score", str(EXAMPLE)], env=env, dimensions=(40, 72), encoding="utf-8"
    )
    child.expect(pexpect.EOF, timeout=120)
    child.close()
    lines = [line.rstrip("\r") for line in str(child.before).split("\n")]
    assert child.exitstatus == 0
    assert 62 < max(len(line) for line in lines) <= 72
