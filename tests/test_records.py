"""Each record class has the fields, order and defaults of the pydantic model it mirrors, and
data goes through either the same way."""

from __future__ import annotations

import importlib
import inspect
from typing import Any

import pytest
from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from coprod_check.bank.loader import load_bundled_banks
from coprod_check.bank.model import Bank
from coprod_check.bank.shape import certainly_valid
from coprod_check.records import Record, from_data, from_model, plain

FAMILIES = [
    ("coprod_check.bank.model", "coprod_check.bank.schema"),
    ("coprod_check.answers.model", "coprod_check.answers.schema"),
    ("coprod_check.scoring.result", "coprod_check.scoring.result_schema"),
]


def _models(schema: str) -> list[type[BaseModel]]:
    module = importlib.import_module(schema)
    return [
        kind
        for name, kind in vars(module).items()
        if inspect.isclass(kind)
        and issubclass(kind, BaseModel)
        and kind.__module__ == schema
        and not name.startswith("_")
    ]


PAIRS = [
    pytest.param(
        getattr(importlib.import_module(records), model.__name__), model, id=model.__name__
    )
    for records, schema in FAMILIES
    for model in _models(schema)
]


def test_every_family_has_models() -> None:
    assert len(PAIRS) == 13 + 4 + 17


@pytest.mark.parametrize(("record", "model"), PAIRS)
def test_a_record_has_its_models_fields_in_order(
    record: type[Record], model: type[BaseModel]
) -> None:
    assert issubclass(record, Record)
    assert record.__record_fields__ == tuple(model.model_fields)


def _default(info: Any) -> Any:
    if info.default_factory is not None:
        made = info.default_factory()
        return (
            plain(made)
            if isinstance(made, Record)
            else made.model_dump()
            if isinstance(made, BaseModel)
            else made
        )
    return info.default


def _record_default(record: type[Record], name: str) -> Any:
    found = record.__record_defaults__.get(name, PydanticUndefined)
    make = getattr(found, "make", None)
    if make is not None:
        made = make()
        return plain(made) if isinstance(made, Record) else made
    return found


@pytest.mark.parametrize(("record", "model"), PAIRS)
def test_a_record_has_its_models_defaults(record: type[Record], model: type[BaseModel]) -> None:
    for name, info in model.model_fields.items():
        expected = _default(info)
        found = _record_default(record, name)
        assert found == expected, name
        assert type(found) is type(expected), name


def test_a_bundled_bank_is_the_same_from_the_models_and_from_cached_data() -> None:
    from coprod_check.bank import schema

    for bank in load_bundled_banks():
        data = plain(bank)
        assert certainly_valid(data)  # what the cache holds passes the quick test
        assert from_data(Bank, data) == bank
        again = schema.Bank.model_validate(data, strict=True)
        assert from_model(again, Bank) == bank
        assert again.model_dump() == data


def test_records_are_frozen_and_copy_like_pydantic_models() -> None:
    bank = load_bundled_banks()[0]
    with pytest.raises(AttributeError):
        bank.id = "other"  # type: ignore[misc]
    copy = bank.model_copy(update={"title": "Another"})
    assert copy.title == "Another"
    assert copy.sections is bank.sections  # shallow, as in pydantic
    assert copy != bank
    assert copy.model_copy(update={"title": bank.title}) == bank
    with pytest.raises(TypeError, match="no field 'titel'"):
        bank.model_copy(update={"titel": "x"})
