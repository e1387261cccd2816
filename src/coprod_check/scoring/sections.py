"""Section scores and statuses: 100 x the weighted mean of the answered questions' values."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from coprod_check.bank.model import Bank, Consequence, Section, Thresholds
from coprod_check.scoring.answers import ScoredAnswer
from coprod_check.scoring.citations import cite
from coprod_check.scoring.numbers import (
    HALF,
    as_float,
    exact,
    format_percent,
    format_score,
    plain,
    rounded,
    share,
)
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


def counted(items: Sequence[ScoredAnswer]) -> list[ScoredAnswer]:
    """The items that count towards a score: optional ("may include") indicators do not."""
    return [item for item in items if not item.question.optional]


def any_status(items: Sequence[ScoredAnswer], min_answered: float) -> StatusId:
    """Rule ``any``: met as soon as one answered item holds (value at least one half); not met
    when none holds and enough are answered; unknown otherwise."""
    answered = [item for item in items if item.value is not None]
    if any(item.value is not None and item.value >= HALF for item in answered):
        return "met"
    if answered and share(len(answered), len(items)) >= exact(min_answered):
        return "not-met"
    return "unknown"


def score_section(bank: Bank, section: Section, items: Sequence[ScoredAnswer]) -> SectionResult:
    """One section's result; ``items`` are the scored answers of exactly this section.

    An ``approach`` section has no score: it says which relationship fits, and the bank's
    approaches read its answers one by one.
    """
    thresholds = thresholds_for(bank, section)
    scored = counted(items)
    answered = sum(1 for item in scored if item.answered)
    total = len(scored)
    if section.role == "approach":
        score: Fraction | None = None
        status: StatusId = "unknown"
    elif section.rule == "any":
        # separate, sufficient reasons: a mean would say nothing, so there is no score
        score = None
        status = any_status(scored, bank.min_answered)
    else:
        score = weighted_score(scored)
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
    if section.role == "approach":
        return (
            "This section has no score: each answer says whether voice, choice or co-production "
            "is the relationship this work needs, and the verdict names the one that fits."
        )
    optional = [item.question.id for item in items if item.question.optional]
    note = (
        f" Not counted (optional indicators a source says a level 'may include'): "
        f"{', '.join(optional)}."
        if optional
        else ""
    )
    return _explain_counted(bank, section, counted(items), score, status, thresholds) + note


def _explain_counted(
    bank: Bank,
    section: Section,
    items: Sequence[ScoredAnswer],
    score: Fraction | None,
    status: StatusId,
    thresholds: Thresholds,
) -> str:
    answered = [item for item in items if item.value is not None]
    whose = "this section's own" if section.thresholds else f"the thresholds of bank {bank.id!r}"
    rule = (
        f"met at {format_score(thresholds.met)}, partly met at "
        f"{format_score(thresholds.partly_met)} ({whose})"
    )
    counted = (
        f"{len(answered)} of {len(items)} questions answered "
        f"({format_percent(share(len(answered), len(items)))})"
    )
    if score is None:
        return f"{counted}; no score without answers, so the status is unknown."
    terms = ", ".join(
        f"{item.question.id}={plain(item.value)}"
        + (f"×{plain(item.question.weight)}" if item.question.weight != 1 else "")
        + (" (reversed)" if item.question.reverse else "")
        for item in answered
    )
    text = (
        f"{counted}; score = 100 × weighted mean of their values on a 0-1 scale "
        f"[{terms}] = "
        f"{format_score(score, (thresholds.met, thresholds.partly_met))}; {rule}"
    )
    if section.rule == "any":
        holding = [i.question.id for i in answered if i.value is not None and i.value >= HALF]
        text = (
            f"{counted}; each is a separate, sufficient reason, so the section is met as soon as "
            f"one holds (answered in the better half of its scale): "
            f"{', '.join(holding) if holding else 'none holds'}"
        )
        if status == "unknown":
            return f"{text}; too few are answered to say none holds, so the status is unknown."
        return f"{text}; so {status.replace('-', ' ')}."
    if status == "unknown":
        return (
            f"{text}; fewer than {format_percent(bank.min_answered)} of the "
            "questions are answered (the bank's min_answered), so the status is unknown."
        )
    return f"{text}; so {status.replace('-', ' ')}."


def score_text(section: SectionResult, missing: str = "none") -> str:
    """A section's score as people see it, never rounded across its own thresholds."""
    return format_score(section.score, (section.met_at, section.partly_met_at), missing=missing)


def consequence(section: Section, status: str) -> Consequence:
    """What this section's status does to the verdict (bank data, with defaults)."""
    if status == "not-met":
        if section.if_not_met is not None:
            return section.if_not_met
        if section.role == "case" or (section.role == "criterion" and section.decisive):
            return "not-right-approach"
        return "not-yet" if section.role == "criterion" else "none"
    if status == "partly-met":
        if section.if_partly_met is not None:
            return section.if_partly_met
        return "condition" if section.role in ("criterion", "case") else "none"
    return "none"
