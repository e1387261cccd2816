"""Inline SVG bar charts built from plain data, for self-contained HTML reports.

Pure Python, no plotting library: a chart is a string of SVG that loads nothing. Every label is
escaped as it is placed, and only the finished string is wrapped in :class:`markupsafe.Markup`,
so a section title such as ``<script>`` can never become markup.

Colour is never the only signal: each kind of bar also has its own fill pattern (solid, hatched,
cross-hatched), its status in words beside it, and a legend. Thresholds are drawn as dashed and
dotted lines. Each chart has ``role="img"``, a ``<title>`` and a ``<desc>`` with every number;
callers should still put the same numbers in a visible table next to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from coprod_check.render.words import LEVEL_WORDS, STATUS_WORDS, format_score

WIDTH = 720
LEFT = 8
BAR_AREA = 470
BAR_HEIGHT = 18
ROW_HEIGHT = 50
LABEL_CHARS = 88
TEXT_COLOUR = "#1a1a1a"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif"

_CHART_ID = re.compile(r"^[a-z][a-z0-9-]{0,40}$")


@dataclass(frozen=True, slots=True)
class KindStyle:
    """How one kind of bar looks, and what the legend calls it."""

    colour: str
    pattern: str  # "solid", "hatch" or "cross"
    legend: str


#: All colours have at least 4.5:1 contrast against white.
KINDS: dict[str, KindStyle] = {
    "met": KindStyle("#1d6b2f", "solid", f"{STATUS_WORDS['met']} (solid)"),
    "partly-met": KindStyle("#8a4b00", "hatch", f"{STATUS_WORDS['partly-met']} (hatched)"),
    "not-met": KindStyle("#a4161a", "cross", f"{STATUS_WORDS['not-met']} (cross-hatched)"),
    "reached": KindStyle("#1d6b2f", "solid", f"{LEVEL_WORDS['reached']} (solid)"),
    "not-reached": KindStyle("#a4161a", "cross", f"{LEVEL_WORDS['not-reached']} (cross-hatched)"),
}
NO_BAR_LEGEND = "No bar: too few answers to score"


@dataclass(frozen=True, slots=True)
class Marker:
    """A threshold drawn across one bar as a ``dashed`` or ``dotted`` line.

    ``label`` goes in the text alternative ("met at 75"); ``legend`` says what the line means.
    """

    value: float
    line: str
    label: str
    legend: str


def threshold_markers(met_at: float, partly_met_at: float) -> tuple[Marker, Marker]:
    """A section's met and partly met thresholds, drawn and explained alike in every chart."""
    return (
        Marker(met_at, "dashed", f"met at {format_score(met_at)}", "Dashed line: met threshold"),
        Marker(
            partly_met_at,
            "dotted",
            f"partly met at {format_score(partly_met_at)}",
            "Dotted line: partly met threshold",
        ),
    )


@dataclass(frozen=True, slots=True)
class Bar:
    """One row of a chart. ``value`` None draws no bar (too few answers to score).

    ``value_text`` and ``status_text`` are printed beside the bar, so the number and its meaning
    never depend on reading the bar's length or colour.
    """

    label: str
    value: float | None
    kind: str
    value_text: str
    status_text: str
    markers: tuple[Marker, ...] = ()


DASHES = {"dashed": "6 3", "dotted": "2 2"}


def _e(text: object) -> str:
    return str(escape(str(text)))


def _shorten(text: str, limit: int = LABEL_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _patterns(chart_id: str, kinds: Sequence[str]) -> list[str]:
    parts: list[str] = []
    for kind in kinds:
        style = KINDS[kind]
        if style.pattern == "solid":
            continue
        pid = f"{chart_id}-{kind}"
        lines = f'<line x1="0" y1="0" x2="0" y2="6" stroke="{style.colour}" stroke-width="2.5"/>'
        if style.pattern == "cross":
            lines += (
                f'<line x1="0" y1="0" x2="6" y2="0" stroke="{style.colour}" stroke-width="2.5"/>'
            )
        parts.append(
            f'<pattern id="{pid}" width="6" height="6" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
            f"{lines}</pattern>"
        )
    return parts


def _fill(chart_id: str, kind: str) -> str:
    style = KINDS[kind]
    return style.colour if style.pattern == "solid" else f"url(#{chart_id}-{kind})"


def bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    bars: Sequence[Bar],
    maximum: float = 100.0,
) -> Markup:
    """A horizontal bar chart as inline SVG.

    ``chart_id`` prefixes every id inside the SVG (so several charts can share a page) and must
    be lower-case letters, digits and hyphens. ``description`` introduces the numbers, which are
    appended to the SVG's ``<desc>`` one bar at a time.
    """
    if not _CHART_ID.match(chart_id):
        raise ValueError(f"chart_id must be a simple lower-case id, not {chart_id!r}")
    for bar in bars:
        if bar.kind not in KINDS:
            raise ValueError(f"unknown bar kind {bar.kind!r}; known: {', '.join(KINDS)}")
        for marker in bar.markers:
            if marker.line not in DASHES:
                raise ValueError(f"unknown marker line {marker.line!r}; known: dashed, dotted")
    drawn = {bar.kind for bar in bars if bar.value is not None}
    kinds = [kind for kind in KINDS if kind in drawn]  # a fixed legend order, best first
    marker_lines = list(dict.fromkeys(marker.line for bar in bars for marker in bar.markers))

    top = 8
    axis_y = top + ROW_HEIGHT * len(bars) + 4
    legend_y = axis_y + 34
    legend_items = len(kinds) + len(marker_lines) + int(any(b.value is None for b in bars))
    height = legend_y + 22 * max(1, (legend_items + 1) // 2) + 4

    summary = "; ".join(_bar_summary(bar) for bar in bars) or "no data"
    parts: list[str] = [
        f'<svg role="img" viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet" class="chart" '
        f'aria-labelledby="{chart_id}-title" aria-describedby="{chart_id}-desc" '
        f'font-family="{_e(FONT)}" font-size="14" fill="{TEXT_COLOUR}">',
        f'<title id="{chart_id}-title">{_e(title)}</title>',
        f'<desc id="{chart_id}-desc">{_e(description)} {_e(summary)}.</desc>',
    ]
    patterns = _patterns(chart_id, kinds)
    if patterns:
        parts.append("<defs>" + "".join(patterns) + "</defs>")

    for index, bar in enumerate(bars):
        parts.append(_row(chart_id, bar, top + ROW_HEIGHT * index, maximum))

    parts.append(_axis(axis_y, maximum))
    parts.append(_legend(chart_id, kinds, marker_lines, bars, legend_y))
    parts.append("</svg>")
    return Markup("".join(parts))


def _bar_summary(bar: Bar) -> str:
    text = f"{bar.label}: {bar.value_text}, {bar.status_text}"
    if bar.markers:
        text += " (" + ", ".join(marker.label for marker in bar.markers) + ")"
    return text


def _x(value: float, maximum: float) -> float:
    return LEFT + BAR_AREA * max(0.0, min(value, maximum)) / maximum


def _row(chart_id: str, bar: Bar, y: int, maximum: float) -> str:
    label_y = y + 14
    bar_y = y + 22
    parts = [
        "<g>",
        f"<title>{_e(bar.label)}</title>",
        f'<text x="{LEFT}" y="{label_y}" font-weight="600">{_e(_shorten(bar.label))}</text>',
        f'<rect x="{LEFT}" y="{bar_y}" width="{BAR_AREA}" height="{BAR_HEIGHT}" '
        f'fill="#f4f4f4" stroke="#6b6b6b" stroke-width="1"/>',
    ]
    if bar.value is not None and bar.value > 0:
        width = _x(bar.value, maximum) - LEFT
        style = KINDS[bar.kind]
        parts.append(
            f'<rect x="{LEFT}" y="{bar_y}" width="{_number(width)}" height="{BAR_HEIGHT}" '
            f'fill="{_fill(chart_id, bar.kind)}" stroke="{style.colour}" stroke-width="1.5"/>'
        )
    for marker in bar.markers:
        x = _number(_x(marker.value, maximum))
        parts.append(
            f'<line x1="{x}" y1="{bar_y - 4}" x2="{x}" y2="{bar_y + BAR_HEIGHT + 4}" '
            f'stroke="{TEXT_COLOUR}" stroke-width="2" '
            f'stroke-dasharray="{DASHES[marker.line]}"/>'
        )
    parts.append(
        f'<text x="{LEFT + BAR_AREA + 12}" y="{bar_y + 14}">'
        f'<tspan font-weight="600">{_e(bar.value_text)}</tspan> {_e(bar.status_text)}</text>'
    )
    parts.append("</g>")
    return "".join(parts)


def _axis(y: int, maximum: float) -> str:
    parts = [
        f'<line x1="{LEFT}" y1="{y}" x2="{LEFT + BAR_AREA}" y2="{y}" stroke="#6b6b6b" '
        'stroke-width="1"/>'
    ]
    for step in range(5):
        value = maximum * step / 4
        x = _number(_x(value, maximum))
        anchor = "start" if step == 0 else "end" if step == 4 else "middle"
        parts.append(
            f'<line x1="{x}" y1="{y}" x2="{x}" y2="{y + 5}" stroke="#6b6b6b" stroke-width="1"/>'
            f'<text x="{x}" y="{y + 20}" font-size="12" text-anchor="{anchor}">'
            f"{_number(value)}</text>"
        )
    return "".join(parts)


def _legend(
    chart_id: str, kinds: Sequence[str], marker_lines: Sequence[str], bars: Sequence[Bar], y: int
) -> str:
    entries: list[str] = []
    for kind in kinds:
        style = KINDS[kind]
        entries.append(
            f'<rect x="0" y="-11" width="22" height="14" fill="{_fill(chart_id, kind)}" '
            f'stroke="{style.colour}" stroke-width="1.5"/>'
            f'<text x="30" y="0">{_e(style.legend)}</text>'
        )
    legends = {marker.line: marker.legend for bar in bars for marker in bar.markers}
    for line in marker_lines:
        entries.append(
            f'<line x1="11" y1="-14" x2="11" y2="6" stroke="{TEXT_COLOUR}" stroke-width="2" '
            f'stroke-dasharray="{DASHES[line]}"/>'
            f'<text x="30" y="0">{_e(legends[line])}</text>'
        )
    if any(bar.value is None for bar in bars):
        entries.append(
            f'<rect x="0" y="-11" width="22" height="14" fill="#f4f4f4" stroke="#6b6b6b" '
            f'stroke-width="1"/><text x="30" y="0">{_e(NO_BAR_LEGEND)}</text>'
        )
    parts = []
    for index, entry in enumerate(entries):
        column, row = index % 2, index // 2
        parts.append(f'<g transform="translate({LEFT + column * 340} {y + row * 22})">{entry}</g>')
    return "".join(parts)
