"""The one rounding rule: every score and percentage a person sees goes through format_score."""

from __future__ import annotations

import re
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coprod_check.render import words
from coprod_check.scoring.numbers import format_percent, format_score, plain

GOLDEN = Path(__file__).parent.parent / "golden"


@pytest.mark.parametrize(
    ("score", "thresholds", "shown"),
    [
        (38.888, (), "38.9"),
        (75.0, (), "75"),
        (Fraction(175, 4), (), "43.8"),
        (74.96, (75,), "74.96"),
        (74.96, (), "75"),
        (None, (), "–"),
    ],
)
def test_format_score(score: float | None, thresholds: tuple[float, ...], shown: str) -> None:
    assert format_score(score, thresholds) == shown


def test_a_missing_score_in_a_sentence_reads_none() -> None:
    assert format_score(None, missing="none") == "none"


@pytest.mark.parametrize(
    ("fraction", "thresholds", "shown"),
    [
        (Fraction(7, 11), (), "63.6%"),
        (Fraction(1, 2), (), "50%"),
        (1, (), "100%"),
        (0.7996, (0.8,), "79.96%"),
        (0.7996, (), "80%"),
    ],
)
def test_format_percent(fraction: float, thresholds: tuple[float, ...], shown: str) -> None:
    assert format_percent(fraction, thresholds) == shown


@given(st.fractions(min_value=0, max_value=1), st.fractions(min_value=0, max_value=1))
def test_a_percentage_never_reads_across_its_threshold(share: Fraction, limit: Fraction) -> None:
    shown = float(format_percent(share, (limit,)).rstrip("%"))
    assert (shown < float(limit) * 100) == (float(share) < float(limit))


def test_answer_values_keep_two_decimals() -> None:
    assert [plain(v) for v in (0.25, 1.0, 1.5, 0.0, None)] == ["0.25", "1", "1.5", "0", "none"]


def test_reports_use_the_same_function() -> None:
    """render.words offers the rule; it is the scoring module's function, not a copy."""
    assert words.format_score is format_score
    assert words.format_percent is format_percent


def test_no_golden_report_shows_a_score_with_two_decimals() -> None:
    """Explanations and tables agree: a score written "Score 44.44" or "= 33.33" beside a table
    showing 44.4 was the inconsistency issue 9 names. Answer values (0.25) are not scores."""
    pattern = re.compile(r"(?:Score|score|indicators|=) (\d{2,3}\.\d{2})\b")
    found = {
        path.name: pattern.findall(path.read_text(encoding="utf-8"))
        for path in sorted(GOLDEN.rglob("*"))
        if path.suffix in (".txt", ".md", ".html") or path.name.endswith(".json")
    }
    assert {name: hits for name, hits in found.items() if hits} == {}
