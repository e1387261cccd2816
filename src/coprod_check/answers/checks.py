"""Check an answers file against the banks it answers; every finding is a :class:`Problem`.

Used by ``validate`` (list every problem) and by ``answers.loader`` (refuse to score a file with
errors). Answer values are checked here rather than by pydantic so that a typo such as ``Agree``
is reported as "not on the scale, choose one of ..." instead of a regular-expression failure.

Problem codes (stable, documented in the README):

- ``missing-field``, ``unknown-field``, ``wrong-type``, ``invalid-value``: schema errors (the
  same codes as for banks, from ``schema_errors``), e.g. a wrong role or a bad date;
- ``not-a-mapping``: the file (or ``answers``) is not a mapping of keys to values;
- ``unknown-bank``: a bank listed under ``banks`` is not loaded (not bundled, no ``--bank``);
- ``duplicate-bank``: the same bank listed twice;
- ``bank-version-differs`` (warning): answers given to another version of a bank;
- ``ambiguous-question``: two listed banks share a question id;
- ``missing-question-id``: an answer without a question id;
- ``unknown-question``: an answer to a question no listed bank has;
- ``bank-not-listed``: an answer to a question of a loaded bank the file does not list;
- ``answer-not-on-scale``: an answer that is not an option of its question's scale.

Duplicate keys (``duplicate-key``) are found while reading and included, as ``check_bank`` does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from coprod_check.answers import shape
from coprod_check.answers.model import AnswersFile
from coprod_check.bank.model import Bank, Question, Scale
from coprod_check.files.yaml_source import PathKey, YamlDocument
from coprod_check.problems import Checked, Problem
from coprod_check.problems.codes import Code
from coprod_check.problems.wording import closest, listed_twice

if TYPE_CHECKING:
    from pydantic import ValidationError

_ID = re.compile(r"[a-z0-9][a-z0-9-]*")

#: YAML 1.1 reads these words as true / false; answers may mean the option ids themselves.
_TRUE_WORDS = ("yes", "true", "on")
_FALSE_WORDS = ("no", "false", "off")


class Target:
    """A question an answers file may answer, with the bank and scale it belongs to.

    A plain class: defining a dataclass costs more than the answers of a short command."""

    __slots__ = ("bank", "question", "scale")

    def __init__(self, bank: Bank, question: Question, scale: Scale) -> None:
        self.bank = bank
        self.question = question
        self.scale = scale


def check_answers_document(doc: YamlDocument, banks: Sequence[Bank]) -> list[Problem]:
    """Every problem of an answers document (with the reader's) against ``banks``, sorted."""
    return check_and_parse(doc, banks).problems


def check_and_parse(doc: YamlDocument, banks: Sequence[Bank]) -> Checked[AnswersFile]:
    """Check ``doc`` and, if it has no errors (warnings allowed), parse it into an AnswersFile."""
    checker = _Checker(doc, banks)
    data = checker.run()
    checked = Checked[AnswersFile](
        sorted([*doc.problems, *checker.problems], key=Problem.sort_key), None
    )
    if data is None or checked.failed:
        return checked
    checked.parsed = shape.answers_file(data)  # well-formed data: no pydantic
    if checked.parsed is not None:
        return checked
    from pydantic import ValidationError

    try:
        checked.parsed = AnswersFile.model_validate(data)
    except ValidationError as error:  # pragma: no cover - the checks above mirror the model
        problems = [*checked.problems, *_schema(doc, error, data, "AnswersFile", ())]
        return Checked(sorted(problems, key=Problem.sort_key), None)
    return checked


def _schema(
    doc: YamlDocument, error: ValidationError, data: Any, model: str, prefix: PathKey
) -> list[Problem]:
    """Pydantic errors in ``data`` (found at ``prefix`` of the document, for the model named
    ``model`` in ``answers.schema``) as placed problems."""
    from dataclasses import replace

    from coprod_check.answers import schema
    from coprod_check.problems.schema_errors import schema_findings

    return [
        replace(finding, path=(*prefix, *finding.path)).place(doc)
        for finding in schema_findings(error, data, getattr(schema, model))
    ]


def _validate(
    doc: YamlDocument, data: Any, model: str, prefix: PathKey, certain: bool
) -> list[Problem]:
    """The problems pydantic's ``model`` finds in ``data``; none when ``certain`` (the quick
    test of :mod:`coprod_check.answers.shape` passed), without importing pydantic."""
    if certain:
        return []
    from pydantic import ValidationError

    from coprod_check.answers import schema

    try:
        getattr(schema, model).model_validate(data)
    except ValidationError as error:
        return _schema(doc, error, data, model, prefix)
    return []


def _shown(text: str) -> str:
    """``text`` quoted for a message, cut short: a value in a file can be megabytes long."""
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _did_you_mean(word: str, choices: Sequence[str]) -> str:
    close = closest(word, choices)
    return f"; did you mean {close!r}?" if close else ""


def targets(banks: Sequence[Bank]) -> dict[str, list[Target]]:
    """Every question id of ``banks`` and where it lives (more than one entry: ambiguous)."""
    found: dict[str, list[Target]] = {}
    for bank in banks:
        scales = {scale.id: scale for scale in bank.scales}
        for section in bank.sections:
            for question in section.questions:
                scale = scales.get(question.scale)
                if scale is not None:
                    found.setdefault(question.id, []).append(Target(bank, question, scale))
    return found


def describe_options(scale: Scale) -> str:
    """``strongly-disagree, disagree, agree or dont-know`` for messages and templates."""
    ids = [option.id for option in scale.options]
    return ", ".join(ids[:-1]) + f" or {ids[-1]}" if len(ids) > 1 else ids[0]


class _Checker:
    """One pass over an answers document; collects problems and builds clean data to parse."""

    def __init__(self, doc: YamlDocument, banks: Sequence[Bank]) -> None:
        self.doc = doc
        self.loaded = {bank.id: bank for bank in banks}
        self.problems: list[Problem] = []
        self.listed_ids: set[str] = set()

    def add(
        self, loc: Sequence[str | int], code: Code, message: str, warning: bool = False
    ) -> None:
        severity = "warning" if warning else "error"
        self.problems.append(self.doc.problem(loc, code, message, severity=severity))

    def run(self) -> dict[str, Any] | None:
        data = self.doc.data
        if not isinstance(data, dict):
            self.add(
                (),
                Code.NOT_A_MAPPING,
                "an answers file must be a mapping with answers_version, banks and answers",
            )
            return None
        raw_answers = data.get("answers")
        if raw_answers is None:
            raw_answers = {}
        outline = {**data, "answers": {}}
        certain = shape.outline_unchanged(outline)
        self.problems += _validate(self.doc, outline, "AnswersFile", (), certain)
        listed, complete = self._listed_banks(data.get("banks"))
        if not isinstance(raw_answers, dict):
            self.add(
                ("answers",),
                Code.NOT_A_MAPPING,
                "answers: must be a mapping of question ids to answers (question-id: option-id)",
            )
            return None
        answers = self._answers(raw_answers, listed, complete)
        return {**data, "answers": answers}

    def _listed_banks(self, raw: Any) -> tuple[list[Bank], bool]:
        """The listed banks that are loaded, and whether every listed bank is loaded."""
        if not isinstance(raw, list):
            return [], False
        banks: list[Bank] = []
        complete = True
        seen: dict[str, int] = {}
        for index, entry in enumerate(raw):
            if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
                complete = False
                continue
            bank_id = entry["id"]
            self.listed_ids.add(bank_id)
            if not _ID.fullmatch(bank_id):  # reported by the schema check
                complete = False
                continue
            if bank_id in seen:
                self.add(
                    ("banks", index, "id"),
                    Code.DUPLICATE_BANK,
                    listed_twice(f"bank {bank_id!r}", seen[bank_id]),
                )
                continue
            seen[bank_id] = index
            bank = self.loaded.get(bank_id)
            if bank is None:
                complete = False
                known = ", ".join(sorted(self.loaded)) or "none"
                self.add(
                    ("banks", index, "id"),
                    Code.UNKNOWN_BANK,
                    f"bank {_shown(bank_id)} is not loaded (loaded banks: {known}); give its bank "
                    "file too (with --bank FILE for score)"
                    + _did_you_mean(bank_id, list(self.loaded)),
                )
                continue
            version = entry.get("version")
            if isinstance(version, str) and version != bank.version:
                self.add(
                    ("banks", index, "version"),
                    Code.BANK_VERSION_DIFFERS,
                    f"these answers were given to version {version} of bank {bank_id!r} but "
                    f"version {bank.version} is loaded; check the questions still match",
                    warning=True,
                )
            banks.append(bank)
        for question_id, found in targets(banks).items():
            if len(found) > 1:
                names = " and ".join(repr(target.bank.id) for target in found)
                self.add(
                    ("banks",),
                    Code.AMBIGUOUS_QUESTION,
                    f"banks {names} both have a question {question_id!r}; list only one of them",
                )
        return banks, complete

    def _answers(self, raw: dict[Any, Any], listed: list[Bank], complete: bool) -> dict[str, Any]:
        """Check each answer; return the answers with values made plain option ids."""
        own = targets(listed)
        others = targets([b for b in self.loaded.values() if b.id not in self.listed_ids])
        clean: dict[str, Any] = {}
        for key, value in raw.items():
            loc: tuple[str | int, ...] = ("answers", key)
            if key is None or (isinstance(key, str) and not key.strip()):
                self.add(loc, Code.MISSING_QUESTION_ID, "an answer needs a question id before ':'")
                continue
            question_id = str(key).strip()
            short = not isinstance(value, dict)
            value_loc = loc if short else (*loc, "answer")
            raw_answer = value if short else value.get("answer")
            if not short:
                rest = {k: v for k, v in value.items() if k != "answer"}
                certain = shape.answer_details_unchanged(rest)
                self.problems += _validate(self.doc, rest, "Answer", loc, certain)
            found = own.get(question_id)
            if not found:
                self._unknown(loc, question_id, own, others, complete)
                continue
            option = self._option(value_loc, raw_answer, found[0])
            if option is _BAD:
                continue
            clean[question_id] = option if short else {**value, "answer": option}
        return clean

    def _unknown(
        self,
        loc: tuple[str | int, ...],
        question_id: str,
        own: dict[str, list[Target]],
        others: dict[str, list[Target]],
        complete: bool,
    ) -> None:
        if not complete:  # a listed bank is unknown: its questions cannot be told apart
            return
        elsewhere = others.get(question_id)
        if elsewhere:
            bank = elsewhere[0].bank
            self.add(
                loc,
                Code.BANK_NOT_LISTED,
                f"question {question_id!r} belongs to bank {bank.id!r}, which this file does "
                f"not list under banks (add '- id: {bank.id}' there)",
            )
        else:
            self.add(
                loc,
                Code.UNKNOWN_QUESTION,
                f"no listed bank has a question {_shown(question_id)}"
                + _did_you_mean(question_id, list(own)),
            )

    def _option(self, loc: tuple[str | int, ...], raw: Any, target: Target) -> Any:
        """The option id the answer names (None for unanswered), or ``_BAD`` after a problem."""
        if raw is None:
            return None
        ids = [option.id for option in target.scale.options]
        text: str | None = None
        if isinstance(raw, bool):
            words = _TRUE_WORDS if raw else _FALSE_WORDS
            matches = [word for word in words if word in ids]
            if len(matches) == 1:
                return matches[0]
            text = "true" if raw else "false"
        elif isinstance(raw, int | float):
            text = str(raw)
            if text in ids:
                return text
        elif isinstance(raw, str):
            text = raw.strip()
            if text in ids:
                return text
        if text is None:
            self.add(
                loc,
                Code.ANSWER_NOT_ON_SCALE,
                f"the answer to {target.question.id!r} must be one option id, not a "
                f"{'list' if isinstance(raw, list) else type(raw).__name__}; choose one of: "
                f"{describe_options(target.scale)} (or null to leave it unanswered)",
            )
            return _BAD
        shown = _shown(text)
        if isinstance(raw, bool):
            shown = f"{text} (YAML reads yes, no, on and off as true or false; quote the id)"
        lowered = text.lower().replace(" ", "-").replace("'", "")
        by_label = {option.label.lower(): option.id for option in target.scale.options}
        if lowered in ids:
            hint = f"; did you mean {lowered!r}?"
        elif text.lower() in by_label:
            hint = f"; write the option id {by_label[text.lower()]!r}, not its label"
        else:
            hint = _did_you_mean(text, ids)
        self.add(
            loc,
            Code.ANSWER_NOT_ON_SCALE,
            f"{shown} is not an answer on the scale of {target.question.id!r} "
            f"({target.scale.label}); choose one of: {describe_options(target.scale)} "
            f"(or null to leave it unanswered){hint}",
        )
        return _BAD


_BAD = object()


def check_listed_banks(
    doc: YamlDocument, raw: Any, banks: Sequence[Bank]
) -> tuple[list[Bank], bool, list[Problem]]:
    """The ``banks:`` list of a file that answers or plans against banks (answers, plans): the
    listed banks that are loaded, whether every one is, and the problems (unknown, duplicated,
    another version, ambiguous question ids), placed in ``doc``."""
    checker = _Checker(doc, banks)
    listed, complete = checker._listed_banks(raw)
    return listed, complete, checker.problems
