"""Red flags and recommendations across points: matched by bank and question id, each with its
story (still open, resolved, acted on, new, or gone only because the question went unanswered)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coprod_check.compare.comparability import QuestionKey
from coprod_check.compare.result import (
    FlagStatus,
    FlagTrend,
    ItemRef,
    RecommendationStatus,
    RecommendationTrend,
)
from coprod_check.scoring.result import RecommendationItem, RedFlagHit, Result

FlagKey = tuple[str, str, str]  # (bank id, question id, severity)


def flags_of(result: Result, common: frozenset[QuestionKey] | None) -> dict[FlagKey, RedFlagHit]:
    return {
        (hit.bank_id, hit.question_id, hit.severity): hit
        for hit in result.red_flags
        if common is None or (hit.bank_id, hit.question_id) in common
    }


def recommendations_of(
    result: Result, common: frozenset[QuestionKey] | None
) -> dict[QuestionKey, RecommendationItem]:
    items: dict[QuestionKey, RecommendationItem] = {}
    for item in result.recommendations:
        key = (item.bank_id, item.question_id)
        if (common is None or key in common) and key not in items:
            items[key] = item
    return items


def flag_ref(hit: RedFlagHit) -> ItemRef:
    return ItemRef(bank_id=hit.bank_id, question_id=hit.question_id, text=hit.message)


def rec_ref(item: RecommendationItem) -> ItemRef:
    return ItemRef(bank_id=item.bank_id, question_id=item.question_id, text=item.text)


def _answered(result: Result, key: QuestionKey) -> bool:
    for section in result.sections:
        for trace in section.answers:
            if (trace.bank_id, trace.question_id) == key:
                return trace.value is not None
    return False


@dataclass(frozen=True, slots=True)
class _Presence:
    present: list[bool]
    status_present: str  # "new" or "open" when present at the last point
    since: int | None


def _presence(present: list[bool]) -> _Presence:
    if not present[-1]:
        return _Presence(present, "", None)
    since = len(present)
    while since > 1 and present[since - 2]:
        since -= 1
    return _Presence(present, "open" if present[-2] else "new", since)


def flag_trends(
    results: Sequence[Result], common: frozenset[QuestionKey] | None
) -> list[FlagTrend]:
    per_point = [flags_of(result, common) for result in results]
    keys = list(dict.fromkeys(key for flags in per_point for key in flags))
    trends: list[FlagTrend] = []
    for key in keys:
        presence = _presence([key in flags for flags in per_point])
        latest = next(flags[key] for flags in reversed(per_point) if key in flags)
        status: FlagStatus
        if presence.status_present == "open":
            status = "open"
        elif presence.status_present == "new":
            status = "new"
        elif _answered(results[-1], key[:2]):
            status = "resolved"
        else:
            status = "unanswered"
        trends.append(
            FlagTrend(
                severity=latest.severity,
                bank_id=latest.bank_id,
                question_id=latest.question_id,
                statement=latest.statement,
                message=latest.message,
                present=presence.present,
                status=status,
                since=presence.since,
            )
        )
    severity_rank = {"blocker": 0, "caution": 1}
    status_rank = {"new": 0, "open": 1, "unanswered": 2, "resolved": 3}
    trends.sort(key=lambda t: (status_rank[t.status], severity_rank[t.severity]))
    return trends


def recommendation_trends(
    results: Sequence[Result], common: frozenset[QuestionKey] | None
) -> list[RecommendationTrend]:
    per_point = [recommendations_of(result, common) for result in results]
    keys = list(dict.fromkeys(key for items in per_point for key in items))
    trends: list[RecommendationTrend] = []
    for key in keys:
        presence = _presence([key in items for items in per_point])
        latest = next(items[key] for items in reversed(per_point) if key in items)
        status: RecommendationStatus
        if presence.status_present == "open":
            status = "still-open"
        elif presence.status_present == "new":
            status = "new"
        elif _answered(results[-1], key):
            status = "acted-on"
        else:
            status = "unanswered"
        trends.append(
            RecommendationTrend(
                bank_id=latest.bank_id,
                question_id=latest.question_id,
                text=latest.text,
                citation=latest.citation,
                present=presence.present,
                status=status,
                since=presence.since,
            )
        )
    # Open ones in the latest point's rank order, then the others as first met.
    last = list(per_point[-1])
    status_rank = {"new": 0, "still-open": 0, "unanswered": 1, "acted-on": 2}
    trends.sort(
        key=lambda t: (
            status_rank[t.status],
            last.index((t.bank_id, t.question_id))
            if (t.bank_id, t.question_id) in per_point[-1]
            else 0,
        )
    )
    return trends
