"""The inline SVG bar charts: ids, patterns, legend, text alternative and contrast."""

from __future__ import annotations

import pytest

from coprod_check.render.charts import KINDS, Bar, Marker, bar_chart
from html_checks import parse

MET = Marker(75, "dashed", "met at 75", "Dashed line: met threshold")
PARTLY = Marker(40, "dotted", "partly met at 40", "Dotted line: partly met threshold")


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("kind", KINDS)
def test_every_bar_colour_has_text_contrast_against_white(kind: str) -> None:
    ratio = (1.05) / (_luminance(KINDS[kind].colour) + 0.05)
    assert ratio >= 4.5


def test_chart_has_title_description_patterns_and_a_legend_in_words() -> None:
    svg = str(
        bar_chart(
            chart_id="demo",
            title="Scores",
            description="Each score.",
            bars=[
                Bar("Shared aims", 80, "met", "80", "Met", (MET, PARTLY)),
                Bar("The right scale", 50, "partly-met", "50", "Partly met", (MET, PARTLY)),
                Bar("Outcomes", None, "not-met", "no score", "Unknown", (MET, PARTLY)),
            ],
        )
    )
    page = parse(svg)
    [root] = page.elements("svg")
    assert root.attrs["role"] == "img"
    assert root.attrs["aria-labelledby"] == "demo-title"
    assert root.attrs["aria-describedby"] == "demo-desc"
    assert page.elements("desc")[0].all_text() == (
        "Each score. Shared aims: 80, Met (met at 75, partly met at 40); The right scale: 50, "
        "Partly met (met at 75, partly met at 40); Outcomes: no score, Unknown (met at 75, "
        "partly met at 40)."
    )
    # Only the hatched kind needs a pattern; the solid one is a plain fill.
    assert [p.attrs["id"] for p in page.elements("pattern")] == ["demo-partly-met"]
    legend = [text.all_text() for text in page.elements("text")][-5:]
    assert legend == [
        "Met (solid)",
        "Partly met (hatched)",
        "Dashed line: met threshold",
        "Dotted line: partly met threshold",
        "No bar: too few answers to score",
    ]
    # Two filled bars plus a background track for each of the three rows.
    assert len([r for r in page.elements("rect") if r.attrs.get("height") == "18"]) == 5


def test_long_labels_are_shortened_but_kept_whole_in_a_title() -> None:
    label = "A very long section title " * 6
    page = parse(
        str(
            bar_chart(
                chart_id="x",
                title="t",
                description="d",
                bars=[Bar(label, 10, "not-met", "10", "Not met")],
            )
        )
    )
    shown = page.elements("text")[0].all_text()
    assert shown.endswith("…") and len(shown) <= 88
    assert page.elements("g")[0].children[0].all_text() == " ".join(label.split())


@pytest.mark.parametrize(
    ("chart_id", "bar", "message"),
    [
        ("Bad id", Bar("a", 1, "met", "1", "Met"), "chart_id must be"),
        ("ok", Bar("a", 1, "great", "1", "Great"), "unknown bar kind 'great'"),
        ("ok", Bar("a", 1, "met", "1", "Met", (Marker(5, "wavy", "x", "y"),)), "marker line"),
    ],
)
def test_bad_chart_input_is_refused(chart_id: str, bar: Bar, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        bar_chart(chart_id=chart_id, title="t", description="d", bars=[bar])
