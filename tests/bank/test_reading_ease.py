"""Plain English, measured: Flesch reading ease of every bundled statement and guidance text.

Flesch reading ease (``textstat.flesch_reading_ease``) runs from about 0 (very hard) to 100
(very easy); 60-70 is "plain English", readable by most people aged 13 to 15.

- Every statement scores at least 60, or has guidance, and every hard word in it (four or more
  syllables, not on the Dale-Chall list of easy words) is explained, by its guidance or by the
  glossary that opens every handout and session (``coprod_check.answers.introduction``).
- Every guidance text scores at least 50: it may quote a source's words, which we cannot make
  plainer, so its bar is one band lower.

The three original banks are being reworded by another change (issue 11); until it lands their
cases are expected to fail (``xfail``, not strict), so the test already guards every new bank.
"""

from __future__ import annotations

import re

import pytest
import textstat  # type: ignore[import-untyped]
import yaml

from coprod_check.answers.introduction import EXPLAINED_WORDS
from coprod_check.files.resources import bundled_bank_files

STATEMENT_EASE = 60
GUIDANCE_EASE = 50
HARD_SYLLABLES = 4

BANK_FILES = {item.name: item.read_text(encoding="utf-8") for item in bundled_bank_files()}
BEING_REWORDED = frozenset(
    {"malby-do-dont.yaml", "right-circumstances.yaml", "needham-carr-levels.yaml"}
)
REWORDING = pytest.mark.xfail(
    strict=False,
    reason="the three original banks are being reworded into plain statements (issue 11, "
    "JUDGE's change); remove this mark when they land and pass",
)
BANKS = [
    pytest.param(name, marks=REWORDING) if name in BEING_REWORDED else name
    for name in sorted(BANK_FILES)
]
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")


def _questions(name: str) -> list[dict[str, str]]:
    data = yaml.safe_load(BANK_FILES[name])
    return [question for section in data["sections"] for question in section["questions"]]


def ease(text: str) -> float:
    return float(textstat.flesch_reading_ease(text))


def hard_words(text: str) -> list[str]:
    """Words of four or more syllables that are not on the Dale-Chall list of easy words and
    that the opening glossary does not explain."""
    words = (word.lower().strip("'") for word in _WORD.findall(text))
    return [
        word
        for word in words
        if word not in EXPLAINED_WORDS
        and textstat.syllable_count(word) >= HARD_SYLLABLES
        and not textstat.is_easy_word(word)
    ]


def unexplained(statement: str, guidance: str | None) -> list[str]:
    """Why a statement is not plain enough: empty when it passes."""
    if ease(statement) >= STATEMENT_EASE:
        return []
    if not guidance:
        return [f"scores {ease(statement):.0f} and has no guidance to explain it"]
    said = guidance.lower()
    return [f"'{word}' is not explained" for word in hard_words(statement) if word not in said]


@pytest.mark.parametrize("name", BANKS)
def test_every_statement_is_plain_or_explained(name: str) -> None:
    problems = {
        question["id"]: found
        for question in _questions(name)
        if (found := unexplained(question["statement"], question.get("guidance")))
    }
    assert problems == {}


@pytest.mark.parametrize("name", BANKS)
def test_every_guidance_text_is_fairly_plain(name: str) -> None:
    scores = {
        question["id"]: round(ease(question["guidance"]))
        for question in _questions(name)
        if question.get("guidance")
    }
    assert {key: score for key, score in scores.items() if score < GUIDANCE_EASE} == {}


def test_the_measure_tells_plain_from_hard() -> None:
    """The rules above can fail: a hard statement without guidance, or with guidance that
    leaves its hard words unexplained, is caught."""
    hard = (
        "Co-productive initiatives necessitate organisational accountability for "
        "collaborative commissioning."
    )
    assert ease("People who need support to take part get that support.") >= STATEMENT_EASE
    assert ease(hard) < 0
    assert unexplained(hard, None) == [f"scores {ease(hard):.0f} and has no guidance to explain it"]
    assert unexplained(hard, "Accountability means answering for money.") == [
        "'co-productive' is not explained",
        "'initiatives' is not explained",
        "'necessitate' is not explained",
        "'organisational' is not explained",
        "'collaborative' is not explained",
    ]
