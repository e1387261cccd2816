"""Turn pydantic's validation errors into plain-English problems placed on the YAML node.

pydantic reports where an error is as a ``loc`` tuple of field names and list indexes, which is
also how :class:`~coprod_check.files.yaml_source.YamlDocument` indexes positions. Two things get in
the way: unions add the name of the branch tried (``"Answer"``, ``"constrained-str"``) to ``loc``,
and a union reports one error per branch. We walk ``loc`` against the data to drop branch names,
keep the errors of the branch that fits the data's shape, and word each error for a person who
edits YAML rather than Python.
"""

from __future__ import annotations

import datetime as dt
import re
import types
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union, get_args, get_origin

from coprod_check.bank.shape import ID_PATTERN, SEMVER_PATTERN
from coprod_check.files.yaml_source import PathKey, YamlDocument
from coprod_check.problems import Problem, Severity
from coprod_check.problems.codes import Code
from coprod_check.problems.wording import closest, describe_value, plural, quote

if TYPE_CHECKING:  # imported for types only: ``validate`` of valid banks never loads pydantic
    from pydantic import BaseModel, ValidationError
    from pydantic_core import ErrorDetails

#: pydantic error types that mean "this value has the wrong shape", worded "wrong type".
_TYPE_ERRORS: dict[str, str] = {
    "string_type": "text",
    "string_sub_type": "text",
    "float_type": "a number",
    "float_parsing": "a number",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping (key: value lines)",
    "model_type": "a mapping (key: value lines)",
    "model_attributes_type": "a mapping (key: value lines)",
    "date_type": "a date like 2026-11-25",
    "date_parsing": "a date like 2026-11-25",
    "date_from_datetime_parsing": "a date like 2026-11-25",
    "date_from_datetime_inexact": "a date like 2026-11-25",
    "none_required": "nothing (null)",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem found at a path in the data, not yet placed on a line of the file."""

    path: PathKey
    code: Code
    message: str
    severity: Severity = "error"

    def place(self, doc: YamlDocument) -> Problem:
        """The :class:`Problem` at this finding's node in ``doc``."""
        return doc.problem(self.path, self.code, self.message, severity=self.severity)


def schema_problems(
    error: ValidationError, doc: YamlDocument, model: type[BaseModel]
) -> list[Problem]:
    """Every error pydantic found in ``doc.data`` as a placed problem."""
    return [finding.place(doc) for finding in schema_findings(error, doc.data, model)]


def schema_findings(error: ValidationError, data: Any, model: type[BaseModel]) -> list[Finding]:
    """Every error pydantic found in ``data`` (validated as ``model``), worded for people."""
    resolved = [_resolve(details, data) for details in error.errors()]
    findings: list[Finding] = []
    seen: set[tuple[PathKey, str]] = set()
    for details, path, site in _merge_union_branches(resolved):
        finding = _finding(details, path, site, data, model)
        if (finding.path, finding.message) not in seen:
            seen.add((finding.path, finding.message))
            findings.append(finding)
    return findings


# --- where an error is ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Resolved:
    details: ErrorDetails
    path: PathKey  # loc with union branch names removed: a path into the data
    site: PathKey | None  # where a union was tried, when a branch name was removed


def _resolve(details: ErrorDetails, data: Any) -> _Resolved:
    loc = tuple(details["loc"])
    path: list[str | int] = []
    site: PathKey | None = None
    cursor: Any = data
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if _holds(cursor, part):
            path.append(part)
            cursor = cursor[part]
        elif part == "[key]" or (last and details["type"] == "missing"):
            path.append(part)
            cursor = None
        else:  # a union branch name such as "Answer" or "constrained-str"
            if site is None:
                site = tuple(path)
    return _Resolved(details, tuple(path), site)


def _holds(container: Any, part: str | int) -> bool:
    if isinstance(container, dict):
        return part in container
    return isinstance(container, list) and isinstance(part, int) and 0 <= part < len(container)


def _merge_union_branches(
    errors: list[_Resolved],
) -> Iterable[tuple[ErrorDetails, PathKey, PathKey | None]]:
    """Keep the errors of the union branch that fits the data; merge pure shape mismatches.

    A union ``Answer | Id`` given a mapping reports "not a string" for the ``Id`` branch besides
    the real problem inside the mapping; only the latter helps. When every branch failed on shape
    alone, one "wrong type" error naming every expected shape stands for them all.
    """
    by_site: dict[PathKey, list[_Resolved]] = {}
    for item in errors:
        if item.site is not None:
            by_site.setdefault(item.site, []).append(item)
    done: set[PathKey] = set()
    for item in errors:
        if item.site is None:
            yield item.details, item.path, None
            continue
        if item.site in done:
            continue
        done.add(item.site)
        group = by_site[item.site]
        specific = [g for g in group if not _is_shape_mismatch(g)]
        if specific:
            for g in specific:
                yield g.details, g.path, g.site
        else:
            yield _merged(group), item.site, item.site


def _is_shape_mismatch(item: _Resolved) -> bool:
    return item.path == item.site and item.details["type"] in _TYPE_ERRORS


def _merged(group: list[_Resolved]) -> ErrorDetails:
    expected = list(dict.fromkeys(_TYPE_ERRORS[g.details["type"]] for g in group))
    first = dict(group[0].details)
    first["type"] = "union_type"
    first["ctx"] = {"expected": " or ".join(expected)}
    return first  # type: ignore[return-value]


# --- how to say it ----------------------------------------------------------------------------


def _finding(
    details: ErrorDetails, path: PathKey, site: PathKey | None, data: Any, model: type[BaseModel]
) -> Finding:
    kind = details["type"]
    ctx: dict[str, Any] = dict(details.get("ctx") or {})
    value = details.get("input")
    label = describe_path(path)
    if kind == "extra_forbidden":
        name = path[-1] if path else "?"
        known = _field_names(model, path[:-1])
        return Finding(
            path, Code.UNKNOWN_FIELD, f"unknown field {quote(name)} " + _hint(name, known)
        )
    if kind == "missing":
        return Finding(path, Code.MISSING_FIELD, f"missing required field {quote(path[-1])}")
    if kind == "union_type":
        return Finding(
            path,
            Code.WRONG_TYPE,
            f"wrong type for {label}: expected {ctx['expected']}, got {describe_value(value)}",
        )
    if kind in _TYPE_ERRORS:
        expected = _TYPE_ERRORS[kind]
        quote_it = expected == "text" and isinstance(value, int | float | bool | dt.date)
        tip = " (put it in quotes to make it text)" if quote_it else ""
        return Finding(
            path,
            Code.WRONG_TYPE,
            f"wrong type for {label}: expected {expected}, got {describe_value(value)}{tip}",
        )
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        allowed = str(ctx.get("expected", ""))
        guess = closest(value, choices) if isinstance(value, str) else None
        tip = f"; did you mean {quote(guess)}?" if guess else ""
        return Finding(
            path, Code.INVALID_VALUE, f"{label} must be {allowed}, not {describe_value(value)}{tip}"
        )
    if kind == "string_pattern_mismatch":
        return Finding(path, Code.INVALID_VALUE, _pattern_message(label, path, ctx, value))
    if kind == "string_too_long":
        length = len(value) if isinstance(value, str) else "?"
        return Finding(
            path,
            Code.INVALID_VALUE,
            f"{label} is too long ({length} characters; at most {ctx.get('max_length')})",
        )
    if kind in ("too_short", "too_long"):
        bound: int = ctx.get("min_length" if kind == "too_short" else "max_length", 0)
        least = "at least" if kind == "too_short" else "at most"
        return Finding(
            path,
            Code.INVALID_VALUE,
            f"{label} needs {least} {plural(bound, 'item')}; it has {ctx.get('actual_length')}",
        )
    bounds = {
        "greater_than_equal": ("at least", "ge"),
        "greater_than": ("above", "gt"),
        "less_than_equal": ("at most", "le"),
        "less_than": ("below", "lt"),
    }
    if kind in bounds:
        words, key = bounds[kind]
        limit = _number(ctx.get(key))
        tip = ""
        if path and path[-1] in ("met", "partly_met", "threshold"):
            tip = " (scores run from 0 to 100)"
        return Finding(
            path,
            Code.INVALID_VALUE,
            f"{label} must be {words} {limit}; it is {_number(value)}{tip}",
        )
    if kind == "finite_number":
        return Finding(path, Code.INVALID_VALUE, f"{label} must be a finite number")
    message = str(details.get("msg", "is not valid"))
    return Finding(path, Code.INVALID_VALUE, f"{label}: {message[:1].lower()}{message[1:]}")


def _pattern_message(label: str, path: PathKey, ctx: dict[str, Any], value: Any) -> str:
    pattern = ctx.get("pattern")
    if path and path[-1] == "[key]":
        label = f"key {describe_value(path[-2]) if len(path) > 1 else '?'}"
        label = label.replace("text ", "", 1)
    if pattern == ID_PATTERN:
        return (
            f"{label} is not a valid id: {describe_value(value)}; use lower-case letters, "
            "digits and hyphens, starting with a letter or digit (e.g. 'team-has-budget')"
        )
    if pattern == SEMVER_PATTERN:
        return f"{label} must be a version like 1.0.0, not {describe_value(value)}"
    return f"{label} does not have the expected form ({pattern}): {describe_value(value)}"


def describe_path(path: Sequence[str | int]) -> str:
    """``'weight'``, or ``item 2 of 'sources'``, or ``the file`` for the top level."""
    if not path:
        return "the file"
    last = path[-1]
    if isinstance(last, int):
        parent = next((p for p in reversed(path[:-1]) if isinstance(p, str)), None)
        return f"item {last + 1} of {quote(parent)}" if parent else f"item {last + 1}"
    return quote(last)


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _hint(name: Any, known: list[str]) -> str:
    if not known:
        return "(not allowed here)"
    guess = closest(name, known) if isinstance(name, str) else None
    if guess:
        return f"(not allowed here; did you mean {quote(guess)}?)"
    return f"(not allowed here; allowed: {', '.join(known)})"


# --- which model is where ---------------------------------------------------------------------


def _candidates(annotation: Any) -> list[Any]:
    """The concrete types an annotation allows: ``Annotated``, unions and ``None`` unwrapped."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _candidates(get_args(annotation)[0])
    if origin is Union or origin is types.UnionType:
        return [kind for arg in get_args(annotation) for kind in _candidates(arg)]
    if annotation is type(None):
        return []
    return [annotation]


def _is_model(kind: Any) -> bool:
    from pydantic import BaseModel

    return isinstance(kind, type) and issubclass(kind, BaseModel)


def model_at(model: type[BaseModel], path: Sequence[str | int]) -> type[BaseModel] | None:
    """The model class that describes the mapping at ``path``, if any."""
    current: list[Any] = [model]
    for part in path:
        following: list[Any] = []
        for kind in current:
            origin = get_origin(kind)
            if _is_model(kind):
                fields = kind.model_fields
                if isinstance(part, str) and part in fields:
                    following += _candidates(fields[part].annotation)
            elif origin is list and isinstance(part, int):
                following += _candidates(get_args(kind)[0])
            elif origin is dict:
                following += _candidates(get_args(kind)[1])
        current = following
    models = [kind for kind in current if _is_model(kind)]
    return models[0] if models else None


def _field_names(model: type[BaseModel], path: Sequence[str | int]) -> list[str]:
    found = model_at(model, path)
    return list(found.model_fields) if found else []


def text_fields(model: type[BaseModel]) -> list[str]:
    """Fields of ``model`` that hold free text (``str``, not a fixed choice)."""
    names = []
    for name, info in model.model_fields.items():
        kinds = _candidates(info.annotation)
        if kinds and all(kind is str for kind in kinds):
            names.append(name)
    return names


def literal_values(annotation: Any) -> list[Any]:
    """The values a ``Literal`` annotation allows (empty for anything else)."""
    return [
        value
        for kind in _candidates(annotation)
        if get_origin(kind) is Literal
        for value in get_args(kind)
    ]
