"""A list with hanging indents ("1. text", later lines under the text), drawn without a table.

The terminal reports used to lay out each list as a two-column rich ``Table.grid`` (the marker,
then the text wrapping in the rest of the width). Measuring a table for every list was most of
the time a report took to draw: a score report has dozens of lists, a comparison of 100 cycles
hundreds. :class:`Hanging` draws the same characters and colours directly: the marker column is
as wide as the widest marker, one space follows it, and each text wraps in what is left with a
table cell's defaults (``justify="left"``, ``overflow="ellipsis"``, as rich's ``render_lines``
draws it). The golden files of both
reports, at several widths and with colour, are the proof that nothing changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # rich is imported by whoever draws, not to build the rows
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.measure import Measurement
    from rich.text import Text

#: One item: its marker ("•", "1.") and its paragraphs, each starting on a new line.
Item = tuple[str, Sequence["Text"]]


class Hanging:
    """A rich renderable: items, each a marker and paragraphs that hang under the first one."""

    def __init__(self, items: Sequence[Item]) -> None:
        self.items = list(items)

    def _marker_width(self) -> int:
        from rich.cells import cell_len

        return max((cell_len(marker) for marker, _ in self.items), default=0)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.cells import cell_len
        from rich.measure import Measurement
        from rich.segment import Segment

        markers = self._marker_width()
        room = max(1, options.max_width - markers - 1)
        widest = max(
            (
                Measurement.get(console, options, paragraph).maximum
                for _, paragraphs in self.items
                for paragraph in paragraphs
            ),
            default=1,
        )
        cell = options.update(
            width=min(room, widest),
            justify="left",
            overflow="ellipsis",
            no_wrap=False,
            height=None,
        )
        blank = Segment(" " * (markers + 1))
        for marker, paragraphs in self.items:
            lead = Segment(marker + " " * (markers - cell_len(marker) + 1))
            for paragraph in paragraphs:
                for line in console.render_lines(paragraph, cell):
                    yield lead
                    lead = blank
                    yield from line
                    yield Segment.line()
            if lead is not blank:  # an item with nothing to say still shows its marker
                yield lead
                yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        markers = self._marker_width()
        longest = max(
            (
                Measurement.get(console, options, paragraph).maximum
                for _, paragraphs in self.items
                for paragraph in paragraphs
            ),
            default=0,
        )
        return Measurement(markers + 2, markers + 1 + longest).clamp(max_width=options.max_width)
