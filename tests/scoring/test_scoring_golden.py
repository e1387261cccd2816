"""Each example answers file, scored against the bundled banks, gives exactly its golden text,
markdown and JSON reports (tests/golden/examples/<example>.txt, .md, .json), and the verdict and
level its header comment promises.

After a deliberate change to the banks, the engine or the reporters, regenerate the golden files
with ``.venv/bin/pytest --update-golden tests/scoring/test_scoring_golden.py`` and review the diff.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import updating_golden
from coprod_check.cli import app

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).parents[1] / "golden" / "examples"
FORMATS = {"json": "json", "text": "txt", "markdown": "md"}

#: What each example is written to show: (verdict, level, confidence).
PROMISES: dict[str, tuple[str, str | None, str]] = {
    "borough-wide-redesign": ("not-right-approach", "descriptive", "high"),
    "neighbourhood-peer-support": ("ready-with-conditions", "transformative", "high"),
    "consults-but-decides": ("not-right-approach", "descriptive", "high"),
    "many-dont-knows": ("insufficient-answers", None, "insufficient"),
}


def examples() -> list[Path]:
    return sorted(EXAMPLES.glob("*.yaml"))


def scored(example: Path, fmt: str = "json") -> str:
    result = CliRunner().invoke(
        app, ["score", str(example), "--format", fmt], env={"NO_COLOR": "1", "COLUMNS": "100"}
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def test_every_example_is_promised_and_golden(request: pytest.FixtureRequest) -> None:
    names = {path.stem for path in examples()}
    assert names == set(PROMISES)
    for suffix in FORMATS.values():
        found = {path.stem for path in GOLDEN.glob(f"*.{suffix}")}
        assert names == found or updating_golden(request.config)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("example", examples(), ids=lambda path: path.stem)
def test_example_matches_its_golden_report(
    example: Path, fmt: str, golden: Callable[[str | Path, str], None]
) -> None:
    golden(GOLDEN / f"{example.stem}.{FORMATS[fmt]}", scored(example, fmt))


@pytest.mark.parametrize("example", examples(), ids=lambda path: path.stem)
def test_example_keeps_its_promise(example: Path) -> None:
    result = json.loads(scored(example))
    verdict, level, confidence = PROMISES[example.stem]
    assert result["verdict"]["id"] == verdict
    assert result["level"]["id"] == level
    assert result["confidence"]["label"] == confidence


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
            "sensitivity",
        }
