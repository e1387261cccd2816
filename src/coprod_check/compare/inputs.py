"""Files given to ``compare`` -> :class:`Point`s, told apart by content, not by file name.

- an answers file (YAML with ``answers_version``) is checked and scored with the loaded banks;
- a saved ``score`` result (JSON with ``result_version``) is read as it was scored;
- a saved ``aggregate`` result (JSON with ``aggregate_version``) gives its ``overall`` result:
  everyone's typical answers scored like one answers file.

Anything else stops with a one-line message naming the file (and line, when known). Nothing
here prints; the scoring engine and the bank loader are imported only when an answers file
needs them.
"""

from __future__ import annotations

import json
import math
import shlex
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from coprod_check.compare.point import GroupPoint, Point
from coprod_check.errors import InputError, InvalidFileError, Location, UsageError
from coprod_check.files.kinds import kind_of
from coprod_check.files.yaml_source import parse_yaml, read_text
from coprod_check.render.safe_text import UNSAFE
from coprod_check.scoring import result_schema
from coprod_check.scoring.result import RESULT_VERSION, as_record

if TYPE_CHECKING:
    from coprod_check.aggregate.result import AggregateResult
    from coprod_check.bank.model import Bank

#: Form exports: aggregate reads them; compare takes its JSON result.
_EXPORTS = (".csv", ".tsv", ".xlsx", ".xlsm")

WHAT_COMPARE_TAKES = (
    "compare takes answers files and JSON results saved from 'coprod-check score' or "
    "'coprod-check aggregate'"
)

BankSource = Callable[[], "Sequence[Bank]"]
Model = TypeVar("Model", bound=BaseModel)


def load_points(paths: Sequence[str], banks: BankSource) -> list[Point]:
    """Each path as a point, in the order given. ``banks`` is called once, only if needed."""
    cache: list[Sequence[Bank]] = []

    def loaded() -> Sequence[Bank]:
        if not cache:
            cache.append(banks())
        return cache[0]

    return [load_point(path, loaded) for path in paths]


def load_point(path: str, banks: BankSource, takes: str = WHAT_COMPARE_TAKES) -> Point:
    """One input, by what it contains; ``takes`` says what the command reads, in messages."""
    if Path(path).suffix.lower() in _EXPORTS:
        raise InputError(
            "a form export, not an assessment: run 'coprod-check aggregate "
            f"{shlex.quote(path)} -f json -o cycle.json' first, then compare the JSON results",
            Location(path),
        )
    text = read_text(Path(path), path)
    if text.lstrip().startswith(("{", "[")):
        return _from_json(path, text, takes)
    return _from_yaml(path, text, banks, takes)


# -- JSON results -------------------------------------------------------------------------------


class _NotFinite(float):
    """A stand-in for NaN, Infinity or a number too large for a float, found after parsing."""

    written: str

    def __new__(cls, written: str) -> _NotFinite:
        value = super().__new__(cls, 0.0)
        value.written = written
        return value


def _float(written: str) -> float:
    value = float(written)
    return value if math.isfinite(value) else _NotFinite(written)


def _first_unsafe(data: Any, path: tuple[str | int, ...] = ()) -> tuple[tuple[str | int, ...], str]:
    """The place and problem of the first value no saved result can hold, else ``((), "")``."""
    if isinstance(data, _NotFinite):
        return path, f"{data.written} is not a finite number"
    if isinstance(data, str):
        bad = UNSAFE.search(data)
        if bad is not None:
            return path, f"a control character (U+{ord(bad.group()):04X}) in the text"
        return (), ""
    items: Any = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else ()
    )
    for key, value in items:
        if isinstance(key, str) and UNSAFE.search(key):
            return (*path, key), "a control character in a key"
        found = _first_unsafe(value, (*path, key))
        if found[1]:
            return found
    return (), ""


def _from_json(name: str, text: str, takes: str) -> Point:
    try:
        data = json.loads(text, parse_constant=_NotFinite, parse_float=_float)
    except json.JSONDecodeError as error:
        raise InputError(
            f"not valid JSON: {error.msg}", Location(name, error.lineno, error.colno)
        ) from None
    except RecursionError:
        raise InputError(
            "not a saved result: the JSON is nested far too deeply", Location(name)
        ) from None
    except ValueError:  # a number with thousands of digits (Python's int conversion limit)
        raise InputError(
            "not a saved result: the JSON holds a number too long to read", Location(name)
        ) from None
    if not isinstance(data, dict):
        raise InputError(f"a JSON file that is not an object; {takes}", Location(name))
    where, problem = _first_unsafe(data)
    if problem:
        field = ".".join(str(part) for part in where) or "(top level)"
        raise InvalidFileError(
            f"not a valid saved result: {field}: {problem}", _json_location(name, text, where)
        )
    if "compare_version" in data:
        raise InputError(f"this is a compare result, not an assessment; {takes}", Location(name))
    if "aggregate_version" in data:
        from coprod_check.aggregate.result import AGGREGATE_VERSION, AggregateResult

        _check_version(name, data, "aggregate_version", AGGREGATE_VERSION)
        aggregate = _validate(AggregateResult, name, text, data, "aggregate")
        return Point(
            label=name,
            kind="aggregate",
            result=as_record(aggregate.overall),
            respondents=aggregate.respondents,
            groups=_groups(aggregate),
        )
    if "result_version" in data:
        _check_version(name, data, "result_version", RESULT_VERSION)
        # A result saved with 'score --plan' carries the plan's summary beside the result.
        result = {key: value for key, value in data.items() if key != "plan"}
        return Point(
            label=name,
            kind="score",
            result=as_record(_validate(result_schema.Result, name, text, result, "score")),
        )
    raise InputError(
        f"a JSON file without result_version or aggregate_version; {takes}",
        Location(name, 1),
    )


def _groups(aggregate: AggregateResult) -> tuple[GroupPoint, ...]:
    outcomes = {item.group: item for item in aggregate.outcomes}
    found: list[GroupPoint] = []
    for group in aggregate.groups:
        outcome = outcomes.get(group.id)
        if not group.shown or outcome is None:
            continue
        found.append(
            GroupPoint(
                group=group.id,
                label=group.label,
                respondents=outcome.respondents,
                verdict_label=outcome.verdict.label,
                level_name=outcome.level_name,
                sections={
                    (section.bank_id, section.section_id): (
                        section.title,
                        next((g.score for g in section.groups if g.group == group.id), None),
                    )
                    for section in aggregate.sections
                },
            )
        )
    return tuple(found)


def relabel(points: Sequence[Point], labels: Sequence[str]) -> list[Point]:
    """``points`` with the cycle labels given (``--label``, one per input, in input order)."""
    if not labels:
        return list(points)
    if len(labels) != len(points):
        raise UsageError(
            f"--label given {len(labels)} time(s) for {len(points)} inputs: give one label per "
            "input, in the same order"
        )
    if len(set(labels)) != len(labels):
        raise UsageError("--label: each cycle needs a label of its own")
    return [replace(point, label=label) for point, label in zip(points, labels, strict=True)]


def _check_version(name: str, data: dict[str, Any], key: str, supported: int) -> None:
    version = data[key]
    if version != supported or isinstance(version, bool):
        command = key.split("_")[0]
        command = "score" if command == "result" else command
        raise InputError(
            f"{key} {json.dumps(version)}: this coprod-check reads version {supported} only; "
            f"run 'coprod-check {command}' again with this version to compare it",
            Location(name),
        )


def _validate(model: type[Model], name: str, text: str, data: Any, what: str) -> Model:
    """``data`` as ``model``, or an error placed at the first wrong value."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        loc = tuple(first["loc"])
        where = ".".join(str(part) for part in loc) or "(top level)"
        raise InvalidFileError(
            f"not a valid saved {what} result: {where}: {first['msg']}",
            _json_location(name, text, loc),
        ) from None


def _json_location(name: str, text: str, loc: Sequence[str | int]) -> Location:
    """Where ``loc`` is in the JSON text (JSON is YAML, so the YAML reader knows positions)."""
    try:
        doc = parse_yaml(text, name)
    except InputError:
        return Location(name)
    return doc.locate(loc)


# -- answers files ------------------------------------------------------------------------------


def _from_yaml(name: str, text: str, banks: BankSource, takes: str) -> Point:
    doc = parse_yaml(text, name)
    kind = kind_of(doc.data)
    if kind == "answers":
        return _from_answers(name, text, banks)
    if kind == "bank":
        raise InputError(
            f"this is a question bank, not answers; {takes} "
            "(give banks to score answers with --bank)",
            Location(name, 1),
        )
    if kind == "plan":
        raise InputError(f"this is an action plan, not an assessment; {takes}", Location(name, 1))
    raise InputError(
        f"neither an answers file (no answers_version) nor a saved result; {takes}",
        Location(name, 1),
    )


def _from_answers(name: str, text: str, banks: BankSource) -> Point:
    from coprod_check.answers.loader import parse_answers
    from coprod_check.scoring.engine import score

    loaded = parse_answers(text, name, banks())
    answered = {
        ref.id: ref.version
        for ref in loaded.answers.banks
        if ref.version is not None
        and any(bank.id == ref.id and bank.version != ref.version for bank in loaded.banks)
    }
    return Point(
        label=name,
        kind="answers",
        result=score(loaded.banks, loaded.answers),
        answered_versions=answered,
        warnings=tuple(str(warning) for warning in loaded.warnings),
    )
