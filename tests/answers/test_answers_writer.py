"""The answers file `assess` writes: exact text, round trip, atomic save, no blind overwrite."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_check.answers.model import ROLES, Answer, AnswersFile, Respondent
from coprod_check.answers.writer import plain_text, render_answers, save_answers
from coprod_check.assess.session import Session
from coprod_check.bank.model import Bank
from coprod_check.errors import OutputExistsError
from coprod_check.files.yaml_source import load_yaml, parse_yaml

HERE = Path(__file__).parents[1]
FIXTURE = HERE / "fixtures" / "assess" / "bank.yaml"
GOLDEN = HERE / "fixtures" / "assess" / "golden-answers.yaml"


@pytest.fixture(scope="module")
def bank() -> Bank:
    return Bank.model_validate(load_yaml(FIXTURE).data)


def sample_session(bank: Bank) -> Session:
    session = Session([bank])
    session.set_respondent(
        Respondent(
            pseudonym="Team A: falls",
            role="commissioner",
            date=dt.date(2026, 11, 25),
            project="Community falls service",
        )
    )
    session.choose("agree")
    session.set_note("Board paper 12\nagreed this.")
    session.choose("dont-know")
    session.choose("no")
    session.set_note("yes, really: # not a comment")
    session.skip()
    return session


def reload(text: str) -> AnswersFile:
    return AnswersFile.model_validate(parse_yaml(text, "answers.yaml").data)


def test_the_text_is_exactly_the_golden_file(bank: Bank) -> None:
    text = render_answers(sample_session(bank).to_answers_file(), [bank], "team-a.yaml")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_the_text_loads_back_to_the_same_answers(bank: Bank) -> None:
    answers = sample_session(bank).to_answers_file()
    assert reload(render_answers(answers, [bank])) == answers


def test_a_file_with_no_answers_at_all_is_still_valid(bank: Bank) -> None:
    answers = AnswersFile(answers_version=1, banks=Session([bank]).to_answers_file().banks)
    text = render_answers(answers, [bank])
    assert text.endswith("answers: {}\n")
    assert reload(text) == answers


def test_answers_to_questions_outside_the_banks_are_written_last(bank: Bank) -> None:
    base = Session([bank]).to_answers_file()
    answers = base.model_copy(update={"answers": {**base.answers, "old-q": "agree"}})
    text = render_answers(answers, [bank])
    assert text.endswith(
        "\n  # -- Answers to questions not in these banks (kept as they were) --\n  old-q: agree\n"
    )
    assert reload(text) == answers


# What can be typed: control characters never reach a note (prompts.typed removes them, and
# the YAML reader refuses them), so only tab and new line of them are drawn.
texts = st.text(
    alphabet=st.characters(blacklist_categories=["Cs", "Cc"], whitelist_characters="\t\n"),
    max_size=60,
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    notes=st.lists(texts, min_size=5, max_size=5),
    pseudonym=texts,
    project=texts,
    role=st.sampled_from([None, *ROLES]),
)
def test_any_notes_and_details_survive_a_round_trip(
    bank: Bank, notes: list[str], pseudonym: str, project: str, role: str | None
) -> None:
    session = Session([bank])
    for note in notes:
        session.set_note(note)
        session.skip()
    session.set_respondent(
        Respondent.model_validate(
            {"pseudonym": pseudonym or None, "role": role, "project": project or None}
        )
    )
    answers = session.to_answers_file()
    text = render_answers(answers, [bank])
    assert "\n  # -- Authority to change --" in text  # the commented form, not the fallback
    assert reload(text) == answers
    assert reload(plain_text(answers, "answers.yaml")) == answers


def test_answers_listing_other_banks_fall_back_to_the_plain_form(bank: Bank) -> None:
    answers = sample_session(bank).to_answers_file()
    text = render_answers(answers, [])
    assert text == plain_text(answers, "answers.yaml")
    assert "# Options:" not in text
    assert reload(text) == answers


def test_save_refuses_to_replace_a_file_unless_told(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("mine\n", encoding="utf-8")
    answers = sample_session(bank).to_answers_file()
    with pytest.raises(OutputExistsError):
        save_answers(path, answers, [bank], overwrite=False)
    assert path.read_text(encoding="utf-8") == "mine\n"
    save_answers(path, answers, [bank], overwrite=True)
    assert reload(path.read_text(encoding="utf-8")) == answers
    assert sorted(os.listdir(tmp_path)) == ["answers.yaml"]


def test_the_header_names_the_file_to_resume(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "team b.yaml"
    save_answers(path, Session([bank]).to_answers_file(), [bank], overwrite=False)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[1] == "# Carry on answering: coprod-check assess --resume team b.yaml"


def test_a_note_only_answer_is_written_in_long_form(bank: Bank) -> None:
    session = Session([bank])
    session.set_note("ask the board")
    answers = session.to_answers_file()
    assert answers.answers["fx-authority"] == Answer(note="ask the board")
    assert "  fx-authority:\n    note: ask the board\n" in render_answers(answers, [bank])
