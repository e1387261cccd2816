"""The terminal report, as the render kit's blocks (:mod:`coprod_check.render.kit`).

Colour is decoration only: every status is also said in words and bars are drawn with block
characters, so the report reads the same piped into a file, printed, or seen without colour.
User text is drawn as text, never as markup, so a note such as ``[bold]`` or ``<script>`` prints
literally.
"""

from __future__ import annotations

from collections.abc import Sequence

from coprod_check.render.kit import (
    BLANK,
    Block,
    Hanging,
    Heading,
    Padded,
    Para,
    Table,
    assemble,
    labelled,
    text,
)
from coprod_check.render.styles import (
    REACHED_STYLE,
    SEVERITY_STYLES,
    STATUS_STYLES,
    TITLE_STYLE,
    VERDICT_STYLES,
)
from coprod_check.render.summary.model import OnePage
from coprod_check.render.words import BAR_WIDTH, text_bar
from coprod_check.scoring.report.view import ReportView, SectionRow


def render_text(
    view: ReportView,
    *,
    color: bool | None = None,
    width: int | None = None,
    page: OnePage | None = None,
) -> str:
    """The report as terminal text, the one-page summary (when given) after the title and
    header; ANSI colour codes only when colour is wanted."""
    from coprod_check.render.summary.text import report_text

    return report_text(lambda drawn: text_blocks(view, drawn), page, color=color, width=width, at=3)


def text_blocks(view: ReportView, width: int) -> list[Block]:
    """The terminal report at ``width``: bars shrink, or go, on narrow terminals."""
    return _blocks(view, bar_width(width))


def bar_width(width: int) -> int:
    """Bars shrink on narrow terminals and go (the score stays) when there is no room."""
    if width >= 96:
        return BAR_WIDTH
    if width >= 76:
        return BAR_WIDTH // 2
    return 0


def _heading(title: str) -> Heading:
    return Heading(title)


def _items(rows: list[tuple[str, Sequence[Para]]], indent: int = 2) -> Hanging:
    """A list with hanging indents, so wrapped lines line up under their text."""
    return Hanging(rows, indent)


_labelled = labelled


def _blocks(view: ReportView, bars: int) -> list[Block]:
    header = Table(grid=True)
    header.add_column(no_wrap=True, style="bold")
    header.add_column(ratio=1)
    for line in view.header:
        header.add_row(text(f"{line.label}:"), text(line.value))
    header.add_row(text("Question banks:"), text(view.banks_text))
    blocks: list[Block] = [text(view.title, TITLE_STYLE), header, BLANK]

    blocks += _verdict(view)
    blocks += _level(view, bars)
    blocks += _sections(view, bars)
    blocks += _profiles(view, bars)
    blocks += _red_flags(view)
    blocks += _recommendations(view)
    if view.explain:
        blocks += _explanation(view)
    blocks.append(text(f"coprod-check {view.tool_version}", "dim"))
    return blocks


def _verdict(view: ReportView) -> list[Block]:
    blocks: list[Block] = [
        _heading("Verdict"),
        assemble(
            ("Verdict: ", "bold"), (view.verdict_label, VERDICT_STYLES.get(view.verdict_id, ""))
        ),
    ]
    if view.reasons:
        blocks.append(text("Why:", "bold"))
        blocks.append(_items([("•", [text(reason)]) for reason in view.reasons]))
    if view.conditions:
        blocks.append(text("Conditions to meet:", "bold"))
        blocks.append(_items([("•", [text(condition)]) for condition in view.conditions]))
    if view.alternatives:
        blocks.append(text("Approaches that may fit better:", "bold"))
        rows: list[tuple[str, Sequence[Para]]] = []
        for row in view.alternatives:
            lines: list[Para] = [
                assemble((row.approach.name, "bold"), ": ", row.approach.description)
            ]
            lines += [_labelled("Because", because) for because in row.approach.because]
            lines.append(_labelled("Source", row.citation))
            rows.append(("•", lines))
        blocks.append(_items(rows))
    blocks.append(_labelled("Answers", view.confidence_text))
    blocks.append(BLANK)
    return blocks


def _level(view: ReportView, bars: int) -> list[Block]:
    blocks: list[Block] = [
        _heading("Needham & Carr level of co-production"),
        assemble(
            ("Level: ", "bold"),
            (view.level_name, "bold"),
            f" (also called {view.level_aliases})" if view.level_aliases else "",
            f"; confidence {view.level_confidence}",
        ),
    ]
    if view.level_description:
        blocks.append(text(view.level_description))
    if view.level_citation:
        blocks.append(text(f"Source: {view.level_citation}", "dim"))
    if view.steps:
        table = Table(expand=True)
        table.add_column("Level (also called)", ratio=1, min_width=14)
        if bars:
            table.add_column("Score bar", no_wrap=True, width=bars)
        table.add_column("Score", justify="right", no_wrap=True, width=5)
        table.add_column("Needed", justify="right", no_wrap=True, width=6)
        table.add_column("Reached", no_wrap=True, width=11)
        table.add_column("Answered", justify="right", no_wrap=True, width=8)
        for step in view.steps:
            name = text(step.name)
            if step.aliases_text:
                name = name.append(f" ({step.aliases_text})")
            cells = [name]
            if bars:
                cells.append(text(text_bar(step.score, bars)))
            cells += [
                text(step.score_text),
                text(step.threshold_text),
                text(step.reached_words, REACHED_STYLE if step.reached else ""),
                text(step.answered_text),
            ]
            table.add_row(*cells)
        blocks.append(table)
    blocks.append(BLANK)
    return blocks


def _section_table(rows: list[SectionRow], bars: int) -> Table:
    table = Table(expand=True)
    table.add_column("Section", ratio=1, min_width=14)
    if bars:
        table.add_column("Score bar", no_wrap=True, width=bars)
    table.add_column("Score", justify="right", no_wrap=True, width=5)
    table.add_column("Status", no_wrap=True, width=10)
    table.add_column("Answered", justify="right", no_wrap=True, width=8)
    for row in rows:
        style = STATUS_STYLES.get(row.section.status, "")
        cells = [text(row.section.title)]
        if bars:
            cells.append(text(text_bar(row.section.score, bars), style))
        cells += [
            text(row.score_text),
            text(row.status_words, style),
            text(row.answered_text),
        ]
        table.add_row(*cells)
    return table


def _sections(view: ReportView, bars: int) -> list[Block]:
    blocks: list[Block] = [_heading("Criteria and sections")]
    if view.case_text is not None:
        blocks.append(_labelled("The case for co-production", view.case_text))
    for group in view.section_groups:
        blocks.append(BLANK)
        blocks.append(text(group.title, "bold"))
        blocks.append(_section_table(group.rows, bars))
    blocks.append(BLANK)
    blocks.append(text(view.score_legend, "dim"))
    blocks.append(BLANK)
    return blocks


def _profiles(view: ReportView, bars: int) -> list[Block]:
    """Profile sections: each answer in words, apart from the verdict's sections."""
    if not view.profiles:
        return []
    blocks: list[Block] = [_heading(view.profile_title), text(view.profile_note)]
    for row in view.profiles:
        blocks.append(BLANK)
        blocks.append(_section_table([row], bars))
        table = Table()
        table.add_column("Statement", ratio=1)
        table.add_column("Answer")
        for answer in row.answers:
            table.add_row(text(answer.trace.statement), text(answer.answer_text))
        blocks.append(Padded(table, 2))
        blocks.append(Padded(text(f"Source: {row.section.citation.short}", "dim"), 2))
    blocks.append(BLANK)
    return blocks


def _red_flags(view: ReportView) -> list[Block]:
    blocks: list[Block] = [_heading("Red flags")]
    if not view.blockers and not view.cautions:
        blocks.append(text("No red flags were raised."))
    for title, flags, style in (
        ("Blockers", view.blockers, SEVERITY_STYLES["blocker"]),
        ("Cautions", view.cautions, SEVERITY_STYLES["caution"]),
    ):
        if not flags:
            continue
        blocks.append(text(f"{title} ({len(flags)})", "bold"))
        rows: list[tuple[str, Sequence[Para]]] = []
        for number, row in enumerate(flags, start=1):
            lines: list[Para] = [
                assemble((f"{row.severity_words}: ", style), row.flag.message),
                _labelled("Question", row.flag.statement),
                _labelled("Answer", row.flag.answer_label),
            ]
            if row.note:
                lines.append(_labelled("Note", row.note))
            lines.append(_labelled("Source", row.flag.citation.short))
            rows.append((f"{number}.", lines))
        blocks.append(_items(rows))
    blocks.append(BLANK)
    return blocks


def _recommendations(view: ReportView) -> list[Block]:
    blocks: list[Block] = [_heading("What to do next")]
    if not view.recommendations:
        blocks.append(text("No recommendations."))
    rows: list[tuple[str, Sequence[Para]]] = []
    for row in view.recommendations:
        rows.append(
            (
                f"{row.item.rank}.",
                [
                    assemble((f"{row.category_words}: ", "bold"), row.item.text),
                    _labelled("Why", row.item.because),
                    _labelled("Source", row.citation),
                    *([_labelled("In the plan", row.planned)] if row.planned else []),
                ],
            )
        )
    if rows:
        blocks.append(_items(rows))
    if view.hidden_recommendations:
        blocks.append(text(view.hidden_text, "dim"))
    if view.stale_actions:
        blocks.append(text(view.stale_title, "bold"))
        blocks.append(_items([("•", [text(line)]) for line in view.stale_actions]))
    blocks.append(BLANK)
    return blocks


def _explanation(view: ReportView) -> list[Block]:
    blocks: list[Block] = [
        _heading("How this result was reached"),
    ]
    if view.verdict_explanation:
        blocks.append(_labelled("Verdict", view.verdict_explanation))
    blocks.append(_labelled("Verdict rules", view.verdict_rules))
    blocks.append(_labelled("Answers", view.confidence_explanation))
    if view.case_explanation is not None:
        blocks.append(_labelled("The case for co-production", view.case_explanation))
    blocks.append(_labelled("Level", f"{view.level_rules} {view.level_explanation}"))
    blocks.append(text(view.trace_note, "dim"))
    for row in view.sections:
        blocks.append(BLANK)
        blocks.append(
            assemble(
                (row.section.title, "bold"),
                f" ({row.bank_title}; {row.role_words.lower()}; thresholds {row.thresholds_text})",
            )
        )
        blocks.append(Padded(text(row.section.explanation), 2))
        table = Table()
        table.add_column("Question", ratio=1)
        table.add_column("Answer")
        table.add_column("Value", justify="right")
        table.add_column("Weight", justify="right")
        for answer in row.answers:
            question = text(answer.trace.statement)
            if answer.trace.note:
                question = question.append("\nNote: ", "bold").append(answer.trace.note)
            table.add_row(
                question,
                text(answer.answer_text),
                text(answer.value_text),
                text(answer.weight_text),
            )
        blocks.append(Padded(table, 2))
        blocks.append(Padded(text(f"Source: {row.section.citation.short}", "dim"), 2))
    blocks.append(BLANK)
    return blocks
