"""The HTML report: self-contained, no scripts, escaped user text, accessible structure."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from coprod_check.scoring.report import render
from html_checks import CHROMIUM, chromium_console, page_problems, parse
from result_samples import ALL_SAMPLES, HOSTILE_NOTE, insufficient_answers, not_yet_with_blockers

VARIANTS = [(sample, explain) for sample in ALL_SAMPLES for explain in (False, True)]


@pytest.mark.parametrize(("sample", "explain"), VARIANTS)
def test_page_is_self_contained_script_free_and_accessible(sample: str, explain: bool) -> None:
    html = render(ALL_SAMPLES[sample](), "html", explain=explain, show_all=explain)
    assert page_problems(html) == []


@pytest.mark.parametrize(("sample", "explain"), VARIANTS)
def test_page_has_no_web_address_at_all(sample: str, explain: bool) -> None:
    html = render(ALL_SAMPLES[sample](), "html", explain=explain)
    assert not re.search(r"https?://|//[a-z]", html, re.IGNORECASE)


@pytest.mark.parametrize("explain", [False, True])
def test_a_hostile_note_is_escaped(explain: bool) -> None:
    html = render(not_yet_with_blockers(), "html", explain=explain)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; the board said no" in html
    assert HOSTILE_NOTE in parse(html).text()
    assert "Falls &amp; fractures &lt;pilot&gt;" in html


def test_charts_show_criteria_and_levels_with_numbers_in_words() -> None:
    page = parse(render(not_yet_with_blockers(), "html"))
    svgs = page.elements("svg")
    assert [svg.attrs["aria-labelledby"] for svg in svgs] == [
        "chart-levels-title",
        "chart-sections-title",
    ]
    criteria = svgs[1]
    description = criteria.find_all("desc")[0].all_text()
    assert "Authority to work differently: 12.5, Not met (met at 75, partly met at 40)" in (
        description
    )
    assert "Resource, time and support: no score, Unknown" in description
    assert "Reasons for caution" not in description  # the chart shows criterion sections only
    texts = " ".join(text.all_text() for text in criteria.find_all("text"))
    assert "Partly met (hatched)" in texts and "Not met (cross-hatched)" in texts


def test_without_criteria_the_chart_shows_every_section() -> None:
    result = not_yet_with_blockers()
    others = [section for section in result.sections if section.role != "criterion"]
    page = parse(render(result.model_copy(update={"sections": others}), "html"))
    description = page.elements("desc")[-1].all_text()
    assert description.startswith("Bar chart of each section's score")
    assert "Reasons for caution: 33.3, Not met" in description


def test_no_level_chart_when_levels_were_not_assessed() -> None:
    page = parse(render(insufficient_answers(), "html"))
    assert [svg.attrs["aria-labelledby"] for svg in page.elements("svg")] == [
        "chart-sections-title"
    ]
    assert "Level: Not assessed" in page.text()


def test_status_is_written_in_words_next_to_colour() -> None:
    page = parse(render(not_yet_with_blockers(), "html"))
    cells = [cell for cell in page.elements("td") if "status" in cell.attrs.get("class", "")]
    words = {cell.all_text() for cell in cells}
    assert {"Met", "Partly met", "Not met", "Unknown", "Reached", "Not reached"} <= words


def test_the_checker_catches_what_it_is_meant_to_catch() -> None:
    bad = (
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>'
        '<h1>a</h1><h3>b</h3><h1>c</h1><img src="https://example.org/x.png" alt="">'
        '<script>1</script><p onclick="x()">p</p><table><tr><td>1</td></tr></table>'
        '<svg><circle r="1"/></svg></body></html>'
    )
    problems = "\n".join(page_problems(bad))
    for expected in (
        '<html lang="en-GB">',
        "Content-Security-Policy",
        "@media print",
        "forbidden element <script>",
        "forbidden element <img>",
        "points outside the page",
        "onclick",
        "exactly one <h1>",
        "jumps from h1 to h3",
        "a <table> without <th>",
        'without role="img"',
        "without a <title>",
        "not inside a <figure>",
    ):
        assert expected in problems


# -- in a real browser ---------------------------------------------------------------------------


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
@pytest.mark.slow
def test_chromium_loads_the_report_without_console_errors(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(render(not_yet_with_blockers(), "html", explain=True), encoding="utf-8")
    dom, console = chromium_console(page, tmp_path / "profile")
    assert console == []
    assert "Co-production readiness report</h1>" in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
@pytest.mark.slow
def test_chromium_console_check_can_fail(tmp_path: Path) -> None:
    """Control: a page that breaks its own policy does log console messages we can see."""
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html lang="en-GB"><head><meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'\"><title>bad</title></head><body>"
        "<script>console.log(1)</script></body></html>",
        encoding="utf-8",
    )
    _, console = chromium_console(page, tmp_path / "profile")
    assert any("Content Security Policy" in line for line in console)
