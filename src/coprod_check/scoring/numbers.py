"""Exact arithmetic for scores, and the one rule for showing a score or percentage to people.

Bank numbers are decimals written in YAML; turning ``str(float)`` into a ``Fraction`` keeps the
decimal the author wrote (0.1 stays one tenth). Scores are rounded to two decimals *before* they
are compared with thresholds, and results (JSON, CSV) carry those two decimals. People see every
score and percentage through :func:`format_score` (one decimal, and never on the wrong side of
a threshold), in every report, format and explanation, so one page never says "38.89" beside
"38.9".
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from fractions import Fraction

HALF = Fraction(1, 2)


@functools.lru_cache(maxsize=4096, typed=True)
def exact(number: float | int) -> Fraction:
    """The decimal the bank author wrote, exactly. Remembered: a bank has few distinct numbers
    and a score asks for each many times (every option's value for every question), where
    reading a Fraction from text takes a regular expression."""
    return Fraction(str(number))


def rounded(score: Fraction) -> Fraction:
    """A 0-100 score rounded to two decimals (half to even, like Python's ``round``)."""
    return round(score, 2)


def as_float(number: Fraction, digits: int = 2) -> float:
    """A float for the result, rounded for stable JSON."""
    return round(float(number), digits)


def share(part: int, whole: int) -> Fraction:
    """``part / whole``, 0 when there is nothing to share."""
    return Fraction(part, whole) if whole else Fraction(0)


def format_score(
    score: Fraction | float | None,
    thresholds: Sequence[Fraction | float] = (),
    *,
    missing: str = "–",
) -> str:
    """A 0-100 score for people: whole numbers stay whole, others show one decimal; ``missing``
    (a dash in tables, "none" in sentences) when there is no score.

    Give the ``thresholds`` the score is judged against and it is never shown on the wrong side
    of one: 74.96 against 75 shows as 74.96, not 75.
    """
    if score is None:
        return missing
    value = float(score)
    limits = [float(threshold) for threshold in thresholds]
    for digits in range(1, 7):
        rounded = round(value, digits)
        if all((value < limit) == (rounded < limit) for limit in limits):
            break
    else:
        return repr(value)  # exact: only reached for thresholds with many decimals
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.{digits}f}".rstrip("0")


def format_percent(fraction: Fraction | float, thresholds: Sequence[Fraction | float] = ()) -> str:
    """A 0-1 share as a percentage, by the same rule as scores: 7 of 11 is "63.6%"; against a
    threshold of 0.8, 0.7996 is "79.96%", never "80%"."""
    return format_score(float(fraction) * 100, [float(t) * 100 for t in thresholds]) + "%"


def plain(number: Fraction | float | None) -> str:
    """An answer value (0-1) or a weight in an explanation: ``0.25``, ``1``, ``1.5``; ``none``."""
    if number is None:
        return "none"
    text = f"{float(number):.2f}".rstrip("0").rstrip(".")
    return text or "0"
