"""The numbers and words every report shares: status, role and confidence words, how a score is
rounded for people, bars of block characters. One home, so that score, aggregate and compare
reports say and round the same things the same way."""

from __future__ import annotations

from collections.abc import Sequence

BAR_WIDTH = 20

STATUS_WORDS = {
    "met": "Met",
    "partly-met": "Partly met",
    "not-met": "Not met",
    "unknown": "Unknown",
}
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


def format_score(score: float | None, thresholds: Sequence[float] = ()) -> str:
    """A 0-100 score for people: whole numbers stay whole, others show one decimal.

    Give the ``thresholds`` the score is judged against and it is never shown on the wrong side
    of one: 74.96 against 75 shows as 74.96, not 75.
    """
    if score is None:
        return "–"
    for digits in range(1, 7):
        rounded = round(score, digits)
        if all((score < threshold) == (rounded < threshold) for threshold in thresholds):
            break
    else:
        return repr(score)  # exact: only reached for thresholds with many decimals
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.{digits}f}".rstrip("0")


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


def percent(fraction: float) -> str:
    return f"{round(fraction * 100)}%"
