"""Profiles never decide: no consequence on a ``profile`` section, no approach that names one.

A profile describes where things stand today and is shown in reports; the engine leaves it out
of the verdict, the level and the confidence, so a bank that gives one a say is refused rather
than quietly overruled. (Red flags on a profile's questions are checked with the red flags.)
"""

from __future__ import annotations

from collections.abc import Iterator

from coprod_check.bank.checks.base import BankData, Node
from coprod_check.problems.codes import Code
from coprod_check.problems.schema_errors import Finding

_NEVER_DECIDES = "a profile is shown in reports but never decides the verdict"


def _is_profile(section: Node) -> bool:
    return section.data.get("role") == "profile"


def profiles_have_no_consequence(bank: BankData) -> Iterator[Finding]:
    """A ``profile`` section is not decisive and its statuses lead to ``none``, as they do when
    left out: anything else would let its answers change the verdict."""
    for section in bank.sections:
        if not _is_profile(section):
            continue
        if section.data.get("decisive") is True:
            yield Finding(
                section.at("decisive"),
                Code.PROFILE_DECIDES,
                f"a 'profile' section cannot be decisive: {_NEVER_DECIDES} (leave 'decisive' "
                "out, or give the section role 'criterion' if its status should decide)",
            )
        for field in ("if_not_met", "if_partly_met"):
            value = section.text(field)
            if value is not None and value != "none":
                yield Finding(
                    section.at(field),
                    Code.PROFILE_DECIDES,
                    f"a 'profile' section cannot have '{field}: {value}': {_NEVER_DECIDES} "
                    "(leave it out, or give the section role 'criterion' or 'case' if its status "
                    "should decide)",
                )


def no_profiles_in_approaches(bank: BankData) -> Iterator[Finding]:
    """No approach's condition, nested ones under ``all`` included, names a ``profile`` section
    or a question of one: the condition would let profile answers redirect the verdict."""
    section_of: dict[str, Node] = {}
    for home, asked in bank.questions:
        if (asked_id := asked.text("id")) is not None:
            section_of.setdefault(asked_id, home)
    for approach in bank.approaches:
        for condition in _conditions(approach.children("when")):
            question = condition.text("question")
            found = section_of.get(question) if question is not None else None
            if found is not None and _is_profile(found):
                yield Finding(
                    condition.at("question"),
                    Code.PROFILE_DECIDES,
                    f"an approach cannot depend on question '{question}' of the 'profile' "
                    f"section '{found.text('id')}': {_NEVER_DECIDES} (move the question to a "
                    "section with role 'approach' or 'criterion')",
                )
            name = condition.text("section")
            named = bank.section_by_id.get(name) if name is not None else None
            if named is not None and _is_profile(named):
                yield Finding(
                    condition.at("section"),
                    Code.PROFILE_DECIDES,
                    f"an approach cannot depend on the 'profile' section '{name}': "
                    f"{_NEVER_DECIDES} (give the section role 'criterion' if its status should "
                    "decide)",
                )


def _conditions(conditions: list[Node]) -> Iterator[Node]:
    """Each condition and, depth first, the conditions under its ``all``."""
    for condition in conditions:
        yield condition
        yield from _conditions(condition.children("all"))
