"""The reporters: exact text, markdown and JSON for hand-made results, pinned in golden files."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest

from coprod_check.errors import UsageError
from coprod_check.render.console import wants_colour
from coprod_check.render.output_format import BINARY_FORMATS
from coprod_check.scoring.report import FORMATS, render
from coprod_check.scoring.result import Result
from result_samples import ALL_SAMPLES, HOSTILE_NOTE, not_yet_with_blockers, ready_transformative

Golden = Callable[[str, str], None]
EXTENSIONS = {"text": "txt", "markdown": "md", "json": "json"}

CASES = [
    (sample, fmt, explain, show_all)
    for sample in ALL_SAMPLES
    for fmt in ("text", "markdown", "json")
    for explain, show_all in ((False, False), (True, True))
    if not (fmt == "json" and explain)
]


def _name(sample: str, fmt: str, explain: bool, show_all: bool) -> str:
    suffix = "-explain-all" if explain or show_all else ""
    return f"reporters/{sample}{suffix}.{EXTENSIONS[fmt]}"


@pytest.mark.parametrize(("sample", "fmt", "explain", "show_all"), CASES)
def test_output_matches_golden_file(
    golden: Golden, sample: str, fmt: str, explain: bool, show_all: bool
) -> None:
    result = ALL_SAMPLES[sample]()
    text = render(result, fmt, explain=explain, show_all=show_all, color=False, width=100)
    golden(_name(sample, fmt, explain, show_all), text)


@pytest.mark.parametrize("fmt", [fmt for fmt in FORMATS if fmt not in BINARY_FORMATS])
@pytest.mark.parametrize("sample", ALL_SAMPLES)
def test_output_is_stable_and_ends_in_one_newline(sample: str, fmt: str) -> None:
    first = render(ALL_SAMPLES[sample](), fmt, color=False, width=100)
    second = render(ALL_SAMPLES[sample](), fmt, color=False, width=100)
    assert first == second
    assert first.endswith("\n") and not first.endswith("\n\n")


def test_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown report format 'pdf'"):
        render(ready_transformative(), "pdf")


# -- JSON ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("sample", ALL_SAMPLES)
def test_json_round_trips_to_the_same_result(sample: str) -> None:
    result = ALL_SAMPLES[sample]()
    assert Result.model_validate_json(render(result, "json")) == result


def test_json_keeps_the_model_field_order_and_unicode() -> None:
    text = render(not_yet_with_blockers(), "json")
    data = json.loads(text)
    assert list(data) == list(Result.__record_fields__)
    assert list(data["verdict"]) == [
        "id",
        "label",
        "reasons",
        "conditions",
        "alternatives",
        "explanation",
        "approach",
        "decisive",
        "ranked_conditions",
    ]
    assert "Coproducing Health – a briefing" in text  # not \u2013
    assert text.startswith('{\n  "result_version": 1,\n')


def test_json_ignores_explain_and_show_all() -> None:
    result = not_yet_with_blockers()
    assert render(result, "json", explain=True, show_all=True) == render(result, "json")


# -- text ----------------------------------------------------------------------------------------


def _headings(text: str, names: list[str]) -> list[int]:
    return [text.index(name) for name in names]


def test_text_puts_the_verdict_first_and_the_explanation_last() -> None:
    text = render(not_yet_with_blockers(), "text", explain=True, color=False, width=100)
    order = _headings(
        text,
        [
            "Verdict ───",
            "Needham & Carr level of co-production ───",
            "Criteria and sections ───",
            "Red flags ───",
            "What to do next ───",
            "How this result was reached ───",
        ],
    )
    assert order == sorted(order)
    assert text.index("Blockers (2)") < text.index("Cautions (1)")


def test_text_without_explain_has_no_trace() -> None:
    text = render(not_yet_with_blockers(), "text", color=False, width=100)
    assert "How this result was reached" not in text
    assert "Weight" not in text


def test_text_shows_the_top_five_recommendations_unless_asked_for_all() -> None:
    result = not_yet_with_blockers()
    short = render(result, "text", color=False, width=100)
    every = render(result, "text", show_all=True, color=False, width=100)
    assert re.findall(r"^  (\d)\. \w", short.split("What to do next")[1], re.M) == list("12345")
    assert "2 more recommendations not shown; use --all to see every one." in short
    assert re.findall(r"^  (\d)\. \w", every.split("What to do next")[1], re.M) == list("1234567")
    assert "not shown" not in every


def test_text_prints_user_text_literally() -> None:
    text = render(not_yet_with_blockers(), "text", color=False, width=100)
    assert f"Note: {HOSTILE_NOTE}" in text
    assert "Funding ends in March | no renewal *yet*." in text


def test_text_has_no_control_codes_without_colour() -> None:
    text = render(not_yet_with_blockers(), "text", explain=True, color=False, width=100)
    assert "\x1b" not in text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_text_has_colour_when_asked() -> None:
    text = render(not_yet_with_blockers(), "text", color=True, width=100)
    assert "\x1b[" in text
    assert re.sub(r"\x1b\[[0-9;]*m", "", text) == render(
        not_yet_with_blockers(), "text", color=False, width=100
    )


def test_text_respects_the_width() -> None:
    text = render(not_yet_with_blockers(), "text", explain=True, color=False, width=72)
    assert max(len(line) for line in text.splitlines()) <= 72


class _Stream:
    def __init__(self, tty: bool) -> None:
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.mark.parametrize(
    ("color", "tty", "no_color", "term", "expected"),
    [
        (True, False, "1", "xterm", True),  # asked for explicitly
        (False, True, "", "xterm", False),
        (None, True, "", "xterm", True),  # a terminal
        (None, False, "", "xterm", False),  # piped
        (None, True, "1", "xterm", False),  # NO_COLOR
        (None, True, "", "dumb", False),
    ],
)
def test_colour_is_automatic_only_on_a_terminal_without_no_color(
    monkeypatch: pytest.MonkeyPatch,
    color: bool | None,
    tty: bool,
    no_color: str,
    term: str,
    expected: bool,
) -> None:
    monkeypatch.setattr("sys.stdout", _Stream(tty))
    monkeypatch.setenv("NO_COLOR", no_color)
    monkeypatch.setenv("TERM", term)
    assert wants_colour(color) is expected


def test_text_under_no_color_on_a_terminal_is_plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdout", _Stream(True))
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b" not in render(ready_transformative(), "text")


# -- markdown ------------------------------------------------------------------------------------


def test_markdown_escapes_user_text() -> None:
    text = render(not_yet_with_blockers(), "markdown", explain=True)
    assert "<script>" not in text
    assert r"\<script\>alert(1)\</script\> & the board said no" in text
    assert r"Funding ends in March \| no renewal \*yet\*." in text
    assert r"Falls & fractures \<pilot\>" in text


def test_markdown_tables_have_a_constant_number_of_columns() -> None:
    text = render(not_yet_with_blockers(), "markdown", explain=True)
    for block in re.split(r"\n\n", text):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        if rows:
            counts = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
            assert len(counts) == 1, block


def test_markdown_has_one_title_and_the_same_order_as_text() -> None:
    text = render(not_yet_with_blockers(), "markdown", explain=True)
    assert re.findall(r"^# ", text, re.M) == ["# "]
    order = _headings(
        text,
        [
            "## Verdict: ",
            "## Needham & Carr level of co-production",
            "## Criteria and sections",
            "## Red flags",
            "## What to do next",
            "## How this result was reached",
        ],
    )
    assert order == sorted(order)


@pytest.mark.parametrize(("width", "bar"), [(100, "█" * 15 + "░" * 5), (80, "█" * 8 + "░" * 2)])
def test_text_bars_shrink_with_the_width(width: int, bar: str) -> None:
    text = render(not_yet_with_blockers(), "text", color=False, width=width)
    assert re.search(rf"^Shared aims +{bar} +75 +Met +1 of 1$", text, re.M)


def test_narrow_text_drops_the_bars_but_keeps_scores_and_words() -> None:
    text = render(not_yet_with_blockers(), "text", color=False, width=60)
    assert "█" not in text and "Score bar" not in text
    assert re.search(r"^Shared aims +75 +Met +1 of 1$", text, re.M)
    assert "…" not in text
