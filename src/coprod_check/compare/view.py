"""What a compare report says and in which order, shared by text, markdown and HTML.

The wording (direction words and arrows, score and change formatting) lives here as plain data so
the three human-readable formats tell the same story; each reporter only lays it out. Direction
is always said in words as well as with an arrow, so colour and symbols are never the only signal.
Nothing here imports rich or jinja2.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coprod_check.compare.result import (
    BankChange,
    CompareResult,
    CriterionTrend,
    Direction,
    FlagTrend,
    GroupTrend,
    ItemRef,
    PointInfo,
    RecommendationTrend,
    StepChange,
)
from coprod_check.plan.progress import PlanProgress
from coprod_check.render.words import (
    CONFIDENCE_WORDS,
    ROLE_WORDS,
    SEVERITY_WORDS,
    STATUS_WORDS,
    format_score,
)
from coprod_check.scoring.confidence import answered_share

TITLE = "Progress across improvement cycles"
IMPROVEMENT_QUESTION = (
    'The Model for Improvement asks "How will we know that a change is an improvement?" '
    "(Langley et al. 2009, The Improvement Guide). This report compares the same assessment "
    "at each point of the cycle."
)

DIRECTION_WORDS: dict[Direction, str] = {
    "better": "better",
    "worse": "worse",
    "same": "no change",
    "not-comparable": "not comparable",
}
DIRECTION_ARROWS: dict[Direction, str] = {
    "better": "▲",
    "worse": "▼",
    "same": "=",
    "not-comparable": "?",
}
FLAG_STATUS_WORDS = {
    "resolved": "Resolved",
    "new": "New",
    "open": "Still raised",
    "unanswered": "Question not answered at the last point",
}
RECOMMENDATION_STATUS_WORDS = {
    "acted-on": "Acted on",
    "new": "New",
    "still-open": "Still open",
    "unanswered": "Question not answered at the last point",
}
#: Said whenever a point is an aggregate result, whose own report defines section scores
#: differently (the mean of all answers).
AGGREGATE_SCORES = (
    " Section scores of a workshop (an aggregate result) are here those of everyone's typical "
    "answers (the middle answer to each question, scored like one team's answers file), as its "
    "verdict and level are; the aggregate report's section scores are the mean of all answers, "
    "so the two can differ."
)
KIND_WORDS = {"answers": "answers file", "score": "score result", "aggregate": "aggregate result"}


def shown_change(first: str, last: str) -> str:
    """The change between two scores *as shown* (``+12.5``, ``-3``, ``0``; a dash for none).

    Worked out from the shown numbers, so the page always adds up: 50 then 66.7 is +16.7.
    """
    if "–" in (first, last):
        return "–"
    decimals = max(len(text.partition(".")[2]) for text in (first, last))
    change = round(float(last) - float(first), decimals) + 0.0
    if change == 0:
        return "0"
    text = f"{abs(change):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return ("+" if change > 0 else "-") + text


def direction_text(direction: Direction) -> str:
    """``▲ better``: the arrow and the word together."""
    return f"{DIRECTION_ARROWS[direction]} {DIRECTION_WORDS[direction]}"


def points_text(present: list[bool]) -> str:
    """``1, 3`` (the points at which something was present)."""
    return ", ".join(str(index) for index, here in enumerate(present, start=1) if here) or "none"


@dataclass(frozen=True, slots=True)
class PointRow:
    point: PointInfo
    kind_words: str
    date_text: str
    who_text: str
    level_text: str
    confidence_text: str


@dataclass(frozen=True, slots=True)
class StepRow:
    step: StepChange
    title: str
    level_text: str
    verdict_text: str
    lists: list[tuple[str, list[ItemRef]]]


@dataclass(frozen=True, slots=True)
class CriterionRow:
    trend: CriterionTrend
    title_text: str
    role_words: str
    cells: list[str]
    status_words: list[str]
    change_text: str
    direction_words: str
    chart_description: str


@dataclass(frozen=True, slots=True)
class FlagRow:
    trend: FlagTrend
    status_words: str
    severity_words: str
    present_text: str


@dataclass(frozen=True, slots=True)
class RecommendationRow:
    trend: RecommendationTrend
    status_words: str
    present_text: str
    citation: str


@dataclass(frozen=True, slots=True)
class BankChangeRow:
    """One bank change: a heading line and one line per question that changed."""

    head: str
    lines: list[str]


@dataclass(frozen=True, slots=True)
class GroupRow:
    """One role group of the workshops: its verdict and level at each point, what moved."""

    label: str
    cells: list[str]
    sections_text: str


@dataclass(frozen=True, slots=True)
class CompareView:
    """Everything a human-readable compare report shows, in order."""

    title: str
    intro: str
    order_note: str
    comparability_note: str
    bank_changes: list[BankChangeRow]
    left_out: list[str]
    points: list[PointRow]
    respondent: str | None  # shown once when every point has the same respondent
    steps: list[StepRow]
    criteria: list[CriterionRow]
    flags: list[FlagRow]
    recommendations: list[RecommendationRow]
    regressions: list[str]
    latest_step: str
    summary: str
    tool_version: str
    point_numbers: list[int]
    plans: list[PlanProgress]
    groups: list[GroupRow] = field(default_factory=list)


def _point_row(point: PointInfo) -> PointRow:
    confidence = point.confidence
    answered = (
        f"{confidence.answered} of {confidence.total} ({answered_share(confidence.fraction)}), "
        f"{CONFIDENCE_WORDS[confidence.label]}"
    )
    return PointRow(
        point=point,
        kind_words=KIND_WORDS[point.kind]
        + (f" of {point.respondents} respondents" if point.respondents is not None else ""),
        date_text=point.date or "no date",
        who_text=point.respondent.pseudonym or "–",
        level_text=point.level_name if point.level_id is not None else "Not assessed",
        confidence_text=answered,
    )


def _step_row(step: StepChange) -> StepRow:
    lists = [
        ("Red flags resolved", step.red_flags_resolved),
        ("New red flags", step.red_flags_new),
        ("Recommendations acted on", step.recommendations_acted_on),
        ("New recommendations", step.recommendations_new),
    ]
    return StepRow(
        step=step,
        title=f"Point {step.from_point} to point {step.to_point}",
        level_text=(
            f"{step.level.from_label} → {step.level.to_label} "
            f"({direction_text(step.level.direction)})"
        ),
        verdict_text=(
            f"{step.verdict.from_label} → {step.verdict.to_label} "
            f"({direction_text(step.verdict.direction)})"
        ),
        lists=[(label, items) for label, items in lists if items],
    )


def _criterion_row(trend: CriterionTrend) -> CriterionRow:
    cells = [format_score(score, (trend.met_at, trend.partly_met_at)) for score in trend.scores]
    change = shown_change(cells[0], cells[-1])
    description = (
        f"Bar chart of the score of {trend.title} out of 100 at each point, earliest first, "
        f"with its thresholds. Change from first to last: {change} "
        f"({DIRECTION_WORDS[trend.direction]}). The bars:"
    )
    shared = "question" if trend.questions_compared == 1 else "questions"
    title = (
        f"{trend.title} (on {trend.questions_compared} shared {shared} only)"
        if trend.recomputed
        else trend.title
    )
    return CriterionRow(
        trend=trend,
        title_text=title,
        role_words=ROLE_WORDS.get(trend.role, trend.role),
        cells=cells,
        status_words=[STATUS_WORDS[status] for status in trend.statuses],
        change_text=change,
        direction_words=direction_text(trend.direction),
        chart_description=description,
    )


def _bank_change_row(change: BankChange, labels: list[str]) -> BankChangeRow:
    if change.unverifiable:
        return BankChangeRow(
            f"{labels[change.from_point - 1]} answered {change.bank_id} {change.from_version} "
            f"but was scored with {change.to_version}: the wording its people read cannot be "
            "checked.",
            [],
        )
    before = change.from_version or "not answered"
    after = change.to_version or "not answered"
    head = (
        f"{change.bank_id}: {before} at point {change.from_point} → {after} at point "
        f"{change.to_point}"
    )
    if not change.questions:
        return BankChangeRow(f"{head}: same questions.", [])
    lines: list[str] = []
    for question in change.questions:
        if question.kind == "reworded":
            lines.append(
                f"reworded {question.question_id}: “{question.before}” → “{question.after}”"
            )
        elif question.kind in ("moved", "reweighted"):
            what = "section" if question.kind == "moved" else "weight"
            lines.append(
                f"{question.kind} {question.question_id}: {what} {question.before} → "
                f"{question.after}"
            )
        else:
            lines.append(f"{question.kind} {question.question_id}")
    return BankChangeRow(f"{head}:", lines)


def _status_words(words: dict[str, str], status: str, present: list[bool]) -> str:
    """The status in words; "new" that was also present before the previous point is "back"."""
    if status == "new" and any(present[:-2]):
        return "Back again"
    return words[status]


def _group_row(trend: GroupTrend) -> GroupRow:
    cells = [
        "–" if verdict is None else f"{verdict}; {level} ({people} people)"
        for verdict, level, people in zip(
            trend.verdicts, trend.levels, trend.respondents, strict=True
        )
    ]
    moved = [
        f"{section.title}: {format_score(section.scores[0])} → "
        f"{format_score(section.scores[-1])} ({shown_change_number(section.change)})"
        for section in trend.sections
        if section.change is not None
    ]
    return GroupRow(trend.label, cells, "; ".join(moved) or "no section scored at both ends")


def shown_change_number(change: float | None) -> str:
    if change is None:
        return "–"
    text = format_score(abs(change))
    return f"+{text}" if change > 0 else f"-{text}" if change < 0 else "no change"


def build_view(result: CompareResult) -> CompareView:
    """The report's content as plain data."""
    labels = [point.label for point in result.points]
    bank_rows = [_bank_change_row(change, labels) for change in result.comparability.changes]
    last = result.steps[-1]
    names = {point.respondent.pseudonym for point in result.points}
    respondent = (names.pop() or "–") if len(names) == 1 else None
    return CompareView(
        title=TITLE,
        intro=IMPROVEMENT_QUESTION,
        order_note=result.order_note,
        comparability_note=result.comparability.note
        + (AGGREGATE_SCORES if any(point.kind == "aggregate" for point in result.points) else ""),
        bank_changes=bank_rows,
        left_out=result.comparability.left_out,
        points=[_point_row(point) for point in result.points],
        respondent=respondent,
        steps=[_step_row(step) for step in result.steps],
        criteria=[_criterion_row(trend) for trend in result.criteria],
        flags=[
            FlagRow(
                trend=trend,
                status_words=_status_words(FLAG_STATUS_WORDS, trend.status, trend.present),
                severity_words=SEVERITY_WORDS[trend.severity],
                present_text=points_text(trend.present),
            )
            for trend in result.red_flags
        ],
        recommendations=[
            RecommendationRow(
                trend=trend,
                status_words=_status_words(
                    RECOMMENDATION_STATUS_WORDS, trend.status, trend.present
                ),
                present_text=points_text(trend.present),
                citation=trend.citation.short,
            )
            for trend in result.recommendations
        ],
        regressions=result.regressions,
        latest_step=f"point {last.from_point} to point {last.to_point}",
        summary=result.summary,
        tool_version=result.tool_version,
        point_numbers=[point.index for point in result.points],
        plans=result.plans,
        groups=[_group_row(trend) for trend in result.groups],
    )
