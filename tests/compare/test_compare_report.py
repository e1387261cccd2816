"""The compare reporters: shared wording, colour and width, escaping, JSON round trip."""

from __future__ import annotations

import json

import pytest

from compare_samples import point, values
from coprod_check.compare.engine import compare
from coprod_check.compare.point import Point
from coprod_check.compare.report import FORMATS, render
from coprod_check.compare.result import CompareResult
from coprod_check.compare.view import build_view, shown_change
from coprod_check.errors import UsageError

LEADERS = "inett-authority-senior-leaders"


def sequence(*labels: str) -> CompareResult:
    names = labels or ("jan.json", "apr.json", "jul.json")
    results = [
        point("2026-01-15", values(inett_authority_move_outside=0.0), recommendations=[LEADERS]),
        point("2026-04-15", values(inett_authority_move_outside=0.25)),
        point("2026-07-15", values(inett_authority_move_outside=1.0), recommendations=[LEADERS]),
    ]
    points = [Point(name, "score", result) for name, result in zip(names, results, strict=True)]
    return compare(points, tool_version="0.1.0")


@pytest.mark.parametrize(
    ("first", "last", "shown"),
    [
        ("50", "66.7", "+16.7"),
        ("33.3", "83.3", "+50"),
        ("74.96", "75", "+0.04"),
        ("80", "75", "-5"),
        ("66.7", "66.7", "0"),
        ("–", "40", "–"),
        ("40", "–", "–"),
    ],
)
def test_change_is_worked_out_from_the_scores_as_shown(first: str, last: str, shown: str) -> None:
    assert shown_change(first, last) == shown


def test_view_wording() -> None:
    view = build_view(sequence())
    authority = view.criteria[0]
    assert authority.cells == ["25", "37.5", "75"]
    assert authority.change_text == "+50"
    assert authority.direction_words == "▲ better"
    assert authority.status_words == ["Not met", "Not met", "Met"]
    assert view.respondent == "Falls service team"
    assert [row.confidence_text for row in view.points] == ["8 of 8 (100%), high"] * 3
    # Made at 1 and 3 but not 2: "new" in the JSON, said as "back again".
    [rec] = view.recommendations
    assert (rec.trend.status, rec.status_words, rec.present_text) == ("new", "Back again", "1, 3")
    assert view.latest_step == "point 2 to point 3"
    assert [step.title for step in view.steps] == ["Point 1 to point 2", "Point 2 to point 3"]


def test_text_colour_and_width() -> None:
    result = sequence()
    plain = render(result, "text", color=False, width=80)
    assert "\x1b[" not in plain
    assert max(len(line) for line in plain.splitlines()) <= 80
    coloured = render(result, "text", color=True, width=80)
    assert "\x1b[" in coloured
    # Colour is never the only signal: the words are there either way.
    assert "▲ better" in plain
    assert "▲ better" in coloured


def test_json_round_trips_into_the_model() -> None:
    result = sequence()
    text = render(result, "json")
    data = json.loads(text)
    assert data["compare_version"] == 1
    assert list(data)[:3] == ["compare_version", "tool_version", "order"]
    assert CompareResult.model_validate(data) == result
    assert render(result, "json") == text  # same input, same bytes


def test_markdown_escapes_file_names() -> None:
    text = render(sequence("*jan*|x.json", "[apr](http://x).json", "jul.json"), "markdown")
    assert "| 1 | \\*jan\\*\\|x.json |" in text
    assert "\\[apr\\](http://x).json" in text


def test_unknown_format() -> None:
    with pytest.raises(UsageError, match="unknown report format 'pdf'"):
        render(sequence(), "pdf")
    assert FORMATS == ("text", "json", "markdown", "html", "docx", "xlsx")


def test_html_lists_every_point_and_section() -> None:
    html = render(sequence(), "html")
    assert html.count('<th scope="col">Point ') == 3
    assert html.count("<figure>") == 4
    assert "<h3>Point 2 to point 3</h3>" in html
