"""Duplicate ids: sources, scales, options, sections, questions, levels and approaches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from coprod_check.bank.checks.base import BankData, Node
from coprod_check.problems.codes import Code
from coprod_check.problems.schema_errors import Finding


def _duplicates(bank: BankData, nodes: Iterable[Node], kind: str) -> Iterator[Finding]:
    first: dict[str, Node] = {}
    for node in nodes:
        name = node.text("id")
        if name is None:
            continue
        if name in first:
            line = bank.line(first[name].at("id"))
            yield Finding(
                node.at("id"),
                Code.DUPLICATE_ID,
                f"duplicate {kind} id '{name}' (first used on line {line})",
            )
        else:
            first[name] = node


def duplicate_source_ids(bank: BankData) -> Iterator[Finding]:
    """Source ids are unique: citations name them."""
    yield from _duplicates(bank, bank.sources, "source")


def duplicate_scale_ids(bank: BankData) -> Iterator[Finding]:
    """Scale ids are unique: questions name them."""
    yield from _duplicates(bank, bank.scales, "scale")


def duplicate_option_ids(bank: BankData) -> Iterator[Finding]:
    """Option ids are unique within their scale: answers name them."""
    for scale in bank.scales:
        yield from _duplicates(bank, scale.children("options"), "option")


def duplicate_section_ids(bank: BankData) -> Iterator[Finding]:
    """Section ids are unique: levels, conditions and results name them."""
    yield from _duplicates(bank, bank.sections, "section")


def duplicate_question_ids(bank: BankData) -> Iterator[Finding]:
    """Question ids are unique across the whole bank, not just their section: answers name them."""
    yield from _duplicates(bank, (q for _, q in bank.questions), "question")


def duplicate_level_ids(bank: BankData) -> Iterator[Finding]:
    """Level ids are unique: results name them."""
    yield from _duplicates(bank, bank.levels, "level")


def duplicate_approach_ids(bank: BankData) -> Iterator[Finding]:
    """Approach ids are unique: results name them."""
    yield from _duplicates(bank, bank.approaches, "approach")
