"""The answers-file format, as pydantic models: the one definition of what an answers file may
say. Scoring and reports work with the records of :mod:`coprod_check.answers.model`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from coprod_check.answers.model import Role
from coprod_check.bank.schema import Id, SemVer, Text


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
