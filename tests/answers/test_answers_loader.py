"""Loading an answers file for scoring: the banks it answers, warnings, one-line errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from coprod_check.answers.loader import (
    available_banks,
    load_answers,
    parse_answers,
    read_answers,
    select_banks,
)
from coprod_check.bank.loader import load_bank, load_bundled_banks
from coprod_check.errors import EXIT_FINDINGS, EXIT_USAGE, InputError, InvalidFileError, UsageError

FIXTURES = Path(__file__).parents[1] / "fixtures" / "answers"
MINI_PATH = FIXTURES / "banks" / "mini.yaml"
OTHER_PATH = FIXTURES / "banks" / "other.yaml"
BANKS = [load_bank(MINI_PATH), load_bank(OTHER_PATH)]
BUNDLED_IDS = [bank.id for bank in load_bundled_banks()]


def test_banks_come_back_in_the_files_order() -> None:
    answers, banks = load_answers(FIXTURES / "valid" / "two-banks" / "answers.yaml", BANKS)
    assert [bank.id for bank in banks] == ["other", "mini"]
    assert answers.answer_for("o1").answer == "no"


def test_warnings_are_returned_not_raised() -> None:
    loaded = read_answers(FIXTURES / "valid" / "version-differs" / "answers.yaml", BANKS, "a.yaml")
    assert [(w.line, w.code, w.severity) for w in loaded.warnings] == [
        (5, "bank-version-differs", "warning")
    ]


def test_the_first_error_is_raised_with_its_line_and_a_count() -> None:
    path = FIXTURES / "invalid" / "answer-not-on-scale" / "answers.yaml"
    with pytest.raises(InvalidFileError) as caught:
        read_answers(path, BANKS, "a.yaml")
    assert caught.value.exit_code == EXIT_FINDINGS
    assert str(caught.value) == (
        "a.yaml:5:3: 'agre' is not an answer on the scale of 'a1' (How far do you agree?); "
        "choose one of: strongly-disagree, disagree, neither, agree, strongly-agree or dont-know "
        "(or null to leave it unanswered); did you mean 'agree'? (and 6 more problems; "
        "'coprod-check validate a.yaml' lists them all)"
    )


def test_duplicate_keys_stop_scoring() -> None:
    with pytest.raises(InvalidFileError, match=r"^a\.yaml:7:3: duplicate key 'a1'"):
        read_answers(FIXTURES / "invalid" / "duplicate-key" / "answers.yaml", BANKS, "a.yaml")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "a.yaml:1: the file is empty"),
        ("# only a comment\n", "a.yaml:1: the file holds no YAML document"),
        ("answers_version: 1\nbanks: [\n", "a.yaml:3:1: YAML syntax error"),
        (
            "answers_version: 1\nbanks: [{id: mini}]\nrespondent:\n  date: 2026-13-01\n",
            "a.yaml:4:9: 2026-13-01 is not a real date; write dates as YYYY-MM-DD",
        ),
        (
            "answers_version: 1\nbanks: [{id: mini}]\nanswers:\n  a: &x 1\n  <<: *x\n",
            "a.yaml:4:3: YAML error: expected a mapping or list of mappings for merging",
        ),
        ("a: " + "[" * 5000 + "]" * 5000 + "\n", "a.yaml: the data is nested too deeply"),
    ],
)
def test_unreadable_answers_are_usage_errors(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_answers(text, "a.yaml", BANKS)
    assert caught.value.exit_code == EXIT_USAGE
    assert str(caught.value).startswith(message)


def test_missing_file() -> None:
    with pytest.raises(InputError, match="no such file"):
        read_answers(FIXTURES / "nope.yaml", BANKS)


def test_available_banks_are_bank_files_then_bundled() -> None:
    assert [b.id for b in available_banks([])] == BUNDLED_IDS
    assert [b.id for b in available_banks([str(MINI_PATH), BUNDLED_IDS[0]])] == [
        "mini",
        *BUNDLED_IDS,
    ]


def test_a_bank_file_replaces_the_bundled_bank_of_the_same_id(tmp_path: Path) -> None:
    bundled = load_bundled_banks()[0]
    copy = tmp_path / "mine.yaml"
    text = MINI_PATH.read_text(encoding="utf-8").replace("id: mini\n", f"id: {bundled.id}\n", 1)
    copy.write_text(text, encoding="utf-8")
    banks = available_banks([str(copy)])
    assert [b.id for b in banks].count(bundled.id) == 1
    assert banks[0].title == "Mini bank"


def test_available_banks_refuses_unknown_ids_and_twins(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--bank nope: no bundled bank has this id"):
        available_banks(["nope"])
    twin = tmp_path / "twin.yaml"
    shutil.copy(MINI_PATH, twin)
    with pytest.raises(UsageError, match="two --bank files have the same bank id 'mini'"):
        available_banks([str(MINI_PATH), str(twin)])


def test_select_banks() -> None:
    assert [b.id for b in select_banks([])] == [i for i in BUNDLED_IDS if i != "still-genuine"]
    assert [b.id for b in select_banks(["still-genuine"])] == ["still-genuine"]
    assert [b.id for b in select_banks([str(OTHER_PATH), BUNDLED_IDS[-1]])] == [
        "other",
        BUNDLED_IDS[-1],
    ]
    with pytest.raises(UsageError, match="is named twice"):
        select_banks([BUNDLED_IDS[0], BUNDLED_IDS[0]])
    with pytest.raises(UsageError, match="give a path to a bank file instead"):
        select_banks(["no-such-bank"])


def test_a_missing_bank_file_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no such file"):
        select_banks(["missing/bank.yaml"])
