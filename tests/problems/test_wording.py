"""The shared wording helpers: one way to count, shorten, quote and guess in every message."""

from __future__ import annotations

import pytest

from coprod_check.problems import more_problems
from coprod_check.problems.wording import closest, describe_value, plural, quote, shorten


@pytest.mark.parametrize(
    ("count", "noun", "many", "thousands", "text"),
    [
        (1, "file", None, False, "1 file"),
        (0, "file", None, False, "0 files"),
        (2, "recommendation", None, False, "2 recommendations"),
        (3, "day", "days", False, "3 days"),
        (2, "analysis", "analyses", False, "2 analyses"),
        (12345, "respondent", None, True, "12,345 respondents"),
        (12345, "respondent", None, False, "12345 respondents"),
    ],
)
def test_plural(count: int, noun: str, many: str | None, thousands: bool, text: str) -> None:
    assert plural(count, noun, many, thousands=thousands) == text


def test_more_problems_counts_with_plural() -> None:
    assert more_problems("a.yaml", 1) == ""
    assert more_problems("a.yaml", 2).startswith(" (and 1 more problem;")
    assert more_problems("a.yaml", 4).startswith(" (and 3 more problems;")


def test_shorten_keeps_short_text_and_cuts_long_text_to_the_limit() -> None:
    assert shorten("abc", 5) == "abc"
    assert shorten("x" * 100, 40) == "x" * 37 + "..."
    assert len(shorten("x" * 100, 40)) == 40


def test_describe_value_shortens_long_text_the_same_way() -> None:
    assert describe_value("y" * 100) == f"text '{'y' * 57}...'"


def test_quote_and_closest() -> None:
    assert quote("name") == "'name'"
    assert quote("it's") == '"it\'s"'
    assert closest("sectoins", ["sections", "sources"]) == "sections"
    assert closest("zzz", ["sections"]) is None
