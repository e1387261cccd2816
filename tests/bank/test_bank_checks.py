"""Unit tests of schema-error wording and the semantic checks, with property tests of the rules."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from coprod_check.answers.schema import AnswersFile
from coprod_check.bank import checks as bank_checks
from coprod_check.bank.checks import CHECKS, BankData, red_flags_at_worst_end, run_checks
from coprod_check.bank.loader import check_bank
from coprod_check.bank.schema import Bank, Citation, ScaleOption
from coprod_check.files.yaml_source import YamlDocument, parse_yaml
from coprod_check.problems.schema_errors import describe_path, model_at, schema_findings
from coprod_check.problems.wording import describe_value


def _findings(model: Any, data: dict[str, Any]) -> list[tuple[tuple[Any, ...], str, str]]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(data, strict=True)
    return [(f.path, f.code, f.message) for f in schema_findings(caught.value, data, model)]


ANSWERS = {"answers_version": 1, "banks": [{"id": "b"}]}


def test_union_branch_names_are_dropped_and_the_fitting_branch_wins() -> None:
    data = {**ANSWERS, "answers": {"q": {"answer": "agree", "nte": "typo"}}}
    assert _findings(AnswersFile, data) == [
        (
            ("answers", "q", "nte"),
            "unknown-field",
            "unknown field 'nte' (not allowed here; did you mean 'note'?)",
        )
    ]


def test_a_union_that_fails_on_shape_alone_gives_one_merged_message() -> None:
    data = {**ANSWERS, "answers": {"q": 3}}
    assert _findings(AnswersFile, data) == [
        (
            ("answers", "q"),
            "wrong-type",
            "wrong type for 'q': expected a mapping (key: value lines) or text, got the number 3",
        )
    ]


def test_a_bad_mapping_key_is_named() -> None:
    data = {**ANSWERS, "answers": {"Bad Key": "agree"}}
    [(path, code, message)] = _findings(AnswersFile, data)
    assert path == ("answers", "Bad Key", "[key]")
    assert code == "invalid-value"
    assert message.startswith("key 'Bad Key' is not a valid id: text 'Bad Key'; use lower-case")


def test_unknown_field_without_a_close_match_lists_the_allowed_fields() -> None:
    data = {**ANSWERS, "respondent": {"zzz": 1}}
    [(_, _, message)] = _findings(AnswersFile, data)
    assert message == (
        "unknown field 'zzz' (not allowed here; allowed: pseudonym, role, date, project)"
    )


def test_model_at_follows_lists_and_optionals() -> None:
    assert model_at(Bank, ("sections", 0, "questions", 3, "citation")) is Citation
    assert model_at(Bank, ("scales", 1, "options", 0)) is ScaleOption
    assert model_at(Bank, ("sections", 0, "title")) is None
    assert model_at(Bank, ("nothing", "here")) is None


@pytest.mark.parametrize(
    ("path", "expected"),
    [((), "the file"), (("title",), "'title'"), (("sources", 1), "item 2 of 'sources'")],
)
def test_describe_path(path: tuple[Any, ...], expected: str) -> None:
    assert describe_path(path) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, "nothing (null)"),
        (True, "true"),
        (3, "the number 3"),
        (1.0, "the number 1.0"),
        ("x" * 70, "text '" + "x" * 57 + "...'"),
        ("it's", 'text "it\'s"'),
        ([1], "a list"),
        ({}, "a mapping"),
    ],
)
def test_describe_value(value: Any, expected: str) -> None:
    assert describe_value(value) == expected


def test_every_check_is_a_documented_function_in_the_list() -> None:
    topics = [
        importlib.import_module(f"{bank_checks.__name__}.{info.name}")
        for info in pkgutil.iter_modules(bank_checks.__path__)
    ]
    public = {
        name
        for topic in topics
        for name, function in inspect.getmembers(topic, inspect.isfunction)
        if function.__module__ == topic.__name__
        and inspect.signature(function).parameters.keys() == {"bank"}
        and not name.startswith("_")
    }
    assert {check.__name__ for check in CHECKS} == public
    assert all(check.__doc__ for check in CHECKS)


def test_semantic_checks_run_when_the_schema_fails() -> None:
    doc = parse_yaml(
        "schema_version: 1\nid: x\nsections:\n"
        "  - id: s\n    questions:\n      - {id: q, scale: nowhere}\n",
        "bank.yaml",
    )
    problems = check_bank(doc)
    assert (
        "bank.yaml:6:17: error: unknown scale 'nowhere' (the bank defines no scales) "
        "[unknown-reference]" in [str(p) for p in problems]
    )
    assert any(p.code == "missing-field" for p in problems)


def test_a_value_with_a_schema_error_is_not_also_reported_by_a_check() -> None:
    """``scale: Not An Id`` is a schema error; it is not also an "unknown scale"."""
    doc = parse_yaml(
        "schema_version: 1\nsections:\n  - questions:\n      - {id: q, scale: Not An Id}\n",
        "bank.yaml",
    )
    at_scale = [p for p in check_bank(doc) if (p.line, p.column) == (4, 17)]
    assert [p.code for p in at_scale] == ["invalid-value"]


@pytest.mark.parametrize("data", [[], "text", 3, None, {"sections": "x", "scales": [1, "a", None]}])
def test_checks_survive_data_of_any_shape(data: Any) -> None:
    assert isinstance(run_checks(YamlDocument("x.yaml", data)), list)


# --- property: a bank with no red-flag-order finding never raises a flag on improvement ---------

SEVERITIES = {"caution": 1, "blocker": 2}


@st.composite
def flagged_questions(draw: st.DrawFn) -> dict[str, Any]:
    count = draw(st.integers(min_value=2, max_value=5))
    values = draw(st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=count, max_size=count))
    options = [{"id": f"o{i}", "label": "x", "value": v} for i, v in enumerate(values)]
    ids = [option["id"] for option in options]
    flags = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "severity": st.sampled_from(sorted(SEVERITIES)),
                    "answers": st.lists(st.sampled_from(ids), min_size=1, max_size=3),
                    "message": st.just("m"),
                }
            ),
            max_size=3,
        )
    )
    return {
        "scales": [{"id": "s", "label": "s", "options": options}],
        "sections": [
            {
                "id": "sec",
                "questions": [
                    {"id": "q", "scale": "s", "reverse": draw(st.booleans()), "red_flags": flags}
                ],
            }
        ],
    }


def _raised(question: dict[str, Any], answer: str) -> int:
    return max(
        (SEVERITIES[f["severity"]] for f in question["red_flags"] if answer in f["answers"]),
        default=0,
    )


@settings(max_examples=400, deadline=None)
@given(flagged_questions())
def test_red_flag_rule_holds_exactly_when_no_improvement_raises_a_flag(
    data: dict[str, Any],
) -> None:
    question = data["sections"][0]["questions"][0]
    sign = -1 if question["reverse"] else 1
    options = data["scales"][0]["options"]
    found = list(red_flags_at_worst_end(BankData(YamlDocument("x.yaml", data))))
    raises_on_improvement = any(
        sign * better["value"] > sign * worse["value"]
        and _raised(question, better["id"]) > _raised(question, worse["id"])
        for better in options
        for worse in options
        if better["value"] is not None and worse["value"] is not None
    )
    assert bool(found) == raises_on_improvement
    assert all(f.code == "red-flag-order" for f in found)
