"""One-page summaries of a score, an aggregate and a compare result."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from coprod_check.problems.wording import plural
from coprod_check.render.summary.model import TOP_ACTIONS, Action, HeatMap, OnePage
from coprod_check.render.words import CONFIDENCE_WORDS

if TYPE_CHECKING:
    from coprod_check.aggregate.result import AggregateResult
    from coprod_check.compare.result import CompareResult
    from coprod_check.scoring.result import RecommendationItem, Result

_CLAUSE_MARKS = re.compile("[(“)”]|; ")


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if text.endswith((".", "!", "?")) else text + "."


def _first_clause(text: str) -> str:
    """The opening clause of an engine sentence, without its source and remedy (the detail
    gives both): "A: b; c. Source: X. What to do: Y" becomes "A: b"."""
    text = " ".join(text.split())
    for tail in (". Source: ", " Source: "):
        text = text.split(tail, 1)[0]
    return _clauses(text)[0]


def _clauses(text: str) -> list[str]:
    """``text`` split at "; " outside brackets and quotes, repeats dropped."""
    clauses: list[str] = []
    depth, start = 0, 0
    for mark in _CLAUSE_MARKS.finditer(text):  # only the characters that matter, not each one
        char = mark.group()
        if char in "(“":
            depth += 1
        elif char in ")”":
            depth = max(0, depth - 1)
        elif depth == 0:
            clauses.append(text[start : mark.start()])
            start = mark.end()
    clauses.append(text[start:])
    unique: list[str] = []
    for clause in clauses:
        if clause not in unique:
            unique.append(clause)
    return unique


def _why(reasons: Sequence[str], conditions: Sequence[str]) -> str:
    """One or two sentences: the first reason, and the first condition (or second reason),
    each cut to its opening clause; the appendix has them in full."""
    chosen = list(reasons[:1]) + list(conditions[:1] or reasons[1:2])
    if not chosen:
        return "No rule raised a concern."
    more = len(reasons) + len(conditions) - len(chosen)
    text = " ".join(_sentence(_first_clause(item)) for item in chosen)
    return text + (f" ({more} more in the detail.)" if more > 0 else "")


def _level(result: Result) -> str:
    level = result.level
    if not level.available:
        return "Not assessed: no answered question bank defines Needham & Carr levels."
    reached = next((step for step in level.steps if step.id == level.id), None)
    also = f" ({', '.join(reached.aliases)})" if reached and reached.aliases else ""
    words = CONFIDENCE_WORDS.get(level.confidence, level.confidence)
    return f"{level.name}{also}; confidence {words}."


def _actions(items: Sequence[RecommendationItem]) -> list[Action]:
    """The first three actions; a reason the action before already gave is not repeated."""
    ranked = sorted(items, key=lambda item: item.rank)[:TOP_ACTIONS]
    actions: list[Action] = []
    for item in ranked:
        why = _sentence(_first_clause(item.because))
        repeated = any(
            _sentence(_first_clause(other.because)) == why for other in ranked[: len(actions)]
        )
        actions.append(Action(text=_sentence(item.text), why="" if repeated else why))
    return actions


def _flags(result: Result) -> str:
    blockers = sum(flag.severity == "blocker" for flag in result.red_flags)
    cautions = len(result.red_flags) - blockers
    if not result.red_flags:
        return "none raised"
    parts = [plural(blockers, "blocker")] if blockers else []
    parts += [plural(cautions, "caution")] if cautions else []
    return " and ".join(parts)


def score_summary(result: Result) -> OnePage:
    """The first page of a score report."""
    confidence = result.confidence
    answered = f"{confidence.answered} of {confidence.total} questions answered"
    if result.verdict.settled:
        missing = confidence.total - confidence.answered
        answered += f"; answers to the other {missing} could not change the verdict"
    return OnePage(
        headline=result.verdict.label,
        verdict_id=result.verdict.id,
        why=_why(result.verdict.reasons, result.verdict.conditions),
        level=_level(result),
        actions=_actions(result.recommendations),
        facts=[
            ("Answers", answered),
            ("Red flags", _flags(result)),
        ],
    )


def aggregate_summary(result: AggregateResult) -> OnePage:
    """The first page of a workshop's report: everyone's verdict, and where groups differ."""
    from coprod_check.aggregate.roles import GROUP_LABELS
    from coprod_check.scoring.result import as_record

    overall = as_record(result.overall)
    outcomes = {item.group: item for item in result.outcomes}
    everyone = outcomes.get("everyone")
    groups = [item for item in result.outcomes if item.group != "everyone"]
    verdicts = {item.verdict.id for item in groups} | {overall.verdict.id}
    headline = f"Everyone: {overall.verdict.label}"
    split: list[tuple[str, str]] = []
    if groups and len(verdicts) > 1:
        split = [(GROUP_LABELS.get(item.group, item.group), item.verdict.label) for item in groups]
        by_verdict: dict[str, list[str]] = {}
        for item in groups:
            label = GROUP_LABELS.get(item.group, item.group)
            by_verdict.setdefault(item.verdict.label, []).append(label)
        parts = [
            f"{len(names)} of {len(groups)} groups ({', '.join(names)}): {verdict}"
            for verdict, names in sorted(by_verdict.items(), key=lambda kv: -len(kv[1]))
        ]
        headline += "; but the groups differ: " + "; ".join(parts)
    shown = [group for group in result.groups if group.shown]
    columns = [group.id for group in shown]
    heat = None
    if (len(columns) > 1 and len(verdicts) > 1) or result.gaps:
        heat = HeatMap(
            caption="Section scores (0-100) by group",
            rows=[section.title for section in result.sections],
            columns=[group.label for group in shown],
            scores=[
                [
                    next((g.score for g in section.groups if g.group == group), None)
                    for group in columns
                ]
                for section in result.sections
            ],
        )
    count = len(shown) - 1
    respondents = (
        f"{result.respondents:,} people; {count} role group{'s' if count != 1 else ''} shown "
        "besides Everyone"
    )
    return OnePage(
        headline=headline,
        verdict_id=overall.verdict.id,
        why=_why(overall.verdict.reasons, overall.verdict.conditions),
        level=_level(overall)
        if everyone is None or everyone.level_id is not None
        else "Not assessed.",
        actions=_actions(overall.recommendations),
        facts=[
            ("Respondents", respondents),
            ("Perception gaps", _gaps_fact(result)),
        ],
        split=split,
        heat_map=heat,
    )


def _gaps_fact(result: AggregateResult) -> str:
    sections = len({(gap.bank_id, gap.section_id) for gap in result.gaps})
    if not sections:
        return "none between the groups shown"
    from coprod_check.scoring.numbers import format_score

    threshold = format_score(result.settings.gap_threshold)
    return (
        f"{sections} section{'s' if sections != 1 else ''} that some groups score at least "
        f"{threshold} points higher than others ({len(result.gaps)} pairs of groups)"
    )


def compare_summary(result: CompareResult) -> OnePage:
    """The first page of a compare report: where things stand now, and what moved."""
    latest = result.points[-1]
    first = result.points[0]
    regressions = list(result.regressions)
    moved = (
        f"from {first.label} to {latest.label}: level {first.level_name} to "
        f"{latest.level_name}; verdict {first.verdict_label} to {latest.verdict_label}"
    )
    why = _sentence(moved[0].upper() + moved[1:])
    if regressions:
        why += " " + _sentence(f"Worse: {regressions[0]}")
    open_items = [
        Action(text=_sentence(trend.text), why="Still open at the last point.")
        for trend in result.recommendations
        if trend.status in ("still-open", "new")
    ][:TOP_ACTIONS]
    return OnePage(
        headline=f"Now: {latest.verdict_label}" + ("; it got worse" if regressions else ""),
        verdict_id=latest.verdict_id,
        why=why,
        level=f"{latest.level_name} at the last point ({latest.label}).",
        actions=open_items,
        facts=[("Points compared", ", ".join(point.label for point in result.points))],
    )


__all__ = ["aggregate_summary", "compare_summary", "score_summary"]
