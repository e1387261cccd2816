"""``coprod-check mapping draft``: a first mapping file for a form export, to check and finish.

Headers are matched to question statements, cells to scale options and role cells to roles:

- a header matches a statement when their words are at least ``MATCH_AT`` alike (rapidfuzz's
  ratio, the share of characters the two have in common in order, on lower-case words without
  punctuation); numbering such as "3." or "Q3:" and a Google Forms grid title ("How far do you
  agree? [statement]") are ignored. Each question is used once, best matches first. A header
  that matches a statement is a question even when it has a word such as "stakeholders" that
  would otherwise say it is the role column;
- well-known columns are recognised by name: role ("What is your role?"), respondent ("ID",
  "Response ID") and ignored metadata ("Start time", "Email", "Name": never copied);
- labels match an option when their words are the same as its label or id, are a usual wording
  of its label ("Neutral", "Not sure", "Somewhat true": see :mod:`.label_words`), or are at
  least ``LABEL_MATCH_AT`` alike; "Prefer not to say", "N/A" and the like become ``unanswered``.

Whatever could not be matched is written as ``null`` with a ``# UNMATCHED`` comment listing what
it may be (the closest questions, the scale's option ids, the role ids); every question id is
listed at the end of the file. The mapping is not valid until each is decided, so nothing is
guessed silently. The whole file is read (streamed) to collect the distinct answers of each
column. rapidfuzz does the comparing in C: a 73-column export drafts in well under a second
(``benchmarks/mapping_draft_vs_difflib.py``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from coprod_check.aggregate.bank_index import BankIndex, QuestionInfo
from coprod_check.aggregate.columns import NOTE_HEADERS, RESPONDENT_HEADERS, ROLE_HEADERS
from coprod_check.aggregate.label_words import USUAL_WORDS
from coprod_check.aggregate.mapping import COLUMN_WORDS, UNANSWERED
from coprod_check.aggregate.roles import read_role
from coprod_check.aggregate.sources import open_rows
from coprod_check.aggregate.text import normalise, words
from coprod_check.answers.model import ROLES
from coprod_check.errors import CoprodError, InputError, Location

MATCH_AT = 0.8
LABEL_MATCH_AT = 0.85
#: Distinct values kept per column; a column with more is free text, not a choice.
MAX_DISTINCT = 60
#: Columns a draft is made for: every header is compared with every statement, so a file of
#: thousands of columns (not a form export) would take minutes.
MAX_COLUMNS = 500
#: Characters of a header or cell compared with a statement or label (the longest bundled
#: statement has 199): comparing is quadratic in length, so a 10,000-character header must
#: not cost seconds. The rest of a long header is never the part that matches.
MAX_COMPARED = 250
#: Closest questions named beside a column marked UNMATCHED.
CLOSEST_SHOWN = 3


def _rapidfuzz_ratio(a: str, b: str) -> float:
    return fuzz.ratio(a, b) / 100.0


#: How alike two texts are, 0 to 1 (a module attribute so the benchmark can time difflib too).
RATIO: Callable[[str, str], float] = _rapidfuzz_ratio

_NUMBERING = re.compile(r"^\s*(?:q(?:uestion)?\s*)?\d+(?:\.\d+)*\s*[.):\-]?\s+", re.IGNORECASE)
_GRID = re.compile(r"\[(?P<inner>[^\[\]]+)\]\s*$")
_META = frozenset(
    words(text)
    for text in (
        "start time",
        "completion time",
        "end time",
        "timestamp",
        "date",
        "submitted",
        "submitted at",
        "submission date",
        "last modified time",
        "email",
        "email address",
        "name",
        "full name",
        "ip address",
        "language",
        "duration",
        "status",
    )
)
_ROLE_HINTS = ("your role", "best describes you", "are you a", "stakeholder", "role group")
_NOTE_HINTS = ("anything else", "any other comments", "comments", "tell us more", "other comments")
_NO_ANSWER = frozenset(
    words(text)
    for text in ("prefer not to say", "n/a", "na", "not applicable", "no answer", "skip", "skipped")
)


@dataclass(slots=True)
class ColumnDraft:
    header: str
    target: str | None
    comment: str = ""
    question: QuestionInfo | None = None


@dataclass(slots=True)
class Draft:
    """The drafted mapping as YAML text, and how much of it still needs a person."""

    text: str
    unmatched: int
    columns: list[ColumnDraft] = field(default_factory=list)


def candidates(header: str) -> list[str]:
    """The texts of a header worth comparing with statements (whole, unnumbered, grid item).

    Only the start (numbering, question) and end (a grid item) of a very long header are read.
    """
    if len(header) > 2 * MAX_COMPARED:
        header = f"{header[:MAX_COMPARED]} {header[-MAX_COMPARED:]}"
    found = [header]
    unnumbered = _NUMBERING.sub("", header)
    found.append(unnumbered)
    grid = _GRID.search(unnumbered)
    if grid:
        found.append(grid.group("inner"))
    return [words(text)[:MAX_COMPARED] for text in dict.fromkeys(found) if words(text)]


def similarity(header: str, statement: str) -> float:
    """How alike a header and a statement are, 0 to 1 (best over the header's candidates)."""
    target = words(statement)
    return max((RATIO(text, target) for text in candidates(header)), default=0.0)


def draft_mapping(path: Path, name: str, index: BankIndex, encoding: str | None = None) -> Draft:
    """Draft a mapping for the CSV or workbook at ``path`` against the questions of ``index``."""
    with open_rows(path, name, encoding) as source:
        header = list(source.header)
        if len(header) > MAX_COLUMNS:
            raise InputError(
                f"the header row has {len(header):,} columns; mapping draft reads at most "
                f"{MAX_COLUMNS} (is this a form export, one respondent per row?)",
                Location(name, source.header_row),
            )
        distinct: list[set[str] | None] = [set() for _ in header]
        for _, batch in source.batches():
            width = len(header)
            rows = [row for row in batch if len(row) == width]
            for position, column in enumerate(zip(*rows, strict=True)):
                seen = distinct[position]
                if seen is None:
                    continue
                seen.update(cell.strip() for cell in set(column))
                if len(seen) > MAX_DISTINCT:
                    distinct[position] = None
    columns = _columns(header, distinct, index)
    return _render(name, columns, distinct, index)


def _columns(
    header: Sequence[str], distinct: Sequence[set[str] | None], index: BankIndex
) -> list[ColumnDraft]:
    statements = [words(info.question.statement) for info in index.questions]
    scores: list[list[float]] = []
    for title in header:
        texts = candidates(title)
        scores.append(
            [max((RATIO(text, target) for text in texts), default=0.0) for target in statements]
        )
    drafts: list[ColumnDraft | None] = [None] * len(header)
    open_positions: list[int] = []
    for position, title in enumerate(header):
        looks_like_question = max(scores[position], default=0.0) >= MATCH_AT
        found = _known_column(title, distinct[position], index, looks_like_question)
        if found is not None:
            drafts[position] = found
        else:
            open_positions.append(position)
    used = {d.question.key for d in drafts if d is not None and d.question is not None}
    pairs = sorted(
        (
            (scores[position][number], position, number)
            for position in open_positions
            for number, info in enumerate(index.questions)
            if info.key not in used
        ),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    closest: dict[int, list[tuple[float, QuestionInfo]]] = {}
    for score, position, number in pairs:
        info = index.questions[number]
        near = closest.setdefault(position, [])
        if len(near) < CLOSEST_SHOWN:
            near.append((score, info))
        if score < MATCH_AT or drafts[position] is not None or info.key in used:
            continue
        used.add(info.key)
        note = "" if score >= 0.999 else f"matched the statement ({score:.2f} alike); check"
        drafts[position] = ColumnDraft(header[position], _name(info, index), note, info)
    result: list[ColumnDraft] = []
    for position, title in enumerate(header):
        draft = drafts[position]
        if draft is None:
            draft = _leftover(title, distinct[position], closest.get(position, []), index)
        result.append(draft)
    return result


def _name(info: QuestionInfo, index: BankIndex) -> str:
    """The question's id, qualified with its bank when another bank uses the same id."""
    try:
        index.find(info.question.id)
    except CoprodError:
        return f"{info.bank.id}/{info.question.id}"
    return info.question.id


def _known_column(
    title: str, values: set[str] | None, index: BankIndex, looks_like_question: bool
) -> ColumnDraft | None:
    """What a column is by its name alone, or None to match it with the statements.

    ``looks_like_question``: the header matches a statement, so it is never taken for the role
    or a note however it is worded ("... all levels and all stakeholders.")."""
    key = words(title)
    if not key:
        return ColumnDraft(title, "ignore", "empty header")
    try:
        info = index.find(title.strip()) if " " not in title.strip() else None
    except CoprodError:
        info = None
    if info is not None:
        return ColumnDraft(title, _name(info, index), "", info)
    if key in _META:
        return ColumnDraft(title, "ignore", "form metadata; not needed")
    if normalise(title) in RESPONDENT_HEADERS or key in {"id", "response id", "respondent id"}:
        return ColumnDraft(title, "respondent")
    if looks_like_question:
        return None
    if normalise(title) in ROLE_HEADERS or any(hint in key for hint in _ROLE_HINTS):
        return ColumnDraft(title, "role")
    if values and _looks_like_roles(values):
        return ColumnDraft(title, "role", "its answers look like roles; check")
    if normalise(title) in NOTE_HEADERS or any(hint in key for hint in _NOTE_HINTS):
        return ColumnDraft(title, "note", "free text: left out unless --include-notes")
    return None


def _looks_like_roles(values: set[str]) -> bool:
    given = [value for value in values if value]
    known = [value for value in given if read_role(value).how in ("exact", "assumed")]
    return len(given) >= 2 and len(known) * 2 >= len(given)


_COLUMN_CHOICES = ", ".join(COLUMN_WORDS)


def _leftover(
    title: str,
    values: set[str] | None,
    close: list[tuple[float, QuestionInfo]],
    index: BankIndex,
) -> ColumnDraft:
    if values is None:
        return ColumnDraft(
            title, None, "UNMATCHED: free text? note or ignore (or a question id: see the end)"
        )
    near = ", ".join(f"{_name(info, index)} ({score:.2f} alike)" for score, info in close)
    shown = f"closest questions {near}; " if near else "a question id (see the end); "
    return ColumnDraft(title, None, f"UNMATCHED: {shown}or {_COLUMN_CHOICES}")


@dataclass(slots=True)
class _Label:
    target: str | None
    comment: str
    decided: bool


def _match_label(value: str, info: QuestionInfo) -> _Label:
    key = words(value)[:MAX_COMPARED]
    for option in info.scale.options:
        if key in (words(option.label), words(option.id)):
            return _Label(option.id, "", True)
    usual = USUAL_WORDS.get(key)
    if usual is not None:
        for option in info.scale.options:
            if words(option.label) == usual:
                return _Label(option.id, f"usual wording for {option.label!r}", True)
    if key in _NO_ANSWER:
        return _Label(UNANSWERED, "counts as no answer; check", True)
    best: tuple[float, str] = (0.0, "")
    for option in info.scale.options:
        best = max(best, (RATIO(key, words(option.label)), option.id))
    if best[0] >= LABEL_MATCH_AT:
        return _Label(best[1], f"like option {best[1]} ({best[0]:.2f} alike); check", True)
    return _Label(None, "UNMATCHED: " + _option_list(info), False)


def _option_list(info: QuestionInfo) -> str:
    ids = ", ".join(option.id for option in info.scale.options)
    return f"one of {ids}, or {UNANSWERED}"


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _render(
    name: str,
    columns: Sequence[ColumnDraft],
    distinct: Sequence[set[str] | None],
    index: BankIndex,
) -> Draft:
    unmatched = 0
    lines = [
        f"# Mapping drafted by 'coprod-check mapping draft' from {name}.",
        "# Check every line; replace each null marked UNMATCHED (a question id, role,",
        "# respondent, note or ignore for columns; an option id or unanswered for answers; a",
        "# role for roles). Then: coprod-check aggregate --mapping THIS-FILE " + name,
        "mapping_version: 1",
        "columns:",
    ]
    labels: dict[str, dict[str, _Label]] = {}
    per_question: list[tuple[ColumnDraft, dict[str, _Label]]] = []
    role_values: set[str] = set()
    for position, column in enumerate(columns):
        values = distinct[position] or set()
        if column.target == "role":
            role_values |= {value for value in values if value}
        if column.question is None:
            continue
        found = {value: _match_label(value, column.question) for value in sorted(values) if value}
        per_question.append((column, found))
        for value, label in found.items():
            labels.setdefault(value, {})[column.header] = label
    shared: dict[str, _Label] = {}
    own: dict[str, dict[str, _Label]] = {}
    for value, by_column in labels.items():
        targets = {label.target for label in by_column.values()}
        if len(targets) == 1:
            shared[value] = next(iter(by_column.values()))
        else:
            for header_text, label in by_column.items():
                own.setdefault(header_text, {})[value] = label
    for column in columns:
        comment = f"  # {column.comment}" if column.comment else ""
        if column.target is None:
            unmatched += 1
        if column.header in own:
            lines.append(f"  {_quote(column.header)}:{comment}")
            lines.append(f"    question: {column.target}")
            lines.append("    answers:")
            for value, label in sorted(own[column.header].items()):
                unmatched += 0 if label.decided else 1
                lines.append(_label_line(value, label, "      "))
            continue
        target = "null" if column.target is None else column.target
        lines.append(f"  {_quote(column.header)}: {target}{comment}")
    lines.append("answers:" if shared else "answers: {}")
    for value, label in sorted(shared.items()):
        unmatched += 0 if label.decided else 1
        lines.append(_label_line(value, label, "  "))
    lines.append("roles:" if role_values else "roles: {}")
    for value in sorted(role_values):
        reading = read_role(value)
        if reading.how == "unknown":
            unmatched += 1
            lines.append(f"  {_quote(value)}: null  # UNMATCHED: one of {', '.join(ROLES)}")
        else:
            note = "  # assumed; check" if reading.how == "assumed" else ""
            lines.append(f"  {_quote(value)}: {_quote(reading.role)}{note}")
    if any(column.target is None for column in columns):
        lines += _question_ids(columns, index)
    return Draft("\n".join(lines) + "\n", unmatched, list(columns))


def _question_ids(columns: Sequence[ColumnDraft], index: BankIndex) -> list[str]:
    """Every question not mapped yet, id and statement, for the columns marked UNMATCHED."""
    used = {column.question.key for column in columns if column.question is not None}
    lines = ["# Question ids not used above (for the columns marked UNMATCHED):"]
    for info in index.questions:
        if info.key in used:
            continue
        statement = " ".join(info.question.statement.split())
        if len(statement) > 70:
            statement = statement[:67] + "..."
        lines.append(f"#   {_name(info, index)}: {statement}")
    return lines if len(lines) > 1 else []


def _label_line(value: str, label: _Label, indent: str) -> str:
    target = "null" if label.target is None else label.target
    comment = f"  # {label.comment}" if label.comment else ""
    return f"{indent}{_quote(value)}: {target}{comment}"
