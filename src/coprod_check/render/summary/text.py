"""The one-page summary at the top of every terminal report (rich renderables)."""

from __future__ import annotations

from collections.abc import Callable

from rich import box
from rich.console import RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from coprod_check.render.styles import VERDICT_STYLES
from coprod_check.render.summary.model import OnePage
from coprod_check.render.table import ReportTable


def _labelled(label: str, value: str, style: str = "") -> Text:
    return Text.assemble((f"{label}: ", "bold"), (value, style))


def summary_blocks(page: OnePage) -> list[RenderableType]:
    """Verdict and why, level, the three actions, facts, the split and heat map; then a rule
    saying the detail follows."""
    blocks: list[RenderableType] = [
        Rule(Text("Summary", style="bold"), align="left", characters="━"),
        _labelled("Verdict", page.headline, VERDICT_STYLES.get(page.verdict_id, "bold")),
        _labelled("Why", page.why),
        _labelled("Level", page.level),
    ]
    if page.actions:
        blocks.append(Text("The three most important actions:", style="bold"))
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for number, action in enumerate(page.actions, start=1):
            grid.add_row(Text(f"{number}."), Text(action.sentence))
        blocks.append(Padding(grid, (0, 0, 0, 2)))
    blocks += [_labelled(label, value) for label, value in page.facts]
    if page.split:
        blocks.append(Text("Where the groups disagree:", style="bold"))
        split = ReportTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        split.add_column("Group")
        split.add_column("Verdict")
        for group, verdict in page.split:
            split.add_row(Text(group), Text(verdict))
        blocks.append(Padding(split, (0, 0, 0, 2)))
    if page.heat_map is not None:
        heat = page.heat_map
        table = ReportTable(
            title=f"{heat.caption}",
            title_justify="left",
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            expand=True,
        )
        table.add_column("Section", ratio=1, min_width=12)
        for column in heat.columns:
            table.add_column(column, justify="right", max_width=12)
        for row, shown in zip(heat.rows, heat.shown, strict=True):
            table.add_row(Text(row), *(Text(text) for text in shown))
        blocks.append(table)
    blocks.append(Rule(Text("Detail", style="bold"), align="left", characters="━"))
    return blocks


__all__ = ["summary_blocks"]


def report_text(
    blocks: Callable[[int], list[RenderableType]],
    page: OnePage | None,
    *,
    color: bool | None,
    width: int | None,
    at: int = 1,
) -> str:
    """A terminal report: its ``at`` opening blocks (the title, and a header where there is
    one), the one-page summary (when given), then the rest; shared by every terminal report so
    all open the same way. ``blocks`` draws the report for the width it is drawn at."""
    from coprod_check.render.console import console_text, string_console

    console = string_console(color, width)
    drawn = blocks(console.width)
    if page is not None:
        drawn = [*drawn[:at], *summary_blocks(page), *drawn[at:]]
    for block in drawn:
        console.print(block)
    return console_text(console)
