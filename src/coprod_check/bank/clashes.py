"""Ids two banks in play share: warnings for ``validate``, because answers are keyed by id.

An answers file says which banks it answers and then keys each answer by question id alone, so
two banks with a question id in common cannot be answered in one file (``answers_checks`` calls
that ``ambiguous-question``), and a CSV export needs ``bank-id/question-id`` headers for them.
Each bank is valid on its own, so a clash is a warning, not an error: it does not change the
exit code. Which banks are in play follows ``answers.loader.available_banks``: the valid banks
given in the run, then every bundled bank whose id none of them uses (a user's copy of a bundled
bank that keeps its id replaces it). Two files in one run with the same bank id cannot be used
together (``--bank`` refuses them), so that clash is reported instead of their question ids.
A bank with errors is not in play (nothing could use it), so its clashes show once it is fixed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from coprod_check.bank.model import Bank
from coprod_check.files.yaml_source import PathKey, YamlDocument
from coprod_check.problems import Problem
from coprod_check.problems.codes import Code

QUESTION_ID_CLASH = Code.QUESTION_ID_CLASH
BANK_ID_CLASH = Code.BANK_ID_CLASH


@dataclass(frozen=True, slots=True)
class BankIds:
    """The ids one bank declares: its bank id, and each question id (first use) with its place.

    ``doc`` is the bank's document when it is given in the run, and None for a bundled bank.
    """

    name: str
    bank_id: str | None
    questions: dict[str, PathKey]
    doc: YamlDocument | None = None

    def describe(self) -> str:
        """How another bank's warning names this one: ``bank 'mini' (banks/mini.yaml)``."""
        if self.doc is None:
            return f"bundled bank {self.bank_id!r}"
        if self.bank_id is None:
            return f"the bank in {self.name}"
        return f"bank {self.bank_id!r} ({self.name})"


def ids_of_document(doc: YamlDocument) -> BankIds:
    """The ids written in a bank document, with their places (text ids only, first use)."""
    data = doc.data
    if not isinstance(data, dict):
        return BankIds(doc.path, None, {}, doc)
    bank_id = data.get("id")
    questions: dict[str, PathKey] = {}
    for s, section in enumerate(_list(data.get("sections"))):
        if not isinstance(section, dict):
            continue
        for q, question in enumerate(_list(section.get("questions"))):
            if isinstance(question, dict) and isinstance(question.get("id"), str):
                questions.setdefault(question["id"], ("sections", s, "questions", q, "id"))
    return BankIds(doc.path, bank_id if isinstance(bank_id, str) else None, questions, doc)


def ids_of_bank(bank: Bank) -> BankIds:
    """The ids of a bundled bank (places are of no use: it is not the file being checked)."""
    questions: dict[str, PathKey] = {}
    for s, section in enumerate(bank.sections):
        for q, question in enumerate(section.questions):
            questions.setdefault(question.id, ("sections", s, "questions", q, "id"))
    return BankIds(bank.id, bank.id, questions)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def find_clashes(given: Sequence[BankIds], bundled: Sequence[BankIds]) -> dict[str, list[Problem]]:
    """Warnings for each bank in ``given`` (by path) whose ids another bank in play uses."""
    replaced = {bank.bank_id for bank in given if bank.bank_id is not None}
    in_play = [*given, *(bank for bank in bundled if bank.bank_id not in replaced)]
    found: dict[str, list[Problem]] = {}
    for bank in given:
        if bank.doc is None:  # pragma: no cover - given banks always have a document
            continue
        others = [other for other in in_play if other is not bank]
        same_id = [o for o in others if bank.bank_id is not None and o.bank_id == bank.bank_id]
        problems = [_bank_id_clash(bank.doc, bank.bank_id, same_id)] if same_id else []
        clashing = [other for other in others if not any(other is o for o in same_id)]
        for question_id, place in bank.questions.items():
            users = [other for other in clashing if question_id in other.questions]
            if users:
                problems.append(_question_clash(bank.doc, place, question_id, users))
        if problems:
            found[bank.doc.path] = problems
    return found


def _bank_id_clash(doc: YamlDocument, bank_id: str | None, others: Sequence[BankIds]) -> Problem:
    files = " and ".join(other.name for other in others)
    return doc.problem(
        ("id",),
        BANK_ID_CLASH,
        f"bank id {bank_id!r} is also the id of the bank in {files}; only one bank with an id "
        "can be in use at a time (answers name banks by id), so give one of them another id",
        severity="warning",
    )


def _question_clash(
    doc: YamlDocument, place: PathKey, question_id: str, others: Sequence[BankIds]
) -> Problem:
    names = " and ".join(other.describe() for other in others)
    which = "the two banks cannot" if len(others) == 1 else "no two of these banks can"
    return doc.problem(
        place,
        QUESTION_ID_CLASH,
        f"question id {question_id!r} is also used by {names}; answers files key answers by "
        f"question id, so {which} be answered in one file: give the question an id of "
        "its own (start it with your bank's id)",
        severity="warning",
    )
