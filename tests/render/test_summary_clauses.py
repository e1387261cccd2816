"""The first page's "Why" cuts an engine sentence to its opening clause: never inside brackets
or quotes, without the source and remedy the appendix gives, and never mid-sentence."""

from __future__ import annotations

import pytest

from coprod_check.render.summary.build import _first_clause, _why


@pytest.mark.parametrize(
    ("text", "first"),
    [
        (
            "“Aims” is partly met (score 50; met at 75, partly met at 40): you answered “No” "
            "to “A; B”; in its favour, “Yes” to “C”. Source: Steve Inett. What to do: agree.",
            "“Aims” is partly met (score 50; met at 75, partly met at 40): you answered “No” "
            "to “A; B”",
        ),
        (
            "Voice fits: you answered “No” to “A.”; you answered “No” to “A.”",
            "Voice fits: you answered “No” to “A.”",
        ),
        ("Nothing blocks co-production. Source: Malby.", "Nothing blocks co-production"),
    ],
)
def test_the_first_clause(text: str, first: str) -> None:
    assert _first_clause(text) == first


def test_why_says_how_many_more_reasons_the_detail_has() -> None:
    assert _why(["A; b", "C"], ["D (x; y)"]) == "A. D (x; y). (1 more in the detail.)"
    assert _why([], []) == "No rule raised a concern."
