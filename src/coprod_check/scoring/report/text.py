"""The terminal report, drawn with rich into a string.

Colour is decoration only: every status is also said in words and bars are drawn with block
characters, so the report reads the same piped into a file, printed, or seen without colour.
User text is passed to rich as :class:`rich.text.Text` with markup off, so a note such as
``[bold]`` or ``<script>`` prints literally.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from coprod_check.render.hanging import Hanging
from coprod_check.render.styles import (
    REACHED_STYLE,
    SEVERITY_STYLES,
    STATUS_STYLES,
    TITLE_STYLE,
    VERDICT_STYLES,
)
from coprod_check.render.summary.model import OnePage
from coprod_check.render.table import ReportTable
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


def text_blocks(view: ReportView, width: int) -> list[RenderableType]:
    """The terminal report at ``width``: bars shrink, or go, on narrow terminals."""
    return _blocks(view, bar_width(width))


def bar_width(width: int) -> int:
    """Bars shrink on narrow terminals and go (the score stays) when there is no room."""
    if width >= 96:
        return BAR_WIDTH
    if width >= 76:
        return BAR_WIDTH // 2
    return 0


def _heading(title: str) -> Rule:
    return Rule(Text(title, style="bold"), align="left", characters="─")


def _items(rows: list[tuple[str, Sequence[Text]]], indent: int = 2) -> Hanging:
    """A list with hanging indents, so wrapped lines line up under their text."""
    return Hanging(rows, indent)


def _labelled(label: str, value: str, style: str = "") -> Text:
    return Text.assemble((f"{label}: ", "bold"), (value, style))


def _blocks(view: ReportView, bars: int) -> list[RenderableType]:
    header = ReportTable.grid(padding=(0, 1))
    header.add_column(no_wrap=True, style="bold")
    header.add_column(ratio=1)
    for line in view.header:
        header.add_row(Text(f"{line.label}:"), Text(line.value))
    header.add_row(Text("Question banks:"), Text(view.banks_text))
    blocks: list[RenderableType] = [Text(view.title, style=TITLE_STYLE), header, Text("")]

    blocks += _verdict(view)
    blocks += _level(view, bars)
    blocks += _sections(view, bars)
    blocks += _profiles(view, bars)
    blocks += _red_flags(view)
    blocks += _recommendations(view)
    if view.explain:
        blocks += _explanation(view)
    blocks.append(Text(f"coprod-check {view.tool_version}", style="dim"))
    return blocks


def _verdict(view: ReportView) -> list[RenderableType]:
    blocks: list[RenderableType] = [
        _heading("Verdict"),
        Text.assemble(
            ("Verdict: ", "bold"), (view.verdict_label, VERDICT_STYLES.get(view.verdict_id, ""))
        ),
    ]
    if view.reasons:
        blocks.append(Text("Why:", style="bold"))
        blocks.append(_items([("•", [Text(reason)]) for reason in view.reasons]))
    if view.conditions:
        blocks.append(Text("Conditions to meet:", style="bold"))
        blocks.append(_items([("•", [Text(condition)]) for condition in view.conditions]))
    if view.alternatives:
        blocks.append(Text("Approaches that may fit better:", style="bold"))
        rows: list[tuple[str, Sequence[Text]]] = []
        for row in view.alternatives:
            lines: list[Text] = [
                Text.assemble((row.approach.name, "bold"), ": ", row.approach.description)
            ]
            lines += [_labelled("Because", because) for because in row.approach.because]
            lines.append(_labelled("Source", row.citation))
            rows.append(("•", lines))
        blocks.append(_items(rows))
    blocks.append(_labelled("Answers", view.confidence_text))
    blocks.append(Text(""))
    return blocks


def _level(view: ReportView, bars: int) -> list[RenderableType]:
    blocks: list[RenderableType] = [
        _heading("Needham & Carr level of co-production"),
        Text.assemble(
            ("Level: ", "bold"),
            (view.level_name, "bold"),
            f" (also called {view.level_aliases})" if view.level_aliases else "",
            f"; confidence {view.level_confidence}",
        ),
    ]
    if view.level_description:
        blocks.append(Text(view.level_description))
    if view.level_citation:
        blocks.append(Text(f"Source: {view.level_citation}", style="dim"))
    if view.steps:
        table = ReportTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        table.add_column("Level (also called)", ratio=1, min_width=14)
        if bars:
            table.add_column("Score bar", no_wrap=True, width=bars)
        table.add_column("Score", justify="right", no_wrap=True, width=5)
        table.add_column("Needed", justify="right", no_wrap=True, width=6)
        table.add_column("Reached", no_wrap=True, width=11)
        table.add_column("Answered", justify="right", no_wrap=True, width=8)
        for step in view.steps:
            name = Text(step.name)
            if step.aliases_text:
                name.append(f" ({step.aliases_text})")
            cells = [name]
            if bars:
                cells.append(Text(text_bar(step.score, bars)))
            cells += [
                Text(step.score_text),
                Text(step.threshold_text),
                Text(step.reached_words, style=REACHED_STYLE if step.reached else ""),
                Text(step.answered_text),
            ]
            table.add_row(*cells)
        blocks.append(table)
    blocks.append(Text(""))
    return blocks


def _section_table(rows: list[SectionRow], bars: int) -> Table:
    table = ReportTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    table.add_column("Section", ratio=1, min_width=14)
    if bars:
        table.add_column("Score bar", no_wrap=True, width=bars)
    table.add_column("Score", justify="right", no_wrap=True, width=5)
    table.add_column("Status", no_wrap=True, width=10)
    table.add_column("Answered", justify="right", no_wrap=True, width=8)
    for row in rows:
        style = STATUS_STYLES.get(row.section.status, "")
        cells = [Text(row.section.title)]
        if bars:
            cells.append(Text(text_bar(row.section.score, bars), style=style))
        cells += [
            Text(row.score_text),
            Text(row.status_words, style=style),
            Text(row.answered_text),
        ]
        table.add_row(*cells)
    return table


def _sections(view: ReportView, bars: int) -> list[RenderableType]:
    blocks: list[RenderableType] = [_heading("Criteria and sections")]
    if view.case_text is not None:
        blocks.append(_labelled("The case for co-production", view.case_text))
    for group in view.section_groups:
        blocks.append(Text(""))
        blocks.append(Text(group.title, style="bold"))
        blocks.append(_section_table(group.rows, bars))
    blocks.append(Text(""))
    blocks.append(Text(view.score_legend, style="dim"))
    blocks.append(Text(""))
    return blocks


def _profiles(view: ReportView, bars: int) -> list[RenderableType]:
    """Profile sections: each answer in words, apart from the verdict's sections."""
    if not view.profiles:
        return []
    blocks: list[RenderableType] = [_heading(view.profile_title), Text(view.profile_note)]
    for row in view.profiles:
        blocks.append(Text(""))
        blocks.append(_section_table([row], bars))
        table = ReportTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
        table.add_column("Statement", ratio=1)
        table.add_column("Answer")
        for answer in row.answers:
            table.add_row(Text(answer.trace.statement), Text(answer.answer_text))
        blocks.append(Padding(table, (0, 0, 0, 2)))
        blocks.append(
            Padding(Text(f"Source: {row.section.citation.short}", style="dim"), (0, 0, 0, 2))
        )
    blocks.append(Text(""))
    return blocks


def _red_flags(view: ReportView) -> list[RenderableType]:
    blocks: list[RenderableType] = [_heading("Red flags")]
    if not view.blockers and not view.cautions:
        blocks.append(Text("No red flags were raised."))
    for title, flags, style in (
        ("Blockers", view.blockers, SEVERITY_STYLES["blocker"]),
        ("Cautions", view.cautions, SEVERITY_STYLES["caution"]),
    ):
        if not flags:
            continue
        blocks.append(Text(f"{title} ({len(flags)})", style="bold"))
        rows: list[tuple[str, Sequence[Text]]] = []
        for number, row in enumerate(flags, start=1):
            lines: list[Text] = [
                Text.assemble((f"{row.severity_words}: ", style), row.flag.message),
                _labelled("Question", row.flag.statement),
                _labelled("Answer", row.flag.answer_label),
            ]
            if row.note:
                lines.append(_labelled("Note", row.note))
            lines.append(_labelled("Source", row.flag.citation.short))
            rows.append((f"{number}.", lines))
        blocks.append(_items(rows))
    blocks.append(Text(""))
    return blocks


def _recommendations(view: ReportView) -> list[RenderableType]:
    blocks: list[RenderableType] = [_heading("What to do next")]
    if not view.recommendations:
        blocks.append(Text("No recommendations."))
    rows: list[tuple[str, Sequence[Text]]] = []
    for row in view.recommendations:
        rows.append(
            (
                f"{row.item.rank}.",
                [
                    Text.assemble((f"{row.category_words}: ", "bold"), row.item.text),
                    _labelled("Why", row.item.because),
                    _labelled("Source", row.citation),
                    *([_labelled("In the plan", row.planned)] if row.planned else []),
                ],
            )
        )
    if rows:
        blocks.append(_items(rows))
    if view.hidden_recommendations:
        blocks.append(Text(view.hidden_text, style="dim"))
    if view.stale_actions:
        blocks.append(Text(view.stale_title, style="bold"))
        blocks.append(_items([("•", [Text(line)]) for line in view.stale_actions]))
    blocks.append(Text(""))
    return blocks


def _explanation(view: ReportView) -> list[RenderableType]:
    blocks: list[RenderableType] = [
        _heading("How this result was reached"),
    ]
    if view.verdict_explanation:
        blocks.append(_labelled("Verdict", view.verdict_explanation))
    blocks.append(_labelled("Verdict rules", view.verdict_rules))
    blocks.append(_labelled("Answers", view.confidence_explanation))
    if view.case_explanation is not None:
        blocks.append(_labelled("The case for co-production", view.case_explanation))
    blocks.append(_labelled("Level", f"{view.level_rules} {view.level_explanation}"))
    blocks.append(Text(view.trace_note, style="dim"))
    for row in view.sections:
        blocks.append(Text(""))
        blocks.append(
            Text.assemble(
                (row.section.title, "bold"),
                f" ({row.bank_title}; {row.role_words.lower()}; thresholds {row.thresholds_text})",
            )
        )
        blocks.append(Padding(Text(row.section.explanation), (0, 0, 0, 2)))
        table = ReportTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
        table.add_column("Question", ratio=1)
        table.add_column("Answer")
        table.add_column("Value", justify="right")
        table.add_column("Weight", justify="right")
        for answer in row.answers:
            question = Text(answer.trace.statement)
            if answer.trace.note:
                question.append("\nNote: ", style="bold")
                question.append(answer.trace.note)
            table.add_row(
                question,
                Text(answer.answer_text),
                Text(answer.value_text),
                Text(answer.weight_text),
            )
        blocks.append(Padding(table, (0, 0, 0, 2)))
        blocks.append(
            Padding(Text(f"Source: {row.section.citation.short}", style="dim"), (0, 0, 0, 2))
        )
    blocks.append(Text(""))
    return blocks
