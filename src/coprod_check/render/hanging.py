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

from coprod_check.render.wrap import one_line, wrap_line

if TYPE_CHECKING:  # rich is imported by whoever draws, not to build the rows
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.measure import Measurement
    from rich.text import Text

#: One item: its marker ("•", "1.") and its paragraphs, each starting on a new line.
Item = tuple[str, Sequence["Text"]]


class Hanging:
    """A rich renderable: items, each a marker and paragraphs that hang under the first one,
    the whole list ``indent`` columns in (as a ``Padding`` with that left edge drew it)."""

    def __init__(self, items: Sequence[Item], indent: int = 0) -> None:
        self.items = list(items)
        self.indent = indent

    def _marker_width(self) -> int:
        from rich.cells import cell_len

        return max((cell_len(marker) for marker, _ in self.items), default=0)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.cells import cell_len
        from rich.segment import Segment

        inner = options.update_width(max(1, options.max_width - self.indent))
        markers = self._marker_width()
        room = max(1, inner.max_width - markers - 1)
        plains = [[_plain(paragraph) for paragraph in items] for _, items in self.items]
        width = room
        if not all(plain is not None for row in plains for plain in row):
            # styled text is padded in its style to the width the grid gave the column
            widest = max(
                (_widest(console, inner, p) for _, items in self.items for p in items), default=1
            )
            width = min(room, widest)
        cell = inner.update(
            width=width, justify="left", overflow="ellipsis", no_wrap=False, height=None
        )
        margin = Segment(" " * self.indent) if self.indent else None
        # lines are filled to the full width, as Padding filled them (colour codes then stay
        # where they were)
        fill = Segment(" " * (inner.max_width - markers - 1 - width))
        blank = Segment(" " * (markers + 1))
        colourless = console.color_system is None  # styles are not drawn: text is all
        for (marker, paragraphs), row in zip(self.items, plains, strict=True):
            lead = Segment(marker + " " * (markers - cell_len(marker) + 1))
            lines: list[list[Segment]] = []
            for paragraph, plain in zip(paragraphs, row, strict=True):
                if plain is None and colourless and one_line(paragraph):
                    plain = paragraph.plain
                if plain is not None:  # what render_lines makes of it, without the work
                    lines += [[Segment(line)] for line in wrap_line(plain, width)]
                elif one_line(paragraph):
                    # render_lines wraps the same way, then joins the lines to split them again
                    wrapped = paragraph.wrap(console, width, justify="left", overflow="ellipsis")
                    lines += [list(_styled(line).render(console)) for line in wrapped]
                else:
                    lines += console.render_lines(paragraph, cell)
            if not lines:  # an item with nothing to say still shows its marker
                lines.append([])
            for line in lines:
                if margin is not None:
                    yield margin
                yield lead
                lead = blank
                yield from line
                yield fill
                yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        markers = self._marker_width()
        longest = max(
            (
                _widest(console, options, paragraph)
                for _, items in self.items
                for paragraph in items
            ),
            default=0,
        )
        extra = self.indent + markers + 1
        return Measurement(extra + 1, extra + longest).clamp(max_width=options.max_width)


def _plain(paragraph: Text) -> str | None:
    """The text of a one-line paragraph without styles (drawn by :func:`wrap_line`), else
    ``None``."""
    if one_line(paragraph) and not paragraph.spans and not paragraph.style:
        return paragraph.plain
    return None


def _styled(line: Text) -> Text:
    """``line`` with its own style made its first span, as joining lines does (``render``
    ignores the style of a text without spans)."""
    from rich.text import Span

    if line.style:
        line.spans.insert(0, Span(0, len(line), line.style))
        line.style = ""
    return line


def _widest(console: Console, options: ConsoleOptions, paragraph: Text) -> int:
    from rich.cells import cell_len
    from rich.measure import Measurement

    if one_line(paragraph):  # measured by its text alone, as rich measures it
        return min(cell_len(paragraph.plain), options.max_width)
    return Measurement.get(console, options, paragraph).maximum
