"""Values: no empty texts, finite numbers, positive weights, scales that can tell answers apart."""

from __future__ import annotations

import math
from collections.abc import Iterator

from coprod_check.bank.checks.base import BankData, Node, is_number, plain_number
from coprod_check.problems.codes import Code
from coprod_check.problems.schema_errors import Finding

#: The text fields of each model in ``bank.schema`` (``str`` values, not fixed choices), written
#: out so that checking a bank need not import pydantic; a test keeps them equal to the models'.
TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "Bank": ("id", "version", "title", "description"),
    "Source": ("id", "author", "title", "publisher", "url"),
    "Citation": ("source", "item", "original"),
    "Scale": ("id", "label"),
    "ScaleOption": ("id", "label"),
    "RedFlag": ("message",),
    "Recommendation": ("text",),
    "Question": ("id", "statement", "guidance", "scale"),
    "Section": ("id", "title", "description"),
    "Level": ("id", "name", "description", "section"),
    "Approach": ("id", "name", "description"),
}


def _texts(bank: BankData) -> Iterator[tuple[Node, str]]:
    yield bank.root, "Bank"
    for source in bank.sources:
        yield source, "Source"
    for scale in bank.scales:
        yield scale, "Scale"
        for option in scale.children("options"):
            yield option, "ScaleOption"
    for section in bank.sections:
        yield section, "Section"
    for _, question in bank.questions:
        yield question, "Question"
        for flag in question.children("red_flags"):
            yield flag, "RedFlag"
        recommendation = question.child("recommendation")
        if recommendation is not None:
            yield recommendation, "Recommendation"
    for level in bank.levels:
        yield level, "Level"
    for approach in bank.approaches:
        yield approach, "Approach"
    for node in [*bank.sections, *(q for _, q in bank.questions), *bank.levels, *bank.approaches]:
        citation = node.child("citation")
        if citation is not None:
            yield citation, "Citation"
    for recommendation in [q.child("recommendation") for _, q in bank.questions]:
        citation = recommendation.child("citation") if recommendation is not None else None
        if citation is not None:
            yield citation, "Citation"


def empty_texts(bank: BankData) -> Iterator[Finding]:
    """No statement, title, label or other text is empty (or only spaces)."""
    for node, model in _texts(bank):
        for name in TEXT_FIELDS[model]:
            value = node.data.get(name)
            if isinstance(value, str) and not value.strip():
                yield Finding(node.at(name), Code.EMPTY_TEXT, f"'{name}' is empty")


def schema_version_is_not_true(bank: BankData) -> Iterator[Finding]:
    """``schema_version: true`` (or ``yes``) is not 1.

    pydantic's ``Literal[1]`` accepts ``True`` because ``True == 1`` in Python; JSON Schema's
    ``const: 1`` does not, and neither do we.
    """
    value = bank.root.data.get("schema_version")
    if isinstance(value, bool):
        yield Finding(
            ("schema_version",),
            Code.INVALID_VALUE,
            f"'schema_version' must be 1, not {'true' if value else 'false'}",
        )


def finite_numbers(bank: BankData) -> Iterator[Finding]:
    """Weights and option values are finite: ``.inf`` or ``.nan`` would poison every score."""
    places = [(q, "weight") for _, q in bank.questions] + [
        (option, "value") for scale in bank.scales for option in scale.children("options")
    ]
    for node, name in places:
        value = node.data.get(name)
        if isinstance(value, float) and not math.isfinite(value):
            yield Finding(
                node.at(name), Code.NOT_FINITE, f"'{name}' must be a finite number, not {value}"
            )


def positive_weights(bank: BankData) -> Iterator[Finding]:
    """A question's weight is above 0: a zero weight silently drops it from its section."""
    for _, question in bank.questions:
        weight = question.data.get("weight")
        if is_number(weight) and weight <= 0:
            yield Finding(
                question.at("weight"),
                Code.NON_POSITIVE_WEIGHT,
                f"'weight' must be above 0; it is {plain_number(weight)}",
            )


def scales_have_two_values(bank: BankData) -> Iterator[Finding]:
    """A scale has at least two different numeric values, or every answer would score the same."""
    for scale in bank.scales:
        if not isinstance(scale.data.get("options"), list):
            continue
        values = sorted(
            {float(v) for o in scale.children("options") if is_number(v := o.data.get("value"))}
        )
        if len(values) < 2:
            have = "none" if not values else f"only {plain_number(values[0])}"
            yield Finding(
                scale.at("options"),
                Code.FLAT_SCALE,
                f"scale '{scale.text('id')}' needs at least two different numeric values "
                f"(it has {have}), or every answer would score the same",
            )
