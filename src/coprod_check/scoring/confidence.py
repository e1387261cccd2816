"""How far the result can be trusted: the share of questions answered.

Questions in ``profile`` sections are left out: a profile describes where things stand and is
never part of the verdict, so leaving it blank must not make a verdict less sure (or missing).
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from coprod_check.bank.model import Bank
from coprod_check.scoring.answers import ScoredAnswer
from coprod_check.scoring.numbers import exact, format_percent, share
from coprod_check.scoring.result import Confidence, ConfidenceLabel

HIGH = Fraction(8, 10)
MEDIUM = Fraction(5, 10)


def label_for(fraction: Fraction, min_answered: Fraction) -> ConfidenceLabel:
    """insufficient below min_answered; then high >= 0.8, medium >= 0.5, low below."""
    if fraction < min_answered:
        return "insufficient"
    if fraction >= HIGH:
        return "high"
    if fraction >= MEDIUM:
        return "medium"
    return "low"


def answered_share(fraction: Fraction | float) -> str:
    """The answered share as people see it: "63.6%", never rounded across 80% or 50%."""
    return format_percent(fraction, (HIGH, MEDIUM))


def counted(items: Sequence[ScoredAnswer]) -> list[ScoredAnswer]:
    """The answers that count towards confidence: every question outside ``profile`` sections."""
    return [item for item in items if item.section.role != "profile"]


def short_banks(
    banks: Sequence[Bank], items: Sequence[ScoredAnswer]
) -> list[tuple[Bank, int, int]]:
    """Banks whose own answered share is below their ``min_answered``: (bank, answered, total)."""
    short: list[tuple[Bank, int, int]] = []
    for bank in banks:
        own = [item for item in counted(items) if item.bank.id == bank.id]
        answered = sum(1 for item in own if item.answered)
        if own and share(answered, len(own)) < exact(bank.min_answered):
            short.append((bank, answered, len(own)))
    return short


def confidence(banks: Sequence[Bank], items: Sequence[ScoredAnswer]) -> Confidence:
    """Answered share of every question; insufficient if below the strictest ``min_answered``
    of the banks, or if any one bank is answered below its own ``min_answered``."""
    scored = counted(items)
    total = len(scored)
    answered = sum(1 for item in scored if item.answered)
    fraction = share(answered, total)
    needed = max(
        (exact(bank.min_answered) for bank in banks if any(i.bank is bank for i in scored)),
        default=Fraction(0),
    )
    label = label_for(fraction, needed)
    short = short_banks(banks, items)
    if short or not total:
        label = "insufficient"
    explanation = (
        f"{answered} of {total} questions answered "
        f"({format_percent(fraction, (HIGH, MEDIUM, needed))}); high confidence needs "
        f"{format_percent(HIGH)}, medium {format_percent(MEDIUM)}, and below "
        f"{format_percent(needed)} "
        "(the banks' min_answered) no result is given"
    )
    if not total:
        explanation += "; these banks only describe where things stand (profiles), so no verdict"
    if short:
        explanation += "; too few answered in " + "; ".join(
            f"bank {bank.id!r} ({got} of {of}; it needs {format_percent(bank.min_answered)})"
            for bank, got, of in short
        )
    return Confidence(
        answered=answered,
        total=total,
        fraction=round(float(fraction), 4),
        label=label,
        explanation=f"{explanation}: {label}.",
    )
