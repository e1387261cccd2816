"""The one kit every terminal report is drawn with: a light description of its blocks, drawn
with rich when colour is wanted and by the plain drawer (:mod:`.plain`) when it is not.

A report module says *what* to draw: paragraphs of styled runs (:class:`Para`), heading rules
(:class:`Heading`), grids and tables with rich's column options (:class:`Table`), blocks set in
from the left (:class:`Padded`), lists with hanging indents (:class:`Hanging`). This module
imports nothing heavy, so describing a report costs little and :func:`draw` can choose:

- colour wanted: each block becomes exactly the rich renderable the reports built before
  (:mod:`.rich_kit`), printed by a rich console;
- no colour: the plain drawer writes the same characters from the strings, with rich's own
  layout rules ported (:mod:`.plain`), and never imports rich; a block it cannot draw exactly
  (a tab or control character in user text) is left to rich.

Both give byte-identical text without colour: the golden files of every report and the property
tests in ``tests/render/test_plain.py`` compare them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

Justify = Literal["left", "right"]
Overflow = Literal["ellipsis", "fold"]


class Para:
    """A paragraph: runs of text, each with its own style, on a base style (as rich's
    ``Text(style=style)`` with each run appended), optionally not wrapped."""

    __slots__ = ("no_wrap", "plain", "runs", "style")

    def __init__(
        self, runs: Sequence[tuple[str, str]], style: str = "", no_wrap: bool | None = None
    ) -> None:
        self.runs = tuple(runs)
        self.style = style
        self.no_wrap = no_wrap
        #: The paragraph's characters, without styles.
        self.plain = "".join([text for text, _ in self.runs])

    def append(self, text: str, style: str = "") -> Para:
        """This paragraph with one more run (``Text.append``)."""
        return Para((*self.runs, (text, style)), self.style, self.no_wrap)

    def __repr__(self) -> str:
        return f"Para({self.runs!r}, style={self.style!r}, no_wrap={self.no_wrap!r})"


def text(value: str, style: str = "", *, no_wrap: bool | None = None) -> Para:
    """One run on a base style: rich's ``Text(value, style=style)``."""
    return Para(((value, ""),), style, no_wrap)


def assemble(*parts: str | tuple[str, str]) -> Para:
    """Runs in order, each a string or ``(string, style)``: rich's ``Text.assemble``."""
    return Para([(part, "") if isinstance(part, str) else part for part in parts])


def labelled(label: str, value: str, style: str = "") -> Para:
    """``label: value``, the label in bold: how every report labels a fact."""
    return Para(((f"{label}: ", "bold"), (value, style)))


#: An empty line.
BLANK = Para(())


class Heading:
    """A rule across the width with a title on its left (rich's ``Rule(align="left")``), the
    title in bold; ``heavy`` draws it with "━" instead of "─"."""

    __slots__ = ("heavy", "title")

    def __init__(self, title: str, heavy: bool = False) -> None:
        self.title = title
        self.heavy = heavy


class Column:
    """A table column, with the options of rich's ``Table.add_column`` the reports use."""

    __slots__ = (
        "header",
        "justify",
        "max_width",
        "min_width",
        "no_wrap",
        "overflow",
        "ratio",
        "style",
        "width",
    )

    def __init__(
        self,
        header: str = "",
        *,
        justify: Justify = "left",
        ratio: int | None = None,
        min_width: int | None = None,
        max_width: int | None = None,
        width: int | None = None,
        no_wrap: bool = False,
        overflow: Overflow = "ellipsis",
        style: str = "",
    ) -> None:
        self.header = header
        self.justify = justify
        self.ratio = ratio
        self.min_width = min_width
        self.max_width = max_width
        self.width = width
        self.no_wrap = no_wrap
        self.overflow = overflow
        self.style = style


class Table:
    """Rows of paragraphs under columns: with ``grid``, rich's ``Table.grid(padding=(0, 1))``
    (no header, one blank between columns); else a ``Table`` with the ``SIMPLE_HEAD`` box, no
    edge or edge padding, a rule under the header, optionally a title above it on the left and
    filling the width (``expand``)."""

    __slots__ = ("columns", "expand", "grid", "rows", "title")

    def __init__(self, *, grid: bool = False, expand: bool = False, title: str | None = None):
        self.grid = grid
        self.expand = expand
        self.title = title
        self.columns: list[Column] = []
        self.rows: list[Sequence[Para]] = []

    def add_column(self, header: str = "", **options: Any) -> None:
        """A column (:class:`Column`'s options)."""
        self.columns.append(Column(header, **options))

    def add_row(self, *cells: Para) -> None:
        """A row: one paragraph per column."""
        self.rows.append(cells)


class Padded:
    """A block drawn ``left`` columns in (rich's ``Padding(block, (0, 0, 0, left))``)."""

    __slots__ = ("block", "left")

    def __init__(self, block: Block, left: int = 2) -> None:
        self.block = block
        self.left = left


class Hanging:
    """Items, each a marker ("•", "1.") and paragraphs hanging under its first one, the whole
    list ``indent`` columns in (:class:`coprod_check.render.hanging.Hanging`)."""

    __slots__ = ("indent", "items")

    def __init__(self, items: Sequence[tuple[str, Sequence[Para]]], indent: int = 0) -> None:
        self.items = list(items)
        self.indent = indent


Block = Para | Heading | Table | Padded | Hanging


def draw(blocks: Sequence[Any], *, color: bool | None, width: int | None) -> str:
    """``blocks`` as terminal text :func:`~.terminal.report_width` wide, with ANSI colour codes
    only when :func:`~.terminal.wants_colour`. A block may also be any rich renderable (drawn by
    rich in either case)."""
    from coprod_check.render.terminal import report_width, tidy, wants_colour

    if wants_colour(color):
        from coprod_check.render.console import console_text, string_console
        from coprod_check.render.rich_kit import to_rich

        console = string_console(True, width)
        for block in blocks:
            console.print(to_rich(block) if isinstance(block, _KINDS) else block)
        return console_text(console)
    from coprod_check.render.plain import draw_plain

    return tidy(draw_plain(blocks, report_width(width)))


_KINDS = (Para, Heading, Table, Padded, Hanging)
