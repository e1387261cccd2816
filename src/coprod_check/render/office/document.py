"""An office report as plain data: what Word and Excel writers lay out, format-free.

Cells are typed: numbers stay numbers (Excel can sum and chart them), text is text. A table may
carry a shade for each cell (a 0-100 score, drawn as a colour band in both formats) so a section
x group heat map is a native table whose numbers are its own text alternative.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coprod_check.render.styles import HEAT_FILLS, heat_band


@dataclass(frozen=True, slots=True)
class Number:
    """A number and the words people see for it: Excel keeps ``value`` (so it sorts, sums and
    charts), Word shows ``text``. For a score judged against thresholds (never shown on the
    wrong side of one), a change worked out from the shown scores, or a 0-1 answer value."""

    value: float
    text: str


Cell = str | int | float | Number | None


def cell_text(value: Cell) -> str:
    """A cell as Word shows it: a :class:`Number`'s own text, any other score by the one
    rounding rule every report uses (38.9, not 38.89); a dash for none."""
    from coprod_check.scoring.numbers import format_score

    if value is None:
        return "–"
    if isinstance(value, Number):
        return value.text
    if isinstance(value, float):
        return format_score(value)
    return str(value)


def score_cell(score: float | None, thresholds: tuple[float, ...] = ()) -> Cell:
    """A 0-100 score as a cell, shown by the one rounding rule against its ``thresholds``."""
    from coprod_check.scoring.numbers import format_score

    return None if score is None else Number(score, format_score(score, thresholds))


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
    """A fill colour (hex RGB) for a 0-100 score, by the heat map bands every format uses
    (:func:`~coprod_check.render.styles.heat_band`); the number is always shown too, so the
    colour is never the only signal."""
    band = heat_band(score)
    return None if band is None else HEAT_FILLS[band]


__all__ = [
    "Block",
    "Bullets",
    "Cell",
    "Heading",
    "Number",
    "OfficeReport",
    "Para",
    "Sheet",
    "Table",
    "cell_text",
    "score_cell",
    "shade_colour",
]
