"""Shared data for the aggregate tests: the fixture bank and the hand-checked workshop."""

from __future__ import annotations

from pathlib import Path

from coprod_check.aggregate.result import Settings
from coprod_check.bank.loader import load_bank
from coprod_check.bank.model import Bank

HERE = Path(__file__).parent / "fixtures" / "aggregate"
BANK_PATH = HERE / "bank.yaml"
WORKSHOP = HERE / "workshop.csv"


def fixture_bank() -> Bank:
    return load_bank(BANK_PATH)


def settings(**changes: object) -> Settings:
    values: dict[str, object] = {
        "min_group_size": 3,
        "gap_threshold": 20.0,
        "top_disagreements": 5,
        "include_notes": False,
        "on_error": "skip",
    }
    values.update(changes)
    return Settings.model_validate(values)


#: The workshop of ``fixtures/aggregate/workshop.csv`` as in-memory respondents.
RESPONDENTS: list[tuple[str | None, dict[str, str | None]]] = [
    (
        "frontline staff",
        {"power-shared": "agree", "power-hierarchy": "disagree", "aims-shared": "strongly-agree"},
    ),
    ("staff", {"power-shared": "agree", "power-hierarchy": "neither", "aims-shared": "agree"}),
    (
        "frontline staff",
        {"power-shared": "strongly-agree", "power-hierarchy": "disagree", "aims-shared": "agree"},
    ),
    (
        "person who uses services",
        {
            "power-shared": "disagree",
            "power-hierarchy": "strongly-agree",
            "aims-shared": "disagree",
        },
    ),
    (
        "service user",
        {"power-shared": "dont-know", "power-hierarchy": "agree", "aims-shared": "neither"},
    ),
    (
        "person who uses services",
        {"power-shared": None, "power-hierarchy": "strongly-agree", "aims-shared": "disagree"},
    ),
    ("carer", {"power-shared": None, "power-hierarchy": None, "aims-shared": "agree"}),
]
