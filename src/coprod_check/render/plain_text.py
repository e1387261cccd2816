"""Cell widths, measuring and word-wrapping of plain strings, exactly as rich does them.

Ported from rich 15 (``rich/cells.py``, ``rich/_wrap.py``, ``Text.wrap``, ``Text.truncate``,
``Text.__rich_measure__``, ``Lines.justify``; rich is MIT-licensed, Copyright (c) 2020 Will
McGugan) for the plain drawer (:mod:`.plain`), which draws reports without colour and without
importing rich. The functions work on strings where rich works on ``Text``: with no colour drawn,
styles change nothing but the characters.

Widths: a string of characters one cell wide each (ASCII, Latin, Greek and Cyrillic, general
punctuation such as “ ” – …, arrows, box drawing and block elements; :data:`NARROW`, which the
tests check against rich's tables for every Unicode version rich knows) is as wide as it is
long. Anything else (wide East Asian characters, combining marks) is measured, cut and folded by
``rich.cells``, imported then and only then, so the result stays exactly rich's.

Every string given here is printable (``str.isprintable``, per line): the plain drawer leaves
text with tabs or control characters to rich.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

#: Ranges of characters one cell wide in every Unicode version rich knows: rich's own
#: single-cell ranges (``rich.cells._SINGLE_CELL_UNICODE_RANGES``) and some punctuation.
_NARROW_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0xAC),
    (0xAE, 0x2FF),
    (0x370, 0x482),
    (0x2010, 0x2027),
    (0x2030, 0x205E),
    (0x20A0, 0x20C0),
    (0x2100, 0x214F),
    (0x2190, 0x21FF),
    (0x2500, 0x25FC),
    (0x2800, 0x28FF),
)
NARROW = frozenset(chr(code) for start, end in _NARROW_RANGES for code in range(start, end + 1))
_all_narrow: Callable[[str], bool] = NARROW.issuperset

WrapJustify = Literal["default", "left", "right"]
Overflow = Literal["ellipsis", "fold"]

_WORD = re.compile(r"\s*\S+\s*")
_TRAILING_WHITESPACE = re.compile(r"\s+$")
_CHARACTER = re.compile(r"\S")


def narrow(text: str) -> bool:
    """Whether every character of ``text`` (printable) is one cell wide."""
    return text.isascii() or _all_narrow(text)


def cell_len(text: str) -> int:
    """How many cells ``text`` takes on a terminal."""
    if text.isascii() or _all_narrow(text):
        return len(text)
    from rich.cells import cell_len as rich_cell_len

    return rich_cell_len(text)


def set_cell_size(text: str, total: int) -> str:
    """``text`` cut or padded with blanks to ``total`` cells (a wide character cut in half
    becomes a blank)."""
    if text.isascii() or _all_narrow(text):
        size = len(text)
        if size < total:
            return text + " " * (total - size)
        return text[:total]  # as rich: a negative total drops characters from the end
    from rich.cells import set_cell_size as rich_set_cell_size

    return rich_set_cell_size(text, total)


def chop_cells(text: str, width: int) -> list[str]:
    """``text`` in pieces of at most ``width`` cells."""
    if text.isascii() or _all_narrow(text):
        return [text[index : index + width] for index in range(0, len(text), width)]
    from rich.cells import chop_cells as rich_chop_cells

    return rich_chop_cells(text, width)


def measure(text: str) -> tuple[int, int]:
    """The narrowest and widest a paragraph can be drawn (``Text.__rich_measure__``): its
    longest word, its longest line."""
    size: Callable[[str], int] = len if narrow(text) else cell_len
    lines = text.splitlines()
    widest = max(map(size, lines)) if lines else 0
    words = text.split()
    return (max(map(size, words)) if words else widest), widest


def divide_line(text: str, width: int, fold: bool) -> list[int]:
    """Where to break one line of text to fit ``width`` cells (``rich._wrap.divide_line``)."""
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = cell_len(word.rstrip())
        if width - offset >= length:
            offset += cell_len(word)
        elif length > width:
            if fold:
                pieces = chop_cells(word, width)
                for number, piece in enumerate(pieces, start=1):
                    if start:
                        breaks.append(start)
                    if number == len(pieces):
                        offset = cell_len(piece)
                    else:
                        start += len(piece)
            else:
                if start:
                    breaks.append(start)
                offset = cell_len(word)
        elif offset and start:
            breaks.append(start)
            offset = cell_len(word)
    return breaks


def truncate(line: str, width: int, overflow: Overflow, pad: bool = False) -> str:
    """``Text.truncate``: a line wider than ``width`` is cut ("…" at its end for
    ``"ellipsis"``); with ``pad``, a narrower one is filled with blanks."""
    length = cell_len(line)
    if length > width:
        if overflow == "ellipsis":
            line = set_cell_size(line, width - 1) + "…"
        else:
            line = set_cell_size(line, width)
    if pad and length < width:
        line += " " * (width - length)
    return line


def wrap(
    text: str, width: int, justify: WrapJustify, overflow: Overflow, no_wrap: bool
) -> list[str]:
    """The lines ``Text.wrap`` makes of ``text`` at ``width`` cells: each line of the text
    broken between words (a word too long for any line is folded or, for ``"ellipsis"``, cut),
    blanks beyond the width dropped at a break, then justified (``"default"``: as it is)."""
    lines: list[str] = []
    for line in text.split("\n"):
        if width >= 1 and narrow(line):
            lines += _wrap_narrow(line, width, justify, overflow, no_wrap)
            continue
        if no_wrap:
            pieces = [line]
        else:
            breaks = divide_line(line, width, overflow == "fold")
            pieces = [
                _rstrip_end(line[begin:end], width)
                for begin, end in zip([0, *breaks], [*breaks, len(line)], strict=True)
            ]
        if justify == "left":
            pieces = [truncate(piece, width, overflow, pad=True) for piece in pieces]
        elif justify == "right":
            pieces = [truncate(piece.rstrip(), width, overflow) for piece in pieces]
            pieces = [" " * (width - cell_len(piece)) + piece for piece in pieces]
        lines += [truncate(piece, width, overflow) for piece in pieces]
    return lines


def _wrap_narrow(
    line: str, width: int, justify: WrapJustify, overflow: Overflow, no_wrap: bool
) -> list[str]:
    """:func:`wrap` of one line of one-cell characters, where a cell is a character."""
    if no_wrap or len(line) <= width:  # nothing to break, nothing beyond the width to strip
        pieces = [line]
    else:
        breaks = _divide_narrow(line, width, overflow == "fold")
        pieces = [
            _rstrip_end(line[begin:end], width)
            for begin, end in zip([0, *breaks], [*breaks, len(line)], strict=True)
        ]
    cut = width - 1 if overflow == "ellipsis" else width
    end = "…" if overflow == "ellipsis" else ""
    drawn: list[str] = []
    for piece in pieces:
        if justify == "right":
            piece = piece.rstrip()
        size = len(piece)
        if size > width:
            piece = piece[:cut] + end
        elif size < width and justify != "default":
            pad = " " * (width - size)
            piece = pad + piece if justify == "right" else piece + pad
        drawn.append(piece)
    return drawn


def _divide_narrow(text: str, width: int, fold: bool) -> list[int]:
    """:func:`divide_line` of one-cell characters (blanks are spaces: the text is printable),
    a line at a time: a word fits on the line when its last character is within the width, so
    the first word that does not is the one holding the first character past the width."""
    breaks: list[int] = []
    size = len(text)
    line = 0  # where the current line starts
    while size - line > width:
        found = _CHARACTER.search(text, line + width)
        if found is None:  # only blanks are past the width
            break
        here = found.start()
        start = text.rfind(" ", 0, here) + 1
        if start and not text[:start].strip(" "):
            start = 0  # the first word takes the blanks before it
        stripped = text.find(" ", here)
        stripped = size if stripped < 0 else stripped
        if start > line and stripped - start <= width:  # it starts the next line
            breaks.append(start)
            line = start
            continue
        # too long for any line: folded into lines of its own, or cut short on one
        if start > line:
            breaks.append(start)
        if fold:
            after = _CHARACTER.search(text, stripped)
            end = size if after is None else after.start()
            while end - start > width:
                start += width
                breaks.append(start)
            line = start
        else:
            after = _CHARACTER.search(text, stripped)
            if after is None:
                break
            line = after.start()
            breaks.append(line)
    return breaks


def _rstrip_end(line: str, size: int) -> str:
    """``Text.rstrip_end``: blanks at the end beyond ``size`` characters (not cells) go."""
    excess = len(line) - size
    if excess > 0:
        blanks = _TRAILING_WHITESPACE.search(line)
        if blanks is not None:
            return line[: len(line) - min(len(blanks.group()), excess)]
    return line
