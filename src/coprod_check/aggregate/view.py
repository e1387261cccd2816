"""What an aggregate report says and in which order, shared by text, markdown and HTML.

The human-readable formats tell the same story with the same words; only the markup differs.
Wording and number formatting live here as plain data. Nothing here imports rich or jinja2.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from coprod_check.aggregate.result import (
    AggregateResult,
    Gap,
    GroupDistribution,
    GroupOutcome,
    QuestionStats,
    RowProblemInfo,
    SectionStats,
)
from coprod_check.aggregate.roles import GROUP_LABELS
from coprod_check.problems.wording import plural
from coprod_check.render.words import (
    CONFIDENCE_WORDS,
    ROLE_WORDS,
    STATUS_WORDS,
    banks_text,
    format_score,
)

TITLE = "Co-production readiness: workshop and survey results"
METHOD = (
    "Section scores run from 0 to 100: 100 times the weighted mean, over the section's questions, "
    "of each question's mean answer on a 0-1 scale (reversed where agreeing is bad news). Each "
    "group's level and verdict come from its typical answers: the middle answer to each question "
    "(the less favourable of two on a tie), scored like one team's answers file; a question "
    "counts only when at least half of the group answered it. (coprod-check compare, given this "
    "result's JSON, scores sections from everyone's typical answers too, like the verdict.)"
)
OUTCOME_NOTE = (
    "Verdicts and levels come from each group's typical answers, so a score quoted in their "
    "reasons can differ from the section scores below, which are means of all the answers."
)
SPREAD = (
    "Spread is the interquartile range (IQR): the width, in points, of the middle half of the "
    "answers (from Q1 to Q3). 0 means at least half gave the same answer; 100 means the middle "
    'half spans the whole scale. "Don\'t know" and blank answers are left out of n.'
)


def group_label(group: str | None) -> str:
    if group is None:
        return "Not shown (small group)"
    return GROUP_LABELS.get(group, group)


@dataclass(frozen=True, slots=True)
class OutcomeRow:
    group: str
    label: str
    respondents: int
    verdict_id: str
    verdict: str
    level: str
    answered: str
    reasons: list[str]
    conditions: list[str]


@dataclass(frozen=True, slots=True)
class ScoreRow:
    group: str
    label: str
    score: float | None
    score_text: str
    status: str
    status_text: str
    answered_text: str


@dataclass(frozen=True, slots=True)
class SectionBlock:
    section: SectionStats
    kind: str
    thresholds: str
    rows: list[ScoreRow]


@dataclass(frozen=True, slots=True)
class GapRow:
    title: str
    section_id: str
    higher: str
    higher_score: str
    lower: str
    lower_score: str
    gap: str
    sentence: str
    pairs: int = 1  # how many pairs of groups differ this much on the section


@dataclass(frozen=True, slots=True)
class DisagreementRow:
    rank: int
    question_id: str
    statement: str
    n: int
    iqr: str
    quartiles: str
    medians: str


@dataclass(frozen=True, slots=True)
class DistributionRow:
    group: str
    label: str
    suppressed: bool
    n: str
    typical: str
    median: str
    iqr: str
    quartiles: str
    mean: str
    dont_know: str
    unanswered: str
    counts: str


@dataclass(frozen=True, slots=True)
class QuestionBlock:
    question: QuestionStats
    reverse_note: str
    rows: list[DistributionRow]


@dataclass(frozen=True, slots=True)
class NoteRow:
    who: str
    about: str
    text: str


@dataclass(slots=True)
class AggregateView:
    title: str
    tool_version: str
    summary: list[tuple[str, str]]
    privacy: str
    method: str
    outcome_note: str
    spread: str
    gap_rule: str
    outcomes: list[OutcomeRow]
    sections: list[SectionBlock]
    gaps: list[GapRow]  # one row per section, widest first; every pair is in JSON and Excel
    gap_pairs: int
    disagreements: list[DisagreementRow]
    questions: list[QuestionBlock]
    problems: list[str]
    problems_more: str
    warnings: list[str]
    warnings_more: str
    notes: list[NoteRow] | None
    notes_more: str
    group_labels: dict[str, str] = field(default_factory=dict)


def build_view(result: AggregateResult) -> AggregateView:
    settings = result.settings
    shown = [group for group in result.groups if group.shown]
    hidden = [group for group in result.groups if not group.shown]
    summary = [
        ("Banks", banks_text(result.banks)),
        ("Respondents", _respondents(result)),
        (
            "Groups shown",
            ", ".join(f"{group.label} ({group.respondents:,})" for group in shown),
        ),
    ]
    if result.without_role:
        summary.append(
            (
                "No role given",
                plural(result.without_role, "respondent", thousands=True)
                + " (counted in Everyone)",
            )
        )
    privacy = (
        f"Role groups with fewer than {settings.min_group_size} respondents are not shown on "
        "their own; their answers count in Everyone. A larger group (or a group's answers to "
        "a question) is also hidden where Everyone minus the groups shown would reveal fewer "
        f"than {settings.min_group_size} people's answers."
        if settings.min_group_size > 1
        else "Every role group is shown, however small (--min-group-size 1)."
    )
    if hidden:
        privacy += " Not shown: " + ", ".join(group.label for group in hidden) + "."
    return AggregateView(
        title=TITLE,
        tool_version=result.tool_version,
        summary=summary,
        privacy=privacy,
        method=METHOD,
        outcome_note=OUTCOME_NOTE,
        spread=SPREAD,
        gap_rule=(
            f"A perception gap is a section that one role group scores at least "
            f"{format_score(settings.gap_threshold)} points higher than another. Each section "
            "is shown once, with the two groups furthest apart and how many pairs of groups "
            "differ that much; every pair is in the JSON and Excel outputs."
        ),
        outcomes=[_outcome(item) for item in result.outcomes],
        sections=[_section(section) for section in result.sections],
        gaps=_widest_gaps(result.gaps),
        gap_pairs=len(result.gaps),
        disagreements=[
            DisagreementRow(
                rank=item.rank,
                question_id=item.question_id,
                statement=item.statement,
                n=item.n,
                iqr=format_score(item.iqr),
                quartiles=f"{format_score(item.q1)}–{format_score(item.q3)}",
                medians=", ".join(
                    f"{group_label(group)} {format_score(value)}"
                    for group, value in item.group_medians.items()
                )
                or "–",
            )
            for item in result.disagreements
        ],
        questions=[_question(question, settings.min_group_size) for question in result.questions],
        problems=[problem_line(problem) for problem in result.problems],
        problems_more=_more(result.rows_skipped - len(result.problems), "skipped row"),
        warnings=list(result.warnings),
        warnings_more=_more(result.warnings_total - len(result.warnings), "warning"),
        notes=None
        if result.notes is None
        else [
            NoteRow(
                who=group_label(note.group),
                about=note.question_id or "general",
                text=note.text,
            )
            for note in result.notes
        ],
        notes_more=_more(result.notes_total - len(result.notes or []), "note"),
        group_labels={group.id: group.label for group in result.groups},
    )


def problem_line(problem: RowProblemInfo) -> str:
    """``file:row: message``, or ``file: message`` for a whole file."""
    where = problem.path if problem.row is None else f"{problem.path}:{problem.row}"
    return f"{where}: {problem.message}"


def _more(number: int, noun: str) -> str:
    return f"… and {plural(number, noun, thousands=True)} more (not listed)" if number > 0 else ""


def _respondents(result: AggregateResult) -> str:
    files = len(result.inputs)
    text = f"{result.respondents:,} from {plural(files, 'file', thousands=True)}"
    if result.rows_skipped:
        text += f"; {plural(result.rows_skipped, 'bad row', thousands=True)} skipped"
        listed = [
            f"{item.path} row{'s' if len(item.skipped_rows) > 1 else ''} "
            + ", ".join(str(row) for row in item.skipped_rows)
            + (" …" if item.skipped > len(item.skipped_rows) else "")
            for item in result.inputs
            if item.skipped_rows
        ]
        if listed:
            text += " (" + "; ".join(listed) + ")"
    else:
        text += "; no rows skipped"
    blank = sum(item.blank_rows for item in result.inputs)
    if blank:
        text += f"; {plural(blank, 'empty row', thousands=True)} ignored"
    return text


def _outcome(item: GroupOutcome) -> OutcomeRow:
    level = item.level_name if item.level_id is not None else "not assessed"
    if item.level_id is not None:
        level += (
            f" ({CONFIDENCE_WORDS.get(item.level_confidence, item.level_confidence)} confidence)"
        )
    return OutcomeRow(
        group=item.group,
        label=group_label(item.group),
        respondents=item.respondents,
        verdict_id=item.verdict.id,
        verdict=item.verdict.label,
        level=level,
        answered=(
            f"{item.confidence.answered} of {item.confidence.total} questions (confidence: "
            f"{CONFIDENCE_WORDS.get(item.confidence.label, item.confidence.label)})"
        ),
        reasons=list(item.verdict.reasons),
        conditions=list(item.verdict.conditions),
    )


def _section(section: SectionStats) -> SectionBlock:
    return SectionBlock(
        section=section,
        kind=ROLE_WORDS.get(section.role, section.role),
        thresholds=f"met at {format_score(section.met_at)}, partly met at "
        f"{format_score(section.partly_met_at)}",
        rows=[
            ScoreRow(
                group=item.group,
                label=group_label(item.group),
                score=item.score,
                score_text=format_score(item.score),
                status=item.status,
                status_text=STATUS_WORDS[item.status],
                answered_text=f"{item.answered} of {item.total}",
            )
            for item in section.groups
        ],
    )


def _widest_gaps(gaps: Sequence[Gap]) -> list[GapRow]:
    """One row per section (its widest pair), widest first: ten pairs a section say no more."""
    widest: dict[tuple[str, str], tuple[Gap, int]] = {}
    for gap in gaps:
        best, pairs = widest.get((gap.bank_id, gap.section_id), (gap, 0))
        widest[(gap.bank_id, gap.section_id)] = (gap if gap.gap > best.gap else best, pairs + 1)
    return [replace(_gap(g), pairs=n) for g, n in sorted(widest.values(), key=lambda i: -i[0].gap)]


def _gap(gap: Gap) -> GapRow:
    higher, lower = group_label(gap.higher), group_label(gap.lower)
    return GapRow(
        title=gap.title,
        section_id=gap.section_id,
        higher=higher,
        higher_score=format_score(gap.higher_score),
        lower=lower,
        lower_score=format_score(gap.lower_score),
        gap=format_score(gap.gap),
        sentence=(
            f"{higher} score “{gap.title}” {format_score(gap.gap)} points higher than "
            f"{lower.lower() if lower != 'Everyone' else lower} "
            f"({format_score(gap.higher_score)} against {format_score(gap.lower_score)})."
        ),
    )


def _question(question: QuestionStats, minimum: int) -> QuestionBlock:
    return QuestionBlock(
        question=question,
        reverse_note="Agreeing is bad news here, so the scale is reversed."
        if question.reverse
        else "",
        rows=[_distribution(question, item, minimum) for item in question.groups],
    )


def _distribution(
    question: QuestionStats, item: GroupDistribution, minimum: int
) -> DistributionRow:
    label = group_label(item.group)
    if item.suppressed:
        dash = "–"
        return DistributionRow(
            item.group,
            label,
            True,
            f"fewer than {minimum}" if item.hidden_because != "complement" else "hidden",
            "not shown" if item.hidden_because != "complement" else "not shown (others small)",
            *(dash,) * 7,  # median, IQR, quartiles, mean, don't know, blank, counts
        )
    counts = item.counts or []
    return DistributionRow(
        group=item.group,
        label=label,
        suppressed=False,
        n=f"{item.n or 0:,}",
        typical=item.typical_label or "–",
        median=format_score(item.median),
        iqr=format_score(item.iqr),
        quartiles=(
            f"{format_score(item.q1)}–{format_score(item.q3)}" if item.q1 is not None else "–"
        ),
        mean=format_score(item.mean),
        dont_know=f"{item.dont_know or 0:,}",
        unanswered=f"{item.unanswered or 0:,}",
        counts=", ".join(
            f"{option.label} {count:,}"
            for option, count in zip(question.options, counts, strict=False)
        ),
    )
