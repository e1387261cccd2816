"""The kit's blocks (:mod:`.kit`) as the rich renderables the terminal reports have always
printed: used when colour is drawn, and for any block the plain drawer leaves to rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from coprod_check.render.hanging import Hanging
from coprod_check.render.kit import Block, Heading, Padded, Para, Table
from coprod_check.render.table import ReportTable

if TYPE_CHECKING:
    from rich.console import RenderableType


def rich_text(para: Para) -> Text:
    """``Text(style=...)`` with each run appended in its style."""
    drawn = Text(style=para.style, no_wrap=para.no_wrap)
    for value, style in para.runs:
        drawn.append(value, style or None)
    return drawn


def to_rich(block: Block) -> RenderableType:
    """The rich renderable of one block."""
    if isinstance(block, Para):
        return rich_text(block)
    if isinstance(block, Heading):
        return Rule(
            Text(block.title, style="bold"),
            align="left",
            characters="━" if block.heavy else "─",
        )
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Padded):
        return Padding(to_rich(block.block), (0, 0, 0, block.left))
    return Hanging(
        [(marker, [rich_text(p) for p in paragraphs]) for marker, paragraphs in block.items],
        block.indent,
    )


def _table(block: Table) -> ReportTable:
    table: ReportTable
    if block.grid:
        table = ReportTable.grid(padding=(0, 1), expand=block.expand)  # type: ignore[assignment]
    elif block.title is not None:
        table = ReportTable(
            title=block.title,
            title_justify="left",
            box=box.SIMPLE_HEAD,
            show_edge=False,
            pad_edge=False,
            expand=block.expand,
        )
    else:
        table = ReportTable(
            box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=block.expand
        )
    for column in block.columns:
        table.add_column(
            column.header,
            justify=column.justify,
            ratio=column.ratio,
            min_width=column.min_width,
            max_width=column.max_width,
            width=column.width,
            no_wrap=column.no_wrap,
            overflow=column.overflow,
            style=column.style or None,
        )
    for row in block.rows:
        table.add_row(*(rich_text(cell) for cell in row))
    return table
