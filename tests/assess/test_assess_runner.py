"""The assessment loop with a scripted screen: messages, saves and exit codes, no terminal."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml

from coprod_check.answers.model import AnswersFile
from coprod_check.assess.prompts import option_lines
from coprod_check.assess.runner import EXIT_INTERRUPTED, assess, run, target_path
from coprod_check.assess.session import Item, build_items
from coprod_check.bank.model import Bank
from coprod_check.errors import InputError, OutputExistsError, UsageError
from coprod_check.files.yaml_source import load_yaml
from coprod_check.scoring.citations import cite
from scripted_screen import DETAILS, FIXTURE, INTERRUPT, TODAY, Scripted


@pytest.fixture(scope="module")
def bank() -> Bank:
    return Bank.model_validate(load_yaml(FIXTURE).data)


def play(
    bank: Bank,
    path: Path,
    lines: Sequence[object],
    previous: AnswersFile | None = None,
    notes: Sequence[str] = (),
) -> tuple[int, Scripted]:
    screen = Scripted(lines)
    code = run(
        [bank],
        path,
        previous,
        plain=True,
        report=lambda answers: f"{sum(v is not None for v in answers.answers.values())} given",
        screen=screen,
        today=TODAY,
        notes=notes,
    )
    return code, screen


def saved(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def loaded(path: Path) -> AnswersFile:
    return AnswersFile.model_validate(load_yaml(path).data)


def test_finishing_reports_and_says_where_the_file_is(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    code, screen = play(bank, path, [*DETAILS, "1", "2", "1", "3", "2", ""])
    assert code == 0
    assert screen.shown[-3:] == [
        "REPORT 5 given",
        f"Your answers are saved in {path}.",
        f"To change them: coprod-check assess --resume {path}",
    ]
    assert "You answered 5 of 5 questions." in screen.shown
    assert saved(path)["respondent"]["date"] == TODAY


def test_details_are_checked_and_asked_again(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    lines = ["x" * 201, "Ann", "9", "carer", "Falls", "q"]
    code, screen = play(bank, path, lines)
    assert code == 0
    assert "! Please type a number from 1 to 6, or just press Enter." in screen.shown
    assert any(line.startswith("! That is not accepted: ") for line in screen.shown)
    respondent = loaded(path).respondent
    assert (respondent.pseudonym, respondent.role, respondent.project) == ("Ann", "carer", "Falls")


def test_mistakes_get_a_message_and_change_nothing(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    lines = [*DETAILS, "", "7", "maybe", "b", "j 99", "j", "", "q"]
    code, screen = play(bank, path, lines)
    assert code == 0
    warnings = [line for line in screen.shown if line.startswith("!")]
    assert warnings == [
        "! Type the number of your answer and press Enter (h for help).",
        "! there is no option 7; choose 1 to 5. Type h and Enter for help.",
        "! 'maybe' is not an option or a command. Type h and Enter for help.",
        "! This is the first question.",
        "! there is no question 99; choose 1 to 5.",
    ]
    assert all(value is None for value in loaded(path).answers.values())


def test_notes_can_be_kept_replaced_and_removed(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    code, screen = play(bank, path, [*DETAILS, "n first", "n", "", "n", "-", "n second", "q"])
    assert code == 0
    assert [line for line in screen.shown if line.startswith("Note")] == [
        "Note saved.",
        "Note unchanged.",
        "Note removed.",
        "Note saved.",
    ]
    assert loaded(path).answer_for("fx-authority").note == "second"


def test_the_end_lists_the_unanswered_and_allows_going_back(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    lines = [*DETAILS, "1", "s", "?", "s", "2", "h", "s", "j 2", "3", "b", "q"]
    code, screen = play(bank, path, lines)
    assert code == 0
    assert "Not answered yet: 2, 3, 4 (type j and a number to go there)." in screen.shown
    assert "! this is the end of the list; press Enter to finish. Type h and Enter for help." in (
        screen.shown
    )
    assert "Enter: finish and see your results." in screen.shown
    assert loaded(path).answers == {
        "fx-authority": "strongly-disagree",
        "fx-budget": "agree",
        "fx-time": None,
        "fx-assets": None,
        "fx-networks": "yes",
    }


def test_ctrl_c_says_how_to_resume(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "my answers.yaml"
    code, screen = play(bank, path, [*DETAILS, "2", INTERRUPT])
    assert code == EXIT_INTERRUPTED
    assert screen.shown[-2:] == [
        f"Stopped. Your answers are saved in {path}.",
        f"To carry on: coprod-check assess --resume '{path}'",
    ]
    assert loaded(path).answers["fx-authority"] == "disagree"


def test_ctrl_c_during_the_details_leaves_a_file_to_resume(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    code, _ = play(bank, path, [INTERRUPT])
    assert code == EXIT_INTERRUPTED
    previous = loaded(path)
    code, screen = play(bank, path, ["Ann", "", "", "q"], previous=previous)
    assert "About you (all optional: press Enter to skip)" in screen.shown
    assert loaded(path).respondent.pseudonym == "Ann"
    assert loaded(path).respondent.date == TODAY


def test_resume_skips_given_details_and_starts_at_the_first_gap(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    play(bank, path, ["Ann", "", "", "1", "1", "q"])
    code, screen = play(bank, path, ["q"], previous=loaded(path), notes=["a warning"])
    assert code == 0
    assert "About you (all optional: press Enter to skip)" not in screen.shown
    assert screen.shown[0] == "! a warning"
    assert "Question 3 of 5. Section: Authority to change." in screen.shown


def test_resuming_a_complete_file_goes_to_the_end(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    play(bank, path, ["Ann", "", "", "1", "1", "1", "1", "1", "q"])
    before = path.read_text(encoding="utf-8")
    code, screen = play(bank, path, ["q"], previous=loaded(path))
    assert code == 0
    assert "Every question already has an answer; you can still change any of them." in (
        screen.shown
    )
    assert path.read_text(encoding="utf-8") == before  # resuming alone rewrites nothing


def test_a_new_session_never_replaces_a_file_that_appeared(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("mine\n", encoding="utf-8")
    with pytest.raises(OutputExistsError):
        play(bank, path, DETAILS)
    assert path.read_text(encoding="utf-8") == "mine\n"


def test_where_answers_go(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    new, old = tmp_path / "new.yaml", tmp_path / "old.yaml"
    old.write_text("x\n", encoding="utf-8")
    assert target_path(None, None) == Path("answers.yaml")
    assert target_path(new, None) == new
    assert target_path(None, old) == old
    assert target_path(old, old) == old
    assert target_path(new, old) == new
    with pytest.raises(OutputExistsError, match="use `coprod-check assess --resume"):
        target_path(old, None)
    other = tmp_path / "other.yaml"
    other.write_text("y\n", encoding="utf-8")
    with pytest.raises(OutputExistsError, match="leave out -o"):
        target_path(other, old)


def test_no_terminal_is_a_usage_error_before_anything_happens(tmp_path: Path) -> None:
    out = tmp_path / "a.yaml"
    with pytest.raises(UsageError, match=re.escape("`coprod-check template -o answers.yaml`")):
        assess([], out, None, plain=True, interactive=False)
    assert not out.exists()


def test_citations_name_author_year_and_title(bank: Bank) -> None:
    items = build_items([bank])
    assert cite(bank, items[3].section.citation).short == (
        'Becky Malby (2014), "Coproducing Health – a briefing": Do do coproduction if'
    )
    assert cite(bank, items[0].section.citation).short == (
        'Steve Inett, "Examining Co-production Part 1 – The Right Circumstances": '
        "Criterion 1: authority"
    )


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, ["Strongly disagree", "Disagree", "Agree", "Strongly agree", "Don't know"]),
        (3, ["No", "Yes", "Don't know (leaves it unanswered)"]),
    ],
)
def test_dont_know_is_an_option_or_a_question_mark(
    bank: Bank, number: int, expected: list[str]
) -> None:
    item: Item = build_items([bank])[number - 1]
    lines = option_lines(item)
    assert [label for _, label in lines] == expected
    assert [key for key, _ in lines][-1] == ("5" if number == 1 else "?")


def test_a_missing_file_to_resume_is_an_input_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    with pytest.raises(InputError) as raised:
        assess([str(FIXTURE)], None, missing, plain=True, interactive=True)
    assert str(raised.value) == f"{missing}: no such file"
    assert raised.value.exit_code == 2
    assert not missing.exists()


def test_the_end_report_names_the_score_command_not_an_option_assess_lacks(
    tmp_path: Path,
) -> None:
    from coprod_check.answers.loader import available_banks, read_answers
    from coprod_check.assess.runner import text_report

    example = Path(__file__).parents[2] / "examples" / "consults-but-decides.yaml"
    loaded = read_answers(example, available_banks([]))
    report = text_report(loaded.banks, True, tmp_path / "my answers.yaml")(loaded.answers)
    assert "use --all" not in report
    flowing = " ".join(report.split())
    assert re.search(
        r"\d+ more recommendations? not shown; see every one with: coprod-check score "
        + re.escape(f"'{tmp_path}/my answers.yaml' --all."),
        flowing,
    )
