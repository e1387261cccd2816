"""The numbers and words every report shares: status, role and confidence words, how a score or
percentage is rounded for people (the rule lives in ``scoring.numbers``, which explanations use
too), bars of block characters. One home, so that score, aggregate and compare reports say and
round the same things the same way."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from coprod_check.scoring.numbers import format_percent, format_score

if TYPE_CHECKING:
    from coprod_check.scoring import result, result_schema

    BankInfo = result.BankInfo | result_schema.BankInfo  # a score's, or an aggregate's

__all__ = [
    "BAR_WIDTH",
    "CONFIDENCE_WORDS",
    "LEVEL_WORDS",
    "ROLE_GROUPS",
    "ROLE_WORDS",
    "SEVERITY_WORDS",
    "STATUS_WORDS",
    "banks_text",
    "format_percent",
    "format_score",
    "format_value",
    "format_weight",
    "text_bar",
]

BAR_WIDTH = 20

STATUS_WORDS = {
    "met": "Met",
    "partly-met": "Partly met",
    "not-met": "Not met",
    "unknown": "Unknown",
}
SEVERITY_WORDS = {"blocker": "Blocker", "caution": "Caution"}
#: Whether a Needham & Carr level is reached (its indicator score against the score it needs).
LEVEL_WORDS = {"reached": "Reached", "not-reached": "Not reached", "not-assessed": "Not assessed"}
#: Headings for groups of sections, in the order reports show them.
ROLE_GROUPS = {
    "criterion": "Criteria",
    "case": "Reasons to co-produce",
    "cautions": "Reasons for caution",
    "level": "Level indicators",
    "approach": "Which approach fits",
}
ROLE_WORDS = {
    "criterion": "Criterion",
    "case": "Reason to co-produce",
    "cautions": "Reason for caution",
    "level": "Level indicators",
    "approach": "Approach",
    "profile": "Profile",
}
CONFIDENCE_WORDS = {
    "high": "high",
    "medium": "medium",
    "low": "low",
    "insufficient": "insufficient (too few answers)",
}


def banks_text(banks: Sequence[BankInfo]) -> str:
    """The banks a result used, as every report names them: ``Title (id version); ...``."""
    return "; ".join(f"{bank.title} ({bank.id} {bank.version})" for bank in banks)


def format_value(value: float | None) -> str:
    """A 0-1 answer value, two decimals; a dash when it counts as unanswered."""
    return "–" if value is None else f"{value:.2f}"


def format_weight(weight: float) -> str:
    return str(int(weight)) if weight == int(weight) else f"{weight:g}"


def text_bar(score: float | None, width: int = BAR_WIDTH) -> str:
    """A bar of block characters for a 0-100 score; dots when there is no score."""
    if score is None:
        return "·" * width
    filled = round(max(0.0, min(100.0, score)) / 100 * width)
    return "█" * filled + "░" * (width - filled)
