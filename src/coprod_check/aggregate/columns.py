"""Which CSV column holds what: questions (with how to read their cells), role, notes.

Without a mapping file a header is read by convention: a question id (or ``bank-id/question-id``)
is that question; ``role``, ``respondent`` and ``note`` (and a few common variants) are what they
say; ``<question-id> note`` is a note about that question. With a mapping file its ``columns:``
come first and the conventions fill in the rest. Anything else is ignored with a warning, so a
"Start time" column never stops a run, but a run with no question column at all does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping as TypingMapping
from collections.abc import Sequence
from dataclasses import dataclass, field

from coprod_check.aggregate.bank_index import BankIndex, QuestionInfo
from coprod_check.aggregate.mapping import UNANSWERED, ColumnTarget, Mapping
from coprod_check.aggregate.stats import NO_ANSWER
from coprod_check.aggregate.text import normalise
from coprod_check.errors import InputError, Location

ROLE_HEADERS = frozenset({"role", "your role", "stakeholder group", "group", "role group"})
RESPONDENT_HEADERS = frozenset({"respondent", "respondent id", "pseudonym", "id", "response id"})
NOTE_HEADERS = frozenset({"note", "notes", "comment", "comments"})
_NOTE_SUFFIX = re.compile(r"^(?P<question>.+?)[\s_.-]*\(?(?:note|notes|comment|comments)\)?$")
_CACHE_LIMIT = 4096


class AnswerReader:
    """Reads one question column's cells into option indexes (``NO_ANSWER`` for a blank).

    A cell is, in order: blank (no answer); a label in the column's own answers; a label in the
    mapping file's ``answers:``; an option id or label of the question's scale. Known cells are
    cached, so each distinct spelling is worked out once.
    """

    def __init__(
        self,
        info: QuestionInfo,
        own: TypingMapping[str, str | None] | None = None,
        shared: TypingMapping[str, str | None] | None = None,
    ) -> None:
        self.info = info
        self.own = own or {}
        self.shared = shared or {}
        self.cache: dict[str, int] = {"": NO_ANSWER}
        self._labels = {normalise(option.label): i for i, option in enumerate(info.scale.options)}
        self._ids = {option.id: i for i, option in enumerate(info.scale.options)}

    def read(self, raw: str) -> int | None:
        """The option index of ``raw``, ``NO_ANSWER`` for a blank, None when it is not known."""
        found = self.cache.get(raw)
        if found is not None:
            return found
        found = self._resolve(raw)
        if found is not None and len(self.cache) < _CACHE_LIMIT:
            self.cache[raw] = found
        return found

    def _resolve(self, raw: str) -> int | None:
        text = normalise(raw)
        if not text:
            return NO_ANSWER
        for table in (self.own, self.shared):
            if text in table:
                target = table[text]
                return NO_ANSWER if target is None else self._ids.get(target)
        if text in self._ids:
            return self._ids[text]
        return self._labels.get(text)

    def why_not(self, raw: str) -> str:
        """Why ``raw`` cannot be read, for the row's problem message."""
        text = normalise(raw)
        for table in (self.own, self.shared):
            target = table.get(text)
            if text in table and target is not None and target not in self._ids:
                return (
                    f"answer {raw.strip()!r} maps to {target!r}, which is not an option of "
                    f"{self.info.question.id!r} ({_options(self.info)})"
                )
        shown = raw.strip() if len(raw) <= 60 else raw.strip()[:57] + "..."
        return (
            f"unknown answer {shown!r} to {self.info.question.id!r}; expected one of: "
            f"{_options(self.info)} (or map the label in a mapping file's answers:)"
        )


def _options(info: QuestionInfo) -> str:
    return ", ".join(repr(option.label) for option in info.scale.options)


@dataclass(slots=True)
class ColumnPlan:
    """The columns of one CSV file that matter, by position."""

    width: int
    questions: list[tuple[int, AnswerReader]] = field(default_factory=list)
    role: int | None = None
    respondent: int | None = None
    notes: list[tuple[int, QuestionInfo | None]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


def plan_columns(
    header: Sequence[str], name: str, index: BankIndex, mapping: Mapping | None, header_row: int = 1
) -> ColumnPlan:
    """The plan for a CSV with ``header``; raises :class:`InputError` when it cannot work."""
    plan = ColumnPlan(width=len(header))
    shared = mapping.answers if mapping else {}
    seen: dict[tuple[str, str], str] = {}
    for position, title in enumerate(header):
        target = _target(title, index, mapping)
        where = Location(name, header_row)
        if target.kind == "question":
            assert target.question is not None
            info = target.question
            if info.key in seen:
                raise InputError(
                    f"columns {seen[info.key]!r} and {title!r} are both question "
                    f"{info.question.id!r}; keep one",
                    where,
                )
            seen[info.key] = title
            plan.questions.append((position, AnswerReader(info, target.answers, shared)))
        elif target.kind in ("role", "respondent"):
            if getattr(plan, target.kind) is not None:
                raise InputError(f"more than one {target.kind} column (see {title!r})", where)
            setattr(plan, target.kind, position)
        elif target.kind == "note":
            plan.notes.append((position, target.question))
        elif title and not (mapping is not None and normalise(title) in mapping.columns):
            plan.ignored.append(title)
    if not plan.questions:
        raise InputError(
            "no column is a question: headers should be question ids, or give a mapping file "
            "(draft one with 'coprod-check mapping draft')",
            Location(name, header_row),
        )
    return plan


def _target(title: str, index: BankIndex, mapping: Mapping | None) -> ColumnTarget:
    key = normalise(title)
    if mapping is not None and key in mapping.columns:
        return mapping.columns[key]
    info = index.find(title) if title and " " not in title.strip() else None
    if info is not None:
        return ColumnTarget("question", info)
    if key in ROLE_HEADERS:
        return ColumnTarget("role")
    if key in RESPONDENT_HEADERS:
        return ColumnTarget("respondent")
    if key in NOTE_HEADERS:
        return ColumnTarget("note")
    match = _NOTE_SUFFIX.match(title.strip())
    if match:
        about = match.group("question").strip()
        found = index.find(about) if " " not in about else None
        if found is not None:
            return ColumnTarget("note", found)
    return ColumnTarget("ignore")


__all__ = ["UNANSWERED", "AnswerReader", "ColumnPlan", "plan_columns"]
