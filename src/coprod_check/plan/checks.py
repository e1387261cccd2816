"""Check a plan file against the banks in play; every finding is a :class:`Problem`.

Used by ``validate`` (list every problem) and by the plan loader (refuse a plan with errors).

Problem codes (stable, documented in ``docs/plans.md``):

- ``missing-field``, ``unknown-field``, ``wrong-type``, ``invalid-value``: schema errors (the
  codes every file kind shares), e.g. a status that is not planned, doing, done or dropped;
- ``not-a-mapping``: the file (or an action or cycle) is not a mapping of keys to values;
- ``not-a-date``: a date field holding something that is not a date (``next week``, 12/10/2026);
- ``unknown-bank``, ``duplicate-bank``, ``bank-version-differs`` (warning), ``ambiguous-question``:
  the ``banks`` list, as in answers files;
- ``bank-not-listed``: an action's bank is not listed under ``banks``;
- ``unknown-question``: an action's question is not in its bank;
- ``unknown-recommendation``: the question has no recommendation in its bank;
- ``recommendation-changed`` (warning): the bank now words the recommendation differently;
- ``duplicate-action``, ``duplicate-cycle``: an id or cycle number given twice;
- ``unknown-cycle``: an action belongs to a cycle the plan does not list;
- ``done-without-date``: an action marked done without ``done_on``;
- ``date-but-not-done``: ``done_on`` given for an action that is not marked done;
- ``dropped-without-reason``: an action marked dropped without ``reason``.

Duplicate keys (``duplicate-key``) are found while reading and included.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from coprod_check.answers.checks import check_listed_banks
from coprod_check.bank.model import Bank, Condition, Question
from coprod_check.files.yaml_source import PathKey, YamlDocument
from coprod_check.plan.model import ACTION_STATUSES, Plan
from coprod_check.problems import Checked, Problem
from coprod_check.problems.codes import Code
from coprod_check.problems.schema_errors import schema_findings
from coprod_check.problems.wording import closest, describe_value, listed_twice

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

#: Where dates live: a top-level key (a mapping, or a list of mappings) and its date fields.
_DATE_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("drafted_from", ("date",)),
    ("cycles", ("starts", "study_on")),
    ("actions", ("due", "done_on")),
)


def check_plan_document(doc: YamlDocument, banks: Sequence[Bank]) -> list[Problem]:
    """Every problem of a plan document (with the reader's) against ``banks``, sorted."""
    return check_and_parse(doc, banks).problems


def check_and_parse(doc: YamlDocument, banks: Sequence[Bank]) -> Checked[Plan]:
    """Check ``doc`` and, if it has no errors (warnings allowed), parse it into a :class:`Plan`."""
    checked = Checked[Plan](
        sorted([*doc.problems, *_Checker(doc, banks).run()], key=Problem.sort_key), None
    )
    if not checked.failed:
        checked.parsed = Plan.model_validate(doc.data)
    return checked


def _shown(text: str) -> str:
    """``text`` quoted for a message, cut short: a value in a file can be megabytes long."""
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


class _Checker:
    """One pass over a plan document."""

    def __init__(self, doc: YamlDocument, banks: Sequence[Bank]) -> None:
        self.doc = doc
        self.banks = banks
        self.problems: list[Problem] = []

    def add(self, loc: PathKey, code: Code, message: str, *, warning: bool = False) -> None:
        severity = "warning" if warning else "error"
        self.problems.append(self.doc.problem(loc, code, message, severity=severity))

    def run(self) -> list[Problem]:
        data = self.doc.data
        if not isinstance(data, dict):
            self.add(
                (),
                Code.NOT_A_MAPPING,
                f"the top level is {describe_value(data)}; a plan is a mapping that starts "
                "with 'plan_version: 1'",
            )
            return self.problems
        clean = self._dates(data)
        bad_paths = self._schema(clean)
        listed, complete, found = check_listed_banks(self.doc, data.get("banks"), self.banks)
        self.problems += found
        cycles = self._cycles(data.get("cycles"))
        actions = data.get("actions")
        if isinstance(actions, list):
            ids: dict[str, int] = {}
            for index, action in enumerate(actions):
                if isinstance(action, dict) and ("actions", index) not in bad_paths:
                    self._action(index, action, listed, complete, cycles, ids)
        return self.problems

    def _dates(self, data: dict[Any, Any]) -> dict[Any, Any]:
        """Report date fields that do not hold dates; the data with those fields taken out, so
        the schema check does not report them again (or take 86400 for 2 January 1970)."""
        clean = dict(data)
        for block, fields in _DATE_FIELDS:
            value = data.get(block)
            items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
            cleaned: list[Any] = []
            for index, item in items:
                if not isinstance(item, dict):
                    cleaned.append(item)
                    continue
                kept = dict(item)
                for name in fields:
                    if name in item and not _is_date(item[name]):
                        loc = (block, name) if index is None else (block, index, name)
                        self.add(loc, Code.NOT_A_DATE, _date_message(name, item[name]))
                        del kept[name]
                cleaned.append(kept)
            if isinstance(value, list):
                clean[block] = cleaned
            elif isinstance(value, dict):
                clean[block] = cleaned[0]
        return clean

    def _schema(self, clean: dict[Any, Any]) -> set[PathKey]:
        """Schema problems; the paths of actions and cycles with any, whose rules are skipped."""
        try:
            Plan.model_validate(clean)
        except ValidationError as error:
            findings = schema_findings(error, clean, Plan)
            self.problems += [finding.place(self.doc) for finding in findings]
            return {finding.path[:2] for finding in findings if len(finding.path) >= 2}
        return set()

    def _cycles(self, raw: Any) -> set[int]:
        numbers: dict[int, int] = {}
        if not isinstance(raw, list):
            return set()
        for index, cycle in enumerate(raw):
            number = cycle.get("cycle") if isinstance(cycle, dict) else None
            if not isinstance(number, int) or isinstance(number, bool):
                continue
            if number in numbers:
                self.add(
                    ("cycles", index, "cycle"),
                    Code.DUPLICATE_CYCLE,
                    listed_twice(f"cycle {number}", numbers[number]),
                )
                continue
            numbers[number] = index
        return set(numbers)

    def _action(
        self,
        index: int,
        action: dict[Any, Any],
        listed: list[Bank],
        complete: bool,
        cycles: set[int],
        ids: dict[str, int],
    ) -> None:
        here: PathKey = ("actions", index)
        action_id = action.get("id")
        if isinstance(action_id, str):
            if action_id in ids:
                self.add(
                    (*here, "id"),
                    Code.DUPLICATE_ACTION,
                    f"action id {action_id!r} is used twice (first by item {ids[action_id] + 1}); "
                    "give each action its own id",
                )
            else:
                ids[action_id] = index
        self._target(here, action, listed, complete)
        cycle = action.get("cycle", 1)
        if isinstance(cycle, int) and cycles and cycle not in cycles:
            known = ", ".join(str(number) for number in sorted(cycles))
            self.add(
                (*here, "cycle"),
                Code.UNKNOWN_CYCLE,
                f"cycle {cycle} is not listed under cycles (listed: {known}); add it there "
                "or move the action to a listed cycle",
            )
        status = action.get("status", "planned")
        if status == "done" and action.get("done_on") is None:
            self.add(
                (*here, "status"),
                Code.DONE_WITHOUT_DATE,
                "an action marked done needs the date it was done: add 'done_on: YYYY-MM-DD'",
            )
        if action.get("done_on") is not None and status in ACTION_STATUSES and status != "done":
            self.add(
                (*here, "done_on"),
                Code.DATE_BUT_NOT_DONE,
                f"done_on is given but the status is {status}; set 'status: done' or remove "
                "done_on",
            )
        if status == "dropped" and not str(action.get("reason") or "").strip():
            self.add(
                (*here, "status"),
                Code.DROPPED_WITHOUT_REASON,
                "an action marked dropped needs a reason: add 'reason: ...' saying why, so "
                "the next cycle can learn from it",
            )

    def _target(
        self, here: PathKey, action: dict[Any, Any], listed: list[Bank], complete: bool
    ) -> None:
        """The action's bank, question and recommendation exist (and read as in the bank)."""
        bank_id, question_id = action.get("bank"), action.get("question")
        if not isinstance(bank_id, str) or not isinstance(question_id, str):
            return
        bank = next((bank for bank in listed if bank.id == bank_id), None)
        if bank is None:
            if complete:
                names = ", ".join(b.id for b in listed)
                self.add(
                    (*here, "bank"),
                    Code.BANK_NOT_LISTED,
                    f"bank {_shown(bank_id)} is not listed under banks (listed: {names})"
                    + _did_you_mean(bank_id, [b.id for b in listed]),
                )
            return
        questions = {q.id: q for section in bank.sections for q in section.questions}
        question = questions.get(question_id)
        if question is None:
            self.add(
                (*here, "question"),
                Code.UNKNOWN_QUESTION,
                f"bank {bank.id!r} has no question {_shown(question_id)}"
                + _did_you_mean(question_id, list(questions)),
            )
            return
        self._recommendation(here, action, bank, question)

    def _recommendation(
        self, here: PathKey, action: dict[Any, Any], bank: Bank, question: Question
    ) -> None:
        texts = recommendation_texts(bank, question)
        if not texts:
            self.add(
                (*here, "question"),
                Code.UNKNOWN_RECOMMENDATION,
                f"question {question.id!r} of bank {bank.id!r} has no recommendation; an "
                "action addresses a question's recommendation (see 'coprod-check score')",
            )
            return
        text = action.get("recommendation")
        if isinstance(text, str) and not any(_same_words(text, wanted) for wanted in texts):
            self.add(
                (*here, "recommendation"),
                Code.RECOMMENDATION_CHANGED,
                f"bank {bank.id!r} {bank.version} words this recommendation differently: "
                f"{_shown(' '.join(texts[0].split()))}; check the action still stands and copy "
                "the new wording",
                warning=True,
            )


def recommendation_texts(bank: Bank, question: Question) -> list[str]:
    """Every recommendation a report can give with this question as its reason: the question's
    own, its section's remedy (or step to a level), and the "how" of each approach whose
    conditions name the question or its section."""
    section = next(s for s in bank.sections if question in s.questions)
    texts = [r.text for r in (question.recommendation, section.recommendation) if r is not None]
    for approach in bank.approaches:
        if any(_names(c, question.id, section.id) for c in approach.when):
            texts += [how.text for how in approach.how]
    return texts


def _names(condition: Condition, question_id: str, section_id: str) -> bool:
    if condition.question == question_id or condition.section == section_id:
        return True
    return any(_names(part, question_id, section_id) for part in condition.all or [])


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    close = closest(word, choices)
    return f"; did you mean {close!r}?" if close else ""


def _is_date(value: Any) -> bool:
    """A date, nothing, or a date in quotes written YYYY-MM-DD."""
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return False
        return True
    return value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime))


def _date_message(name: str, value: Any) -> str:
    if isinstance(value, dt.datetime):
        shown = f"a date and time ({value.isoformat(sep=' ')})"
    elif isinstance(value, str):
        shown = _shown(value)
    else:
        shown = describe_value(value)
    return f"{name}: {shown} is not a date; write it as YYYY-MM-DD, e.g. 2026-11-25"
