"""What every bank check works on: the raw bank data with paths, and shared wording.

Checks read the raw YAML data rather than the pydantic model, so they still run when the schema
fails (a misspelt field does not hide an unknown scale), and each one quietly skips values of the
wrong type: the schema reports those.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeGuard

from coprod_check.files.yaml_source import PathKey, YamlDocument
from coprod_check.problems.codes import Code
from coprod_check.problems.schema_errors import Finding
from coprod_check.problems.wording import closest


@dataclass(frozen=True, slots=True)
class Node:
    """A mapping somewhere in the bank, with its path."""

    path: PathKey
    data: dict[Any, Any]

    def at(self, *keys: str | int) -> PathKey:
        return (*self.path, *keys)

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        return value if isinstance(value, str) else None

    def child(self, key: str) -> Node | None:
        value = self.data.get(key)
        return Node(self.at(key), value) if isinstance(value, dict) else None

    def children(self, key: str) -> list[Node]:
        value = self.data.get(key)
        if not isinstance(value, list):
            return []
        return [
            Node(self.at(key, i), item) for i, item in enumerate(value) if isinstance(item, dict)
        ]

    def strings(self, key: str) -> list[tuple[PathKey, str]]:
        """The text items of a list field, with their paths."""
        value = self.data.get(key)
        if not isinstance(value, list):
            return []
        return [(self.at(key, i), item) for i, item in enumerate(value) if isinstance(item, str)]


def is_number(value: Any) -> TypeGuard[float]:
    """A finite int or float, not a bool (YAML's ``yes`` is a bool, and bools are ints)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class BankData:
    """Typed-enough access to a bank's raw data; anything of the wrong shape is simply absent."""

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.root = Node((), doc.data if isinstance(doc.data, dict) else {})

    def line(self, path: PathKey) -> int | None:
        return self.doc.locate(path).line

    @cached_property
    def sources(self) -> list[Node]:
        return self.root.children("sources")

    @cached_property
    def scales(self) -> list[Node]:
        return self.root.children("scales")

    @cached_property
    def sections(self) -> list[Node]:
        return self.root.children("sections")

    @cached_property
    def questions(self) -> list[tuple[Node, Node]]:
        """Every (section, question) pair, in file order."""
        return [(s, q) for s in self.sections for q in s.children("questions")]

    @cached_property
    def levels(self) -> list[Node]:
        return self.root.children("levels")

    @cached_property
    def approaches(self) -> list[Node]:
        return self.root.children("approaches")

    @cached_property
    def scale_by_id(self) -> dict[str, Node]:
        return _first_by_id(self.scales)

    @cached_property
    def section_by_id(self) -> dict[str, Node]:
        return _first_by_id(self.sections)

    @cached_property
    def question_by_id(self) -> dict[str, Node]:
        return _first_by_id(q for _, q in self.questions)

    def scale_of(self, question: Node) -> Node | None:
        name = question.text("scale")
        return self.scale_by_id.get(name) if name is not None else None

    def option_values(self, scale: Node) -> dict[str, float | None]:
        """Option id -> numeric value (``None`` for null or non-numeric), first of each id."""
        values: dict[str, float | None] = {}
        for option in scale.children("options"):
            name = option.text("id")
            if name is not None and name not in values:
                value = option.data.get("value")
                values[name] = float(value) if is_number(value) else None
        return values


def _first_by_id(nodes: Iterable[Node]) -> dict[str, Node]:
    found: dict[str, Node] = {}
    for node in nodes:
        name = node.text("id")
        if name is not None:
            found.setdefault(name, node)
    return found


def quoted_names(names: Iterable[str]) -> str:
    return ", ".join(f"'{name}'" for name in names)


def unknown_name(kind: str, name: str, known: Iterable[str], plural: str) -> str:
    choices = list(known)
    guess = closest(name, choices)
    if guess:
        return f"unknown {kind} '{name}' (did you mean '{guess}'?)"
    if not choices:
        return f"unknown {kind} '{name}' (the bank defines no {plural})"
    if len(choices) <= 8:
        return f"unknown {kind} '{name}' (the bank's {plural}: {quoted_names(choices)})"
    return f"unknown {kind} '{name}'"


def unknown_reference(path: PathKey, kind: str, name: str, known: Iterable[str]) -> Finding:
    """``unknown-reference`` at ``path``: a ``kind`` id (source, scale, section, question) the
    bank does not define, with a guess or the bank's ids."""
    return Finding(path, Code.UNKNOWN_REFERENCE, unknown_name(kind, name, known, kind + "s"))


def referenced(
    node: Node, field: str, known: Mapping[str, Node]
) -> tuple[Node | None, list[Finding]]:
    """What ``node``'s ``field`` names among ``known`` (the bank's ids of that kind), or the
    ``unknown-reference`` finding when it names none of them. Nothing either way when the field
    holds no text (the schema check reports that)."""
    name = node.text(field)
    if name is None:
        return None, []
    target = known.get(name)
    if target is None:
        return None, [unknown_reference(node.at(field), field, name, known)]
    return target, []


def not_an_option(answer: str, scale: Node, options: Iterable[str]) -> str:
    choices = list(options)
    guess = closest(answer, choices)
    tip = f"did you mean '{guess}'?" if guess else f"its options: {quoted_names(choices)}"
    return f"'{answer}' is not an option of scale '{scale.text('id')}' ({tip})"


def plain_number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


Check = Callable[[BankData], Iterable[Finding]]
"""A check: a bank in, its findings out (none when all is well)."""
