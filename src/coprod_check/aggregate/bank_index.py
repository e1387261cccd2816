"""Every question of the banks in play, with what aggregation needs to know about its scale.

Built once per run. Options keep the bank's order (their index is what the counts are kept
by); ``ascending`` lists the valued options from the least to the most favourable answer, after
reversal, which is the order medians and quartiles are taken in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from coprod_check.bank.model import Bank, Question, Scale, Section
from coprod_check.errors import UsageError
from coprod_check.scoring.answers import normalise

QuestionKey = tuple[str, str]
"""(bank id, question id)."""


@dataclass(frozen=True, slots=True)
class QuestionInfo:
    """One question, its section and scale, and each option's 0-1 value after reversal."""

    bank: Bank
    section: Section
    question: Question
    scale: Scale
    values: tuple[Fraction | None, ...]
    ascending: tuple[int, ...]

    @property
    def key(self) -> QuestionKey:
        return (self.bank.id, self.question.id)

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(option.id for option in self.scale.options)

    def option_index(self, option_id: str) -> int | None:
        for index, option in enumerate(self.scale.options):
            if option.id == option_id:
                return index
        return None


def question_info(bank: Bank, section: Section, question: Question, scale: Scale) -> QuestionInfo:
    values = tuple(normalise(option, scale, reverse=question.reverse) for option in scale.options)
    valued = [index for index, value in enumerate(values) if value is not None]
    ascending = tuple(sorted(valued, key=lambda index: (values[index], index)))
    return QuestionInfo(bank, section, question, scale, values, ascending)


class BankIndex:
    """Questions of ``banks`` by id, in bank, section and question order."""

    def __init__(self, banks: Sequence[Bank]) -> None:
        self.banks = list(banks)
        self.questions: list[QuestionInfo] = []
        self._by_id: dict[str, list[QuestionInfo]] = {}
        for bank in self.banks:
            scales = {scale.id: scale for scale in bank.scales}
            for section in bank.sections:
                for question in section.questions:
                    info = question_info(bank, section, question, scales[question.scale])
                    self.questions.append(info)
                    self._by_id.setdefault(question.id, []).append(info)
        self._by_key = {info.key: info for info in self.questions}

    def __getitem__(self, key: QuestionKey) -> QuestionInfo:
        return self._by_key[key]

    def find(self, name: str) -> QuestionInfo | None:
        """The question named ``name`` (``question-id`` or ``bank-id/question-id``), if any.

        A question id used by two banks must be qualified with its bank id.
        """
        name = name.strip()
        if "/" in name:
            bank_id, _, question_id = name.partition("/")
            return self._by_key.get((bank_id.strip(), question_id.strip()))
        found = self._by_id.get(name)
        if not found:
            return None
        if len(found) > 1:
            banks = ", ".join(f"{info.bank.id}/{name}" for info in found)
            raise UsageError(
                f"question id {name!r} is in more than one bank; name it as one of: {banks}"
            )
        return found[0]

    def ids(self) -> list[str]:
        """Every question id, for "did you mean" suggestions."""
        return list(self._by_id)
