"""What a report says and in which order, shared by the text, markdown and HTML reporters.

The three human-readable formats must tell the same story in the same order with the same words;
only the markup differs. So the wording (status words, score formatting, which recommendations
show) lives here, as plain data, and each reporter only lays it out. Nothing here imports rich
or jinja2.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from coprod_check.records import Record, field, record
from coprod_check.render.words import (
    CONFIDENCE_WORDS,
    LEVEL_WORDS,
    ROLE_GROUPS,
    ROLE_WORDS,
    SEVERITY_WORDS,
    STATUS_WORDS,
    banks_text,
    format_score,
    format_value,
    format_weight,
    text_bar,
)
from coprod_check.scoring.confidence import answered_share
from coprod_check.scoring.report.wording import (
    ALL_HINT,
    CATEGORY_WORDS,
    LEVEL_RULES,
    PROFILE_NOTE,
    PROFILE_TITLE,
    REPORT_TITLE,
    SCORE_LEGEND,
    TOP_CONDITIONS,
    TOP_RECOMMENDATIONS,
    TRACE_NOTE,
    VERDICT_RULES,
    respondent_lines,
)
from coprod_check.scoring.result import (
    AnswerTrace,
    ApproachSuggestion,
    RecommendationItem,
    RedFlagHit,
    Result,
    SectionResult,
)
from coprod_check.scoring.sections import score_text

if TYPE_CHECKING:
    from coprod_check.plan.summary import PlanSummary


@record
class HeaderLine(Record):
    label: str
    value: str


@record
class SectionRow(Record):
    """One section as every report shows it."""

    section: SectionResult
    bank_title: str
    role_words: str
    score_text: str
    bar: str
    status_words: str
    answered_text: str
    thresholds_text: str
    answers: list[AnswerRow]


@record
class SectionGroup(Record):
    """Sections of one role (all criteria, all reasons to co-produce, ...) under one heading."""

    title: str
    rows: list[SectionRow]


@record
class AnswerRow(Record):
    trace: AnswerTrace
    answer_text: str
    value_text: str
    weight_text: str


@record
class StepRow(Record):
    name: str
    score: float | None
    threshold: float
    aliases_text: str
    description: str
    score_text: str
    bar: str
    threshold_text: str
    reached: bool
    reached_words: str
    answered_text: str
    citation: str


@record
class FlagRow(Record):
    flag: RedFlagHit
    severity_words: str
    note: str | None


@record
class AlternativeRow(Record):
    approach: ApproachSuggestion
    citation: str


@record
class RecommendationRow(Record):
    item: RecommendationItem
    category_words: str
    citation: str
    planned: str | None = None  # with --plan: its actions, or that none addresses it


@record
class ReportView(Record):
    """Everything a human-readable report shows, in the order it shows it."""

    title: str
    header: list[HeaderLine]
    banks_text: str
    tool_version: str
    verdict_id: str
    verdict_label: str
    reasons: list[str]
    conditions: list[str]
    alternatives: list[AlternativeRow]
    confidence_text: str
    level_name: str
    level_aliases: str
    level_description: str | None
    level_citation: str | None
    level_confidence: str
    steps: list[StepRow]
    case_text: str | None
    sections: list[SectionRow]
    section_groups: list[SectionGroup]
    chart_sections: list[SectionRow]
    chart_sections_are_criteria: bool
    profiles: list[SectionRow]
    profile_title: str
    profile_note: str
    blockers: list[FlagRow]
    cautions: list[FlagRow]
    recommendations: list[RecommendationRow]
    hidden_recommendations: int
    explain: bool
    verdict_rules: str
    verdict_explanation: str
    level_rules: str
    trace_note: str
    score_legend: str
    confidence_explanation: str
    case_explanation: str | None
    level_explanation: str
    stale_actions: list[str] = field(default_factory=list)  # with --plan: no longer recommended
    all_hint: str = ALL_HINT

    @property
    def stale_title(self) -> str:
        return (
            "Open actions of the plan whose recommendation this assessment no longer makes "
            "(check whether each is still needed):"
        )

    @property
    def hidden_text(self) -> str:
        """What to say about recommendations left out of a short report."""
        count = self.hidden_recommendations
        noun = "recommendation" if count == 1 else "recommendations"
        return f"{count} more {noun} not shown; {self.all_hint}."


def build_view(
    result: Result,
    *,
    explain: bool = False,
    show_all: bool = False,
    all_hint: str = "",
    plan: PlanSummary | None = None,
) -> ReportView:
    """Turn a :class:`Result` into the words and order every human-readable report uses.

    ``all_hint``: how to see every recommendation, where the report is read (the score
    command's ``--all`` by default; ``assess`` names the score command to run). ``plan``: the
    action plan given with ``score --plan``."""
    bank_titles = {bank.id: bank.title for bank in result.banks}
    notes = {
        (trace.bank_id, trace.question_id): trace.note
        for section in result.sections
        for trace in section.answers
    }
    sections = [_section_row(section, bank_titles) for section in result.sections]
    criteria = [row for row in sections if row.section.role == "criterion"]
    ranked = sorted(result.recommendations, key=lambda item: item.rank)
    shown = ranked if show_all else ranked[:TOP_RECOMMENDATIONS]
    level = result.level
    reached = next((step for step in level.steps if step.id == level.id), None)
    confidence = result.confidence
    return ReportView(
        title=REPORT_TITLE,
        header=_header(result, plan),
        banks_text=banks_text(result.banks),
        tool_version=result.tool_version,
        verdict_id=result.verdict.id,
        verdict_label=result.verdict.label,
        reasons=list(result.verdict.reasons),
        conditions=_conditions(result.verdict.conditions, show_all, all_hint or ALL_HINT),
        alternatives=[
            AlternativeRow(approach=approach, citation=approach.citation.short)
            for approach in result.verdict.alternatives
        ],
        confidence_text=(
            f"{confidence.answered} of {confidence.total} questions answered "
            f"({answered_share(confidence.fraction)}): confidence "
            f"{CONFIDENCE_WORDS[confidence.label]}."
        ),
        level_name=level.name,
        level_aliases=", ".join(reached.aliases) if reached else "",
        level_description=reached.description if reached else None,
        level_citation=reached.citation.short if reached else None,
        level_confidence=(
            CONFIDENCE_WORDS[level.confidence]
            if level.available
            else "none: no answered bank defines Needham & Carr levels"
        ),
        steps=[
            StepRow(
                name=step.name,
                score=step.score,
                threshold=step.threshold,
                aliases_text=", ".join(step.aliases),
                description=step.description,
                score_text=format_score(step.score, (step.threshold,)),
                bar=text_bar(step.score),
                threshold_text=format_score(step.threshold),
                reached=step.reached,
                reached_words=LEVEL_WORDS[
                    "not-assessed"
                    if not step.assessed
                    else "reached"
                    if step.reached
                    else "not-reached"
                ],
                answered_text=f"{step.answered} of {step.total}",
                citation=step.citation.short,
            )
            for step in level.steps
        ],
        case_text=(
            None
            if result.case is None
            else (
                f"{result.case.holds} of {result.case.total} reasons to co-produce hold "
                f"({result.case.answered} answered): {STATUS_WORDS[result.case.status].lower()}."
            )
        ),
        sections=sections,
        section_groups=_groups(sections),
        chart_sections=criteria or [row for row in sections if row.section.role != "profile"],
        chart_sections_are_criteria=bool(criteria),
        profiles=[row for row in sections if row.section.role == "profile"],
        profile_title=PROFILE_TITLE,
        profile_note=PROFILE_NOTE,
        blockers=_flags(result.red_flags, "blocker", notes),
        cautions=_flags(result.red_flags, "caution", notes),
        recommendations=[
            RecommendationRow(
                item=item,
                category_words=CATEGORY_WORDS[item.category],
                citation=item.citation.short,
                planned=_planned(item, plan),
            )
            for item in shown
        ],
        hidden_recommendations=len(ranked) - len(shown),
        explain=explain,
        verdict_rules=VERDICT_RULES,
        verdict_explanation=_explanation(result),
        level_rules=LEVEL_RULES,
        trace_note=TRACE_NOTE,
        score_legend=SCORE_LEGEND,
        confidence_explanation=confidence.explanation,
        case_explanation=None if result.case is None else result.case.explanation,
        level_explanation=level.explanation,
        stale_actions=[] if plan is None else [a.text for a in plan.no_longer_recommended],
        all_hint=all_hint or ALL_HINT,
    )


def _conditions(conditions: Sequence[str], show_all: bool, hint: str) -> list[str]:
    """The conditions, most important first; beyond the first few only with --all."""
    if show_all or len(conditions) <= TOP_CONDITIONS:
        return list(conditions)
    hidden = len(conditions) - TOP_CONDITIONS
    noun = "condition" if hidden == 1 else "conditions"
    return [*conditions[:TOP_CONDITIONS], f"{hidden} more {noun} not shown; {hint}."]


def _explanation(result: Result) -> str:
    """Which rule decided the verdict, and which single answers one step different would change
    the verdict or the level (when they were worked out)."""
    text = result.verdict.explanation
    if result.sensitivity is None:
        return text
    if not result.sensitivity:
        return (
            text + " No single answer, one step different, would change the verdict or the level."
        )
    changes = []
    for change in result.sensitivity:
        effects = []
        if change.verdict is not None:
            effects.append(f"the verdict to {change.verdict}")
        if change.level_changes:
            effects.append(f"the level to {change.level or 'not assessed'}")
        changes.append(
            f"“{change.answer_label}” → “{change.to_answer_label}” to “{change.statement}” would "
            f"change {' and '.join(effects)}"
        )
    return text + " One step different would change the result: " + "; ".join(changes) + "."


def _planned(item: RecommendationItem, plan: PlanSummary | None) -> str | None:
    """What the plan does about a recommendation, in a line (None without a plan)."""
    if plan is None:
        return None
    from coprod_check.plan.summary import planned_text

    return planned_text(plan, item.bank_id, item.question_id)


def _header(result: Result, plan: PlanSummary | None = None) -> list[HeaderLine]:
    lines = [
        HeaderLine(label=label, value=value) for label, value in respondent_lines(result.respondent)
    ]
    if plan is not None:
        lines.append(HeaderLine(label="Action plan", value=plan.headline))
    return lines


def _groups(rows: Sequence[SectionRow]) -> list[SectionGroup]:
    known = [
        SectionGroup(title=title, rows=[row for row in rows if row.section.role == role])
        for role, title in ROLE_GROUPS.items()
    ]
    other = [row for row in rows if row.section.role not in (*ROLE_GROUPS, "profile")]
    if other:
        known.append(SectionGroup(title="Other sections", rows=other))
    return [group for group in known if group.rows]


def _section_row(section: SectionResult, bank_titles: dict[str, str]) -> SectionRow:
    return SectionRow(
        section=section,
        bank_title=bank_titles.get(section.bank_id, section.bank_id),
        role_words=ROLE_WORDS.get(section.role, section.role),
        score_text=score_text(section, missing="–"),
        bar=text_bar(section.score),
        status_words=("–" if section.role == "approach" else STATUS_WORDS[section.status]),
        answered_text=f"{section.answered} of {section.total}",
        thresholds_text=(f"{format_score(section.met_at)} / {format_score(section.partly_met_at)}"),
        answers=[
            AnswerRow(
                trace=trace,
                answer_text=trace.answer_label or "Not answered",
                value_text=format_value(trace.value),
                weight_text=format_weight(trace.weight),
            )
            for trace in section.answers
        ],
    )


def _flags(
    flags: Sequence[RedFlagHit], severity: str, notes: dict[tuple[str, str], str | None]
) -> list[FlagRow]:
    return [
        FlagRow(
            flag=flag,
            severity_words=SEVERITY_WORDS[severity],
            note=notes.get((flag.bank_id, flag.question_id)),
        )
        for flag in flags
        if flag.severity == severity
    ]
