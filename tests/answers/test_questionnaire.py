"""The printable questionnaire handout and the ``coprod-check questionnaire`` command."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_check.answers.handout import build_handout, render_handout
from coprod_check.answers.model import ROLES
from coprod_check.bank.loader import load_bank, load_bundled_banks
from coprod_check.bank.model import Bank
from coprod_check.cli import app
from coprod_check.errors import UsageError
from html_checks import CHROMIUM, chromium_console, page_problems, parse

Golden = Callable[[str, str], None]
FIXTURE = Path(__file__).parents[1] / "fixtures" / "handout" / "bank.yaml"
runner = CliRunner()


@pytest.fixture(scope="module")
def fixture_bank() -> Bank:
    return load_bank(FIXTURE)


def _option_count(banks: list[Bank]) -> int:
    scales = {(bank.id, scale.id): len(scale.options) for bank in banks for scale in bank.scales}
    return sum(
        scales[(bank.id, question.scale)]
        for bank in banks
        for section in bank.sections
        for question in section.questions
    )


# -- golden markdown -----------------------------------------------------------------------------


def test_fixture_bank_markdown_matches_golden_file(golden: Golden, fixture_bank: Bank) -> None:
    golden(
        "reporters/questionnaire-fixture.md",
        render_handout([fixture_bank], "markdown", tool_version="0.1.0"),
    )


def test_bundled_banks_markdown_matches_golden_file(golden: Golden) -> None:
    golden(
        "reporters/questionnaire-bundled.md",
        render_handout(load_bundled_banks(), "markdown", tool_version="0.1.0"),
    )


# -- content -------------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["fixture", "bundled"])
def test_every_question_is_numbered_with_a_tick_box_per_option(
    which: str, fixture_bank: Bank
) -> None:
    banks = [fixture_bank] if which == "fixture" else load_bundled_banks()
    text = render_handout(banks, "markdown")
    statements = [q for b in banks for s in b.sections for q in s.questions]
    numbers = [int(n) for n in re.findall(r"^#### (\d+)\. ", text, re.M)]
    assert numbers == list(range(1, len(statements) + 1))
    assert text.count("☐") == _option_count(banks) + len(ROLES)
    assert text.count("Notes: ___") == len(statements)
    for question in statements:
        assert f"Code: `{question.id}`" in text


def test_handout_names_sources_by_author_year_and_title(fixture_bank: Bank) -> None:
    handout = build_handout([fixture_bank])
    [bank] = handout.banks
    assert [source.text for source in bank.sources] == [
        'Steve Inett, "Examining Co-production Part 1 – The Right Circumstances". '
        "The Consultation Institute",
        'Becky Malby (2014), "Coproducing Health – a briefing"',
    ]
    assert bank.sources[0].url == "https://example.org/right-circumstances?a=1&b=2"
    assert bank.sections[0].citation == (
        'Steve Inett, "Examining Co-production Part 1 – The Right Circumstances": '
        "Criterion 1: authority"
    )


def test_markdown_escapes_bank_text_and_shows_urls_as_code(fixture_bank: Bank) -> None:
    text = render_handout([fixture_bank], "markdown")
    assert "<script>" not in text and "<b>" not in text
    assert r"## Handout fixture \<b\>bold?\</b\> & more" in text
    assert r"#### 2. \# We have time set aside for co-production." in text
    assert r"\*all\* of them" in text
    assert "Web address: `https://example.org/right-circumstances?a=1&b=2`" in text


def test_questions_are_numbered_on_across_banks(fixture_bank: Bank) -> None:
    handout = build_handout([fixture_bank, fixture_bank.model_copy(update={"id": "second"})])
    numbers = [q.number for b in handout.banks for s in b.sections for q in s.questions]
    assert numbers == [1, 2, 3, 4, 5, 6]
    assert handout.question_count == 6


def test_unknown_format_and_no_banks_are_usage_errors(fixture_bank: Bank) -> None:
    with pytest.raises(UsageError, match="choose one of: markdown, html"):
        render_handout([fixture_bank], "pdf")
    with pytest.raises(UsageError, match="no question banks"):
        render_handout([], "markdown")


# -- HTML ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["fixture", "bundled"])
def test_html_is_self_contained_script_free_and_accessible(which: str, fixture_bank: Bank) -> None:
    banks = [fixture_bank] if which == "fixture" else load_bundled_banks()
    html = render_handout(banks, "html")
    assert page_problems(html) == []
    page = parse(html)
    assert len([box for box in page.order if "box" in box.attrs.get("class", "")]) == (
        _option_count(banks) + len(ROLES)
    )


def test_html_escapes_bank_text_and_prints_urls_as_text(fixture_bank: Bank) -> None:
    html = render_handout([fixture_bank], "html")
    assert "<script" not in html.lower() and "<b>" not in html
    assert "Handout fixture &lt;b&gt;bold?&lt;/b&gt; &amp; more" in html
    assert "shaped &lt;script&gt;x&lt;/script&gt;." in html
    page = parse(html)
    assert not [a for a in page.elements("a")]
    # The only web address is the source's, as text.
    assert re.findall(r"https?://[^\s<]*", html) == [
        "https://example.org/right-circumstances?a=1&amp;b=2"
    ]


def test_html_tick_boxes_are_labelled_and_hidden_from_screen_readers(fixture_bank: Bank) -> None:
    page = parse(render_handout([fixture_bank], "html"))
    lists = [ul for ul in page.elements("ul") if "ticks" in ul.attrs.get("class", "")]
    answer_lists = [ul for ul in lists if "aria-label" in ul.attrs]
    assert [ul.attrs["aria-label"] for ul in answer_lists] == [
        "Answers to statement 1",
        "Answers to statement 2",
        "Answers to statement 3",
    ]
    assert [li.all_text() for li in answer_lists[1].find_all("li")] == ["No", "Yes"]
    for ul in lists:
        for li in ul.find_all("li"):
            box = li.children[0]
            assert box.attrs == {"class": "box", "aria-hidden": "true"}


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)")
@pytest.mark.slow
def test_chromium_loads_the_handout_without_console_errors(tmp_path: Path) -> None:
    page = tmp_path / "handout.html"
    page.write_text(render_handout(load_bundled_banks(), "html"), encoding="utf-8")
    dom, console = chromium_console(page, tmp_path / "profile")
    assert console == []
    assert "Co-production readiness questionnaire</h1>" in dom


# -- the command ---------------------------------------------------------------------------------


def test_command_prints_markdown_of_the_default_bundled_banks() -> None:
    result = runner.invoke(app, ["questionnaire"])
    assert result.exit_code == 0
    default = [bank for bank in load_bundled_banks() if bank.default]
    assert [bank.id for bank in load_bundled_banks() if not bank.default] == ["still-genuine"]
    assert result.stdout == render_handout(default, "markdown")


def test_command_writes_html_for_a_bank_file(tmp_path: Path, fixture_bank: Bank) -> None:
    out = tmp_path / "handout.html"
    result = runner.invoke(
        app, ["questionnaire", "--bank", str(FIXTURE), "--format", "html", "-o", str(out)]
    )
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == f"coprod-check: wrote {out}\n"
    assert out.read_text(encoding="utf-8") == render_handout([fixture_bank], "html")


def test_command_selects_bundled_banks_by_id() -> None:
    [first, *_] = load_bundled_banks()
    result = runner.invoke(app, ["questionnaire", "-b", first.id])
    assert result.exit_code == 0
    assert result.stdout == render_handout([first], "markdown")


def test_command_never_replaces_a_file_without_force(tmp_path: Path) -> None:
    out = tmp_path / "handout.md"
    out.write_text("keep me", encoding="utf-8")
    refused = runner.invoke(app, ["questionnaire", "-b", str(FIXTURE), "-o", str(out)])
    assert refused.exit_code == 2
    assert refused.stderr == (
        f"coprod-check: error: {out}: already exists; use --force to replace it\n"
    )
    assert out.read_text(encoding="utf-8") == "keep me"
    forced = runner.invoke(app, ["questionnaire", "-b", str(FIXTURE), "-o", str(out), "--force"])
    assert forced.exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("# Co-production readiness questionnaire")


def test_command_refuses_to_write_over_the_bank_it_reads(tmp_path: Path) -> None:
    bank = tmp_path / "bank.yaml"
    original = FIXTURE.read_text(encoding="utf-8")
    bank.write_text(original, encoding="utf-8")
    result = runner.invoke(app, ["questionnaire", "-b", str(bank), "-o", str(bank), "--force"])
    assert result.exit_code == 2
    assert "refusing to write the handout over a bank file" in result.stderr
    assert bank.read_text(encoding="utf-8") == original


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--bank", "no-such-bank"], "coprod-check: error: --bank no-such-bank: no bundled bank"),
        (["--bank", "missing.yaml"], "coprod-check: error: missing.yaml: no such file\n"),
    ],
)
def test_command_usage_errors_exit_2_with_one_line(arguments: list[str], message: str) -> None:
    result = runner.invoke(app, ["questionnaire", *arguments])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1
