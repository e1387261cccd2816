"""A quick test that answers data is already what the answers models would make of it.

Reading an answers file used to import pydantic and build its models for every ``score``, most
of the command's time, for files that are nearly always well-formed. This module says whether
the models would accept a piece of the file and leave it unchanged (no text trimmed, no date
parsed from a string, no number turned into text). When it says yes, the records are built from
the data directly; when it is unsure, the models run, and their errors are the ones reported,
worded and placed as before. ``tests/answers/test_answers_shape.py`` checks that whatever it
accepts the models accept, with the same records as the result.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from coprod_check.answers.model import ROLES, Answer, AnswersFile, BankRef, Respondent
from coprod_check.bank.shape import ID_MAX, TEXT_MAX, _id, _semver

PSEUDONYM_MAX = 200
_OUTLINE = frozenset({"answers_version", "banks", "respondent", "answers"})
_RESPONDENT = frozenset({"pseudonym", "role", "date", "project"})
_ANSWER = frozenset({"answer", "note"})


def _trimmed(value: Any, longest: int) -> bool:
    """Text the models keep as it is: no blanks to strip at either end, not too long."""
    return type(value) is str and len(value) <= longest and value == value.strip()


def _bank_ref(value: Any) -> bool:
    if type(value) is not dict or not value.keys() <= {"id", "version"} or "id" not in value:
        return False
    version = value.get("version")
    return _id(value["id"]) and (version is None or _semver(version))


def _respondent(value: Any) -> bool:
    if type(value) is not dict or not value.keys() <= _RESPONDENT:
        return False
    pseudonym, role = value.get("pseudonym"), value.get("role")
    date, project = value.get("date"), value.get("project")
    return (
        (pseudonym is None or _trimmed(pseudonym, PSEUDONYM_MAX))
        and (role is None or (type(role) is str and role in ROLES))
        and (date is None or type(date) is dt.date)
        and (project is None or _trimmed(project, TEXT_MAX))
    )


def answer_details_unchanged(value: Any) -> bool:
    """Whether an answer's mapping without its ``answer`` (its note) passes as it is."""
    if type(value) is not dict or not value.keys() <= {"note"}:
        return False
    note = value.get("note")
    return note is None or _trimmed(note, TEXT_MAX)


def _answer(value: Any) -> bool:
    if value is None or _id(value):
        return True
    if type(value) is not dict or not value.keys() <= _ANSWER:
        return False
    answer, note = value.get("answer"), value.get("note")
    return (answer is None or _id(answer)) and (note is None or _trimmed(note, TEXT_MAX))


def outline_unchanged(data: Any) -> bool:
    """Whether an answers file's data, apart from its answers, passes the models as it is."""
    if type(data) is not dict or not data.keys() <= _OUTLINE:
        return False
    banks = data.get("banks")
    return (
        type(data.get("answers_version")) is int
        and data["answers_version"] == 1
        and type(banks) is list
        and len(banks) >= 1
        and all(map(_bank_ref, banks))
        and ("respondent" not in data or _respondent(data["respondent"]))
    )


def answers_file(data: Any) -> AnswersFile | None:
    """The records of an answers file whose data the models would accept unchanged, or
    ``None`` when unsure (the models then decide)."""
    if not outline_unchanged(data):
        return None
    answers = data.get("answers", {})
    if type(answers) is not dict:
        return None
    for key, value in answers.items():
        if not (type(key) is str and len(key) <= ID_MAX and _id(key) and _answer(value)):
            return None
    return AnswersFile(
        answers_version=1,
        banks=[BankRef(**ref) for ref in data["banks"]],
        respondent=Respondent(**data.get("respondent", {})),
        answers={
            key: Answer(**value) if type(value) is dict else value for key, value in answers.items()
        },
    )
