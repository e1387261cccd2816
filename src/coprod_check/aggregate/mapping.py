"""The mapping file: how a form export's columns, answer labels and roles map to coprod-check.

Online forms (Microsoft Forms, Google Forms, SmartSurvey) export the question text as the header
and the option label as the cell ("Strongly agree"). A mapping file says what each means::

    mapping_version: 1
    columns:
      "Everyone involved has the authority to ...": inett-authority-move-outside
      "What is your role?": role
      "Respondent ID": respondent
      "Anything else you want to tell us?": note
      "Start time": ignore
      "Do you agree the aims are shared?":        # a column with answers of its own
        question: inett-aims-shared
        answers:
          "Yes, completely": strongly-agree
    answers:                                       # labels used in every question column
      "Strongly agree": strongly-agree
      "Prefer not to say": unanswered
    roles:
      "Someone who uses our services": person who uses services

Headers, labels and roles are matched case-insensitively, ignoring extra spaces and curly
quotes. A label that equals an option's label or id on the question's scale needs no entry.
``null`` means "not decided yet" (``mapping draft`` writes it for what it could not match) and is
an error until replaced. The file is read with the same safe YAML reader as banks, and every
problem is reported with its line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from coprod_check.aggregate.bank_index import BankIndex, QuestionInfo
from coprod_check.aggregate.text import normalise
from coprod_check.answers.model import ROLES
from coprod_check.errors import CoprodError, InvalidFileError, Location
from coprod_check.files.yaml_source import YamlDocument, load_yaml
from coprod_check.problems import Problem
from coprod_check.problems.codes import Code
from coprod_check.problems.schema_errors import schema_findings
from coprod_check.problems.wording import closest

MAPPING_VERSION = 1
#: Column targets that are not questions.
COLUMN_WORDS = ("role", "respondent", "note", "ignore")
#: The answer target for labels that count as no answer ("Prefer not to say").
UNANSWERED = "unanswered"

ColumnKind = Literal["question", "role", "respondent", "note", "ignore"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ColumnDetail(_Strict):
    """A question column whose answer labels are its own."""

    question: str
    answers: dict[str, str | None] = {}


class MappingModel(_Strict):
    """The mapping file's shape (checked strictly; meaning is checked by :func:`check_mapping`)."""

    mapping_version: Literal[1]
    columns: dict[str, str | ColumnDetail | None] = {}
    answers: dict[str, str | None] = {}
    roles: dict[str, str | None] = {}


@dataclass(frozen=True, slots=True)
class ColumnTarget:
    """What one header means. ``answers`` maps normalised labels to an option id or None."""

    kind: ColumnKind
    question: QuestionInfo | None = None
    answers: dict[str, str | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Mapping:
    """A checked mapping file; every key is normalised (see :func:`~text.normalise`)."""

    path: str
    columns: dict[str, ColumnTarget]
    answers: dict[str, str | None]
    roles: dict[str, str]


class InvalidMappingError(InvalidFileError):
    """A mapping file was read but says something wrong; ``problems`` lists every reason."""

    def __init__(self, path: str, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        lines = "".join(f"\n  {problem}" for problem in self.problems)
        noun = "problem" if count == 1 else "problems"
        super().__init__(f"not a valid mapping file ({count} {noun}):{lines}", Location(path))


def load_mapping(path: Path, index: BankIndex, display: str | None = None) -> Mapping:
    """Read and check a mapping file against the questions in ``index``.

    Raises ``InputError`` (exit 2) when it cannot be read or is not YAML, and
    :class:`InvalidMappingError` (exit 1) listing every problem when its content is wrong.
    """
    doc = load_yaml(path, display)
    mapping, problems = examine_mapping(doc, index)
    errors = [problem for problem in problems if problem.severity == "error"]
    if mapping is None or errors:
        raise InvalidMappingError(doc.path, errors)
    return mapping


def check_mapping(doc: YamlDocument, index: BankIndex) -> list[Problem]:
    """Every problem in a mapping document, sorted by position (empty when it is valid)."""
    return examine_mapping(doc, index)[1]


def examine_mapping(doc: YamlDocument, index: BankIndex) -> tuple[Mapping | None, list[Problem]]:
    """The checked mapping in ``doc`` (None when it has errors) and every problem, sorted."""
    problems = list(doc.problems)
    data = doc.data
    if not isinstance(data, dict) or "mapping_version" not in data:
        # Not a mapping file at all (``--mapping /etc/passwd``): name the problem, never its
        # content (not even its keys).
        problems.append(
            doc.problem(
                (),
                Code.NOT_A_MAPPING,
                "not a mapping file: it should start with 'mapping_version: 1'",
            )
        )
        return None, problems
    unquoted = _yaml_booleans(doc, data)
    problems += unquoted
    if unquoted:
        data = _without_unquoted(data)
    try:
        model = MappingModel.model_validate(data, strict=True)
    except ValidationError as error:
        problems += [finding.place(doc) for finding in schema_findings(error, data, MappingModel)]
        return None, sorted(problems, key=Problem.sort_key)
    checker = _Checker(doc, index)
    mapping = checker.check(model)
    problems += checker.problems
    problems.sort(key=Problem.sort_key)
    errors = any(problem.severity == "error" for problem in problems)
    return (None if errors else mapping), problems


def _without_unquoted(data: dict[Any, Any]) -> dict[Any, Any]:
    """``data`` without the entries :func:`_yaml_booleans` reported, to check the rest."""
    cleaned = dict(data)
    for part in ("columns", "answers", "roles"):
        section = data.get(part)
        if isinstance(section, dict):
            cleaned[part] = {
                key: value
                for key, value in section.items()
                if isinstance(key, str) and not isinstance(value, bool)
            }
    return cleaned


def _yaml_booleans(doc: YamlDocument, data: dict[Any, Any]) -> list[Problem]:
    """YAML 1.1 reads unquoted Yes, No, On and Off as true/false: labels must be quoted."""
    found: list[Problem] = []
    for part in ("columns", "answers", "roles"):
        section = data.get(part)
        if not isinstance(section, dict):
            continue
        for key, value in section.items():
            if isinstance(key, bool):
                found.append(
                    doc.problem(
                        (part, key),
                        Code.UNQUOTED_LABEL,
                        f"YAML reads this unquoted key as {str(key).lower()}; put the text in "
                        'quotes, e.g. "Yes"',
                    )
                )
            elif not isinstance(key, str):
                found.append(
                    doc.problem(
                        (part, key),
                        Code.UNQUOTED_LABEL,
                        f'YAML reads this key as the number {key}; put it in quotes, e.g. "{key}"',
                    )
                )
            if isinstance(value, bool):
                found.append(
                    doc.problem(
                        (part, key),
                        Code.UNQUOTED_LABEL,
                        f"YAML reads this unquoted value as {str(value).lower()}; put it in quotes",
                    )
                )
    return found


class _Checker:
    """What only the whole file can tell: ids exist, nothing is mapped twice, nothing undecided."""

    def __init__(self, doc: YamlDocument, index: BankIndex) -> None:
        self.doc = doc
        self.index = index
        self.problems: list[Problem] = []

    def add(self, loc: tuple[str | int, ...], code: Code, message: str) -> None:
        self.problems.append(self.doc.problem(loc, code, message))

    def check(self, model: MappingModel) -> Mapping:
        columns: dict[str, ColumnTarget] = {}
        seen_headers: dict[str, str] = {}
        used_questions: dict[tuple[str, str], str] = {}
        single: dict[str, str] = {}
        for header, raw in model.columns.items():
            loc = ("columns", header)
            key = normalise(header)
            if key in seen_headers:
                self.add(
                    loc,
                    Code.DUPLICATE_COLUMN,
                    f"column {header!r} is already mapped as {seen_headers[key]!r}",
                )
                continue
            seen_headers[key] = header
            target = self._column(loc, raw)
            if target is None:
                continue
            if target.kind in ("role", "respondent"):
                if target.kind in single:
                    self.add(
                        loc,
                        Code.DUPLICATE_TARGET,
                        f"two columns are mapped to {target.kind}: "
                        f"{single[target.kind]!r} and {header!r}",
                    )
                single[target.kind] = header
            if target.question is not None and target.kind == "question":
                other = used_questions.get(target.question.key)
                if other is not None:
                    self.add(
                        loc,
                        Code.DUPLICATE_TARGET,
                        f"two columns are mapped to question "
                        f"{target.question.question.id!r}: {other!r} and {header!r}",
                    )
                used_questions[target.question.key] = header
            columns[key] = target
        scales = [t.question for t in columns.values() if t.kind == "question" and t.question]
        answers = self._answers(("answers",), model.answers, scales)
        roles = self._roles(model.roles)
        return Mapping(self.doc.path, columns, answers, roles)

    def _column(
        self, loc: tuple[str | int, ...], raw: str | ColumnDetail | None
    ) -> ColumnTarget | None:
        if raw is None:
            self.add(
                loc,
                Code.UNMAPPED_COLUMN,
                "this column is not mapped yet: give a question id, or one of "
                f"{', '.join(COLUMN_WORDS)}",
            )
            return None
        if isinstance(raw, ColumnDetail):
            info = self._question((*loc, "question"), raw.question)
            if info is None:
                return None
            answers = self._answers((*loc, "answers"), raw.answers, [info])
            return ColumnTarget("question", info, answers)
        word = raw.strip()
        if word in COLUMN_WORDS:
            return ColumnTarget(word)  # type: ignore[arg-type]
        info = self._question(loc, word)
        return ColumnTarget("question", info) if info is not None else None

    def _question(self, loc: tuple[str | int, ...], name: str) -> QuestionInfo | None:
        try:
            info = self.index.find(name)
        except CoprodError as error:
            self.add(loc, Code.AMBIGUOUS_QUESTION, error.message)
            return None
        if info is None:
            guess = closest(name, [*self.index.ids(), *COLUMN_WORDS])
            hint = f"; did you mean {guess!r}?" if guess else ""
            self.add(
                loc,
                Code.UNKNOWN_QUESTION,
                f"{name!r} is not a question id of the banks in use{hint}",
            )
        return info

    def _answers(
        self,
        loc: tuple[str | int, ...],
        table: dict[str, str | None],
        questions: Sequence[QuestionInfo],
    ) -> dict[str, str | None]:
        result: dict[str, str | None] = {}
        known = {option_id for info in questions for option_id in info.option_ids}
        for label, target in table.items():
            where = (*loc, label)
            key = normalise(label)
            if key in result:
                self.add(
                    where,
                    Code.DUPLICATE_LABEL,
                    f"label {label!r} is given twice (ignoring case and spaces)",
                )
                continue
            if target is None:
                self.add(
                    where,
                    Code.UNMAPPED_LABEL,
                    f"label {label!r} is not mapped yet: give an option id, or {UNANSWERED!r} "
                    "for an answer that counts as no answer",
                )
                continue
            target = target.strip()
            if target == UNANSWERED:
                result[key] = None
                continue
            if questions and target not in known:
                guess = closest(target, sorted(known))
                hint = f"; did you mean {guess!r}?" if guess else ""
                self.add(
                    where,
                    Code.UNKNOWN_OPTION,
                    f"{target!r} is not an option of any mapped question's scale{hint}",
                )
                continue
            result[key] = target
        return result

    def _roles(self, table: dict[str, str | None]) -> dict[str, str]:
        result: dict[str, str] = {}
        for label, role in table.items():
            where = ("roles", label)
            if role is None or role.strip() not in ROLES:
                shown = "not mapped yet" if role is None else f"{role!r} is not a role"
                self.add(where, Code.UNKNOWN_ROLE, f"{shown}: give one of: {', '.join(ROLES)}")
                continue
            result[normalise(label)] = role.strip()
        return result
