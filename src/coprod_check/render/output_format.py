"""Which format a report is written in: ``--format``, or the ending of ``-o FILE``'s name.

``-o report.html`` without ``--format`` writes HTML (it used to write plain text into a file
named .html). A name whose ending says one format while ``--format`` says another is a usage
error, since one of the two is a mistake and guessing which would lose the user's intent.
Endings that say nothing about a format (``.txt`` aside, or none) leave the default.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from coprod_check.errors import UsageError

#: File name endings that say which format a report is in.
EXTENSIONS: dict[str, str] = {
    ".docx": "docx",
    ".xlsx": "xlsx",
    ".html": "html",
    ".htm": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".csv": "csv",
    ".txt": "text",
}
#: Formats that are files, not text for a terminal.
BINARY_FORMATS = ("docx", "xlsx")


def choose_format(
    fmt: str | None, output: Path | None, formats: Sequence[str], default: str = "text"
) -> str:
    """The format to write: ``fmt`` if given (checked against the output's name), else the one
    the output's name says, else ``default``."""
    said = EXTENSIONS.get(output.suffix.lower()) if output is not None else None
    if fmt is not None and fmt not in formats:
        raise UsageError(f"--format {fmt}: choose one of: {', '.join(formats)}")
    if fmt is not None and said is not None and said != fmt:
        raise UsageError(
            f"-o {output}: the name ends in {output.suffix if output else ''}, which is "
            f"{said}, but --format is {fmt}; change one of them"
        )
    chosen = fmt or said or default
    if chosen not in formats:
        raise UsageError(
            f"-o {output}: this command cannot write {chosen}; give --format, one of: "
            f"{', '.join(formats)}"
        )
    return chosen


def output_format(fmt: str | None, output: Path | None, formats: Sequence[str]) -> str:
    """:func:`choose_format`, and a binary format needs a file or a pipe, not a terminal."""
    import sys

    chosen = choose_format(fmt, output, formats)
    if chosen in BINARY_FORMATS and output is None and sys.stdout.isatty():
        raise UsageError(f"--format {chosen} makes a file: give -o report.{chosen}")
    return chosen


__all__ = ["BINARY_FORMATS", "EXTENSIONS", "choose_format", "output_format"]
