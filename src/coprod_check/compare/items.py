"""Red flags and recommendations across points: matched by bank and question id, each with its
story (still open, resolved, acted on, new, or gone only because the question went unanswered)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

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
K = TypeVar("K", bound=Hashable)
T = TypeVar("T")
S = TypeVar("S", bound=str)


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


def across_points(per_point: Sequence[dict[K, T]]) -> Iterator[tuple[K, T]]:
    """Each key met at any point, in the order first met, with its form at the latest point
    that has it (its wording and citation as they are now)."""
    for key in dict.fromkeys(key for items in per_point for key in items):
        yield key, next(items[key] for items in reversed(per_point) if key in items)


def _stories(
    results: Sequence[Result],
    per_point: Sequence[dict[K, T]],
    question: Callable[[K], QuestionKey],
    words: tuple[S, S, S, S],
) -> Iterator[tuple[T, _Presence, S]]:
    """Each item with its latest form, where it was present, and its status in ``words``: open
    (present at the last two points), new (present at the last only), gone with its question
    answered at the last point, or gone because it went unanswered."""
    for key, latest in across_points(per_point):
        presence = _presence([key in items for items in per_point])
        if presence.status_present == "open":
            status = words[0]
        elif presence.status_present == "new":
            status = words[1]
        elif _answered(results[-1], question(key)):
            status = words[2]
        else:
            status = words[3]
        yield latest, presence, status


_FLAG_WORDS: tuple[FlagStatus, FlagStatus, FlagStatus, FlagStatus] = (
    "open",
    "new",
    "resolved",
    "unanswered",
)
_RECOMMENDATION_WORDS: tuple[
    RecommendationStatus, RecommendationStatus, RecommendationStatus, RecommendationStatus
] = ("still-open", "new", "acted-on", "unanswered")


def flag_trends(
    results: Sequence[Result], common: frozenset[QuestionKey] | None
) -> list[FlagTrend]:
    per_point = [flags_of(result, common) for result in results]
    trends = [
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
        for latest, presence, status in _stories(
            results, per_point, lambda key: key[:2], _FLAG_WORDS
        )
    ]
    severity_rank = {"blocker": 0, "caution": 1}
    status_rank = {"new": 0, "open": 1, "unanswered": 2, "resolved": 3}
    trends.sort(key=lambda t: (status_rank[t.status], severity_rank[t.severity]))
    return trends


def recommendation_trends(
    results: Sequence[Result], common: frozenset[QuestionKey] | None
) -> list[RecommendationTrend]:
    per_point = [recommendations_of(result, common) for result in results]
    trends = [
        RecommendationTrend(
            bank_id=latest.bank_id,
            question_id=latest.question_id,
            text=latest.text,
            citation=latest.citation,
            present=presence.present,
            status=status,
            since=presence.since,
        )
        for latest, presence, status in _stories(
            results, per_point, lambda key: key, _RECOMMENDATION_WORDS
        )
    ]
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
