"""The case for co-production: Malby's "do do coproduction if" items, in ``case`` sections."""

from __future__ import annotations

from collections.abc import Sequence

from coprod_check.scoring.answers import ScoredAnswer
from coprod_check.scoring.numbers import HALF, as_float, format_score
from coprod_check.scoring.result import CaseResult, SectionResult, StatusId
from coprod_check.scoring.sections import STATUS_ORDER, weighted_score

HOLDS_TEXT = {
    "any": "each is enough on its own; 'Partly true' counts",
    "mean": "answered above the middle of their scale, so 'Partly true' does not count",
}


def _holds(item: ScoredAnswer) -> bool:
    if item.value is None:
        return False
    return item.value >= HALF if item.section.rule == "any" else item.value > HALF


def case_result(
    items: Sequence[ScoredAnswer], sections: Sequence[SectionResult]
) -> CaseResult | None:
    """How many case items hold; None when no bank has a case section.

    In a ``rule: any`` section (Malby's separate, sufficient reasons) an item holds as the
    section's status counts it: at least "Partly true" (value one half or more). In a ``mean``
    section it holds above the middle of its scale ("True", not "Partly true"), so the count
    never reads as more than the partly-met status it sits beside.

    The status is the worst known status of the case sections (one section: its own status).
    """
    case_items = [item for item in items if item.section.role == "case"]
    rule = "any" if any(item.section.rule == "any" for item in case_items) else "mean"
    case_sections = [section for section in sections if section.role == "case"]
    if not case_items:
        return None
    answered = [item for item in case_items if item.value is not None]
    holding = [item for item in answered if _holds(item)]
    score = weighted_score(case_items)
    known = [section.status for section in case_sections if section.status != "unknown"]
    status: StatusId = min(known, key=STATUS_ORDER.index) if known else "unknown"
    held = ", ".join(item.question.id for item in holding) or "none"
    explanation = (
        f"{len(holding)} of {len(case_items)} reasons to co-produce hold ({HOLDS_TEXT[rule]}: "
        f"{held}); {len(answered)} answered. Score {format_score(score, missing='none')}; status "
        f"{status.replace('-', ' ')}"
        + (" (the worst of the case sections)." if len(case_sections) > 1 else ".")
    )
    return CaseResult(
        holds=len(holding),
        answered=len(answered),
        total=len(case_items),
        score=as_float(score) if score is not None else None,
        status=status,
        explanation=explanation,
    )
