"""What every terminal report is drawn for: colour or not, how wide, and how its text is tidied.

Kept apart from :mod:`.console` (rich's console) so that deciding these imports nothing heavy:
a report drawn without colour never imports rich at all (:mod:`.kit`).

Colour is decided once here: explicit ``True``/``False`` wins; ``None`` means colour only on a
terminal, and never with ``NO_COLOR`` or ``TERM=dumb``. Lines never end in blanks, even when
colour codes follow them, so golden files and piped output stay clean. Control characters in
user text (an escape sequence in a CSV note) are shown as visible escapes, never sent raw.
"""

from __future__ import annotations

import os
import re
import shutil
import sys

from coprod_check.render.safe_text import neutralise_coloured

DEFAULT_WIDTH = 100
#: Narrowest and widest a report is drawn, whatever the terminal says.
MIN_WIDTH = 40
MAX_WIDTH = 160
_TRAILING_SPACE = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$")


def wants_colour(color: bool | None) -> bool:
    """``True``/``False`` are explicit; ``None``: colour only on a terminal, without NO_COLOR."""
    if color is not None:
        return color
    if os.environ.get("NO_COLOR", ""):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    stream = sys.stdout
    return bool(getattr(stream, "isatty", None)) and stream.isatty()


def report_width(width: int | None = None) -> int:
    """How wide to draw: ``width`` if the caller gives one; else ``COLUMNS``, else the
    terminal's width when standard output is one (both kept within limits); else
    :data:`DEFAULT_WIDTH` (files and pipes)."""
    if width is not None:
        return width
    columns = os.environ.get("COLUMNS", "").strip()
    if columns.isdigit():
        found = int(columns)
    elif getattr(sys.stdout, "isatty", None) and sys.stdout.isatty():
        found = shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns
    else:
        found = DEFAULT_WIDTH
    return max(MIN_WIDTH, min(MAX_WIDTH, found))


def tidy(output: str) -> str:
    """Drawn text as a report prints it: control characters shown as escapes, no trailing
    blanks (also before the colour codes that end a line), one final newline."""
    output = neutralise_coloured(output)
    if "\x1b" in output:
        lines = [_TRAILING_SPACE.sub(r"\1", line) for line in output.splitlines()]
    else:
        lines = [line.rstrip(" \t") for line in output.splitlines()]
    return "\n".join(lines).rstrip("\n") + "\n"
