"""Answers files checked against the banks they answer: each fixture folder holds an
``answers.yaml`` and, when it has problems, ``expected.txt`` with every problem as
``line:column: severity: message [code]``. Valid folders have no errors (warnings allowed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_check.answers.checks import check_and_parse, check_answers_document
from coprod_check.bank.loader import load_bank
from coprod_check.files.yaml_source import load_yaml, parse_yaml

FIXTURES = Path(__file__).parents[1] / "fixtures" / "answers"
MINI = load_bank(FIXTURES / "banks" / "mini.yaml")
OTHER = load_bank(FIXTURES / "banks" / "other.yaml")
BANKS = [MINI, OTHER]


def folders(kind: str) -> list[Path]:
    return sorted(path for path in (FIXTURES / kind).iterdir() if path.is_dir())


def problems_in(folder: Path) -> list[str]:
    doc = load_yaml(folder / "answers.yaml", "answers.yaml")
    return [str(p).removeprefix("answers.yaml:") for p in check_answers_document(doc, BANKS)]


def expected_in(folder: Path) -> list[str]:
    expected = folder / "expected.txt"
    return expected.read_text(encoding="utf-8").splitlines() if expected.exists() else []


@pytest.mark.parametrize("folder", folders("valid"), ids=lambda path: path.name)
def test_valid_answers_have_no_errors(folder: Path) -> None:
    problems = problems_in(folder)
    assert problems == expected_in(folder)
    assert not any(": error: " in problem for problem in problems)
    doc = load_yaml(folder / "answers.yaml")
    assert check_and_parse(doc, BANKS).parsed is not None


@pytest.mark.parametrize("folder", folders("invalid"), ids=lambda path: path.name)
def test_invalid_answers_report_every_problem_with_its_line(folder: Path) -> None:
    expected = expected_in(folder)
    assert expected, f"{folder.name} needs an expected.txt"
    assert problems_in(folder) == expected
    doc = load_yaml(folder / "answers.yaml")
    assert check_and_parse(doc, BANKS).parsed is None


def test_fixture_sets_are_not_empty() -> None:
    assert len(folders("valid")) >= 5
    assert len(folders("invalid")) >= 10


def test_parsed_answers_keep_long_and_short_forms() -> None:
    doc = load_yaml(FIXTURES / "valid" / "mixed-forms" / "answers.yaml")
    answers = check_and_parse(doc, BANKS).parsed
    assert answers is not None
    assert answers.answer_for("a1").answer == "agree"
    assert answers.answer_for("a2").note == "Board paper 12 <agreed> this & more"
    assert answers.answer_for("b1").answer is None
    assert answers.answer_for("b1").note == "Not sure yet; asking finance."
    assert answers.answer_for("l2").answer is None
    assert answers.respondent.role == "person who uses services"


def test_yes_read_as_true_becomes_the_option_id() -> None:
    doc = load_yaml(FIXTURES / "valid" / "yes-no-words" / "answers.yaml")
    answers = check_and_parse(doc, BANKS).parsed
    assert answers is not None and answers.answers == {"o1": "yes"}


def test_a_bank_not_loaded_hides_unknown_question_noise() -> None:
    # the unknown bank is reported once; answers to it are not each called unknown
    assert problems_in(FIXTURES / "invalid" / "unknown-bank") == [
        "4:5: error: bank 'right-circumstancs' is not loaded (loaded banks: mini, other); give "
        "its bank file too (with --bank FILE for score) [unknown-bank]"
    ]


def test_two_listed_banks_sharing_a_question_id() -> None:
    twin = MINI.model_copy(update={"id": "twin"})
    doc = parse_yaml(
        "answers_version: 1\nbanks:\n  - id: mini\n  - id: twin\nanswers:\n  a1: agree\n", "a.yaml"
    )
    problems = [str(p) for p in check_answers_document(doc, [MINI, twin])]
    assert (
        "a.yaml:2:1: error: banks 'mini' and 'twin' both have a question 'a1'; list only one "
        "of them [ambiguous-question]" in problems
    )


def test_label_instead_of_id_gets_a_hint() -> None:
    doc = parse_yaml("answers_version: 1\nbanks: [{id: other}]\nanswers:\n  o1: 'No'\n", "a.yaml")
    problems = [p.message for p in check_answers_document(doc, BANKS)]
    assert problems == [
        "'No' is not an answer on the scale of 'o1' (Yes or no); choose one of: no or yes (or "
        "null to leave it unanswered); did you mean 'no'?"
    ]
