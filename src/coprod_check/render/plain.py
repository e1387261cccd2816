"""The plain drawer: the kit's blocks (:mod:`.kit`) as the text rich prints without colour,
drawn from the strings without importing rich.

With no colour drawn, a report is characters only, and rich's work (building ``Text`` and
``Segment`` objects, measuring every renderable, styling blanks) buys nothing. Each block is
drawn here by rich's own rules, ported (rich is MIT-licensed, Copyright (c) 2020 Will McGugan):
a paragraph is wrapped as ``console.print`` wraps a ``Text`` (words folded when too long); a
heading as ``Rule(align="left")``; a table by :mod:`.plain_table`; a padded block as
``Padding`` (its lines cut or filled to the inner width); a hanging list as
:class:`~coprod_check.render.hanging.Hanging`. Lines are cut to the width as the console cuts
them. A block whose text this does not draw exactly (a tab or a control character in user text,
which rich expands or strips) is drawn by rich instead. ``tests/render/test_plain.py`` compares
both for random blocks; the golden files of every report compare whole reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from coprod_check.render.kit import Block, Hanging, Heading, Padded, Para, Table
from coprod_check.render.plain_table import draw_table
from coprod_check.render.plain_text import (
    cell_len,
    measure,
    narrow,
    set_cell_size,
    truncate,
    wrap,
)
from coprod_check.render.safe_text import neutralise_coloured

_KINDS = (Para, Heading, Table, Padded, Hanging)


def draw_plain(blocks: Sequence[Any], width: int) -> str:
    """The blocks one after the other at ``width`` cells, tidied as
    :func:`~coprod_check.render.terminal.tidy` tidies rich's output: no blanks at the end of
    a line, one newline at the end (the lines drawn here are printable: the text rich draws
    has its control characters shown as escapes)."""
    lines: list[str] = []
    console: Any = None  # rich's, made for the first block left to it
    for block in blocks:
        if isinstance(block, _KINDS) and drawable(block):
            try:
                drawn = _lines(block, width, top=True)
            except LeaveToRich:
                pass
            else:
                lines += [_crop(line, width).rstrip(" ") for line in drawn]
                continue
        console = console or _rich_console(width)
        by_rich = neutralise_coloured(_by_rich(console, block))
        lines += [line.rstrip(" \t") for line in by_rich.splitlines()]
    return "\n".join(lines).rstrip("\n") + "\n"


def drawable(block: Block) -> bool:
    """Whether every text in ``block`` is printable (new lines apart, except in a list), so that
    it is drawn here exactly as rich draws it."""
    if isinstance(block, Para):
        return _printable(block.plain)
    if isinstance(block, Heading):
        return block.title.replace("\n", " ").isprintable()
    if isinstance(block, Table):
        return (
            (block.title is None or _printable(block.title))
            and all(_printable(column.header) for column in block.columns)
            and all(_printable(cell.plain) for row in block.rows for cell in row)
            and all(len(row) == len(block.columns) for row in block.rows)
        )
    if isinstance(block, Padded):
        return drawable(block.block)
    # a list paragraph of several lines goes to rich: lines that are only breaks, before an
    # item with no paragraphs, are drawn differently there (found by tests/render/test_plain.py)
    return all(
        marker.isprintable()
        and all(p.no_wrap is None and p.plain.isprintable() for p in paragraphs)
        for marker, paragraphs in block.items
    )


def _printable(text: str) -> bool:
    return text.isprintable() or all(line.isprintable() for line in text.split("\n"))


def _crop(line: str, width: int) -> str:
    """A line no wider than ``width`` (``Segment.adjust_line_length`` without padding)."""
    if len(line) <= width and narrow(line):
        return line
    return set_cell_size(line, width) if cell_len(line) > width else line


def _lines(block: Block, width: int, top: bool) -> list[str]:
    """``block``'s lines at ``width``, before the cut to the width. ``top``: printed by the
    console itself, which draws a paragraph without its own ``no_wrap``."""
    if width < 1:  # rich renders nothing in no room
        return []
    if isinstance(block, Para):
        return wrap(block.plain, width, "default", "fold", not top and bool(block.no_wrap))
    if isinstance(block, Heading):
        return wrap(_rule(block, width), width, "default", "fold", False)
    if isinstance(block, Table):
        return draw_table(block, width)
    if isinstance(block, Padded):
        inner = width - block.left
        margin = " " * block.left
        return [margin + set_cell_size(line, inner) for line in _lines(block.block, inner, False)]
    return _hanging(block, width)


def _rule(heading: Heading, width: int) -> str:
    """``Rule(Text(title), align="left")``: the title (cut with "…" to leave two cells), a
    blank, then the rule's characters to the width."""
    characters = "━" if heading.heavy else "─"
    room = max(0, width - 2)
    if not room or not heading.title:
        return characters * width
    line = truncate(heading.title.replace("\n", " "), room, "ellipsis") + " "
    line += characters * (width - cell_len(line))
    return set_cell_size(line, width)


def _hanging(block: Hanging, width: int) -> list[str]:
    """:class:`~coprod_check.render.hanging.Hanging` without colour: the markers' column as
    wide as the widest marker and a blank, each paragraph wrapped in what is left (a table
    cell's ``"left"`` and ``"ellipsis"``), later lines under the text. As there, a list with
    any style is wrapped at most as wide as its widest paragraph (the same lines, unless that
    is no width at all)."""
    inner = max(1, width - block.indent)
    markers = max((cell_len(marker) for marker, _ in block.items), default=0)
    room = max(1, inner - markers - 1)
    paragraphs = [paragraph for _, items in block.items for paragraph in items]
    if not all(_unstyled(paragraph) for paragraph in paragraphs):
        room = min(room, max((_widest(p.plain, inner) for p in paragraphs), default=1))
        if room < 1 and any(p.plain for p in paragraphs):
            raise LeaveToRich
    margin = " " * block.indent
    blank = " " * (markers + 1)
    fill = " " * (inner - markers - 1 - room)
    lines: list[str] = []
    for marker, items in block.items:
        lead = marker + " " * (markers - cell_len(marker) + 1)
        drawn: list[str] = []
        for paragraph in items:
            plain = paragraph.plain
            if len(plain) <= room and "\n" not in plain and narrow(plain):  # it fits
                drawn.append(plain + " " * (room - len(plain)))
            else:
                drawn += wrap(plain, room, "left", "ellipsis", False)
        for line in drawn or [""]:
            lines.append(margin + lead + line + fill)
            lead = blank
    return lines


def _unstyled(paragraph: Para) -> bool:
    """Whether rich draws a list paragraph as a plain string: one line, no style."""
    return (
        not paragraph.style
        and not any(text and style for text, style in paragraph.runs)
        and paragraph.plain.isprintable()
    )


def _widest(plain: str, inner: int) -> int:
    """How wide rich measures a list paragraph in ``inner`` cells."""
    if plain.isprintable():
        return min(cell_len(plain), inner)
    widest = min(measure(plain)[1], inner)
    return widest if widest >= 1 else 0


class LeaveToRich(Exception):
    """Raised while drawing a block this module does not draw exactly; rich draws it."""


def _rich_console(width: int) -> Any:
    from coprod_check.render.console import string_console

    return string_console(False, width)


def _by_rich(console: Any, block: Any) -> str:
    """What rich prints for ``block`` without colour (its lines, untidied)."""
    from coprod_check.render.rich_kit import to_rich

    console.print(to_rich(block) if isinstance(block, _KINDS) else block)
    file = console.file
    drawn = str(file.getvalue())
    file.seek(0)
    file.truncate()
    return drawn
