"""Word-wrap one line of plain text exactly as rich does it in a table cell, without rich's work.

rich wraps a cell's text by building a ``Text``, splitting it into words, dividing it into
``Text`` lines, then joining and splitting them again as segments; for a report of hundreds of
paragraphs that is most of the drawing time. :func:`wrap_line` makes the same lines from the
string: break before a word that does not fit (a word longer than the line is not broken, it is
cut with "…"), drop blanks beyond the width at a break, pad each line to the width. Where a
paragraph's styles are not drawn (no colour) the report kit wraps styled text this way too.
``tests/render/test_wrap.py`` checks it against ``Text.wrap`` for any text and width.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from rich.text import Text

#: The justifications drawn here; the others are left to rich.
Justify = Literal["left", "right"]

_WORD = re.compile(r"\s*\S+\s*")
_TRAILING_BLANKS = re.compile(r"\s+$")


def wrap_line(text: str, width: int, justify: Justify = "left") -> list[str]:
    """The lines of ``text`` (one line of printable text) wrapped at ``width`` cells, each
    exactly ``width`` cells wide, as ``Text.wrap(justify=justify, overflow="ellipsis")``
    draws them (``"right"``: the blanks at the end go, and the line is padded on the left)."""
    from rich.cells import cell_len, set_cell_size

    measure: Callable[[str], int] = len if text.isascii() else cell_len
    size = measure(text)
    if size <= width and justify == "left":
        return [text + " " * (width - size)]
    breaks: list[int] = []
    used = 0
    for match in _WORD.finditer(text):
        start, word = match.start(), match.group()
        length = measure(word.rstrip())
        if width - used >= length:
            used += measure(word)
        elif length > width:  # too long for any line: it starts one, and is cut short
            if start:
                breaks.append(start)
            used = measure(word)
        elif used and start:
            breaks.append(start)
            used = measure(word)
    lines: list[str] = []
    for begin, end in zip([0, *breaks], [*breaks, len(text)], strict=True):
        line = text[begin:end]
        if len(line) > width:  # rich counts characters here, not cells
            blanks = _TRAILING_BLANKS.search(line)
            if blanks is not None:
                line = line[: len(line) - min(len(blanks.group()), len(line) - width)]
        if justify == "right":
            line = line.rstrip()
        length = measure(line)
        if length > width:
            line = set_cell_size(line, width - 1) + "…"
        elif length < width:
            pad = " " * (width - length)
            line = pad + line if justify == "right" else line + pad
        lines.append(line)
    return lines


def one_line(paragraph: Text) -> bool:
    """Whether a rich ``Text`` is one line of printable text with no justification, overflow or
    wrapping of its own, so that the options it is drawn with decide, as for :func:`wrap_line`."""
    from rich.text import Text

    return (
        type(paragraph) is Text
        and paragraph.justify is None
        and paragraph.overflow is None
        and paragraph.no_wrap is None
        and paragraph.end == "\n"
        and paragraph.plain.isprintable()
    )
