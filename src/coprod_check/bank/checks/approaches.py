"""Approaches' conditions: each names a known question with answers or a section with status."""

from __future__ import annotations

from collections.abc import Iterator

from coprod_check.bank.checks.base import BankData, Node, not_an_option, referenced
from coprod_check.problems.codes import Code
from coprod_check.problems.schema_errors import Finding


def approach_conditions(bank: BankData) -> Iterator[Finding]:
    """Each condition names a known question (with its answers), a known section (with status),
    or both, and any conditions under ``all`` (each checked the same way)."""
    for approach in bank.approaches:
        for condition in approach.children("when"):
            yield from _condition(bank, condition)


def _condition(bank: BankData, condition: Node) -> Iterator[Finding]:
    data = condition.data
    has_question = data.get("question") is not None
    has_section = data.get("section") is not None
    parts = condition.children("all")
    if not has_question and not has_section and not parts:
        yield Finding(
            condition.path,
            Code.INVALID_CONDITION,
            "a condition needs 'question' (with 'answers'), 'section' (with 'status') or 'all'",
        )
        return
    if has_question or data.get("answers") is not None:
        yield from _question_condition(bank, condition, with_section=has_section)
    if has_section or (data.get("status") is not None and not has_question):
        yield from _section_condition(bank, condition, with_question=has_question)
    for part in parts:
        yield from _condition(bank, part)


#: For each kind of condition: the field it needs, what that field holds, and the field of the
#: other kind that does not belong in it (with the field that field goes with).
_SHAPES = {
    "question": ("answers", "the answers that make it hold", "status", "section"),
    "section": ("status", "the statuses that make it hold", "answers", "question"),
}


def _shape(condition: Node, kind: str, *, combined: bool) -> Iterator[Finding]:
    """The fields a ``kind`` condition needs and the other kind's field it must not have
    (unless it names both, when each part is checked on its own)."""
    needs, holds, stray, stray_goes_with = _SHAPES[kind]
    if condition.data.get(stray) is not None and not combined:
        yield Finding(
            condition.at(stray),
            Code.INVALID_CONDITION,
            f"'{stray}' goes with '{stray_goes_with}'; a {kind} condition uses '{needs}'",
        )
    if condition.data.get(needs) is None:
        yield Finding(
            condition.path,
            Code.INVALID_CONDITION,
            f"a {kind} condition needs '{needs}': {holds}",
        )


def _question_condition(
    bank: BankData, condition: Node, *, with_section: bool = False
) -> Iterator[Finding]:
    yield from _shape(condition, "question", combined=with_section)
    question, unknown = referenced(condition, "question", bank.question_by_id)
    yield from unknown
    if question is None:
        return
    scale = bank.scale_of(question)
    if scale is None:
        return
    options = bank.option_values(scale)
    for path, answer in condition.strings("answers"):
        if answer not in options:
            yield Finding(path, Code.UNKNOWN_OPTION, not_an_option(answer, scale, options))


def _section_condition(
    bank: BankData, condition: Node, *, with_question: bool = False
) -> Iterator[Finding]:
    yield from _shape(condition, "section", combined=with_question)
    yield from referenced(condition, "section", bank.section_by_id)[1]
