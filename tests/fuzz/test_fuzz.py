"""Fuzz tests: hostile banks, answers, mapping files, CSV exports and saved JSON (issue 15).

A bounded number of cases runs in the normal test run. The long run is
``python tests/fuzz/long_run.py --cases 10000`` (see docs/fuzzing.md), or these tests with
``COPROD_FUZZ_CASES=N`` (hypothesis examples and random cases per test). Inputs that once broke
the promise live in ``regressions/`` and are replayed on every run.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz_core import SEEDS, SUFFIX, Tally, mutate, prepare, run_case
from fuzz_core import dump as dump_yaml

CASES = int(os.environ.get("COPROD_FUZZ_CASES", "0"))
RANDOM_CASES = CASES or 12
EXAMPLES = CASES or 10
REGRESSIONS = Path(__file__).parent / "regressions"


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("fuzz")
    prepare(folder)
    yield folder


def _assert_clean(tally: Tally) -> None:
    assert not tally.failures, "\n".join(
        f"{f.kind} seed {f.seed}: {' '.join(f.args)}: {f.why}" for f in tally.failures[:10]
    )


@pytest.mark.parametrize("kind", list(SUFFIX))
def test_random_mutations_of_real_files(work: Path, kind: str) -> None:
    tally = Tally()
    for seed in range(RANDOM_CASES):
        run_case(kind, mutate(kind, random.Random(f"{kind}-{seed}")), work, seed, tally)
    assert tally.cases == RANDOM_CASES
    _assert_clean(tally)


@pytest.mark.parametrize(
    "case", sorted(REGRESSIONS.glob("*.*")) if REGRESSIONS.is_dir() else [], ids=lambda p: p.name
)
def test_regressions_found_by_fuzzing(work: Path, case: Path) -> None:
    kind = case.name.split("-", 1)[0]
    tally = Tally()
    run_case(kind, case.read_bytes(), work, 0, tally)
    _assert_clean(tally)


# -- structured: the formats themselves, with hostile values anywhere -----------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**14, max_value=10**30),
    st.floats(),
    st.text(max_size=40),
    st.dates(),
    st.datetimes(),
    st.binary(max_size=8),
    st.sampled_from(["agree", "dont-know", "yes", "no", "1", "", " ", "Agree", "role", "carer"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(
            st.one_of(st.text(max_size=12), st.integers(), st.booleans()), inner, max_size=4
        ),
    ),
    max_leaves=12,
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*prefix, index))


def _replace(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {**data, head: _replace(data[head], rest, value)}
    copy = list(data)
    copy[head] = _replace(copy[head], rest, value)
    return copy


def _tree_mutation(kind: str) -> st.SearchStrategy[bytes]:
    """A real file of ``kind`` as data, with one to three nodes replaced by hostile values."""

    @st.composite
    def build(draw: st.DrawFn) -> bytes:
        source = draw(st.sampled_from(SEEDS[kind]))
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
        for _ in range(draw(st.integers(1, 3))):
            paths = list(_paths(data))
            path = draw(st.sampled_from(paths))
            data = _replace(data, path, draw(values))
        return dump_yaml(data)

    return build()


FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


@FUZZ_SETTINGS
@given(content=_tree_mutation("bank"))
def test_hostile_values_anywhere_in_a_bank(work: Path, content: bytes) -> None:
    tally = Tally()
    run_case("bank", content, work, 0, tally)
    _assert_clean(tally)


@FUZZ_SETTINGS
@given(content=_tree_mutation("answers"))
def test_hostile_values_anywhere_in_an_answers_file(work: Path, content: bytes) -> None:
    tally = Tally()
    run_case("answers", content, work, 0, tally)
    _assert_clean(tally)


@FUZZ_SETTINGS
@given(content=_tree_mutation("mapping"))
def test_hostile_values_anywhere_in_a_mapping_file(work: Path, content: bytes) -> None:
    tally = Tally()
    run_case("mapping", content, work, 0, tally)
    _assert_clean(tally)


@FUZZ_SETTINGS
@given(content=_tree_mutation("plan"))
def test_hostile_values_anywhere_in_a_plan(work: Path, content: bytes) -> None:
    tally = Tally()
    run_case("plan", content, work, 0, tally)
    _assert_clean(tally)


answers_files = st.fixed_dictionaries(
    {
        "answers_version": st.one_of(st.just(1), scalars),
        "banks": st.one_of(
            st.lists(
                st.fixed_dictionaries(
                    {
                        "id": st.sampled_from(["right-circumstances", "malby-do-dont", "x"])
                        | scalars
                    },
                    optional={"version": st.sampled_from(["1.0.0", "9"]) | scalars},
                ),
                max_size=3,
            ),
            values,
        ),
    },
    optional={
        "respondent": st.dictionaries(
            st.sampled_from(["pseudonym", "role", "date", "project", "x"]), scalars, max_size=4
        ),
        "answers": st.dictionaries(
            st.sampled_from(["rc-authority", "rc-budget", "dd-listen", "x"]) | st.text(max_size=8),
            st.one_of(
                scalars,
                st.fixed_dictionaries({}, optional={"answer": scalars, "note": scalars}),
            ),
            max_size=6,
        ),
    },
)


@FUZZ_SETTINGS
@given(data=answers_files)
def test_generated_answers_files(work: Path, data: dict[str, Any]) -> None:
    tally = Tally()
    run_case("answers", dump_yaml(data), work, 0, tally)
    _assert_clean(tally)
