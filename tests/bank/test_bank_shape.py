"""``bank.shape.certainly_valid`` never says yes to a bank the pydantic models refuse.

``validate`` skips the models (and pydantic) for data the quick test accepts, so the one rule
that matters is: accepted => ``Bank.model_validate(data, strict=True)`` succeeds. It is checked
on every bank in the repository and on many damaged copies of the bundled banks. The quick test
must also know every field of every model (so a new field cannot be missed) and accept every
valid bank here (or the fast path would never be taken).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from coprod_check.bank import schema as bank_model
from coprod_check.bank.checks.references import SECTION_ROLES
from coprod_check.bank.checks.values import TEXT_FIELDS
from coprod_check.bank.shape import DEFAULT_MET, DEFAULT_PARTLY_MET, FIELDS, certainly_valid
from coprod_check.problems.schema_errors import text_fields

REPO = Path(__file__).resolve().parents[2]
BUNDLED = sorted((REPO / "questionnaires").glob("*.yaml"))
FIXTURE_BANKS = sorted((REPO / "tests" / "fixtures").rglob("*.yaml"))
MODELS: dict[str, type[BaseModel]] = {
    name: getattr(bank_model, name)
    for name in [
        "Bank",
        "Source",
        "Citation",
        "ScaleOption",
        "Scale",
        "RedFlag",
        "Recommendation",
        "Question",
        "Thresholds",
        "Section",
        "Level",
        "Condition",
        "Approach",
    ]
}


def _accepted_by_models(data: Any) -> bool:
    try:
        bank_model.Bank.model_validate(data, strict=True)
    except ValidationError:
        return False
    return True


def _load(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError, ValueError):
        return None


@pytest.mark.parametrize("name", sorted(MODELS))
def test_it_knows_every_field_and_which_are_required(name: str) -> None:
    fields = MODELS[name].model_fields
    required = frozenset(field for field, info in fields.items() if info.is_required())
    assert FIELDS[name] == (required, frozenset(fields))


def test_the_written_out_facts_match_the_models() -> None:
    for name, fields in TEXT_FIELDS.items():
        assert list(fields) == text_fields(MODELS[name])
    assert set(TEXT_FIELDS) == set(MODELS) - {"Thresholds", "Condition"}
    assert get_args(bank_model.SectionRole) == SECTION_ROLES
    assert (
        bank_model.Thresholds().met,
        bank_model.Thresholds().partly_met,
    ) == (DEFAULT_MET, DEFAULT_PARTLY_MET)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda path: path.name)
def test_the_bundled_banks_take_the_fast_path(path: Path) -> None:
    assert certainly_valid(_load(path))


def test_every_bank_in_the_fixtures_is_judged_safely() -> None:
    judged = [(path, _load(path)) for path in FIXTURE_BANKS]
    banks = [(path, data) for path, data in judged if isinstance(data, dict)]
    banks = [(path, data) for path, data in banks if "schema_version" in data]
    assert len(banks) > 20
    for path, data in banks:
        if certainly_valid(data):
            assert _accepted_by_models(data), path
    fast = [path for path, data in banks if certainly_valid(data)]
    assert REPO / "tests" / "fixtures" / "banks" / "valid" / "full.yaml" in fast


# --- damaged copies ---------------------------------------------------------------------------

_ORIGINALS = [_load(path) for path in BUNDLED]
_ODD = [
    None,
    True,
    False,
    0,
    1,
    -1,
    1.0,
    1.5,
    101,
    1900,
    2101,
    float("nan"),
    float("inf"),
    "",
    " ",
    "x" * 4001,
    " " + "x" * 4000,
    "Bad Id",
    "ok-id",
    "a" * 65,
    "-lead",
    "id\n",
    "1.0.0",
    "01.0.0",
    "1.0",
    "1.0.0\n",
    "\u0661.0.0",
    "met",
    "blocker",
    "criterion",
    [],
    ["ok-id"],
    [None],
    {},
    {"id": "ok-id"},
]
_ODD_VALUES = st.sampled_from(_ODD)


def _places(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in ``data``."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _places(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _places(value, (*path, index))
    return found


def _parent(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path[:-1]:
        data = data[part]
    return data


def _one_place_per_field() -> list[tuple[int, tuple[Any, ...]]]:
    """For every field of the bundled banks (list indexes ignored), its first place."""
    seen: dict[tuple[Any, ...], tuple[int, tuple[Any, ...]]] = {}
    for number, data in enumerate(_ORIGINALS):
        for place in _places(data):
            pattern = tuple("#" if isinstance(part, int) else part for part in place)
            seen.setdefault(pattern, (number, place))
    return list(seen.values())


def _damaged_once() -> list[Any]:
    """Each bundled field given each odd value or deleted; each mapping given an unknown key;
    each list cut to its first item."""
    damaged = []
    for number, place in _one_place_per_field():
        for value in [*_ODD, "<delete>", "<unknown key>", "<first only>"]:
            data = copy.deepcopy(_ORIGINALS[number])
            target = _parent(data, place) if place else None
            if value == "<delete>" and place:
                del target[place[-1]]
            elif value == "<first only>":
                items = target[place[-1]] if place else data
                if not isinstance(items, list) or len(items) < 2:
                    continue
                del items[1:]
            elif value == "<unknown key>":
                mapping = target[place[-1]] if place else data
                if not isinstance(mapping, dict):
                    continue
                mapping["extra"] = 1
            elif place:
                target[place[-1]] = value
            else:
                data = value
            damaged.append(data)
    return damaged


def test_no_bank_damaged_in_one_place_is_waved_through() -> None:
    damaged = _damaged_once()
    assert len(damaged) > 2000
    waved = [data for data in damaged if certainly_valid(data) and not _accepted_by_models(data)]
    assert waved == []


@st.composite
def damaged_banks(draw: st.DrawFn) -> Any:
    data = copy.deepcopy(draw(st.sampled_from(_ORIGINALS)))
    for _ in range(draw(st.integers(1, 3))):
        places = [place for place in _places(data) if place]
        path = draw(st.sampled_from(places))
        parent = _parent(data, path)
        action = draw(st.sampled_from(["replace", "delete", "add-key", "empty"]))
        # a copy: the odd values are shared, and a later round may damage what it puts in (a
        # mapping given itself as a value loops forever; emptying one changes every example)
        if action == "replace":
            parent[path[-1]] = copy.deepcopy(draw(_ODD_VALUES))
        elif action == "delete":
            del parent[path[-1]]
        elif action == "add-key" and isinstance(parent, dict):
            key = draw(st.sampled_from(["extra", "ID", 1, "weights"]))
            parent[key] = copy.deepcopy(draw(_ODD_VALUES))
        elif action == "empty" and isinstance(parent[path[-1]], list | dict):
            parent[path[-1]].clear()
    return data


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_banks())
def test_a_damaged_bank_is_never_waved_through(data: Any) -> None:
    if certainly_valid(data):
        assert _accepted_by_models(data)
