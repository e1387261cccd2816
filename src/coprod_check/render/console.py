"""A rich console that draws into a string: the terminal reports drawn in colour, and whatever
the plain drawer (:mod:`.plain`) leaves to rich.

Colour and width are decided in :mod:`.terminal` (re-exported here), which imports no rich.
"""

from __future__ import annotations

from io import StringIO

from rich.console import Console

from coprod_check.render.terminal import (
    DEFAULT_WIDTH,
    MAX_WIDTH,
    MIN_WIDTH,
    report_width,
    tidy,
    wants_colour,
)

__all__ = [
    "DEFAULT_WIDTH",
    "MAX_WIDTH",
    "MIN_WIDTH",
    "console_text",
    "report_width",
    "string_console",
    "wants_colour",
]


def string_console(color: bool | None, width: int | None) -> Console:
    """A console drawing into memory, :func:`report_width` wide; colour as :func:`wants_colour`."""
    colour = wants_colour(color)
    return Console(
        file=StringIO(),
        width=report_width(width),
        color_system="auto" if colour else None,
        force_terminal=colour,
        force_jupyter=False,
        force_interactive=False,
        no_color=not colour,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
        soft_wrap=False,
        record=False,
    )


def console_text(console: Console) -> str:
    """What a :func:`string_console` holds: no trailing blanks, one final newline."""
    return tidy(str(console.file.getvalue()))  # type: ignore[attr-defined]
