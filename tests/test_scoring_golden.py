"""Each example answers file, scored against the bundled banks, gives exactly its golden JSON
(tests/golden/<example>.json), and the verdict and level its header comment promises.

After a deliberate change to the banks or the engine, regenerate the golden files with
``COPROD_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_scoring_golden.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_check.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("COPROD_UPDATE_GOLDEN") == "1"

#: What each example is written to show: (verdicts allowed, levels allowed, confidence).
PROMISES: dict[str, tuple[set[str], set[str | None], set[str]]] = {
    "borough-wide-redesign": ({"not-yet", "not-right-approach"}, {"none", "descriptive"}, {"high"}),
    "neighbourhood-peer-support": ({"ready"}, {"intermediate", "transformative"}, {"high"}),
    "consults-but-decides": (
        {"not-right-approach", "ready-with-conditions"},
        {"descriptive", "none"},
        {"high"},
    ),
    "many-dont-knows": (
        {"insufficient-answers"},
        {None, "none", "descriptive"},
        {"low", "insufficient"},
    ),
}


def examples() -> list[Path]:
    return sorted(EXAMPLES.glob("*.yaml"))


def scored(example: Path) -> str:
    result = CliRunner().invoke(app, ["score", str(example), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_every_example_is_promised_and_golden() -> None:
    names = {path.stem for path in examples()}
    assert names == set(PROMISES)
    assert names == {path.stem for path in GOLDEN.glob("*.json")} or UPDATE


@pytest.mark.parametrize("example", examples(), ids=lambda path: path.stem)
def test_example_matches_its_golden_json(example: Path) -> None:
    text = scored(example)
    golden = GOLDEN / f"{example.stem}.json"
    if UPDATE:
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("example", examples(), ids=lambda path: path.stem)
def test_example_keeps_its_promise(example: Path) -> None:
    result = json.loads(scored(example))
    verdicts, levels, confidence = PROMISES[example.stem]
    assert result["verdict"]["id"] in verdicts
    assert result["level"]["id"] in levels
    assert result["confidence"]["label"] in confidence


def test_golden_json_has_no_date_of_the_run() -> None:
    for golden in GOLDEN.glob("*.json"):
        data = json.loads(golden.read_text(encoding="utf-8"))
        assert set(data) == {
            "result_version",
            "tool_version",
            "banks",
            "respondent",
            "verdict",
            "level",
            "confidence",
            "sections",
            "red_flags",
            "case",
            "recommendations",
        }
