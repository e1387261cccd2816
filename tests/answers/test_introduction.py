"""Every handout and interactive session opens by saying what co-production means (quoted from
the sources), who "we" and "the people leading this work" are, and the hard words, each
explained before any statement uses it."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

from coprod_check.answers.handout import render_handout
from coprod_check.answers.introduction import (
    DEFINITION,
    DEFINITION_QUOTE,
    GLOSSARY,
    PARTNERS_QUOTE,
    WHO_WE_MEAN,
)
from coprod_check.assess.runner import run
from coprod_check.bank.loader import load_bundled_banks
from coprod_check.bank.model import Bank
from coprod_check.files.yaml_source import load_yaml
from scripted_screen import FIXTURE, Scripted

#: Words the issue names as needing an explanation where they first appear.
TERMS = ("co-production", "co-design", "commissioning", "governance", "stakeholders")
DEFAULT = [bank for bank in load_bundled_banks() if bank.default]


def _text_of_html(page: str) -> str:
    body = page.split("<main>", 1)[1]
    body = re.sub(r"<h1>.*?</h1>", " ", body, count=1, flags=re.S)  # the title names it first
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def _first_uses(text: str, opening: str) -> dict[str, bool]:
    """For each term: is its first use inside the opening?"""
    start = text.index(opening[:60])
    end = start + len(opening)
    lowered = text.lower()
    return {term: start <= lowered.index(term) < end for term in TERMS}


def test_the_definition_quotes_two_sources_and_names_them() -> None:
    assert f"“{DEFINITION_QUOTE.text}”" in DEFINITION
    assert f"“{PARTNERS_QUOTE.text}”" in DEFINITION
    assert "The Access Group" in DEFINITION and "Becky Malby (2014)" in DEFINITION
    assert "“The people leading this work” are whoever is in charge of it" in WHO_WE_MEAN
    assert "“We” and “our” mean everyone taking part in this work" in WHO_WE_MEAN


def test_the_html_handout_explains_each_hard_word_before_using_it() -> None:
    text = _text_of_html(render_handout(DEFAULT, "html"))
    assert re.match(
        rf"\d+ statements in 5 parts\. What co-production means {re.escape(DEFINITION)}", text
    )
    opening = text[: text.index("How to answer")]
    assert WHO_WE_MEAN in opening
    for term in GLOSSARY:
        assert f"{term.word.capitalize()} {term.meaning}" in opening
    assert _first_uses(text, opening) == dict.fromkeys(TERMS, True)


def test_the_markdown_handout_opens_with_the_same_words() -> None:
    page = render_handout(DEFAULT, "markdown")
    opening = page[: page.index("## How to answer")]
    assert opening.startswith("# Co-production readiness questionnaire\n\n## What co-production")
    # Markdown escapes a few characters; compare the words.
    words = " ".join(opening.replace("\\", "").split())
    assert " ".join(DEFINITION.split()) in words
    assert " ".join(WHO_WE_MEAN.split()) in words
    rest = page.lower()[len(opening) :]
    assert all(term in opening.lower() for term in TERMS)
    assert all(rest.index(term) > 0 for term in TERMS if term in rest)


def test_an_interactive_session_opens_with_the_definition(tmp_path: Path) -> None:
    bank = Bank.model_validate(load_yaml(FIXTURE).data)
    path = tmp_path / "answers.yaml"
    screen = Scripted()
    run(
        [bank],
        path,
        None,
        plain=True,
        report=lambda answers: "report",
        screen=screen,
        today=dt.date(2026, 1, 31),
    )
    shown = screen.text
    first_question = shown.index("> ")
    assert shown.index(f"What co-production means: {DEFINITION}") < first_question
    assert shown.index(WHO_WE_MEAN) < first_question
    assert shown.index("Words we use: “Co-design”: working out the problem") < first_question
