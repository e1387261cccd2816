"""``answers.shape`` never says "unchanged" wrongly: whatever it turns into records, the pydantic
models accept and turn into the same records; and it says yes to the usual, well-formed files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from coprod_check.answers import shape
from coprod_check.answers.model import AnswersFile
from coprod_check.answers.schema import Answer as AnswerModel
from coprod_check.answers.schema import AnswersFile as AnswersModel

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*.yaml"))

texts = st.one_of(
    st.sampled_from(["agree", "x", " agree", "agree ", "Agree", "a-b", "-a", "", "1.0.0", "0.1"]),
    st.text(max_size=8),
    st.text(min_size=195, max_size=205, alphabet="ab "),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 3),
    st.floats(allow_nan=True),
    texts,
    st.dates(),
    st.datetimes(),
    st.just(dt.date(2026, 11, 25)),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.sampled_from(["id", "version", "answer", "note", "x"]), inner, max_size=3
        ),
    ),
    max_leaves=6,
)
respondents = st.dictionaries(
    st.sampled_from(["pseudonym", "role", "date", "project", "name"]),
    st.one_of(values, st.sampled_from(["carer", "manager", "other", "Carer"])),
    max_size=4,
)
bank_refs = st.dictionaries(
    st.sampled_from(["id", "version", "x"]),
    st.one_of(st.sampled_from(["right-circumstances", "bank-1", "1.0.0", "1.0", "Bank"]), values),
    max_size=3,
)
answer_values = st.one_of(
    values,
    st.sampled_from(["agree", "dont-know", "Agree"]),
    st.fixed_dictionaries(
        {},
        optional={
            "answer": st.one_of(st.none(), texts),
            "note": st.one_of(st.none(), texts, values),
        },
    ),
)
files = st.fixed_dictionaries(
    {},
    optional={
        "answers_version": st.one_of(st.just(1), values),
        "banks": st.one_of(st.lists(bank_refs, max_size=3), values),
        "respondent": st.one_of(respondents, values),
        "answers": st.one_of(
            st.dictionaries(st.one_of(texts, st.integers(0, 3)), answer_values, max_size=4), values
        ),
        "extra": values,
    },
)


def _by_models(data: Any) -> AnswersFile | None:
    try:
        return AnswersFile.model_validate(data)
    except ValidationError:
        return None


@settings(max_examples=1500, deadline=None)
@given(files)
def test_what_the_quick_test_accepts_the_models_make_the_same(data: Any) -> None:
    quick = shape.answers_file(data)
    if quick is not None:
        assert _by_models(data) == quick
    if shape.outline_unchanged(data):
        AnswersModel.model_validate({**data, "answers": {}})


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.sampled_from(["note", "answer", "x"]), values, max_size=2))
def test_an_answers_details_the_quick_test_accepts_pass(details: Any) -> None:
    if shape.answer_details_unchanged(details):
        AnswerModel.model_validate(details)


@pytest.mark.parametrize("path", EXAMPLES, ids=[path.name for path in EXAMPLES])
def test_the_examples_need_no_models(path: Path) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    clean = {**data, "answers": {k: v for k, v in data["answers"].items() if v is not None}}
    found = shape.answers_file(clean)
    assert found is not None
    assert found == _by_models(clean)
