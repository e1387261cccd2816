"""Points in time -> :class:`CompareResult`: what moved across improvement cycles.

Pure and deterministic: no files, no printing. The Model for Improvement asks "how will we
know that a change is an improvement?" (Langley et al. 2009, *The Improvement Guide*); this
answers it for a team's own assessments, cycle by cycle:

- time order: by the respondent dates every input carries, else the order given;
- each step (point i -> i+1) compares level, verdict, red flags and recommendations;
- a regression is a level that drops, a verdict that worsens or a blocker red flag that
  appears; ``regressions`` holds those of the latest step, which is what a CI check asks about;
- red flags and recommendations are matched by bank and question id; one that disappears only
  because its question went unanswered is reported as such, never as resolved or acted on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from itertools import pairwise

from coprod_check.compare.comparability import QuestionKey, check
from coprod_check.compare.groups import group_trends
from coprod_check.compare.items import (
    across_points,
    flag_ref,
    flag_trends,
    flags_of,
    rec_ref,
    recommendation_trends,
    recommendations_of,
)
from coprod_check.compare.point import Point
from coprod_check.compare.result import (
    Change,
    CompareResult,
    CriterionTrend,
    Direction,
    Order,
    PointInfo,
    StepChange,
)
from coprod_check.errors import UsageError
from coprod_check.plan.model import Plan
from coprod_check.plan.progress import plan_progress
from coprod_check.problems.wording import plural
from coprod_check.scoring.result import (
    VERDICT_ORDER,
    LevelResult,
    Result,
    SectionResult,
    StatusId,
)


def compare(
    points: Sequence[Point],
    *,
    allow_bank_change: bool = False,
    tool_version: str,
    plans: Sequence[tuple[str, Plan]] = (),
) -> CompareResult:
    """Compare two or more results; see the module docstring for the rules. Each of ``plans``
    (its file name and the plan) is lined up with the cycles between the points in time order
    (:mod:`coprod_check.plan.progress`)."""
    if len(points) < 2:
        raise UsageError("compare needs at least two inputs (earlier and later assessments)")
    ordered, order, order_note = _in_time_order(points)
    checked = check(ordered, allow=allow_bank_change)
    common = checked.common if checked.comparability.bank_changed else None
    results = [point.result for point in ordered]
    infos = [_point_info(index, point) for index, point in enumerate(ordered, start=1)]
    flags = flag_trends(results, common)
    recommendations = recommendation_trends(results, common)
    steps = [
        _step(infos[i], infos[i + 1], results[i], results[i + 1], common)
        for i in range(len(ordered) - 1)
    ]
    criteria = _criteria(results, common)
    result = CompareResult(
        tool_version=tool_version,
        order=order,
        order_note=order_note,
        points=infos,
        steps=steps,
        criteria=criteria,
        red_flags=flags,
        recommendations=recommendations,
        comparability=checked.comparability,
        groups=group_trends(ordered),
        regressions=steps[-1].regressions,
        summary="",
    )
    progress = [plan_progress(plan, path, results, common) for path, plan in plans]
    return result.model_copy(update={"summary": _summary(result), "plans": progress})


# -- order -------------------------------------------------------------------------------------


def _date(point: Point) -> dt.date | None:
    text = point.result.respondent.date
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _in_time_order(points: Sequence[Point]) -> tuple[list[Point], Order, str]:
    dates = [_date(point) for point in points]
    undated = [point.label for point, date in zip(points, dates, strict=True) if date is None]
    if undated:
        which = ", ".join(undated)
        verb = "carries" if len(undated) == 1 else "carry"
        return (
            list(points),
            "given",
            f"In the order given on the command line: {which} {verb} no respondent date.",
        )
    ranked = sorted(
        range(len(points)), key=lambda i: dates[i] or dt.date.min
    )  # stable: same-day inputs keep the order given
    note = "By the respondent dates the inputs carry, earliest first"
    if ranked != list(range(len(points))):
        note += " (not the order given)"
    return [points[i] for i in ranked], "date", note + "."


# -- points and steps --------------------------------------------------------------------------


def _level_rank(level: LevelResult) -> int | None:
    if level.id is None:
        return None
    if level.id == "none":
        return 0
    for rank, step in enumerate(level.steps, start=1):
        if step.id == level.id:
            return rank
    return None


def _point_info(index: int, point: Point) -> PointInfo:
    result = point.result
    return PointInfo(
        index=index,
        label=point.label,
        kind=point.kind,
        respondents=point.respondents,
        date=result.respondent.date,
        respondent=result.respondent,
        banks=result.banks,
        level_id=result.level.id,
        level_name=result.level.name,
        level_rank=_level_rank(result.level),
        verdict_id=result.verdict.id,
        verdict_label=result.verdict.label,
        confidence=result.confidence,
    )


def _direction(before: float | None, after: float | None) -> Direction:
    if before is None or after is None:
        return "not-comparable"
    if after > before:
        return "better"
    if after < before:
        return "worse"
    return "same"


def _verdict_rank(verdict_id: str) -> int | None:
    return VERDICT_ORDER.index(verdict_id) if verdict_id in VERDICT_ORDER else None


def _step(
    before: PointInfo,
    after: PointInfo,
    old: Result,
    new: Result,
    common: frozenset[QuestionKey] | None,
) -> StepChange:
    level = Change(
        from_id=before.level_id,
        from_label=before.level_name,
        to_id=after.level_id,
        to_label=after.level_name,
        direction=_direction(before.level_rank, after.level_rank),
    )
    old_rank, new_rank = _verdict_rank(before.verdict_id), _verdict_rank(after.verdict_id)
    verdict = Change(
        from_id=before.verdict_id,
        from_label=before.verdict_label,
        to_id=after.verdict_id,
        to_label=after.verdict_label,
        direction=_direction(old_rank, new_rank),
    )
    old_flags, new_flags = flags_of(old, common), flags_of(new, common)
    old_recs, new_recs = recommendations_of(old, common), recommendations_of(new, common)
    regressions: list[str] = []
    if level.direction == "worse":
        regressions.append(f"level dropped from {level.from_label} to {level.to_label}")
    if verdict.direction == "worse":
        regressions.append(f"verdict worsened from {verdict.from_label} to {verdict.to_label}")
    for key, hit in new_flags.items():
        if hit.severity == "blocker" and key not in old_flags:
            regressions.append(f"new blocker: {hit.message} ({hit.bank_id}/{hit.question_id})")
    return StepChange(
        from_point=before.index,
        to_point=after.index,
        level=level,
        verdict=verdict,
        red_flags_resolved=[
            flag_ref(hit) for key, hit in old_flags.items() if key not in new_flags
        ],
        red_flags_new=[flag_ref(hit) for key, hit in new_flags.items() if key not in old_flags],
        recommendations_acted_on=[
            rec_ref(item) for key, item in old_recs.items() if key not in new_recs
        ],
        recommendations_new=[
            rec_ref(item) for key, item in new_recs.items() if key not in old_recs
        ],
        regressions=regressions,
    )


# -- criteria ----------------------------------------------------------------------------------


def _section_at(
    section: SectionResult | None, common: frozenset[QuestionKey] | None
) -> tuple[float | None, StatusId, int]:
    """Score, status and number of compared questions of a section at one point."""
    if section is None:
        return None, "unknown", 0
    if common is None:
        return section.score, section.status, len(section.answers)
    kept = [t for t in section.answers if (t.bank_id, t.question_id) in common]
    if len(kept) == len(section.answers):
        return section.score, section.status, len(kept)
    answered = [t for t in kept if t.value is not None]
    weights = sum(t.weight for t in answered)
    if not answered or weights <= 0:
        return None, "unknown", len(kept)
    score = round(100 * sum(t.weight * (t.value or 0.0) for t in answered) / weights, 2)
    status: StatusId
    if score >= section.met_at:
        status = "met"
    elif score >= section.partly_met_at:
        status = "partly-met"
    else:
        status = "not-met"
    return score, status, len(kept)


def _change(before: float | None, after: float | None) -> float | None:
    """``after - before``, to two decimals like the scores themselves."""
    if before is None or after is None:
        return None
    return round(after - before, 2) + 0.0  # + 0.0 turns -0.0 into 0.0


def _change_direction(change: float | None) -> Direction:
    if change is None:
        return "not-comparable"
    return "better" if change > 0 else "worse" if change < 0 else "same"


def _criteria(
    results: Sequence[Result], common: frozenset[QuestionKey] | None
) -> list[CriterionTrend]:
    per_point = [
        {(section.bank_id, section.section_id): section for section in result.sections}
        for result in results
    ]
    trends: list[CriterionTrend] = []
    for key, latest in across_points(per_point):
        cells = [_section_at(sections.get(key), common) for sections in per_point]
        compared = max(count for _, _, count in cells)
        if common is not None and compared == 0:
            continue  # nothing of this section is shared by every point
        scores = [score for score, _, _ in cells]
        change = _change(scores[0], scores[-1])
        trends.append(
            CriterionTrend(
                bank_id=latest.bank_id,
                section_id=latest.section_id,
                title=latest.title,
                role=latest.role,
                scores=scores,
                statuses=[status for _, status, _ in cells],
                step_changes=[_change(a, b) for a, b in pairwise(scores)],
                change=change,
                direction=_change_direction(change),
                recomputed=common is not None
                and any(
                    sections.get(key) is not None and count != len(sections[key].answers)
                    for sections, (_, _, count) in zip(per_point, cells, strict=True)
                ),
                questions_compared=compared,
                met_at=latest.met_at,
                partly_met_at=latest.partly_met_at,
            )
        )
    return trends


# -- summary -----------------------------------------------------------------------------------


_WORDS: dict[Direction, str] = {
    "better": "better",
    "worse": "worse",
    "same": "no change",
    "not-comparable": "not comparable",
}


def _summary(result: CompareResult) -> str:
    first, last = result.points[0], result.points[-1]
    level = _direction(first.level_rank, last.level_rank)
    verdict = _direction(_verdict_rank(first.verdict_id), _verdict_rank(last.verdict_id))
    directions = [trend.direction for trend in result.criteria]
    flags = [trend.status for trend in result.red_flags]
    recs = [trend.status for trend in result.recommendations]
    parts = [
        f"From point 1 to point {last.index}: level {first.level_name} → {last.level_name} "
        f"({_WORDS[level]}); verdict {first.verdict_label} → {last.verdict_label} "
        f"({_WORDS[verdict]})",
        f"{directions.count('better')} sections better, {directions.count('worse')} worse, "
        f"{directions.count('same')} the same, "
        f"{directions.count('not-comparable')} not comparable",
        f"{plural(flags.count('resolved'), 'red flag')} resolved, "
        f"{flags.count('new')} new, {flags.count('open')} still open",
        f"{plural(recs.count('acted-on'), 'recommendation')} acted on, "
        f"{recs.count('still-open') + recs.count('new')} open",
    ]
    text = "; ".join(parts) + "."
    return text
