"""The one-page summary (:mod:`coprod_check.summary`) as office blocks."""

from __future__ import annotations

from coprod_check.render.office.document import Block, Bullets, Heading, Para, Table, score_cell
from coprod_check.render.summary.model import HeatMap, OnePage


def summary_blocks(page: OnePage) -> list[Block]:
    """Verdict and why, level, the three actions, facts, the split and heat map."""
    blocks: list[Block] = [
        Para(page.headline, "Verdict"),
        Para(page.why, "Why"),
        Para(page.level, "Level"),
    ]
    if page.actions:
        blocks.append(Heading("The three most important actions"))
        blocks.append(Bullets([action.sentence for action in page.actions], True))
    blocks += [Para(value, label) for label, value in page.facts]
    if page.split:
        blocks.append(Heading("Where the groups disagree"))
        blocks.append(
            Table("Verdict by group", ["Group", "Verdict"], [list(s) for s in page.split])
        )
    if page.heat_map is not None:
        blocks.append(heat_table(page.heat_map))
    return blocks


def heat_table(heat: HeatMap) -> Table:
    """The section x group heat map as a table of numbers, each cell coloured by its score."""
    return Table(
        f"{heat.caption} ({heat.legend})",
        ["Section", *heat.columns],
        [
            [row, *(score_cell(score) for score in scores)]
            for row, scores in zip(heat.rows, heat.scores, strict=True)
        ],
        shades=[[None, *scores] for scores in heat.scores],
    )


__all__ = ["heat_table", "summary_blocks"]
