"""What each typed line means at a question and at the end of the list."""

from __future__ import annotations

from pathlib import Path

import pytest

from coprod_check.assess.commands import Command, parse
from coprod_check.assess.session import Item, build_items
from coprod_check.bank.model import Bank
from coprod_check.files.yaml_source import load_yaml

FIXTURE = Path(__file__).parents[1] / "fixtures" / "assess" / "bank.yaml"


@pytest.fixture(scope="module")
def items() -> tuple[Item, ...]:
    return build_items([Bank.model_validate(load_yaml(FIXTURE).data)])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1", Command("choose", "strongly-disagree")),
        (" 3 ", Command("choose", "agree")),
        ("5", Command("choose", "dont-know")),
        ("agree", Command("choose", "agree")),
        ("AGREE", Command("choose", "agree")),
        ("6", Command("invalid", "there is no option 6; choose 1 to 5")),
        ("0", Command("invalid", "there is no option 0; choose 1 to 5")),
        ("maybe", Command("invalid", "'maybe' is not an option or a command")),
        ("", Command("empty")),
        ("   ", Command("empty")),
        ("?", Command("dont-know")),
        ("s", Command("skip")),
        ("S", Command("skip")),
        ("b", Command("back")),
        ("q", Command("quit")),
        ("h", Command("help")),
        ("help", Command("help")),
        ("n", Command("note")),
        ("n  Board paper 12 ", Command("note", "Board paper 12")),
        ("N Keeps Case", Command("note", "Keeps Case")),
        ("j", Command("jump")),
        ("j 12", Command("jump", "12")),
        ("j fx-time", Command("jump", "fx-time")),
    ],
)
def test_lines_at_an_agreement_question(
    items: tuple[Item, ...], line: str, expected: Command
) -> None:
    assert parse(line, items[0]) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1", Command("choose", "no")),
        ("2", Command("choose", "yes")),
        ("no", Command("choose", "no")),
        ("yes", Command("choose", "yes")),
        ("3", Command("invalid", "there is no option 3; choose 1 to 2")),
        ("n", Command("note")),
    ],
)
def test_lines_at_a_yes_no_question(items: tuple[Item, ...], line: str, expected: Command) -> None:
    assert parse(line, items[2]) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("", Command("finish")),
        ("f", Command("finish")),
        ("b", Command("back")),
        ("j 2", Command("jump", "2")),
        ("q", Command("quit")),
        ("h", Command("help")),
        ("1", Command("invalid", "'1' is not a command here; press Enter to finish")),
        ("s", Command("invalid", "this is the end of the list; press Enter to finish")),
        ("?", Command("invalid", "this is the end of the list; press Enter to finish")),
        ("n x", Command("invalid", "there is no question here to add a note to")),
    ],
)
def test_lines_at_the_end(line: str, expected: Command) -> None:
    assert parse(line, None) == expected
