"""The terminal reports' tables: rich's ``Table``, with each text cell drawn more cheaply.

rich lays a table out (column widths, padding, the rule under the header) and draws each cell
by wrapping its ``Text``: building lines of ``Text``, joining and splitting them again as
segments. A comparison of 100 cycles has thousands of cells. :class:`ReportTable` keeps rich's
layout and hands each ``Text`` cell to :class:`Cell`, which rich measures exactly as the text;
where no colour is drawn, a one-line cell, justified left or right with the columns' "…"
overflow, is wrapped by :func:`~coprod_check.render.wrap.wrap_line` from its string, and every
other cell is drawn by rich as before. The golden files of every report, and
``tests/render/test_table.py`` (any table, against rich's own), prove the output unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from coprod_check.render.wrap import Justify, one_line, wrap_line

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
    from rich.measure import Measurement
    from rich.style import StyleType


class Cell:
    """A table cell's ``Text``: measured as the text; drawn as the text would be drawn."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        return Measurement.get(console, options, self.text)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        text = self.text
        justify = options.justify or "default"
        if (
            console.color_system is None  # styles draw nothing: the string is all there is
            and one_line(text)
            and justify in ("left", "right", "default")
            and options.overflow == "ellipsis"
            and not options.no_wrap
        ):
            # "default" pads as "left" does, when the table fills the cell to its width
            side: Justify = "right" if justify == "right" else "left"
            for line in wrap_line(text.plain, options.max_width, side):
                yield Segment(line)
                yield Segment.line()
            return
        yield text


class ReportTable(Table):
    """A rich ``Table`` whose ``Text`` cells are drawn by :class:`Cell`."""

    def add_row(
        self,
        *renderables: RenderableType | None,
        style: StyleType | None = None,
        end_section: bool = False,
    ) -> None:
        cells: list[Any] = [Cell(r) if type(r) is Text else r for r in renderables]
        super().add_row(*cells, style=style, end_section=end_section)
