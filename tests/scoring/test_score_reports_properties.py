"""Rules every report obeys whatever text users and bank authors write."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_check.render.charts import Bar, Marker, bar_chart
from coprod_check.render.jinja_env import markdown_cell, markdown_code, markdown_escape
from coprod_check.render.words import format_score, text_bar
from coprod_check.scoring.report import render
from coprod_check.scoring.result import RespondentInfo, Result
from html_checks import page_problems, parse
from result_samples import not_yet_with_blockers

MARKDOWN_SPECIAL = set("\\`*_[]<>#|~")
# Printable text without control characters, which no report promises to carry.
user_text = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn")), min_size=1, max_size=60
).filter(lambda text: text.strip() != "")


def _with_project(text: str) -> Result:
    result = not_yet_with_blockers()
    return result.model_copy(update={"respondent": RespondentInfo(project=text, pseudonym=text)})


@given(user_text)
def test_markdown_escape_leaves_no_markup_character_bare(text: str) -> None:
    escaped = markdown_escape(text)
    bare = re.sub(r"\\.", "", escaped)
    assert not MARKDOWN_SPECIAL & set(bare)
    assert re.sub(r"\\(.)", r"\1", escaped) == " ".join(text.split())


def _structure(markdown: str) -> list[str]:
    """The lines that give a markdown document its shape: headings, rules, lists, quotes."""
    shape = re.compile(r"^(#{1,6}\s|[-*_=]{3,}\s*$|\s*[-+*]\s|\s*\d+[.)]\s|>|\s{4}|\s*$)")
    return [line if not shape.match(line) else line[:2] for line in markdown.splitlines()]


@given(
    st.lists(
        st.sampled_from(["\n", "\n\n", "# ", "---", "===", "1. ", "- ", "> ", "    ", "x", " "]),
        max_size=12,
    ).map("".join),
)
def test_user_text_cannot_change_the_structure_of_a_markdown_report(text: str) -> None:
    """A line break in a project name or pseudonym never starts a heading, rule, list or
    paragraph of its own (issue 17)."""
    plain = render(_with_project("x"), "markdown")
    hostile = render(_with_project(text or "x"), "markdown")
    assert len(hostile.splitlines()) == len(plain.splitlines())
    for ours, theirs in zip(_structure(plain), _structure(hostile), strict=True):
        if ours != theirs:  # only the lines holding the user's text differ, and not in shape
            assert ours[:2] == theirs[:2] or not re.match(r"^(#|-|=|>|\d|\s)", theirs)


@given(st.text(max_size=60))
def test_markdown_cell_is_one_line(text: str) -> None:
    assert "\n" not in markdown_cell(text) and "\r" not in markdown_cell(text)


@given(user_text)
def test_markdown_code_span_holds_any_text(text: str) -> None:
    span = markdown_code(text)
    fence = re.match(r"`+", span)
    assert fence is not None
    assert span.endswith(fence.group(0))
    inner = span[len(fence.group(0)) : -len(fence.group(0))]
    assert fence.group(0) not in inner


@given(st.floats(min_value=0, max_value=100), st.floats(min_value=0, max_value=100))
def test_a_score_below_a_threshold_never_reads_as_reaching_it(
    score: float, threshold: float
) -> None:
    shown = float(format_score(score, (threshold,)))
    assert (shown < threshold) == (score < threshold)
    assert abs(score - shown) <= 0.05 + 1e-9


@given(st.one_of(st.none(), st.floats(min_value=-10, max_value=110)))
def test_text_bars_are_always_the_same_width(score: float | None) -> None:
    assert len(text_bar(score)) == 20


ALLOWED_SVG = {"svg", "title", "desc", "defs", "pattern", "rect", "line", "g", "text", "tspan"}


@given(st.lists(user_text, min_size=1, max_size=4), user_text)
def test_chart_labels_never_become_markup(labels: list[str], title: str) -> None:
    bars = [
        Bar(label, 50.0, "partly-met", "50", "Partly met", (Marker(75, "dashed", "met", "m"),))
        for label in labels
    ]
    svg = str(bar_chart(chart_id="c", title=title, description=title, bars=bars))
    page = parse(svg)
    assert {element.tag for element in page.order} <= ALLOWED_SVG
    assert page.elements("title")[0].all_text() == " ".join(title.split())
    for label in labels:
        assert " ".join(label.split()) in page.text()


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(user_text)
def test_html_report_escapes_any_user_text(text: str) -> None:
    html = render(_with_project(text), "html")
    assert page_problems(html) == []
    meta = parse(html).elements("dd")
    assert meta[0].all_text() == " ".join(text.split())


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(user_text)
def test_text_report_prints_any_user_text_literally(text: str) -> None:
    report = render(_with_project(text), "text", color=False, width=200)
    assert " ".join(text.split()) in " ".join(report.split())
    assert "\x1b" not in report
