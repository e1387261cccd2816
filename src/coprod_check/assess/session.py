"""The state of one interactive assessment: which questions, where we are, what was answered.

Pure and free of I/O so every move (answer, back, skip, don't know, note, jump, resume) can be
unit-tested without a terminal. The terminal loop in ``runner.py`` asks, this module records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coprod_check.answers.model import Answer, AnswersFile, BankRef, Respondent
from coprod_check.bank.model import Bank, Question, Scale, ScaleOption, Section
from coprod_check.errors import UsageError


class SessionError(ValueError):
    """A move the session cannot make (an option not on the scale, an unknown question)."""


@dataclass(frozen=True, slots=True)
class Item:
    """One question in the walk, with the bank, section and scale it belongs to."""

    number: int  # 1-based position, as shown to the user
    bank: Bank
    section: Section
    question: Question
    scale: Scale

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def dont_know_option(self) -> ScaleOption | None:
        """The scale's first option whose value is null ("don't know"), if it has one."""
        return next((option for option in self.scale.options if option.value is None), None)

    def option(self, option_id: str) -> ScaleOption | None:
        return next((option for option in self.scale.options if option.id == option_id), None)


def build_items(banks: Sequence[Bank]) -> tuple[Item, ...]:
    """Every question of ``banks`` in order: bank by bank, section by section.

    Answers files key answers by question id alone, so an id used by two banks is refused.
    """
    items: list[Item] = []
    seen: dict[str, str] = {}
    for bank in banks:
        scales = {scale.id: scale for scale in bank.scales}
        for section in bank.sections:
            for question in section.questions:
                if question.id in seen:
                    raise UsageError(
                        f"question id {question.id!r} is in both bank {seen[question.id]!r} and "
                        f"bank {bank.id!r}; an answers file can answer it only once"
                    )
                seen[question.id] = bank.id
                scale = scales.get(question.scale)
                if scale is None:
                    raise UsageError(
                        f"bank {bank.id!r}: question {question.id!r} uses scale "
                        f"{question.scale!r}, which the bank does not define"
                    )
                items.append(Item(len(items) + 1, bank, section, question, scale))
    return tuple(items)


class Session:
    """Questions, the current position and the answers given so far.

    ``position`` runs from 0 to ``len(items)``; ``len(items)`` means "past the last question".
    Answers to questions that are not in these banks (from a resumed file) are kept untouched
    and written back, so resuming never loses anything.
    """

    def __init__(self, banks: Sequence[Bank], previous: AnswersFile | None = None) -> None:
        self.banks: tuple[Bank, ...] = tuple(banks)
        self.items: tuple[Item, ...] = build_items(self.banks)
        if not self.items:
            raise UsageError("the chosen banks hold no questions")
        self._index = {item.id: index for index, item in enumerate(self.items)}
        self.answers: dict[str, Answer] = {}
        self.extra_answers: dict[str, Answer | str | None] = {}
        self.respondent = Respondent()
        if previous is not None:
            self.respondent = previous.respondent
            for question_id, raw in previous.answers.items():
                if question_id in self._index:
                    self.answers[question_id] = previous.answer_for(question_id)
                else:
                    self.extra_answers[question_id] = raw
        self.position = 0

    # --- where we are -------------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def at_end(self) -> bool:
        return self.position >= len(self.items)

    @property
    def current(self) -> Item | None:
        return None if self.at_end else self.items[self.position]

    def _require_current(self) -> Item:
        item = self.current
        if item is None:
            raise SessionError("there is no current question: this is the end of the list")
        return item

    def answer_of(self, item: Item) -> Answer:
        return self.answers.get(item.id, Answer())

    def is_answered(self, item: Item) -> bool:
        """Whether the person chose an option (a "don't know" option counts as a choice)."""
        return self.answer_of(item).answer is not None

    def first_unanswered(self) -> int:
        """Where a resumed session starts: the first question without a chosen option."""
        return next(
            (index for index, item in enumerate(self.items) if not self.is_answered(item)),
            len(self.items),
        )

    def unanswered_numbers(self) -> list[int]:
        return [item.number for item in self.items if not self.is_answered(item)]

    def answered_count(self) -> int:
        return sum(1 for item in self.items if self.is_answered(item))

    def resume(self) -> None:
        """Move to the first unanswered question (the end when all are answered)."""
        self.position = self.first_unanswered()

    # --- moves --------------------------------------------------------------------------

    def choose(self, option_id: str) -> None:
        """Record an option of the current question's scale, keep its note, move on."""
        item = self._require_current()
        if item.option(option_id) is None:
            raise SessionError(f"{option_id!r} is not an option of this question's scale")
        self._set(item, Answer(answer=option_id, note=self.answer_of(item).note))
        self.position += 1

    def dont_know(self) -> None:
        """Record "don't know": the scale's null-valued option, or no answer when it has none."""
        item = self._require_current()
        option = item.dont_know_option
        note = self.answer_of(item).note
        self._set(item, Answer(answer=option.id if option else None, note=note))
        self.position += 1

    def skip(self) -> None:
        """Move on without changing the current answer."""
        self._require_current()
        self.position += 1

    def back(self) -> bool:
        """Go to the previous question; False (and no move) at the first one."""
        if self.position == 0:
            return False
        self.position -= 1
        return True

    def set_note(self, note: str | None) -> None:
        """Set (or, with None or blank text, remove) the current question's note."""
        item = self._require_current()
        text = note.strip() if note is not None else None
        self._set(item, Answer(answer=self.answer_of(item).answer, note=text or None))

    def find(self, target: str) -> int:
        """The index of a question given by its number (1-based) or its id."""
        text = target.strip()
        if text.isdigit():
            number = int(text)
            if 1 <= number <= len(self.items):
                return number - 1
            raise SessionError(f"there is no question {number}; choose 1 to {len(self.items)}")
        index = self._index.get(text) if text else None
        if index is None:
            index = self._index.get(text.lower())
        if index is None:
            raise SessionError(f"no question has the number or id {text!r}")
        return index

    def jump(self, target: str) -> None:
        self.position = self.find(target)

    def set_respondent(self, respondent: Respondent) -> None:
        self.respondent = respondent

    def _set(self, item: Item, answer: Answer) -> None:
        if answer.answer is None and answer.note is None:
            self.answers.pop(item.id, None)
        else:
            self.answers[item.id] = answer

    # --- the answers file ---------------------------------------------------------------

    def to_answers_file(self) -> AnswersFile:
        """The answers so far, every question listed (null when unanswered), in walk order."""
        answers: dict[str, Answer | str | None] = {}
        for item in self.items:
            answers[item.id] = compact(self.answers.get(item.id))
        for question_id in sorted(self.extra_answers):
            answers[question_id] = self.extra_answers[question_id]
        return AnswersFile(
            answers_version=1,
            banks=[BankRef(id=bank.id, version=bank.version) for bank in self.banks],
            respondent=self.respondent,
            answers=answers,
        )


def compact(answer: Answer | None) -> Answer | str | None:
    """The shortest form of an answer: null, a bare option id, or the long form with a note."""
    if answer is None or (answer.answer is None and answer.note is None):
        return None
    if answer.note is None:
        return answer.answer
    return answer
