"""Each group's "N of M questions" counts the same questions on both sides: a workshop that
also answers the opt-in profile bank (still-genuine) read "103 of 84 questions"."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from coprod_check.cli import app
from print_samples import workshop


def test_answered_never_exceeds_the_questions_counted(tmp_path: Path) -> None:
    csv = workshop(tmp_path / "workshop.csv")
    result = CliRunner().invoke(app, ["aggregate", str(csv), "-f", "json"])
    assert result.exit_code in (0, 1), result.stderr
    outcomes = json.loads(result.stdout)["outcomes"]
    # The profile questions are answered too, so the raw count is larger than the total...
    assert any(item["answered_questions"] > item["confidence"]["total"] for item in outcomes)
    text = CliRunner().invoke(app, ["aggregate", str(csv), "-f", "markdown"]).stdout
    for item in outcomes:
        confidence = item["confidence"]
        # ...but the report counts the answered questions the confidence counts.
        assert f"{confidence['answered']} of {confidence['total']} questions" in text
        assert confidence["answered"] <= confidence["total"]
    assert (
        f"{outcomes[0]['answered_questions']} of {outcomes[0]['confidence']['total']}" not in text
    )
