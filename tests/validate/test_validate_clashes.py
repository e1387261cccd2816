"""``validate`` warns when a bank's ids clash with another bank in play.

Answers files key answers by question id, so two banks in play with a question id in common
cannot be answered in one file; two files with one bank id cannot be used together at all. Both
are warnings (the banks are valid on their own): they never change the exit code. The banks in
play are as ``answers_loader.available_banks`` has them: a bank file with a bundled bank's id
replaces that bundled bank instead of clashing with it.

Each folder under ``fixtures/validate-clashes/`` holds the files of one run and ``expected.txt``,
the exact text ``coprod-check validate <every file, sorted>`` prints when run in that folder.
Refresh after a deliberate change of wording with
``pytest --update-golden tests/validate/test_validate_clashes.py`` and review the diff.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from coprod_check.answers.loader import available_banks
from coprod_check.bank.clashes import BankIds, find_clashes, ids_of_document
from coprod_check.errors import UsageError
from coprod_check.files.resources import questionnaires_dir
from coprod_check.files.yaml_source import parse_yaml
from coprod_check.validate.run import validate_bundled, validate_paths
from validate_cases import check_golden, run_case

FIXTURES = Path(__file__).parents[1] / "fixtures" / "validate-clashes"
CASES = sorted(path for path in FIXTURES.iterdir() if path.is_dir())
EXIT_CODES = {
    "bank-with-errors": 1,  # the bank's own errors; a bank with errors is not in play
    "bundled-question": 0,
    "edited-bundled": 0,
    "replaced-bundled": 0,
    "same-bank-id": 0,
    "three-banks": 0,
    "two-banks": 0,
    "with-answers": 1,  # the answers file lists both clashing banks: ambiguous-question
}
CLASH_CODES = ("question-id-clash", "bank-id-clash")


def test_every_case_has_its_exit_code() -> None:
    assert sorted(case.name for case in CASES) == sorted(EXIT_CODES)


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_case_gives_golden_output(
    case: Path, monkeypatch: pytest.MonkeyPatch, golden: Callable[[str | Path, str], None]
) -> None:
    check_golden(case, monkeypatch, EXIT_CODES[case.name], golden)


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_clashes_are_placed_warnings_that_leave_banks_valid(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = run_case(case, monkeypatch, "--format", "json")
    document: dict[str, Any] = json.loads(out)
    for file in document["files"]:
        clashes = [p for p in file["problems"] if p["code"] in CLASH_CODES]
        for problem in clashes:
            assert problem["severity"] == "warning"
            assert isinstance(problem["line"], int) and isinstance(problem["column"], int)
        if file["kind"] == "bank":
            errors = [p for p in file["problems"] if p["severity"] == "error"]
            assert file["valid"] == (not errors)
            assert not (errors and clashes), "a bank with errors is not in play"
    assert document["summary"]["exit_code"] == code == EXIT_CODES[case.name]


def test_only_warnings_exit_0_in_every_format(monkeypatch: pytest.MonkeyPatch) -> None:
    case = FIXTURES / "two-banks"
    code, out = run_case(case, monkeypatch, "--format", "github")
    assert out.splitlines() == [
        "::warning file=team-a.yaml,line=27,col=9,title=coprod-check question-id-clash::"
        "question id 'aims-shared' is also used by bank 'team-b' (team-b.yaml); answers files "
        "key answers by question id, so the two banks cannot be answered in one file: give the "
        "question an id of its own (start it with your bank's id)",
        "::warning file=team-b.yaml,line=23,col=9,title=coprod-check question-id-clash::"
        "question id 'aims-shared' is also used by bank 'team-a' (team-a.yaml); answers files "
        "key answers by question id, so the two banks cannot be answered in one file: give the "
        "question an id of its own (start it with your bank's id)",
        "2 files checked, all valid, 2 warnings in 2 files",
    ]
    assert code == 0
    code, out = run_case(case, monkeypatch, "--format", "json")
    assert json.loads(out)["summary"] == {
        "files": 2,
        "valid": 2,
        "invalid": 0,
        "unreadable": 0,
        "problems": 2,
        "errors": 0,
        "warnings": 2,
        "exit_code": 0,
    }


# --- the banks in play are those answers_loader.available_banks gives ---------------------------


def test_a_copy_that_keeps_a_bundled_id_replaces_the_bundled_bank(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(FIXTURES / "replaced-bundled")
    in_play = available_banks(["right-circumstances.yaml", "our-bank.yaml"])
    by_id = {bank.id: bank for bank in in_play}
    assert by_id["right-circumstances"].title == "Test bank right-circumstances"  # the copy
    assert len(in_play) == len(by_id)
    # 'our-bank' uses a question id only the replaced bundled bank has: no warning for it.
    report = validate_paths([Path("our-bank.yaml"), Path("right-circumstances.yaml")])
    messages = [problem.message for file in report.files for problem in file.problems]
    assert not any("inett-authority-share-power" in message for message in messages)
    assert sum("inett-our-own-question" in message for message in messages) == 2


def test_two_files_with_one_bank_id_cannot_be_used_together(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(FIXTURES / "same-bank-id")
    with pytest.raises(UsageError, match="same bank id 'team-a'"):
        available_banks(["copy-1.yaml", "copy-2.yaml"])


def test_the_bundled_banks_do_not_clash_alone_or_given_as_files() -> None:
    assert [p for file in validate_bundled().files for p in file.problems] == []
    folder = Path(str(questionnaires_dir()))
    assert [p for file in validate_paths([folder]).files for p in file.problems] == []


# --- the rule, for any banks ----------------------------------------------------------------------

_BANK_IDS = st.sampled_from(["a", "b", "c"])
_QUESTIONS = st.lists(st.sampled_from(["q1", "q2", "q3", "q4"]), unique=True, max_size=4)
_BANKS = st.lists(st.tuples(_BANK_IDS, _QUESTIONS), max_size=4)


def _document(index: int, bank_id: str, questions: list[str]) -> BankIds:
    data = {"id": bank_id, "sections": [{"questions": [{"id": q} for q in questions]}]}
    return ids_of_document(parse_yaml(yaml.safe_dump(data), f"bank-{index}.yaml"))


def _bundled(bank_id: str, questions: list[str]) -> BankIds:
    return BankIds(bank_id, bank_id, dict.fromkeys(questions, 0))


@given(given_banks=_BANKS, bundled_banks=_BANKS)
def test_a_question_is_flagged_exactly_when_another_bank_in_play_has_its_id(
    given_banks: list[tuple[str, list[str]]], bundled_banks: list[tuple[str, list[str]]]
) -> None:
    bundled_by_id = {bank_id: questions for bank_id, questions in bundled_banks}
    run = [_document(i, bank_id, questions) for i, (bank_id, questions) in enumerate(given_banks)]
    bundled = [_bundled(bank_id, questions) for bank_id, questions in bundled_by_id.items()]
    found = find_clashes(run, bundled)
    run_ids = {bank_id for bank_id, _ in given_banks}
    in_play = [*given_banks, *((b, q) for b, q in bundled_by_id.items() if b not in run_ids)]
    for index, (bank_id, questions) in enumerate(given_banks):
        path = f"bank-{index}.yaml"
        problems = found.get(path, [])
        assert all(problem.severity == "warning" and problem.line for problem in problems)
        same_id = sum(1 for other_id, _ in given_banks if other_id == bank_id) > 1
        assert [p.code for p in problems].count("bank-id-clash") == int(same_id)
        others = [qs for other_id, qs in in_play if other_id != bank_id]
        expected = [q for q in questions if any(q in qs for qs in others)]
        flagged = [p.message.split("'")[1] for p in problems if p.code == "question-id-clash"]
        assert flagged == expected
        assert (path in found) == bool(problems)
