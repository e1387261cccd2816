"""``coprod-check schema``: a valid JSON Schema that agrees with coprod-check on schema errors."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from coprod_check.bank.loader import check_bank
from coprod_check.cli import app
from coprod_check.files.resources import bundled_bank_files
from coprod_check.files.yaml_source import YamlDocument, load_yaml, parse_yaml
from coprod_check.json_schema import DRAFT

FIXTURES = Path(__file__).parents[1] / "fixtures" / "banks"
SCHEMA_CODES = {"unknown-field", "missing-field", "wrong-type", "invalid-value"}


def _schema(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(app, ["schema", *args])
    assert result.exit_code == 0
    document: dict[str, Any] = json.loads(result.stdout)
    return document


BANK_SCHEMA = _schema()
VALIDATOR = jsonschema.Draft202012Validator(BANK_SCHEMA)


def _schema_codes(doc: YamlDocument) -> set[str]:
    return {problem.code for problem in check_bank(doc)} & SCHEMA_CODES


def _json_schema_valid(data: Any) -> bool:
    return not any(True for _ in VALIDATOR.iter_errors(data))


@pytest.mark.parametrize(("args", "schema_id"), [((), "bank"), (("--answers",), "answers")])
def test_schema_is_valid_draft_2020_12(args: tuple[str, ...], schema_id: str) -> None:
    schema = _schema(*args)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DRAFT == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"urn:coprod-check:schema:{schema_id}:1"
    assert schema["title"].startswith("coprod-check ")
    assert schema["additionalProperties"] is False


def test_bank_schema_lists_the_bank_fields() -> None:
    assert set(BANK_SCHEMA["required"]) == {
        "schema_version",
        "id",
        "version",
        "title",
        "description",
        "sources",
        "scales",
        "sections",
    }
    assert BANK_SCHEMA["properties"]["schema_version"]["const"] == 1


def test_answers_schema_accepts_an_answers_file() -> None:
    validator = jsonschema.Draft202012Validator(_schema("--answers"))
    answers = {
        "answers_version": 1,
        "banks": [{"id": "right-circumstances", "version": "1.0.0"}],
        "respondent": {"role": "carer", "date": "2026-11-25"},
        "answers": {"q-one": "agree", "q-two": {"answer": None, "note": "later"}, "q-three": None},
    }
    assert not list(validator.iter_errors(answers))
    answers["respondent"] = {"rol": "carer"}
    assert list(validator.iter_errors(answers))


def _valid_documents() -> Iterator[tuple[str, YamlDocument]]:
    for path in sorted((FIXTURES / "valid").glob("*.yaml")):
        yield path.name, load_yaml(path)
    for item in bundled_bank_files():
        yield f"bundled/{item.name}", parse_yaml(item.read_text(encoding="utf-8"), item.name)


@pytest.mark.parametrize(("name", "doc"), list(_valid_documents()), ids=lambda v: str(v))
def test_valid_banks_pass_both(name: str, doc: YamlDocument) -> None:
    assert check_bank(doc) == []
    assert _json_schema_valid(doc.data)


SCHEMA_CASES = ["unknown-fields", "missing-fields", "wrong-types", "invalid-values", "odd-scalars"]
SEMANTIC_CASES = [
    "duplicate-ids",
    "unknown-references",
    "levels",
    "thresholds",
    "red-flags",
]


@pytest.mark.parametrize("case", SCHEMA_CASES)
def test_schema_level_mistakes_fail_both(case: str) -> None:
    doc = load_yaml(FIXTURES / "invalid" / case / "bank.yaml")
    assert _schema_codes(doc)
    assert not _json_schema_valid(doc.data)


@pytest.mark.parametrize("case", SEMANTIC_CASES)
def test_mistakes_beyond_the_schema_pass_json_schema(case: str) -> None:
    """JSON Schema cannot see references or orderings: these need ``coprod-check validate``."""
    doc = load_yaml(FIXTURES / "invalid" / case / "bank.yaml")
    assert check_bank(doc)
    assert not _schema_codes(doc)
    assert _json_schema_valid(doc.data)


# --- property: for any single edit of a valid bank, coprod-check and JSON Schema agree ---------

BASE = load_yaml(FIXTURES / "valid" / "full.yaml").data


def _mapping_paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(node, dict):
        yield path
        for key, value in node.items():
            yield from _mapping_paths(value, (*path, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _mapping_paths(item, (*path, index))


MAPPINGS = list(_mapping_paths(BASE))

# JSON Schema cannot tell 2014.0 from 2014, so integral floats are left out; text has no line
# breaks (a trailing newline passes JSON Schema's "$" but not pydantic's) and stays short.
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-3, max_value=150),
    st.floats(min_value=-3, max_value=150).filter(lambda x: not x.is_integer()),
    st.text(alphabet="abz-09 .AZ", max_size=8),
    st.lists(st.sampled_from(["agree", "x", "Bad"]), max_size=2),
    st.just({}),
    st.sampled_from(["fixture", "agree", "1.0.0", "criterion", "blocker", "met"]),
)


def _edit(data: Any, choice: int, kind: str, value: Any) -> Any:
    edited = copy.deepcopy(data)
    path = MAPPINGS[choice % len(MAPPINGS)]
    target = edited
    for key in path:
        target = target[key]
    keys = list(target)
    if kind == "add" or not keys:
        target["unexpected"] = value
    elif kind == "delete":
        del target[keys[choice % len(keys)]]
    else:
        target[keys[choice % len(keys)]] = value
    return edited


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    choice=st.integers(min_value=0, max_value=10_000),
    kind=st.sampled_from(["set", "set", "delete", "add"]),
    value=VALUES,
)
def test_json_schema_and_coprod_check_agree_on_any_single_edit(
    choice: int, kind: str, value: Any
) -> None:
    data = _edit(BASE, choice, kind, value)
    doc = YamlDocument("edited.yaml", data, {}, [])
    problems = check_bank(doc)  # never raises, whatever the edit
    assert all(problem.line == 1 for problem in problems)  # no positions known: falls back to 1
    assert _json_schema_valid(data) == (not (_schema_codes(doc)))
