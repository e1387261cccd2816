"""The answers-file format: one respondent's (or one group's consensus) answers to banks.

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

An answer of ``null`` (or leaving the question out) means unanswered; an option whose value is
``null`` on its scale (such as "don't know") also counts as unanswered when scoring.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from coprod_check.bank.model import Id, SemVer, Text

ANSWERS_VERSION = 1

Role = Literal[
    "person who uses services",
    "carer",
    "frontline staff",
    "manager",
    "commissioner",
    "other",
]
ROLES: tuple[str, ...] = get_args(Role)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BankRef(_Strict):
    """Which bank, and which version of it, the answers were given to."""

    id: Id
    version: SemVer | None = None


class Respondent(_Strict):
    """Optional details of who answered; all fields optional."""

    pseudonym: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = (
        None
    )
    role: Role | None = None
    date: dt.date | None = None
    project: Text | None = None


class Answer(_Strict):
    """One answer: an option id (or null for unanswered) with an optional note or evidence link."""

    answer: Id | None = None
    note: Text | None = None


class AnswersFile(_Strict):
    """A whole answers file."""

    answers_version: Literal[1] = Field(description="Version of the answers format; currently 1.")
    banks: list[BankRef] = Field(min_length=1)
    respondent: Respondent = Field(default_factory=Respondent)
    answers: dict[Id, Answer | Id | None] = Field(default_factory=dict)

    def answer_for(self, question_id: str) -> Answer:
        """The answer to a question in long form (unanswered when absent or null)."""
        raw = self.answers.get(question_id)
        if raw is None:
            return Answer()
        if isinstance(raw, str):
            return Answer(answer=raw)
        return raw
