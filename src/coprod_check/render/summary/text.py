"""The one-page summary at the top of every terminal report, as the kit's blocks."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from coprod_check.render.kit import Block, Heading, Padded, Table, draw, labelled, text
from coprod_check.render.styles import VERDICT_STYLES
from coprod_check.render.summary.model import OnePage


def summary_blocks(page: OnePage) -> list[Block]:
    """Verdict and why, level, the three actions, facts, the split and heat map; then a rule
    saying the detail follows."""
    blocks: list[Block] = [
        Heading("Summary", heavy=True),
        labelled("Verdict", page.headline, VERDICT_STYLES.get(page.verdict_id, "bold")),
        labelled("Why", page.why),
        labelled("Level", page.level),
    ]
    if page.actions:
        blocks.append(text("The three most important actions:", "bold"))
        grid = Table(grid=True)
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1)
        for number, action in enumerate(page.actions, start=1):
            grid.add_row(text(f"{number}."), text(action.sentence))
        blocks.append(Padded(grid, 2))
    blocks += [labelled(label, value) for label, value in page.facts]
    if page.split:
        blocks.append(text("Where the groups disagree:", "bold"))
        split = Table()
        split.add_column("Group")
        split.add_column("Verdict")
        for group, verdict in page.split:
            split.add_row(text(group), text(verdict))
        blocks.append(Padded(split, 2))
    if page.heat_map is not None:
        heat = page.heat_map
        table = Table(title=f"{heat.caption}", expand=True)
        table.add_column("Section", ratio=1, min_width=12)
        for column in heat.columns:
            table.add_column(column, justify="right", max_width=12)
        for row, shown in zip(heat.rows, heat.shown, strict=True):
            table.add_row(text(row), *(text(value) for value in shown))
        blocks.append(table)
    blocks.append(Heading("Detail", heavy=True))
    return blocks


__all__ = ["report_text", "summary_blocks"]


def report_text(
    blocks: Callable[[int], Sequence[Any]],
    page: OnePage | None,
    *,
    color: bool | None,
    width: int | None,
    at: int = 1,
) -> str:
    """A terminal report: its ``at`` opening blocks (the title, and a header where there is
    one), the one-page summary (when given), then the rest; shared by every terminal report so
    all open the same way. ``blocks`` draws the report for the width it is drawn at (the kit's
    blocks, or rich renderables)."""
    from coprod_check.render.terminal import report_width

    drawn = list(blocks(report_width(width)))
    if page is not None:
        drawn = [*drawn[:at], *summary_blocks(page), *drawn[at:]]
    return draw(drawn, color=color, width=width)
