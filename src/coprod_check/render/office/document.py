"""An office report as plain data: what Word and Excel writers lay out, format-free.

Cells are typed: numbers stay numbers (Excel can sum and chart them), text is text. A table may
carry a shade for each cell (a 0-100 score, drawn as a colour band in both formats) so a section
x group heat map is a native table whose numbers are its own text alternative.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Cell = str | int | float | None


@dataclass(frozen=True, slots=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True, slots=True)
class Para:
    text: str
    label: str | None = None
    """Shown in bold before the text ("Verdict: ...")."""


@dataclass(frozen=True, slots=True)
class Bullets:
    items: list[str]
    numbered: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    caption: str
    columns: list[str]
    rows: list[list[Cell]]
    shades: list[list[float | None]] | None = None
    """A 0-100 score per cell to colour it by (None: no colour), for heat maps."""
    number_format: str = "0.##"


Block = Heading | Para | Bullets | Table


@dataclass(frozen=True, slots=True)
class Sheet:
    name: str
    table: Table


@dataclass(slots=True)
class OfficeReport:
    """A report for Word and Excel: the one-page summary first, the detail as an appendix."""

    title: str
    summary: list[Block]
    detail: list[Block]
    sheets: list[Sheet] = field(default_factory=list)
    footer: str = ""


def shade_colour(score: float | None) -> str | None:
    """A fill colour (hex RGB) for a 0-100 score: red below 40, amber below 75, green above.

    The bands are the usual partly met and met thresholds; the number is always shown too, so
    the colour is never the only signal.
    """
    if score is None:
        return None
    if score < 40:
        return "F4C7C3"
    if score < 75:
        return "FCE8B2"
    return "B7E1CD"


__all__ = [
    "Block",
    "Bullets",
    "Cell",
    "Heading",
    "OfficeReport",
    "Para",
    "Sheet",
    "Table",
    "shade_colour",
]
