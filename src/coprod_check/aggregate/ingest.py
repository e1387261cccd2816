"""Input files -> a :class:`~coprod_check.aggregate.stats.Tally`: counts, never respondents.

CSV rows are read in batches and counted column by column: rows are split by their role cell,
each group's columns are transposed with ``zip`` and counted with ``Counter``, so the work per
cell happens in C. Only when a batch holds a bad row (wrong number of cells, an answer that is
not on the scale, an empty line) is it gone through row by row, to name each bad row and count
the rest. A bad row is never dropped silently: it is skipped and listed (``on_error="skip"``) or
it stops the run (``on_error="fail"``, exit 1), always with its file and row number.

Answers files (YAML) are one respondent each; one that is not valid is a bad "row" in the same
way, placed at the line of its first problem.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from collections.abc import Mapping as TypingMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from coprod_check.aggregate.bank_index import BankIndex, QuestionKey
from coprod_check.aggregate.columns import ColumnPlan, plan_columns
from coprod_check.aggregate.csv_source import BATCH_ROWS
from coprod_check.aggregate.file_counts import FileCounts, count_into
from coprod_check.aggregate.mapping import Mapping
from coprod_check.aggregate.roles import NO_ROLE, read_role
from coprod_check.aggregate.sources import ANSWERS_SUFFIXES, check_input, open_rows
from coprod_check.aggregate.stats import NO_ANSWER, Tally
from coprod_check.bank.model import Bank
from coprod_check.errors import InputError, InvalidFileError, Location, UsageError
from coprod_check.problems.codes import Code

if TYPE_CHECKING:
    pass

OnError = Literal["skip", "fail"]
ON_ERROR: tuple[str, ...] = ("skip", "fail")
#: Problems listed in full in a report (all are counted).
MAX_PROBLEMS = 20
#: Skipped row numbers listed per input file (all are counted).
MAX_ROWS_LISTED = 10
#: Notes kept per question (and for general notes); the rest are counted, not kept.
MAX_NOTES_PER_QUESTION = 100
MAX_WARNINGS = 30
_ROLE_CACHE_LIMIT = 4096

#: ``progress(label, done, total)``: called as reading moves on (bytes of a CSV, or files).
Progress = Callable[[str, int, int], None]


@dataclass(slots=True)
class RowProblem:
    """A bad row (or a bad answers file), where it is and what is wrong with it."""

    path: str
    row: int | None
    code: Code
    message: str

    def __str__(self) -> str:
        return f"{Location(self.path, self.row)}: {self.message}"


@dataclass(slots=True)
class InputSummary:
    """What one input file gave: respondents used, rows skipped (and the first few of them)."""

    path: str
    kind: Literal["csv", "answers"]
    respondents: int = 0
    skipped: int = 0
    blank_rows: int = 0
    skipped_rows: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Note:
    """A free-text note, with the role group of whoever wrote it."""

    group: str
    question: QuestionKey | None
    text: str


class Ingest:
    """Reads inputs one at a time into ``tally``; collects problems, warnings and notes."""

    def __init__(
        self,
        index: BankIndex,
        *,
        answer_banks: Sequence[Bank] = (),
        mapping: Mapping | None = None,
        on_error: OnError = "skip",
        include_notes: bool = False,
        progress: Progress | None = None,
        encoding: str | None = None,
        batch_rows: int = BATCH_ROWS,
    ) -> None:
        """``encoding``: of every CSV (None: detected for each)."""
        self.index = index
        self.encoding = encoding
        self.batch_rows = batch_rows
        self.tally = Tally(index)
        self.answer_banks = list(answer_banks) or list(index.banks)
        self.mapping = mapping
        self.on_error = on_error
        self.include_notes = include_notes
        self.progress = progress
        self.inputs: list[InputSummary] = []
        self.problems: list[RowProblem] = []
        self.problem_count = 0
        self.warnings: list[str] = []
        self.warning_count = 0
        self.notes: list[Note] = []
        self.latest_date: str | None = None
        """The latest respondent date of the answers files read (ISO), if any."""
        self.note_count = 0
        self._notes_kept: Counter[QuestionKey | None] = Counter()
        self._roles: dict[str, str] = {}

    # -- inputs -----------------------------------------------------------------------------

    def read_all(self, paths: Sequence[Path]) -> None:
        """Read every input, in order; the same file twice is a usage error."""
        seen: dict[Path, str] = {}
        for path in paths:
            check_input(path)
            key = path.resolve()
            if key in seen:
                raise UsageError(
                    f"{path} is given twice (as {seen[key]!r}); respondents would count twice"
                )
            seen[key] = str(path)
        answers = [path for path in paths if path.suffix.lower() in ANSWERS_SUFFIXES]
        done = 0
        for path in paths:
            if path.suffix.lower() in ANSWERS_SUFFIXES:
                self.read_answers(path, str(path))
                done += 1
                if self.progress is not None:
                    self.progress("answers files", done, len(answers))
            else:
                self.read_csv(path, str(path))

    def read_answers(self, path: Path, name: str) -> None:
        """One answers file: one respondent, or one bad "row" placed at its first problem."""
        from coprod_check.answers.loader import read_answers

        summary = InputSummary(name, "answers")
        self.inputs.append(summary)
        try:
            loaded = read_answers(path, self.answer_banks, name)
        except InvalidFileError as error:
            line = error.location.line if error.location else None
            self._bad_row(summary, RowProblem(name, line, Code.INVALID_ANSWERS, error.message))
            return
        for warning in loaded.warnings:
            self._warn(str(warning))
        when = loaded.answers.respondent.date
        if when is not None and (self.latest_date is None or when.isoformat() > self.latest_date):
            self.latest_date = when.isoformat()
        role = loaded.answers.respondent.role or NO_ROLE
        self.tally.add_respondents(role)
        summary.respondents += 1
        for bank in loaded.banks:
            for section in bank.sections:
                for question in section.questions:
                    info = self.index[(bank.id, question.id)]
                    given = loaded.answers.answer_for(question.id)
                    option = NO_ANSWER
                    if given.answer is not None:
                        found = info.option_index(given.answer)
                        option = NO_ANSWER if found is None else found
                    self.tally.counts_for(role, info)[option] += 1
                    if self.include_notes and given.note:
                        self._note(role, info.key, given.note)

    def add_respondent(self, role: str | None, answers: TypingMapping[str, str | None]) -> None:
        """One respondent given in memory: a role (read like a CSV role cell) and answers by
        question name (``question-id`` or ``bank-id/question-id``) to option ids or None.

        Every question named is counted as asked; an unknown question or option raises
        ``ValueError`` (this is for programs and tests, not for users' files).
        """
        group = self._group(role or "")
        self.tally.add_respondents(group)
        for name, option_id in answers.items():
            info = self.index.find(name)
            if info is None:
                raise ValueError(f"no question {name!r} in the banks")
            option = NO_ANSWER
            if option_id is not None:
                found = info.option_index(option_id)
                if found is None:
                    raise ValueError(f"{option_id!r} is not an option of {name!r}")
                option = found
            self.tally.counts_for(group, info)[option] += 1

    def read_csv(self, path: Path, name: str) -> None:
        """One CSV file or workbook, streamed: one respondent per row."""
        summary = InputSummary(name, "csv")
        self.inputs.append(summary)
        with open_rows(path, name, self.encoding) as source:
            plan = plan_columns(source.header, name, self.index, self.mapping, source.header_row)
            if plan.ignored:
                shown = ", ".join(repr(title) for title in plan.ignored[:8])
                more = f" and {len(plan.ignored) - 8} more" if len(plan.ignored) > 8 else ""
                self._warn(
                    f"{name}: ignored {len(plan.ignored)} column(s) that are not questions, "
                    f"role or notes: {shown}{more}"
                )
            rows = 0
            counts = FileCounts(plan)
            for first_row, batch in source.batches(self.batch_rows):
                rows += len(batch)
                if not self._count(plan, batch, summary, counts):
                    self._sift(plan, name, first_row, batch, summary, counts)
                if self.progress is not None:
                    self.progress(name, source.bytes_read, source.size)
            if rows == summary.blank_rows:
                raise InputError(
                    "the file has a header row but no respondent rows",
                    Location(name, source.header_row),
                )
        counts.into(self.tally)

    # -- counting ---------------------------------------------------------------------------

    def _count(
        self, plan: ColumnPlan, rows: list[list[str]], summary: InputSummary, counts: FileCounts
    ) -> bool:
        """Count ``rows`` into ``counts``; False, with nothing counted, if a row needs a closer
        look (wrong width, an empty row, or a cell not seen before that cannot be read).

        Each group's column is counted straight into its running ``Counter`` (in C). A counter
        that gains a key has met a new spelling: it is checked then, and the batch is undone if
        the spelling is not an answer, so a counter only ever holds readable cells.
        """
        width = plan.width
        lengths = set(map(len, rows))
        if len(lengths) != 1 or width not in lengths:
            return False
        buckets: dict[str, list[list[str]]]
        if plan.role is None:
            buckets = {"": rows}
        else:
            role = plan.role
            buckets = defaultdict(list)
            for row in rows:
                buckets[row[role]].append(row)
        empty = buckets.get("")
        if empty is not None and empty.count([""] * width):
            return False
        done: list[tuple[Counter[str], tuple[str, ...]]] = []
        staged: list[tuple[str, list[tuple[str, ...]]]] = []
        for raw_role, members in buckets.items():
            group = self._group(raw_role)
            counters, sizes = counts.group(group)
            # Every row has the plan's width (checked above), so the columns are whole.
            columns = list(zip(*members, strict=False))
            for number, (position, reader) in enumerate(plan.questions):
                column = columns[position]
                counter = counters[number]
                count_into(counter, column)
                done.append((counter, column))
                if len(counter) != sizes[number] and not counts.learn(number, reader, group):
                    counts.undo(done)
                    return False
            staged.append((group, columns))
        for group, columns in staged:
            people = len(columns[0])
            self.tally.add_respondents(group, people)
            summary.respondents += people
            if self.include_notes:
                for position, about in plan.notes:
                    for cell in columns[position]:
                        if cell.strip():
                            self._note(group, about.key if about else None, cell)
        return True

    def _sift(
        self,
        plan: ColumnPlan,
        name: str,
        first_row: int,
        rows: list[list[str]],
        summary: InputSummary,
        counts: FileCounts,
    ) -> None:
        """Row by row: skip blank rows, report bad ones, count the rest."""
        good: list[list[str]] = []
        blank = [""] * plan.width
        for offset, row in enumerate(rows):
            number = first_row + offset
            if not row or row == blank:
                summary.blank_rows += 1
                continue
            problem = _row_problem(plan, name, number, row)
            if problem is not None:
                self._bad_row(summary, problem)
                continue
            good.append(row)
        if good:
            counted = self._count(plan, good, summary, counts)
            assert counted, "rows that passed row-by-row checks must count"

    def _group(self, raw: str) -> str:
        found = self._roles.get(raw)
        if found is not None:
            return found
        overrides = self.mapping.roles if self.mapping else None
        reading = read_role(raw, overrides)
        warning = reading.warning(raw)
        if warning is not None:
            self._warn(warning)
        if len(self._roles) < _ROLE_CACHE_LIMIT:
            self._roles[raw] = reading.role
        return reading.role

    # -- bookkeeping ------------------------------------------------------------------------

    def _bad_row(self, summary: InputSummary, problem: RowProblem) -> None:
        if self.on_error == "fail":
            raise InvalidFileError(
                f"{problem.message} (stopped at the first bad row: --on-error fail)",
                Location(problem.path, problem.row),
            )
        summary.skipped += 1
        if problem.row is not None and len(summary.skipped_rows) < MAX_ROWS_LISTED:
            summary.skipped_rows.append(problem.row)
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)

    def _warn(self, message: str) -> None:
        if message in self.warnings:
            return
        self.warning_count += 1
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(message)

    def _note(self, group: str, question: QuestionKey | None, text: str) -> None:
        self.note_count += 1
        if self._notes_kept[question] < MAX_NOTES_PER_QUESTION:
            self._notes_kept[question] += 1
            self.notes.append(Note(group, question, " ".join(text.split())))


def _row_problem(plan: ColumnPlan, name: str, number: int, row: list[str]) -> RowProblem | None:
    if len(row) != plan.width:
        return RowProblem(
            name,
            number,
            Code.RAGGED_ROW,
            f"this row has {len(row)} cells but the header has {plan.width}; "
            "is a comma or a line break inside a cell missing its quotes?",
        )
    bad = [
        (reader, row[position])
        for position, reader in plan.questions
        if reader.read(row[position]) is None
    ]
    if not bad:
        return None
    reader, cell = bad[0]
    more = f" (and {len(bad) - 1} more unknown answers in this row)" if len(bad) > 1 else ""
    return RowProblem(name, number, Code.UNKNOWN_ANSWER, reader.why_not(cell) + more)


__all__ = ["ON_ERROR", "Ingest", "InputSummary", "Note", "OnError", "RowProblem", "check_input"]
