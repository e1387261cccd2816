"""Render an :class:`AggregateResult` as text, JSON, CSV, markdown or HTML.

Reporters only render. rich and jinja2 are imported only by the formats that use them. JSON is
the whole result (``aggregate_version`` 1); CSV is one row per question and shown group, for
spreadsheets; text, markdown and HTML share their wording through :mod:`.view`.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from coprod_check.aggregate.result import AggregateResult
from coprod_check.render.formats import Registry, RenderOptions
from coprod_check.render.office.cells import neutralise
from coprod_check.render.styles import STATUS_STYLES, TITLE_STYLE, VERDICT_STYLES
from coprod_check.render.view_formats import ViewFormats

if TYPE_CHECKING:
    from coprod_check.aggregate.view import AggregateView
    from coprod_check.render.kit import Block, Justify

REPORTS: Registry[AggregateResult] = Registry.of(
    ViewFormats(
        view="coprod_check.aggregate.report:report_view",
        page="coprod_check.render.summary.build:aggregate_summary",
        blocks="coprod_check.aggregate.report:text_blocks",
        template="aggregate",
    ),
    csv="coprod_check.aggregate.report:csv_report",
)
FORMATS: tuple[str, ...] = REPORTS.names
render = REPORTS.render
CSV_COLUMNS = (
    "bank_id",
    "section_id",
    "question_id",
    "statement",
    "group",
    "suppressed",
    "n",
    "dont_know",
    "unanswered",
    "median",
    "q1",
    "q3",
    "iqr",
    "mean",
    "sd",
    "typical",
    "typical_label",
    "counts",
)


def report_view(result: AggregateResult, options: RenderOptions) -> AggregateView:
    """The report's words in order; no option changes them."""
    from coprod_check.aggregate.view import build_view

    return build_view(result)


def csv_report(result: AggregateResult, options: RenderOptions) -> str:
    return render_csv(result)


def _cell(value: object) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula is prefixed with a quote."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return neutralise(str(value))


def render_csv(result: AggregateResult) -> str:
    """One row per question and shown group (suppressed rows say so and hold no numbers)."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for question in result.questions:
        for item in question.groups:
            counts = ""
            if item.counts is not None:
                counts = "; ".join(
                    f"{option.id}={count}"
                    for option, count in zip(question.options, item.counts, strict=True)
                )
            writer.writerow(
                _cell(value)
                for value in (
                    question.bank_id,
                    question.section_id,
                    question.question_id,
                    question.statement,
                    item.group,
                    item.suppressed,
                    item.n,
                    item.dont_know,
                    item.unanswered,
                    item.median,
                    item.q1,
                    item.q3,
                    item.iqr,
                    item.mean,
                    item.sd,
                    item.typical,
                    item.typical_label,
                    counts,
                )
            )
    return stream.getvalue()


def text_blocks(view: AggregateView, width: int) -> list[Block]:
    """The terminal report, as the render kit's blocks (tables fold to ``width`` themselves)."""
    from coprod_check.render.kit import BLANK, Heading, Table, assemble, text

    heading = Heading

    def table(*columns: tuple[str, Justify]) -> Table:
        grid = Table()
        for title, justify in columns:
            grid.add_column(title, justify=justify, overflow="fold")
        return grid

    blocks: list[Block] = [text(view.title, TITLE_STYLE), BLANK]
    for label, value in view.summary:
        blocks.append(assemble((f"{label}: ", "bold"), value))
    blocks += [text(view.privacy), BLANK]

    blocks.append(heading("Level and verdict of each group's typical answers"))
    outcomes = table(("Group", "left"), ("People", "right"), ("Verdict", "left"), ("Level", "left"))
    for row in view.outcomes:
        outcomes.add_row(
            row.label,
            f"{row.respondents:,}",
            text(row.verdict, VERDICT_STYLES.get(row.verdict_id, "")),
            row.level,
        )
    blocks.append(outcomes)
    for row in view.outcomes:
        if row.reasons or row.conditions:
            blocks.append(assemble((f"{row.label}: ", "bold"), row.verdict))
            blocks += [text(f"  - {line}") for line in row.reasons]
            blocks += [text(f"  - Condition: {line}") for line in row.conditions]
    blocks += [text(view.outcome_note), BLANK]

    blocks.append(heading("Sections: score out of 100 for each group"))
    for block in view.sections:
        blocks.append(
            assemble((block.section.title, "bold"), f"  ({block.kind.lower()}; {block.thresholds})")
        )
        scores = table(
            ("Group", "left"), ("Score", "right"), ("Status", "left"), ("Answered", "right")
        )
        for score in block.rows:
            scores.add_row(
                score.label,
                score.score_text,
                text(score.status_text, STATUS_STYLES.get(score.status, "")),
                score.answered_text,
            )
        blocks += [scores, BLANK]

    blocks.append(heading("Perception gaps between groups"))
    blocks.append(text(view.gap_rule))
    if view.gaps:
        gaps = table(
            ("Section", "left"),
            ("Highest", "left"),
            ("Lowest", "left"),
            ("Gap", "right"),
            ("Pairs", "right"),
        )
        for gap in view.gaps:
            gaps.add_row(
                gap.title,
                f"{gap.higher} {gap.higher_score}",
                f"{gap.lower} {gap.lower_score}",
                gap.gap,
                str(gap.pairs),
            )
        blocks.append(gaps)
    else:
        blocks.append(text("No gaps that large between the groups shown."))
    blocks.append(BLANK)

    blocks.append(heading("Questions with most disagreement"))
    if view.disagreements:
        worst = table(
            ("#", "right"),
            ("Question", "left"),
            ("n", "right"),
            ("IQR", "right"),
            ("Group medians", "left"),
        )
        for item in view.disagreements:
            worst.add_row(
                str(item.rank),
                f"{item.statement} ({item.question_id})",
                f"{item.n:,}",
                f"{item.iqr} ({item.quartiles})",
                item.medians,
            )
        blocks.append(worst)
    else:
        blocks.append(text("Everyone gave the same answer to every question."))
    blocks.append(BLANK)

    blocks.append(heading("Answers to each question"))
    blocks.append(text(view.spread))
    for question in view.questions:
        blocks.append(BLANK)
        blocks.append(
            assemble(
                (question.question.statement, "bold"),
                f" ({question.question.question_id})",
                f" {question.reverse_note}" if question.reverse_note else "",
            )
        )
        answers = table(
            ("Group", "left"),
            ("n", "right"),
            ("Typical answer", "left"),
            ("Median", "right"),
            ("IQR (Q1–Q3)", "right"),
            ("Mean", "right"),
            ("Don't know", "right"),
            ("Blank", "right"),
        )
        for answer in question.rows:
            answers.add_row(
                answer.label,
                answer.n,
                answer.typical,
                answer.median,
                f"{answer.iqr} ({answer.quartiles})" if not answer.suppressed else "–",
                answer.mean,
                answer.dont_know,
                answer.unanswered,
            )
        blocks.append(answers)
    blocks.append(BLANK)

    blocks.append(heading("How to read this"))
    blocks.append(text(view.method))

    if view.problems:
        blocks += [BLANK, heading("Rows skipped")]
        blocks += [text(line) for line in view.problems]
        if view.problems_more:
            blocks.append(text(view.problems_more))
    if view.warnings:
        blocks += [BLANK, heading("Warnings")]
        blocks += [text(line) for line in view.warnings]
        if view.warnings_more:
            blocks.append(text(view.warnings_more))
    if view.notes is not None:
        blocks += [BLANK, heading("Notes")]
        if not view.notes:
            blocks.append(text("No notes were written."))
        for note in view.notes:
            blocks.append(text(f"[{note.who}, {note.about}] {note.text}"))
        if view.notes_more:
            blocks.append(text(view.notes_more))
    return blocks
