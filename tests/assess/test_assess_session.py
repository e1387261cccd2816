"""The assessment's state machine: moves, resume position and the answers it produces."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_check.answers.model import Answer, AnswersFile, BankRef, Respondent
from coprod_check.assess.session import Session, SessionError, build_items, compact
from coprod_check.bank.model import Bank
from coprod_check.errors import UsageError
from coprod_check.files.yaml_source import load_yaml

FIXTURE = Path(__file__).parents[1] / "fixtures" / "assess" / "bank.yaml"
IDS = ["fx-authority", "fx-budget", "fx-time", "fx-assets", "fx-networks"]


@pytest.fixture(scope="module")
def bank() -> Bank:
    return Bank.model_validate(load_yaml(FIXTURE).data)


def previous(answers: dict[str, Answer | str | None], **respondent: str) -> AnswersFile:
    return AnswersFile(
        answers_version=1,
        banks=[BankRef(id="assess-fixture", version="1.0.0")],
        respondent=Respondent.model_validate(respondent),
        answers=answers,
    )


def test_items_run_bank_by_bank_section_by_section(bank: Bank) -> None:
    items = build_items([bank])
    assert [item.id for item in items] == IDS
    assert [item.number for item in items] == [1, 2, 3, 4, 5]
    assert [item.section.id for item in items] == ["authority"] * 3 + ["case"] * 2
    assert items[2].scale.id == "yes-no"


def test_a_question_id_in_two_banks_is_refused(bank: Bank) -> None:
    with pytest.raises(UsageError, match="'fx-authority' is in both bank 'assess-fixture'"):
        build_items([bank, bank])


def test_a_new_session_starts_at_the_first_question_with_nothing_answered(bank: Bank) -> None:
    session = Session([bank])
    assert session.position == 0
    assert session.current is not None and session.current.id == "fx-authority"
    assert session.to_answers_file().answers == dict.fromkeys(IDS)
    assert session.unanswered_numbers() == [1, 2, 3, 4, 5]


def test_choosing_records_the_option_and_moves_on(bank: Bank) -> None:
    session = Session([bank])
    session.choose("agree")
    assert session.position == 1
    assert session.to_answers_file().answers["fx-authority"] == "agree"
    assert session.answered_count() == 1


def test_an_option_from_another_scale_is_refused_and_nothing_moves(bank: Bank) -> None:
    session = Session([bank])
    with pytest.raises(SessionError, match="'yes' is not an option"):
        session.choose("yes")
    assert session.position == 0
    assert session.answers == {}


def test_back_then_change_an_answer(bank: Bank) -> None:
    session = Session([bank])
    session.choose("agree")
    session.choose("disagree")
    assert session.back() is True
    assert session.current is not None and session.current.id == "fx-budget"
    session.choose("strongly-agree")
    answers = session.to_answers_file().answers
    assert answers["fx-authority"] == "agree"
    assert answers["fx-budget"] == "strongly-agree"
    assert session.position == 2


def test_back_at_the_first_question_stays_there(bank: Bank) -> None:
    session = Session([bank])
    assert session.back() is False
    assert session.position == 0


def test_skip_moves_on_and_keeps_the_answer(bank: Bank) -> None:
    session = Session([bank])
    session.choose("agree")
    session.back()
    session.skip()
    assert session.position == 1
    assert session.to_answers_file().answers["fx-authority"] == "agree"


def test_dont_know_uses_the_scales_null_option(bank: Bank) -> None:
    session = Session([bank])
    session.dont_know()
    assert session.to_answers_file().answers["fx-authority"] == "dont-know"
    assert session.position == 1


def test_dont_know_without_a_null_option_clears_the_answer(bank: Bank) -> None:
    session = Session([bank], previous({"fx-time": "yes"}))
    session.jump("3")
    session.dont_know()
    assert session.to_answers_file().answers["fx-time"] is None
    assert session.position == 3


def test_a_note_keeps_the_answer_and_an_answer_keeps_the_note(bank: Bank) -> None:
    session = Session([bank])
    session.set_note("  Board paper 12  ")
    assert session.position == 0
    assert session.to_answers_file().answers["fx-authority"] == Answer(note="Board paper 12")
    session.choose("agree")
    assert session.to_answers_file().answers["fx-authority"] == Answer(
        answer="agree", note="Board paper 12"
    )
    session.back()
    session.set_note(None)
    assert session.to_answers_file().answers["fx-authority"] == "agree"
    session.set_note("   ")
    assert session.to_answers_file().answers["fx-authority"] == "agree"


@pytest.mark.parametrize(
    ("target", "position"),
    [("1", 0), ("5", 4), ("fx-time", 2), (" fx-assets ", 3), ("FX-BUDGET", 1)],
)
def test_jump_by_number_or_id(bank: Bank, target: str, position: int) -> None:
    session = Session([bank])
    session.jump(target)
    assert session.position == position


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("0", "there is no question 0; choose 1 to 5"),
        ("6", "there is no question 6; choose 1 to 5"),
        ("nope", "no question has the number or id 'nope'"),
        ("", "no question has the number or id ''"),
    ],
)
def test_jump_to_nowhere_is_refused_and_nothing_moves(
    bank: Bank, target: str, message: str
) -> None:
    session = Session([bank])
    session.choose("agree")
    with pytest.raises(SessionError) as raised:
        session.jump(target)
    assert str(raised.value) == message
    assert session.position == 1


def test_moves_past_the_end_are_refused(bank: Bank) -> None:
    session = Session([bank])
    session.jump("5")
    session.choose("yes")
    assert session.at_end and session.current is None
    for move in (session.skip, session.dont_know, lambda: session.choose("yes")):
        with pytest.raises(SessionError, match="end of the list"):
            move()
    assert session.back() is True
    assert session.current is not None and session.current.id == "fx-networks"


def test_resume_starts_at_the_first_unanswered_question(bank: Bank) -> None:
    session = Session(
        [bank],
        previous({"fx-authority": "agree", "fx-budget": None, "fx-time": "no"}, pseudonym="A"),
    )
    session.resume()
    assert session.position == 1
    assert session.respondent.pseudonym == "A"
    assert session.unanswered_numbers() == [2, 4, 5]


def test_dont_know_option_counts_as_answered_for_resume(bank: Bank) -> None:
    session = Session([bank], previous({"fx-authority": "dont-know"}))
    session.resume()
    assert session.position == 1


def test_a_note_alone_does_not_count_as_answered(bank: Bank) -> None:
    session = Session([bank], previous({"fx-authority": Answer(note="ask the board")}))
    session.resume()
    assert session.position == 0


def test_resume_of_a_complete_file_goes_to_the_end(bank: Bank) -> None:
    answers: dict[str, Answer | str | None] = {
        "fx-authority": "agree",
        "fx-budget": "agree",
        "fx-time": "yes",
        "fx-assets": "agree",
        "fx-networks": "no",
    }
    session = Session([bank], previous(answers))
    session.resume()
    assert session.at_end
    assert session.to_answers_file().answers == answers


def test_answers_to_other_questions_are_kept(bank: Bank) -> None:
    kept = Answer(answer="agree", note="from an older bank")
    session = Session([bank], previous({"zz-old": kept, "aa-old": "yes"}))
    session.choose("agree")
    answers = session.to_answers_file().answers
    assert list(answers) == [*IDS, "aa-old", "zz-old"]
    assert answers["zz-old"] == kept
    assert answers["aa-old"] == "yes"


def test_the_file_names_the_banks_and_their_versions(bank: Bank) -> None:
    file = Session([bank]).to_answers_file()
    assert file.banks == [BankRef(id="assess-fixture", version="1.0.0")]
    assert file.answers_version == 1


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        (None, None),
        (Answer(), None),
        (Answer(answer="agree"), "agree"),
        (Answer(note="n"), Answer(note="n")),
        (Answer(answer="agree", note="n"), Answer(answer="agree", note="n")),
    ],
)
def test_compact_form(answer: Answer | None, expected: Answer | str | None) -> None:
    assert compact(answer) == expected
