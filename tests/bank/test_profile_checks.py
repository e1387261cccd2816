"""Profiles never decide: ``validate`` refuses any bank that gives a profile a say, at the field
that gives it, and in a bank it accepts, no answer to a profile changes the verdict, the level or
the confidence."""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_check.answers.model import AnswersFile
from coprod_check.bank.checks import run_checks
from coprod_check.bank.loader import examine_bank
from coprod_check.files.yaml_source import YamlDocument
from coprod_check.problems.codes import Code
from coprod_check.scoring.engine import score

CITATION = {"source": "src", "item": "Item"}
PROFILE_QUESTIONS = ("p1", "p2")
OPTIONS: tuple[str | None, ...] = ("n", "y", "dk", None)
CONSEQUENCES = ("none", "condition", "not-yet", "not-right-approach")


def _question(name: str) -> dict[str, Any]:
    return {"id": name, "statement": f"{name}.", "scale": "s", "citation": CITATION}


def _conditions(draw: st.DrawFn, depth: int) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for _ in range(draw(st.integers(1, 2))):
        kind = draw(st.sampled_from(["question", "section", "all"] if depth else ["question"]))
        if kind == "question":
            name = draw(st.sampled_from(["c1", *PROFILE_QUESTIONS]))
            found.append({"question": name, "answers": [draw(st.sampled_from(["n", "y"]))]})
        elif kind == "section":
            name = draw(st.sampled_from(["crit", "prof"]))
            found.append({"section": name, "status": [draw(st.sampled_from(["met", "not-met"]))]})
        else:
            found.append({"all": _conditions(draw, depth - 1)})
    return found


@st.composite
def banks(draw: st.DrawFn) -> dict[str, Any]:
    """A bank with a criterion and a profile, the profile given any consequence, and perhaps an
    approach whose conditions (nested under ``all`` to two levels) may name the profile."""
    profile: dict[str, Any] = {
        "id": "prof",
        "title": "Profile",
        "role": "profile",
        "citation": CITATION,
        "questions": [_question(name) for name in PROFILE_QUESTIONS],
    }
    if draw(st.booleans()):
        profile["decisive"] = draw(st.booleans())
    for field in ("if_not_met", "if_partly_met"):
        if draw(st.booleans()):
            profile[field] = draw(st.sampled_from(CONSEQUENCES))
    data: dict[str, Any] = {
        "schema_version": 1,
        "id": "profiled",
        "version": "1.0.0",
        "title": "Profiled",
        "description": "A bank with a profile.",
        "sources": [{"id": "src", "author": "Someone", "title": "Something"}],
        "scales": [
            {
                "id": "s",
                "label": "Scale",
                "options": [
                    {"id": "n", "label": "No", "value": 0},
                    {"id": "y", "label": "Yes", "value": 1},
                    {"id": "dk", "label": "Don't know", "value": None},
                ],
            }
        ],
        "min_answered": draw(st.sampled_from([0.5, 1])),
        "sections": [
            {
                "id": "crit",
                "title": "Criterion",
                "role": "criterion",
                "citation": CITATION,
                "questions": [_question("c1")],
            },
            profile,
        ],
    }
    if draw(st.booleans()):
        data["approaches"] = [
            {
                "id": "voice",
                "name": "Voice",
                "description": "Voice fits.",
                "when": _conditions(draw, 2),
                "citation": CITATION,
            }
        ]
    return data


def _offending(data: dict[str, Any]) -> set[tuple[str | int, ...]]:
    """Where each field that gives the profile (section 1) a say sits."""
    profile = data["sections"][1]
    found: set[tuple[str | int, ...]] = set()
    if profile.get("decisive") is True:
        found.add(("sections", 1, "decisive"))
    for field in ("if_not_met", "if_partly_met"):
        if profile.get(field, "none") != "none":
            found.add(("sections", 1, field))

    def visit(conditions: list[dict[str, Any]], path: tuple[str | int, ...]) -> None:
        for index, condition in enumerate(conditions):
            if condition.get("question") in PROFILE_QUESTIONS:
                found.add((*path, index, "question"))
            if condition.get("section") == "prof":
                found.add((*path, index, "section"))
            visit(condition.get("all", []), (*path, index, "all"))

    for number, approach in enumerate(data.get("approaches", [])):
        visit(approach["when"], ("approaches", number, "when"))
    return found


@settings(max_examples=200)
@given(banks())
def test_every_field_that_gives_a_profile_a_say_is_refused_there(data: dict[str, Any]) -> None:
    findings = run_checks(YamlDocument("bank.yaml", data))
    assert {f.path for f in findings if f.code == Code.PROFILE_DECIDES} == _offending(data)


@settings(max_examples=100)
@given(banks(), st.sampled_from(OPTIONS))
def test_in_an_accepted_bank_profile_answers_change_nothing(
    data: dict[str, Any], criterion: str | None
) -> None:
    bank, problems = examine_bank(YamlDocument("bank.yaml", data))
    assert (bank is None) == bool(_offending(data)), [str(p) for p in problems]
    if bank is None:
        return
    results = [
        score(
            [bank],
            AnswersFile.model_validate(
                {
                    "answers_version": 1,
                    "banks": [{"id": bank.id}],
                    "answers": {"c1": criterion, "p1": first, "p2": second},
                }
            ),
        )
        for first, second in itertools.product(OPTIONS, repeat=2)
    ]
    first = results[0]
    for result in results[1:]:
        assert (result.verdict, result.level, result.confidence) == (
            first.verdict,
            first.level,
            first.confidence,
        )
