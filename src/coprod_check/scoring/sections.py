"""Section scores and statuses: 100 x the weighted mean of the answered questions' values."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from coprod_check.bank.model import Bank, Section, Thresholds
from coprod_check.scoring.answers import ScoredAnswer
from coprod_check.scoring.citations import cite
from coprod_check.scoring.numbers import as_float, exact, percent, rounded, share, share_text, show
from coprod_check.scoring.result import SectionResult, StatusId

#: Worst first, for "the worst status among these sections".
STATUS_ORDER: tuple[StatusId, ...] = ("not-met", "partly-met", "met")


def thresholds_for(bank: Bank, section: Section) -> Thresholds:
    """The section's own thresholds, or the bank's."""
    return section.thresholds or bank.thresholds


def weighted_score(items: Sequence[ScoredAnswer]) -> Fraction | None:
    """100 x weighted mean of the answered items' values, rounded; None when none answered."""
    answered = [item for item in items if item.value is not None]
    total_weight = sum((item.weight for item in answered), Fraction(0))
    if not answered or total_weight <= 0:
        return None
    weighted = sum(
        (item.weight * item.value for item in answered if item.value is not None), Fraction(0)
    )
    return rounded(100 * weighted / total_weight)


def status_of(
    score: Fraction | None, answered: int, total: int, thresholds: Thresholds, min_answered: float
) -> StatusId:
    """met / partly-met / not-met by thresholds; unknown when too few questions are answered."""
    if score is None or answered == 0 or share(answered, total) < exact(min_answered):
        return "unknown"
    if score >= exact(thresholds.met):
        return "met"
    if score >= exact(thresholds.partly_met):
        return "partly-met"
    return "not-met"


def score_section(bank: Bank, section: Section, items: Sequence[ScoredAnswer]) -> SectionResult:
    """One section's result; ``items`` are the scored answers of exactly this section."""
    thresholds = thresholds_for(bank, section)
    answered = sum(1 for item in items if item.answered)
    total = len(items)
    score = weighted_score(items)
    status = status_of(score, answered, total, thresholds, bank.min_answered)
    return SectionResult(
        bank_id=bank.id,
        section_id=section.id,
        title=section.title,
        role=section.role,
        score=as_float(score) if score is not None else None,
        answered=answered,
        total=total,
        status=status,
        met_at=thresholds.met,
        partly_met_at=thresholds.partly_met,
        citation=cite(bank, section.citation),
        answers=[item.trace() for item in items],
        explanation=_explain(bank, section, items, score, status, thresholds),
    )


def _explain(
    bank: Bank,
    section: Section,
    items: Sequence[ScoredAnswer],
    score: Fraction | None,
    status: StatusId,
    thresholds: Thresholds,
) -> str:
    answered = [item for item in items if item.value is not None]
    whose = "this section's own" if section.thresholds else f"the thresholds of bank {bank.id!r}"
    rule = f"met at {show(thresholds.met)}, partly met at {show(thresholds.partly_met)} ({whose})"
    counted = (
        f"{len(answered)} of {len(items)} questions answered ({percent(len(answered), len(items))})"
    )
    if score is None:
        return f"{counted}; no score without answers, so the status is unknown."
    terms = ", ".join(
        f"{item.question.id}={show(float(item.value) if item.value is not None else None)}"
        + (f"×{show(item.question.weight)}" if item.question.weight != 1 else "")
        + (" (reversed)" if item.question.reverse else "")
        for item in answered
    )
    text = (
        f"{counted}; score = 100 × weighted mean of their values on a 0-1 scale "
        f"[{terms}] = {show(score)}; {rule}"
    )
    if status == "unknown":
        return (
            f"{text}; fewer than {share_text(bank.min_answered)} of the "
            "questions are answered (the bank's min_answered), so the status is unknown."
        )
    return f"{text}; so {status.replace('-', ' ')}."
