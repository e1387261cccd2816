"""References between ids: citations to sources, questions to scales, levels to sections."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from coprod_check.bank.checks.base import BankData, referenced, unknown_reference
from coprod_check.files.yaml_source import PathKey
from coprod_check.problems.codes import Code
from coprod_check.problems.schema_errors import Finding

#: SectionRole's values (written out: checks do not import the models; a test compares them)
SECTION_ROLES = ("criterion", "case", "cautions", "level", "approach", "profile")
RESERVED_LEVEL_ID = "none"


def _citations(node: Any, path: PathKey) -> Iterator[tuple[PathKey, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "citation" and isinstance(value, dict) and "source" in value:
                yield (*path, key, "source"), value["source"]
            yield from _citations(value, (*path, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _citations(item, (*path, index))


def unknown_sources(bank: BankData) -> Iterator[Finding]:
    """Every citation names a source of the bank."""
    known = [s for s in (n.text("id") for n in bank.sources) if s is not None]
    for path, name in _citations(bank.root.data, ()):
        if isinstance(name, str) and name not in known:
            yield unknown_reference(path, "source", name, known)


def unknown_scales(bank: BankData) -> Iterator[Finding]:
    """Every question's scale is one of the bank's scales."""
    for _, question in bank.questions:
        yield from referenced(question, "scale", bank.scale_by_id)[1]


def level_sections(bank: BankData) -> Iterator[Finding]:
    """A level's section exists and has ``role: level``."""
    for level in bank.levels:
        section, unknown = referenced(level, "section", bank.section_by_id)
        yield from unknown
        role = section.data.get("role") if section is not None else None
        if role != "level" and role in SECTION_ROLES:
            yield Finding(
                level.at("section"),
                Code.WRONG_SECTION_ROLE,
                f"level '{level.text('id')}' uses section '{level.text('section')}', whose role "
                f"is '{role}'; a level needs a section with 'role: level'",
            )


def reserved_level_id(bank: BankData) -> Iterator[Finding]:
    """``none`` is how results say "not yet co-producing", so no level may use it."""
    for level in bank.levels:
        if level.text("id") == RESERVED_LEVEL_ID:
            yield Finding(
                level.at("id"),
                Code.RESERVED_ID,
                "level id 'none' is reserved: results use it to mean 'not yet co-producing'",
            )
