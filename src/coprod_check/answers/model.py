"""An answers file as records: one respondent's (or one group's consensus) answers to banks.

Example::

    answers_version: 1
    banks:
      - id: right-circumstances
        version: 1.0.0
    respondent:
      pseudonym: Team A
      role: commissioner
      date: 2026-11-25
      project: Community falls service
    answers:
      inett-authority-move-outside:
        answer: agree          # an option id of the question's scale
        note: Board paper 12 agreed this.
      inett-aims-shared: strongly-agree   # short form: just the option id
      inett-right-scale: null             # not answered yet

An answer of ``None`` (or leaving the question out) means unanswered; an option whose value is
``None`` on its scale (such as "don't know") also counts as unanswered when scoring. The format's
rules are the pydantic models of :mod:`coprod_check.answers.schema`; a file becomes these records
once it passes them (or :mod:`coprod_check.answers.shape` says it would).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from coprod_check.records import Record, field, record

ANSWERS_VERSION = 1

Role = Literal[
    "person who uses services",
    "carer",
    "frontline staff",
    "manager",
    "commissioner",
    "other",
]
ROLES: tuple[Role, ...] = get_args(Role)


class _AnswersRecord(Record):
    __schema__ = "coprod_check.answers.schema"


@record
class BankRef(_AnswersRecord):
    """Which bank, and which version of it, the answers were given to."""

    id: str
    version: str | None = None


@record
class Respondent(_AnswersRecord):
    """Optional details of who answered; all fields optional."""

    pseudonym: str | None = None
    role: Role | None = None
    date: dt.date | None = None
    project: str | None = None


@record
class Answer(_AnswersRecord):
    """One answer: an option id (or None for unanswered) with an optional note or evidence."""

    answer: str | None = None
    note: str | None = None


@record
class AnswersFile(_AnswersRecord):
    """A whole answers file."""

    answers_version: Literal[1]
    banks: list[BankRef]
    respondent: Respondent = field(default_factory=Respondent)
    answers: dict[str, Answer | str | None] = field(default_factory=dict)

    def answer_for(self, question_id: str) -> Answer:
        """The answer to a question in long form (unanswered when absent or None)."""
        raw = self.answers.get(question_id)
        if raw is None:
            return Answer()
        if isinstance(raw, str):
            return Answer(answer=raw)
        return raw
