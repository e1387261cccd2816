"""A quick test that bank data certainly passes the schema, without importing pydantic.

``validate`` runs as a pre-commit hook, and importing pydantic and building the bank models costs
more than reading the banks. Most banks it sees are valid, so it first asks this module; only
when the answer is "not certainly" does it run the pydantic models, whose errors are the ones
reported (so every message and position stays as the models word them).

The test mirrors ``bank.schema`` field by field and is never more lenient than pydantic's strict
mode: anything it is unsure of (a float given for a whole number, text that is only too long
before its spaces are stripped, a digit outside ASCII in a version) counts as "not certainly".
``tests/bank/test_bank_shape.py`` checks that whatever it accepts the models accept too, and that it
knows every field of every model.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

#: The defaults of ``Thresholds`` (the models use these too).
DEFAULT_MET = 75
DEFAULT_PARTLY_MET = 40

#: The forms of ids and versions, the one definition (``bank.schema`` constrains its fields with
#: them; ``problems.schema_errors`` recognises them to word a mismatch).
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
SEMVER_PATTERN = r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$"
TEXT_MAX = 4000
ID_MAX = 64

_ID = re.compile(ID_PATTERN)
_SEMVER = re.compile(SEMVER_PATTERN, re.ASCII)  # a digit outside ASCII: "not certainly"

Check = Callable[[Any], bool]


def _text(value: Any) -> bool:
    return type(value) is str and len(value) <= TEXT_MAX


def _id(value: Any) -> bool:
    return type(value) is str and len(value) <= ID_MAX and _ID.fullmatch(value) is not None


def _semver(value: Any) -> bool:
    return type(value) is str and _SEMVER.fullmatch(value) is not None


def _number(low: float = -math.inf, high: float = math.inf) -> Check:
    def check(value: Any) -> bool:
        return type(value) in (int, float) and math.isfinite(value) and low <= value <= high

    return check


def _flag(value: Any) -> bool:
    return type(value) is bool


def _year(value: Any) -> bool:
    return type(value) is int and 1900 <= value <= 2100


def _one_of(*choices: str) -> Check:
    return lambda value: type(value) is str and value in choices


def _optional(check: Check) -> Check:
    return lambda value: value is None or check(value)


def _list(check: Check, min_length: int = 0) -> Check:
    def each(value: Any) -> bool:
        return type(value) is list and len(value) >= min_length and all(map(check, value))

    return each


#: For each model of ``bank.schema``: its required fields and all its fields (a test compares them).
FIELDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {}


def _model(
    name: str, required: dict[str, Check], optional: dict[str, Check] | None = None
) -> Check:
    """A mapping with every ``required`` key, no unknown key, and every value of its kind."""
    known = {**required, **(optional or {})}
    needed = frozenset(required)
    FIELDS[name] = (needed, frozenset(known))

    def check(value: Any) -> bool:
        if type(value) is not dict or not needed.issubset(value):
            return False
        for key, item in value.items():
            field = known.get(key) if type(key) is str else None
            if field is None or not field(item):
                return False
        return True

    return check


_percent = _number(0, 100)

SOURCE = _model(
    "Source",
    {"id": _id, "author": _text, "title": _text},
    {"year": _optional(_year), "publisher": _optional(_text), "url": _optional(_text)},
)
CITATION = _model(
    "Citation",
    {"source": _id, "item": _text},
    {"original": _optional(_text), "relation": _one_of("quoted", "summarised")},
)
SCALE_OPTION = _model("ScaleOption", {"id": _id, "label": _text, "value": _optional(_number())})
SCALE = _model("Scale", {"id": _id, "label": _text, "options": _list(SCALE_OPTION, 2)})
RED_FLAG = _model(
    "RedFlag",
    {"severity": _one_of("blocker", "caution"), "answers": _list(_id, 1), "message": _text},
)
RECOMMENDATION = _model(
    "Recommendation", {"text": _text, "citation": CITATION}, {"when": _optional(_list(_id))}
)
QUESTION = _model(
    "Question",
    {"id": _id, "statement": _text, "scale": _id, "citation": CITATION},
    {
        "guidance": _optional(_text),
        "weight": _number(),
        "reverse": _flag,
        "red_flags": _list(RED_FLAG),
        "recommendation": _optional(RECOMMENDATION),
        "optional": _flag,
    },
)
_CONSEQUENCE = _one_of("not-right-approach", "not-yet", "condition", "none")
THRESHOLDS = _model("Thresholds", {}, {"met": _percent, "partly_met": _percent})
SECTION = _model(
    "Section",
    {
        "id": _id,
        "title": _text,
        "role": _one_of("criterion", "case", "cautions", "level", "approach", "profile"),
        "citation": CITATION,
        "questions": _list(QUESTION, 1),
    },
    {
        "description": _optional(_text),
        "decisive": _flag,
        "rule": _one_of("mean", "any"),
        "if_not_met": _optional(_CONSEQUENCE),
        "if_partly_met": _optional(_CONSEQUENCE),
        "thresholds": _optional(THRESHOLDS),
        "recommendation": _optional(RECOMMENDATION),
    },
)
LEVEL = _model(
    "Level",
    {
        "id": _id,
        "name": _text,
        "description": _text,
        "section": _id,
        "threshold": _percent,
        "citation": CITATION,
    },
    {"aliases": _list(_text), "baseline": _flag},
)
CONDITION: Check = _model(
    "Condition",
    {},
    {
        "question": _optional(_id),
        "answers": _optional(_list(_id)),
        "section": _optional(_id),
        "status": _optional(_list(_one_of("met", "partly-met", "not-met"))),
        "all": _optional(_list(lambda value: CONDITION(value))),  # conditions nest
    },
)
APPROACH = _model(
    "Approach",
    {
        "id": _id,
        "name": _text,
        "description": _text,
        "when": _list(CONDITION, 1),
        "citation": CITATION,
    },
    {"rank": lambda value: type(value) is int, "how": _list(RECOMMENDATION)},
)
BANK = _model(
    "Bank",
    {
        "schema_version": lambda value: type(value) is int and value == 1,
        "id": _id,
        "version": _semver,
        "title": _text,
        "description": _text,
        "sources": _list(SOURCE, 1),
        "scales": _list(SCALE, 1),
        "sections": _list(SECTION, 1),
    },
    {
        "default": _flag,
        "thresholds": THRESHOLDS,
        "min_answered": _number(0, 1),
        "levels": _list(LEVEL),
        "approaches": _list(APPROACH),
    },
)


def certainly_valid(data: Any) -> bool:
    """True only if ``Bank.model_validate(data, strict=True)`` certainly succeeds."""
    return BANK(data)
