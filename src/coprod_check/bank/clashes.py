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

from array import array
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from coprod_check.errors import Location
from coprod_check.files.yaml_source import YamlDocument
from coprod_check.problems import Problem
from coprod_check.problems.codes import Code

QUESTION_ID_CLASH = Code.QUESTION_ID_CLASH
BANK_ID_CLASH = Code.BANK_ID_CLASH
_SLICE = 8192  # question-id hashes held at once while looking for shared ones...
#: ...up to this many passes over them all: past that the slices grow instead (a set holds a
#: sixteenth of the hashes, less than the index itself), so the time stays linear.
_MOST_PASSES = 16


@dataclass(frozen=True, slots=True)
class BankIds:
    """The ids one bank declares: its bank id, and each question id (first use) with its place.

    This index is all the clash check keeps of a bank, so ``validate`` holds a few bytes per id
    instead of every parsed document: a question's place is one number (line and column packed,
    0 for none). ``where`` is the place of the bank's ``id`` when the bank is a file given in
    the run, and None for a bundled bank (whose places are of no use: it is not the file being
    checked).
    """

    name: str
    bank_id: str | None
    questions: dict[str, int]
    where: Location | None = None

    def place(self, question_id: str) -> Location:
        """Where ``question_id`` is written in this bank's file."""
        packed = self.questions[question_id]
        if not packed or self.where is None:
            return self.where or Location(self.name)
        return Location(self.where.path, packed >> 32, packed & 0xFFFFFFFF)

    def describe(self) -> str:
        """How another bank's warning names this one: ``bank 'mini' (banks/mini.yaml)``."""
        if self.where is None:
            return f"bundled bank {self.bank_id!r}"
        if self.bank_id is None:
            return f"the bank in {self.name}"
        return f"bank {self.bank_id!r} ({self.name})"


def ids_of_document(doc: YamlDocument) -> BankIds:
    """The ids written in a bank document, with their places (text ids only, first use)."""
    data = doc.data
    if not isinstance(data, dict):
        return BankIds(doc.path, None, {}, doc.locate(("id",)))
    bank_id = data.get("id")
    questions: dict[str, int] = {}
    for s, q, question_id in _question_ids(data):
        if question_id not in questions:
            where = doc.locate(("sections", s, "questions", q, "id"))
            questions[question_id] = (where.line or 0) << 32 | (where.column or 0)
    name = bank_id if isinstance(bank_id, str) else None
    return BankIds(doc.path, name, questions, doc.locate(("id",)))


def _question_ids(data: dict[str, Any]) -> Iterator[tuple[int, int, str]]:
    """Each text question id in a bank's data, with its section's and its own index."""
    for s, section in enumerate(_list(data.get("sections"))):
        if not isinstance(section, dict):
            continue
        for q, question in enumerate(_list(section.get("questions"))):
            question_id = question.get("id") if isinstance(question, dict) else None
            if isinstance(question_id, str):
                yield s, q, question_id


def as_bundled(ids: BankIds) -> BankIds:
    """The ids of a bundled bank (places are of no use: it is not the file being checked)."""
    return BankIds(ids.bank_id or ids.name, ids.bank_id, dict.fromkeys(ids.questions, 0))


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def find_clashes(
    given: Sequence[BankIds],
    bundled: Sequence[BankIds],
    replaced: set[str] | None = None,
) -> dict[str, list[Problem]]:
    """Warnings for each bank in ``given`` (by path) whose ids another bank in play uses.
    ``replaced``: the bundled bank ids that banks of the run replace, when ``given`` is only
    some of the run's banks (default: the ids of ``given``).

    The banks in play are indexed by bank id and by question id once, so each bank looks up
    only the banks that share one of its ids: linear in the number of ids, not quadratic in
    the number of banks.
    """
    if replaced is None:
        replaced = {bank.bank_id for bank in given if bank.bank_id is not None}
    in_play = [*given, *(bank for bank in bundled if bank.bank_id not in replaced)]
    by_bank_id: dict[str, list[BankIds]] = {}
    by_question: dict[str, BankIds | list[BankIds]] = {}  # a list only when shared
    for bank in in_play:
        if bank.bank_id is not None:
            by_bank_id.setdefault(bank.bank_id, []).append(bank)
        for question_id in bank.questions:
            users = by_question.setdefault(question_id, bank)
            if isinstance(users, list):
                users.append(bank)
            elif users is not bank:
                by_question[question_id] = [users, bank]
    found: dict[str, list[Problem]] = {}
    for bank in given:
        where = bank.where
        if where is None:  # pragma: no cover - given banks always have a place
            continue
        problems: list[Problem] = []
        if bank.bank_id is not None:
            same_id = [other for other in by_bank_id[bank.bank_id] if other is not bank]
            if same_id:
                problems.append(_bank_id_clash(where, bank.bank_id, same_id))
        for question_id in bank.questions:
            shared = by_question[question_id]
            if not isinstance(shared, list):
                continue
            users = [
                other
                for other in shared
                if other is not bank and (bank.bank_id is None or other.bank_id != bank.bank_id)
            ]
            if users:
                problems.append(_question_clash(bank.place(question_id), question_id, users))
        if problems:
            found[where.path] = problems
    return found


class IdIndex:
    """What ``validate`` keeps of each valid bank given in a run until the clash check: its name,
    its bank id, and a hash of each question id (8 bytes in one array, with the bank's number in
    another), not its document nor even its ids' text.

    Banks whose hashes another bank in play shares are the only ones that can clash; they are
    read again (:meth:`suspects`) and :func:`find_clashes` words their warnings exactly, so a
    hash two different ids happen to share costs a re-read, never a wrong warning. Memory then
    grows by a few bytes per question, not by a document per file.
    """

    def __init__(self) -> None:
        self.bank_ids: list[str | None] = []
        """Each bank's id, by its number (the order the banks were added in)."""
        self._hashes = array("q")
        self._owners = array("l")

    def add(self, data: Any) -> int:
        """Index the parsed ``data`` of a bank's file; its number."""
        number = len(self.bank_ids)
        data = data if isinstance(data, dict) else {}
        bank_id = data.get("id")
        self.bank_ids.append(bank_id if isinstance(bank_id, str) else None)
        seen = {_key(question_id) for _, _, question_id in _question_ids(data)}
        self._hashes.extend(seen)
        self._owners.extend([number] * len(seen))
        return number

    def suspects(self, bundled: Sequence[BankIds]) -> list[int]:
        """The numbers, in order, of the banks that may clash with another in play: they share
        a bank id with another bank given, or a question id's hash with another bank in play
        (the ``bundled`` banks whose id no bank given has)."""
        given = len(self.bank_ids)
        counts = Counter(bank_id for bank_id in self.bank_ids if bank_id is not None)
        found = {n for n, bank_id in enumerate(self.bank_ids) if bank_id and counts[bank_id] > 1}
        in_play = [bank for bank in bundled if bank.bank_id not in counts]
        extra = array("q", (_key(q) for bank in in_play for q in bank.questions))
        extra_owners = array("l", (given + n for n, b in enumerate(in_play) for _ in b.questions))
        hashes = (self._hashes, extra)
        shared = _repeated(hashes)
        for keys, owners in zip(hashes, (self._owners, extra_owners), strict=True):
            found.update(n for key, n in zip(keys, owners, strict=True) if key in shared)
        return sorted(n for n in found if n < given)


def _key(question_id: str) -> int:
    """What the index keeps of a question id: its hash (two ids may share one; see IdIndex)."""
    return hash(question_id)


def _repeated(hashes: Sequence[array[int]]) -> set[int]:
    """The values that stand more than once in ``hashes`` (each bank's hashes are distinct, so
    these are the ones two banks share). Found a slice of the values at a time, so that no
    more than :data:`_SLICE` of them (or a sixteenth, for very many) are held in a set at once."""
    total = sum(len(part) for part in hashes)
    slices = min(total // _SLICE + 1, _MOST_PASSES)
    repeated: set[int] = set()
    for which in range(slices):
        seen: set[int] = set()
        for part in hashes:
            for key in part:
                if key % slices == which:
                    if key in seen:
                        repeated.add(key)
                    else:
                        seen.add(key)
    return repeated


def _warning(where: Location, code: Code, message: str) -> Problem:
    return Problem(where.path, where.line, where.column, code, message, severity="warning")


def _bank_id_clash(where: Location, bank_id: str, others: Sequence[BankIds]) -> Problem:
    files = " and ".join(other.name for other in others)
    return _warning(
        where,
        BANK_ID_CLASH,
        f"bank id {bank_id!r} is also the id of the bank in {files}; only one bank with an id "
        "can be in use at a time (answers name banks by id), so give one of them another id",
    )


def _question_clash(where: Location, question_id: str, others: Sequence[BankIds]) -> Problem:
    names = " and ".join(other.describe() for other in others)
    which = "the two banks cannot" if len(others) == 1 else "no two of these banks can"
    return _warning(
        where,
        QUESTION_ID_CLASH,
        f"question id {question_id!r} is also used by {names}; answers files key answers by "
        f"question id, so {which} be answered in one file: give the question an id of "
        "its own (start it with your bank's id)",
    )
