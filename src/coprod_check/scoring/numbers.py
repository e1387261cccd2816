"""Exact arithmetic for scores, so a score of exactly 75 is never 74.99999 and misses "met".

Bank numbers are decimals written in YAML; turning ``str(float)`` into a ``Fraction`` keeps the
decimal the author wrote (0.1 stays one tenth). Scores are rounded to two decimals *before* they
are compared with thresholds, so the number a user sees is the number that was compared.
"""

from __future__ import annotations

from fractions import Fraction

HALF = Fraction(1, 2)


def exact(number: float | int) -> Fraction:
    """The decimal the bank author wrote, exactly."""
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


def percent(part: int, whole: int) -> str:
    """``part / whole`` as a whole percentage for explanations ("63%")."""
    return f"{round(float(share(part, whole)) * 100)}%"


def share_text(fraction: float) -> str:
    """A bank share such as ``min_answered`` (0.5) as a percentage ("50%")."""
    return f"{round(fraction * 100, 1):g}%"


def show(score: Fraction | float | None) -> str:
    """A score for explanations: ``62.5``, ``75`` or ``none``."""
    if score is None:
        return "none"
    text = f"{float(score):.2f}".rstrip("0").rstrip(".")
    return text or "0"
