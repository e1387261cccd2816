"""Every passage a bundled bank (or the introduction) quotes is in the source texts, word for word.

The sources are read from ``../shared/seeds`` beside the repository (or ``$COPROD_CHECK_SEEDS``);
without them these tests skip, saying why.
"""

from __future__ import annotations

import pytest
import yaml

from coprod_check.answers.introduction import QUOTES, Quote
from coprod_check.files.resources import bundled_bank_files
from source_quotes import bank_texts, corpus, found, missing, normalise, quoted, seeds_dir

SEEDS = seeds_dir()
needs_seeds = pytest.mark.skipif(
    SEEDS is None,
    reason="the source texts are not beside the repository (../shared/seeds); "
    "set COPROD_CHECK_SEEDS to their folder to run this test",
)
BANK_FILES = {item.name: item.read_text(encoding="utf-8") for item in bundled_bank_files()}


@pytest.fixture(scope="module")
def sources() -> str:
    assert SEEDS is not None
    return corpus(SEEDS)


@needs_seeds
@pytest.mark.parametrize("name", sorted(BANK_FILES))
def test_every_quoted_passage_is_in_the_sources(name: str, sources: str) -> None:
    data = yaml.safe_load(BANK_FILES[name])
    assert missing(data, sources) == []


@pytest.mark.parametrize("name", sorted(BANK_FILES))
def test_every_bank_quotes_its_sources(name: str) -> None:
    """The check above would pass vacuously on a bank that quotes nothing."""
    data = yaml.safe_load(BANK_FILES[name])
    assert sum(len(quoted(text)) for _, text in bank_texts(data)) >= 5


@needs_seeds
@pytest.mark.parametrize("quote", QUOTES, ids=lambda quote: quote.text[:30])
def test_the_introduction_quotes_the_sources_word_for_word(quote: Quote, sources: str) -> None:
    assert found(quote.text, sources)


@needs_seeds
def test_an_invented_or_altered_passage_is_caught(sources: str) -> None:
    bank = {
        "guidance": "Malby: 'You aren't prepared to fail.'",
        "item": "Don't do coproduction if: 'You aren't ready to fail.'",
        "recommendation": {"text": "As Inett says, 'co-production always saves money'."},
    }
    assert missing(bank, sources) == [
        'item: "You aren\'t ready to fail"',
        "recommendation.text: 'co-production always saves money'",
    ]


def test_quoted_passages_are_found_past_apostrophes_omissions_and_insertions() -> None:
    text = (
        "Do do coproduction if: 'You're happy to go where your patients take you.' and "
        "'Genuine co-production will always ... Include some element of reciprocity'; "
        "'have a day [say] in spending decisions'; people's 'x'; \"Don't know\""
    )
    assert quoted(text) == [
        "You're happy to go where your patients take you",
        "Genuine co-production will always",
        "Include some element of reciprocity",
        "have a day",
        "in spending decisions",
    ]


def test_white_space_does_not_matter_but_every_letter_does() -> None:
    sources = normalise("Co-designCan involve user forums,\n service design labs")
    assert found("Co-design Can involve user forums, service design labs", sources)
    assert not found("Co-design may involve user forums", sources)


def test_normalising_ignores_case_quotes_bullets_and_footnotes() -> None:
    assert normalise("- Assets:** ‘Transforming’ – the [1] PERCEPTION\n  of") == (
        "assets: transforming - the perception of"
    )
