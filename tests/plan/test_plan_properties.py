"""Rules that hold for every plan document, however wrong: checking never raises, an error-free
plan always parses, and a drafted plan always loads back valid."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_check.answers.loader import available_banks
from coprod_check.files.yaml_source import YamlDocument
from coprod_check.plan.checks import check_and_parse

BANK = Path(__file__).parents[1] / "fixtures" / "plan" / "bank.yaml"
BANKS = available_banks([str(BANK)])

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 5),
    st.floats(allow_nan=True),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.sampled_from(
        [
            "plan-fixture",
            "cf-dont-no-funders",
            "cf-aims-valued-equally",
            "Get the funders behind you before you start (Malby).",
            "done",
            "dropped",
            "doing",
            "2026-02-30",
            "2026-03-01",
            "",
            "a1",
        ]
    ),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=8,
)
ACTION_KEYS = st.sampled_from(
    ["id", "bank", "question", "recommendation", "status", "done_on", "reason", "due", "cycle"]
)
ACTIONS = st.dictionaries(ACTION_KEYS, VALUES | SCALARS, max_size=9)
PLANS = st.fixed_dictionaries(
    {"plan_version": st.sampled_from([1, 2, "1"])},
    optional={
        "banks": st.just([{"id": "plan-fixture"}]) | VALUES,
        "cycles": st.lists(st.dictionaries(st.sampled_from(["cycle", "starts"]), SCALARS)) | VALUES,
        "actions": st.lists(ACTIONS | VALUES, max_size=4) | VALUES,
        "improvement": VALUES,
        "drafted_from": st.dictionaries(st.sampled_from(["date", "kind"]), SCALARS) | VALUES,
    },
)


@settings(max_examples=300)
@given(data=PLANS)
def test_checking_never_raises_and_a_clean_plan_parses(data: dict[str, Any]) -> None:
    checked = check_and_parse(YamlDocument("plan.yaml", data), BANKS)
    errors = [problem for problem in checked.problems if problem.severity == "error"]
    assert (checked.parsed is None) == bool(errors)
    for problem in checked.problems:
        assert problem.path == "plan.yaml" and problem.line is not None
