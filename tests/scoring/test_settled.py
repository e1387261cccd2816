"""Too few answers, but a verdict all the same: only when no answers to the others could change it.

The soundness rule, checked with hypothesis: whenever the engine gives a verdict under the
banks' ``min_answered`` (``verdict.settled``), every way of answering the unanswered questions
gives that same verdict. On the bundled banks the answers start from an expert case's team (a
third "don't know") with more answers taken away; on generated small banks, from any answers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import event, given
from hypothesis import strategies as st
from test_properties import (
    PROPERTY_SETTINGS,
    answers_file,
    any_answers,
    questions,
    small_bank,
    valued,
)

from coprod_check.answers.loader import available_banks, read_answers
from coprod_check.bank.loader import examine_bank
from coprod_check.bank.model import Bank
from coprod_check.files.yaml_source import YamlDocument
from coprod_check.scoring.engine import score
from coprod_check.scoring.result import Result

CASE = Path(__file__).parent.parent / "cases" / "independent-2" / "drop-in-new-team-third-dont-know"


def _case_answers() -> tuple[list[Bank], dict[str, str | None]]:
    loaded = read_answers(CASE / "answers.yaml", available_banks([]))
    raw = yaml.safe_load((CASE / "answers.yaml").read_text(encoding="utf-8"))["answers"]
    # an answer is an option id, or a mapping with the option id under "answer" and a note
    return list(loaded.banks), {
        key: value["answer"] if isinstance(value, dict) else value for key, value in raw.items()
    }


CASE_BANKS, CASE_CHOSEN = _case_answers()


def _unanswered(banks: list[Bank], chosen: dict[str, str | None]) -> list[tuple[str, list[str]]]:
    """(question id, its valued option ids) for each question without a valued answer,
    profiles included (a bank may make a profile matter)."""
    found = []
    for _, _, question, scale in questions(banks):
        option = next((o for o in scale.options if o.id == chosen.get(question.id)), None)
        if (option is None or option.value is None) and valued(scale):
            found.append((question.id, [o.id for o in valued(scale)]))
    return found


def _check_every_completion_agrees(
    banks: list[Bank], chosen: dict[str, str | None], data: st.DataObject
) -> Result:
    result = score(banks, answers_file(banks, chosen))
    event("settled" if result.verdict.settled else result.verdict.id)
    if result.verdict.settled:
        completed = dict(chosen)
        for question_id, options in _unanswered(banks, chosen):
            completed[question_id] = data.draw(st.sampled_from(options))
        other = score(banks, answers_file(banks, completed))
        assert other.verdict.id == result.verdict.id, (completed, other.verdict.reasons)
    return result


def test_the_expert_case_is_settled_and_says_so() -> None:
    result = score(CASE_BANKS, answers_file(CASE_BANKS, CASE_CHOSEN))
    assert result.confidence.label == "insufficient"
    assert result.verdict.id == "ready-with-conditions"
    assert result.verdict.settled
    assert result.verdict.reasons[-1] == (
        "Only 58 of 84 questions are answered (69%), but however the other 26 are answered, "
        "the verdict stays the same: find those answers out as part of the work"
    )
    assert result.confidence.explanation.endswith(
        "; the verdict is given all the same, because no answers to the other 26 questions "
        "could change it"
    )


def test_the_text_report_says_the_unknowns_cannot_change_it() -> None:
    from coprod_check.scoring.report import render

    text = render(score(CASE_BANKS, answers_file(CASE_BANKS, CASE_CHOSEN)), "text", color=False)
    assert (
        "Answers: 58 of 84 questions answered; answers to the other 26 could not change the "
        "verdict" in " ".join(text.split())
    )


def test_one_more_unknown_that_could_change_it_withholds_the_verdict() -> None:
    """Unanswering "the work is local" leaves Inett's scale criterion free to fail, which would
    make a narrower scale fit better: the unknowns could now change the verdict."""
    chosen = {**CASE_CHOSEN, "inett-scale-local": "dont-know"}
    result = score(CASE_BANKS, answers_file(CASE_BANKS, chosen))
    assert result.verdict.id == "insufficient-answers"
    assert not result.verdict.settled
    worst = {**chosen, "inett-scale-local": "strongly-disagree"}
    worst["inett-scale-leadership-buy-in"] = "strongly-disagree"
    assert score(CASE_BANKS, answers_file(CASE_BANKS, worst)).verdict.id == "not-right-approach"


@PROPERTY_SETTINGS
@given(data=st.data())
def test_bundled_a_settled_verdict_holds_for_every_completion(data: st.DataObject) -> None:
    answered = [key for key, value in CASE_CHOSEN.items() if value not in (None, "dont-know")]
    removed = data.draw(st.sets(st.sampled_from(answered), max_size=12))
    chosen = {key: (None if key in removed else value) for key, value in CASE_CHOSEN.items()}
    _check_every_completion_agrees(CASE_BANKS, chosen, data)


@PROPERTY_SETTINGS
@given(bank=small_bank(), data=st.data())
def test_generated_a_settled_verdict_holds_for_every_completion(
    bank: Bank, data: st.DataObject
) -> None:
    # every answer needed, so that any unknown withholds the verdict unless it is settled
    strict = bank.model_copy(update={"min_answered": 1.0})
    _check_every_completion_agrees([strict], data.draw(any_answers([strict])), data)


def _odd_bank(if_not_met: str, if_partly_met: str) -> Bank:
    """One criterion of two questions, answered by half; its consequences as given."""
    question: dict[str, Any] = {"scale": "s", "citation": {"source": "src", "item": "Item"}}
    data = {
        "schema_version": 1,
        "id": "odd",
        "version": "1.0.0",
        "title": "Odd",
        "description": "A bank whose partly met is graver than its not met.",
        "sources": [{"id": "src", "author": "Someone", "title": "Something"}],
        "scales": [
            {
                "id": "s",
                "label": "Scale",
                "options": [
                    {"id": "no", "label": "No", "value": 0},
                    {"id": "half", "label": "Half", "value": 1},
                    {"id": "yes", "label": "Yes", "value": 2},
                    {"id": "dont-know", "label": "Don't know", "value": None},
                ],
            }
        ],
        "thresholds": {"met": 75, "partly_met": 40},
        "min_answered": 1,
        "sections": [
            {
                "id": "crit",
                "title": "Criterion",
                "role": "criterion",
                "if_not_met": if_not_met,
                "if_partly_met": if_partly_met,
                "citation": {"source": "src", "item": "Criterion"},
                "questions": [
                    {**question, "id": "q1", "statement": "One."},
                    {**question, "id": "q2", "statement": "Two."},
                ],
            }
        ],
    }
    bank, problems = examine_bank(YamlDocument("odd.yaml", data))
    assert bank is not None, [str(p) for p in problems]
    return bank


@pytest.mark.parametrize(
    ("if_not_met", "if_partly_met", "expected"),
    [
        # "yes" and unknown: worst completion 50 (partly met), best 100 (met): a condition
        # or ready, so no verdict either way
        ("not-yet", "condition", "insufficient-answers"),
        # partly met and not met both "none": every completion is ready
        ("none", "none", "ready"),
    ],
)
def test_a_settled_verdict_needs_every_completion(
    if_not_met: str, if_partly_met: str, expected: str
) -> None:
    bank = _odd_bank(if_not_met, if_partly_met)
    result = score([bank], answers_file([bank], {"q1": "yes", "q2": "dont-know"}))
    assert result.verdict.id == expected


def test_a_bank_whose_middle_is_graver_than_its_ends_is_never_settled() -> None:
    """``if_not_met: none`` with ``if_partly_met: condition``: "Half" and an unknown is not met
    (25) at the worst end and met (75) at the best, both ready, but "Half" to the unknown makes
    it partly met (50), a condition. The two ends do not bound that, so no verdict is given."""
    bank = _odd_bank("none", "condition")
    result = score([bank], answers_file([bank], {"q1": "half", "q2": "dont-know"}))
    assert result.verdict.id == "insufficient-answers"
    assert score([bank], answers_file([bank], {"q1": "half", "q2": "no"})).verdict.id == "ready"
    assert score([bank], answers_file([bank], {"q1": "half", "q2": "yes"})).verdict.id == "ready"
    halfway = score([bank], answers_file([bank], {"q1": "half", "q2": "half"}))
    assert halfway.verdict.id == "ready-with-conditions"


SETTLED_BANKS = Path(__file__).parent.parent / "fixtures" / "settled"


@pytest.mark.parametrize(
    ("bank_file", "refused", "given", "other", "other_verdict"),
    [
        # a profile question named in an approach's "when": answering it can redirect
        (
            "profile-in-an-approach.yaml",
            ["profile-decides"],
            {"c1": "n", "c2": "n", "c3": "n"},
            {"c1": "n", "c2": "n", "c3": "n", "d1": "n", "p1": "y"},
            "not-right-approach",
        ),
        # a profile section with a consequence: not met, it redirects
        (
            "profile-with-a-consequence.yaml",
            ["profile-decides"],
            {"c1": "n", "c2": "n", "c3": "n"},
            {"c1": "n", "c2": "n", "c3": "n", "d1": "n", "p1": "n"},
            "not-right-approach",
        ),
        # "Don't know" raises a blocker: answering it changes what the team must do first
        (
            "flag-on-dont-know.yaml",
            [],
            {"c1": "y", "c2": "y", "c3": "y"},
            {"c1": "y", "c2": "y", "c3": "y", "d1": "dk"},
            "insufficient-answers",
        ),
    ],
)
def test_unknowns_that_a_bank_makes_matter_withhold_the_verdict(
    bank_file: str,
    refused: list[str],
    given: dict[str, str | None],
    other: dict[str, str | None],
    other_verdict: str,
) -> None:
    """Found by an independent review: before, each gave a settled verdict that another way of
    answering the unknowns (``other``) contradicts.

    ``validate`` now refuses the two banks that give a profile a say (``refused``), but the
    engine must still not be fooled by one built another way, so those are built from the schema
    alone, without the whole-bank checks."""
    data = yaml.safe_load((SETTLED_BANKS / bank_file).read_text())
    bank, problems = examine_bank(YamlDocument(bank_file, data))
    assert [p.code for p in problems] == refused, [str(p) for p in problems]
    if refused:
        bank = Bank.model_validate(data, strict=True)
    assert bank is not None
    result = score([bank], answers_file([bank], given))
    assert result.verdict.id == "insufficient-answers"
    assert not result.verdict.settled
    changed = score([bank], answers_file([bank], other))
    assert changed.verdict.id == other_verdict
