"""Input files -> a :class:`~coprod_check.aggregate.stats.Tally`: counts, never respondents.

CSV rows are read in batches and counted column by column: rows are split by their role cell,
each group's columns are transposed with ``zip`` and counted with ``Counter``, so the work per
cell happens in C. Only when a batch holds a bad row (wrong number of cells, an answer that is
not on the scale, an empty line) is it gone through row by row, to name each bad row and count
the rest. A bad row is never dropped silently: it is skipped and listed (``on_error="skip"``) or
it stops the run (``on_error="fail"``, exit 1), always with its file and row number.

A large CSV is read by two processes when a second core is idle (Linux): a forked helper
counts the rows from a line in the middle of what is left to the end, provided they are all
plainly good (no quotes, no bad rows; see :class:`_TailCounter`), while this process reads up
to that line. Otherwise the helper's counts are dropped and this process reads on, so the
result is always the one reading the file alone gives, row numbers, problems and warnings
included.

Answers files (YAML) are one respondent each; one that is not valid is a bad "row" in the same
way, placed at the line of its first problem.
"""

from __future__ import annotations

import collections
import csv
import io
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from collections.abc import Mapping as TypingMapping
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from coprod_check.aggregate import forked
from coprod_check.aggregate.bank_index import BankIndex, QuestionKey
from coprod_check.aggregate.columns import AnswerReader, ColumnPlan, plan_columns
from coprod_check.aggregate.csv_source import BATCH_ROWS, CsvSource, Cut, split_plain
from coprod_check.aggregate.mapping import Mapping
from coprod_check.aggregate.roles import NO_ROLE, read_role
from coprod_check.aggregate.sources import WORKBOOK_SUFFIXES, open_rows
from coprod_check.aggregate.stats import NO_ANSWER, Tally
from coprod_check.bank.model import Bank
from coprod_check.errors import InputError, InvalidFileError, Location, UsageError

if TYPE_CHECKING:
    from coprod_check.aggregate.xlsx_source import XlsxSource

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
#: CSV files with at least this many bytes of rows are split between two processes, when the
#: machine has two cores (below this, starting the helper costs more than it saves).
SPLIT_BYTES = 8 * 1024 * 1024
#: Seconds of reading alone before deciding on a helper, measuring meanwhile whether a core is
#: spare (at least this share of one idle).
SPLIT_AFTER = 0.25
SPARE_CORE = 0.5
#: A helper gives up on a file with more distinct role cells than this (a column of free text).
_TAIL_ROLES_LIMIT = 256

CSV_SUFFIXES = (".csv", ".tsv", *WORKBOOK_SUFFIXES)
ANSWERS_SUFFIXES = (".yaml", ".yml")
_SPREADSHEETS = (".xls", ".ods", ".numbers")

#: ``progress(label, done, total)``: called as reading moves on (bytes of a CSV, or files).
Progress = Callable[[str, int, int], None]


@dataclass(slots=True)
class RowProblem:
    """A bad row (or a bad answers file), where it is and what is wrong with it."""

    path: str
    row: int | None
    code: str
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
        split_bytes: int | None = SPLIT_BYTES,
        split_at: float = 0.5,
        split_after: float = SPLIT_AFTER,
    ) -> None:
        """``split_bytes``: read a CSV with at least this many bytes after its header in two
        processes where possible (None: never); ``split_after``: seconds of reading alone
        before deciding, when a core must be seen to be spare (0: decide at once, and fork
        whatever the load); ``split_at``: where in the bytes left then the helper starts, 0 to
        1 (0.5 shares the work evenly; other values are for tests); ``encoding``: of every CSV
        (None: detected for each)."""
        self.index = index
        self.encoding = encoding
        self.batch_rows = batch_rows
        self.split_bytes = split_bytes
        self.split_at = split_at
        self.split_after = split_after
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
            self._bad_row(summary, RowProblem(name, line, "invalid-answers", error.message))
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
            counts = _FileCounts(plan)
            split = isinstance(source, CsvSource) and self._may_split(source, plan)
            # Measure the load while reading alone at first; or decide at once.
            load = forked.Load() if split and self.split_after > 0 else None
            helper: _Helper | None = None
            try:
                if split and load is None and isinstance(source, CsvSource):
                    helper = self._split(source, plan, name)
                for first_row, batch in source.batches(self.batch_rows, keep_offset=split):
                    rows += len(batch)
                    if not self._count(plan, batch, summary, counts):
                        self._sift(plan, name, first_row, batch, summary, counts)
                    if load is not None and load.elapsed() >= self.split_after:
                        if load.spare_cores() >= SPARE_CORE and isinstance(source, CsvSource):
                            helper = self._split(source, plan, name)
                        load = None
                    if self.progress is not None:
                        self.progress(name, _progress(source, helper), source.size)
                if helper is not None and helper.tail is not None:
                    rows += self._merge(helper.tail, summary, counts)
            finally:
                if helper is not None:
                    helper.close()
            if rows == summary.blank_rows:
                raise InputError(
                    "the file has a header row but no respondent rows",
                    Location(name, source.header_row),
                )
        counts.into(self.tally)

    # -- two processes ----------------------------------------------------------------------

    def _may_split(self, source: CsvSource, plan: ColumnPlan) -> bool:
        """Whether ``source`` is worth a helper, and one could count its rows exactly."""
        if self.split_bytes is None or source.offset is None or not forked.available():
            return False
        if self.include_notes and plan.notes:
            return False  # which notes are kept depends on the order rows are read in
        return source.size - source.offset >= max(self.split_bytes, 1)

    def _split(self, source: CsvSource, plan: ColumnPlan, name: str) -> _Helper | None:
        """Start a helper counting from a line in the middle of what is left of ``source``,
        and have ``source`` stop there (None when there is no such line or no helper)."""
        start = source.offset
        if start is None:
            return None  # a batch needed the csv module: rows may not start at lines
        share = min(max(self.split_at, 0.0), 1.0)
        try:
            offset = _line_start(source.path, start + int((source.size - start) * share))
            if offset is None or offset >= source.size:
                return None
            tail = _TailCounter(self, source.path, name, plan, source.delimiter, offset)
            process = forked.Forked(tail.run)
        except OSError:  # the file cannot be opened again, or no process or pipe to be had
            return None
        helper = _Helper(self, plan, name, start, offset, process)
        source.cut = helper.cut
        return helper

    def _merge(self, tail: _Tail, summary: InputSummary, counts: _FileCounts) -> int:
        """Add a helper's counts as if this process had read its rows; returns their number."""
        for raw in tail.roles:
            self._group(raw)  # the same warnings, in the same order, as reading on would give
        for group, people in tail.respondents.items():
            self.tally.add_respondents(group, people)
            summary.respondents += people
        summary.blank_rows += tail.blank_rows
        for group, theirs in tail.counters.items():
            mine, _ = counts.group(group)
            for counter, other in zip(mine, theirs, strict=True):
                counter.update(other)
        return tail.rows

    # -- counting ---------------------------------------------------------------------------

    def _count(
        self, plan: ColumnPlan, rows: list[list[str]], summary: InputSummary, counts: _FileCounts
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
                _count_into(counter, column)
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
        counts: _FileCounts,
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


def _update(counter: Counter[str], cells: tuple[str, ...]) -> None:
    counter.update(cells)


#: ``Counter.update`` without its per-call checks: CPython's C helper, when there is one.
_count_into: Callable[[Counter[str], tuple[str, ...]], None] = getattr(
    collections, "_count_elements", _update
)


class _FileCounts:
    """One CSV file's cell counts per role group and question column, as typed in the file.

    Counting raw cells (not options) lets ``Counter.update`` do all the work in C; cells are
    turned into options once, at the end of the file. ``sizes`` holds how many keys of each
    counter have been checked, so a new key shows as a change in ``len``.
    """

    def __init__(self, plan: ColumnPlan) -> None:
        self.plan = plan
        self.counters: dict[str, list[Counter[str]]] = {}
        self.sizes: dict[str, list[int]] = {}

    def group(self, group: str) -> tuple[list[Counter[str]], list[int]]:
        found = self.counters.get(group)
        if found is None:
            found = self.counters[group] = [Counter() for _ in self.plan.questions]
            self.sizes[group] = [0] * len(self.plan.questions)
        return found, self.sizes[group]

    def learn(self, number: int, reader: AnswerReader, group: str) -> bool:
        """Check the new keys of a counter; True when all of them are readable answers."""
        counter = self.counters[group][number]
        if any(reader.read(cell) is None for cell in counter):
            return False
        self.sizes[group][number] = len(counter)
        return True

    def undo(self, done: list[tuple[Counter[str], tuple[str, ...]]]) -> None:
        """Take back a batch's counts and drop the keys it brought in."""
        for counter, column in done:
            counter.subtract(Counter(column))
        for group, counters in self.counters.items():
            for number, counter in enumerate(counters):
                for cell in [cell for cell, count in counter.items() if count == 0]:
                    del counter[cell]
                self.sizes[group][number] = len(counter)

    def into(self, tally: Tally) -> None:
        """Add the counts, as options, to ``tally``."""
        for group, counters in self.counters.items():
            for (_, reader), counter in zip(self.plan.questions, counters, strict=True):
                if not any(counter.values()):
                    continue  # only rows that were taken back again
                totals = tally.counts_for(group, reader.info)
                for cell, count in counter.items():
                    if count:
                        option = reader.read(cell)
                        assert option is not None, "only readable cells are counted"
                        totals[option] += count


@dataclass(slots=True)
class _Tail:
    """What a helper counted from its line to the end of the file (all good rows)."""

    rows: int
    blank_rows: int
    respondents: dict[str, int]
    counters: dict[str, list[Counter[str]]]
    roles: list[str]
    """Role cells, in the order they first appear (their warnings come in that order)."""
    first_blank: int | None
    """The first blank row's position among the helper's rows."""


class _TailCounter:
    """The helper's work (run in the forked process): count from ``offset`` to the end.

    It gives up (raises, so the parent reads on itself) at anything that reading the whole file
    in one process could treat differently: a batch the csv module must read (a quote can hide
    a line break, and the rows it ends are not lines), a bad row, a byte that is not UTF-8, or
    more role cells than a role column holds. Blank rows are fine: they are only counted.
    """

    def __init__(
        self,
        parent: Ingest,
        path: Path,
        name: str,
        plan: ColumnPlan,
        delimiter: str,
        offset: int,
    ) -> None:
        self.parent = parent
        self.path = path
        self.name = name
        self.plan = plan
        self.delimiter = delimiter
        self.offset = offset

    def run(self) -> _Tail:
        parent = self.parent
        worker = Ingest(
            parent.index,
            mapping=parent.mapping,
            on_error="fail",
            batch_rows=parent.batch_rows,
            split_bytes=None,
        )
        plan = self.plan
        summary = InputSummary(self.name, "csv")
        counts = _FileCounts(plan)
        blank = [""] * plan.width
        rows = 0
        first_blank: int | None = None
        limit = csv.field_size_limit()
        with self.path.open("rb") as raw:
            raw.seek(self.offset)
            text = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="")
            while lines := list(islice(text, worker.batch_rows)):
                batch = split_plain(lines, self.delimiter, limit)
                if batch is None:
                    raise _GiveUp("a batch needs the csv module")
                if not worker._count(plan, batch, summary, counts):
                    if first_blank is None:
                        first_blank = next(
                            (rows + i for i, row in enumerate(batch) if not row or row == blank),
                            None,
                        )
                    worker._sift(plan, self.name, 0, batch, summary, counts)  # raises if bad
                rows += len(batch)
                if len(worker._roles) > _TAIL_ROLES_LIMIT:
                    raise _GiveUp("too many different role cells")
        return _Tail(
            rows=rows,
            blank_rows=summary.blank_rows,
            respondents=dict(worker.tally.respondents),
            counters=counts.counters,
            roles=list(worker._roles),
            first_blank=first_blank,
        )


class _GiveUp(Exception):
    """The helper cannot count its part exactly as one process would; the parent reads on."""


class _Helper:
    """The parent's side of a helper: the :class:`Cut` to stop at, and the helper's counts once
    taken."""

    def __init__(
        self,
        ingest: Ingest,
        plan: ColumnPlan,
        name: str,
        start: int,
        offset: int,
        process: forked.Forked[_Tail],
    ) -> None:
        self.ingest = ingest
        self.plan = plan
        self.name = name
        self.start = start
        """Where this process was when the helper started."""
        self.process: forked.Forked[_Tail] | None = process
        self.cut = Cut(offset, self.take, self.close)
        self.tail: _Tail | None = None

    @property
    def running(self) -> bool:
        return self.process is not None

    def take(self, before: list[list[str]], after: int) -> bool:
        """Whether to stop before the helper's first row: only when the helper counted all its
        rows and nothing this process would have done differently reading on (see below)."""
        if self.process is None:
            return False
        tail = self.process.result()
        self.process = None
        if tail is None:
            return False
        if len(self.ingest._roles) + len(tail.roles) >= _ROLE_CACHE_LIMIT:
            return False  # reading on, roles would be read (and warned about) more than once
        # Read alone, the batch at the cut would go on into the helper's rows. A blank row
        # among them makes that batch be gone through row by row at once, before any role is
        # read, which differs (in which roles are warned about) only if the rows before the
        # cut hold a bad row.
        if tail.first_blank is not None and tail.first_blank < after:
            blank = [""] * self.plan.width
            if any(
                _row_problem(self.plan, self.name, 0, row) is not None
                for row in before
                if row and row != blank
            ):
                return False
        self.tail = tail
        return True

    def close(self) -> None:
        if self.process is not None:
            self.process.close()
            self.process = None


def _progress(source: CsvSource | XlsxSource, helper: _Helper | None) -> int:
    """How far reading has got, in bytes of ``source``; while a helper reads the rest, this
    process's way to the cut stands for the whole way (both go at about the same pace)."""
    done = source.bytes_read
    if helper is None or not helper.running:
        return done
    start, cut = helper.start, helper.cut.offset
    if cut <= start:
        return done
    return min(source.size, start + (done - start) * (source.size - start) // (cut - start))


def _line_start(path: Path, position: int) -> int | None:
    """The byte offset of the first line to start at or after ``position`` (just after a
    ``\\n``), or None when there is none."""
    with path.open("rb") as raw:
        raw.seek(max(position - 1, 0))
        start = raw.tell()
        while chunk := raw.read(64 * 1024):
            found = chunk.find(b"\n")
            if found >= 0:
                return start + found + 1
            start += len(chunk)
    return None


def _row_problem(plan: ColumnPlan, name: str, number: int, row: list[str]) -> RowProblem | None:
    if len(row) != plan.width:
        return RowProblem(
            name,
            number,
            "ragged-row",
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
    return RowProblem(name, number, "unknown-answer", reader.why_not(cell) + more)


def check_input(path: Path) -> None:
    """Refuse, in one line, an input that aggregate cannot read at all."""
    suffix = path.suffix.lower()
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give its files (for example {path}/*.yaml)")
    if suffix in _SPREADSHEETS:
        raise UsageError(
            f"{path}: aggregate reads Excel .xlsx workbooks and CSV exports, not {suffix} files; "
            "save it as .xlsx or 'CSV UTF-8'"
        )
    if suffix == ".json":
        raise UsageError(
            f"{path}: aggregate takes answers files (.yaml) and CSV exports (.csv), "
            "not saved JSON results"
        )
    if suffix not in CSV_SUFFIXES + ANSWERS_SUFFIXES:
        raise UsageError(
            f"{path}: not a .csv, .tsv or .xlsx export or a .yaml answers file; aggregate "
            "tells them apart by their file name ending"
        )
    if not path.exists():
        if path.is_symlink():
            raise InputError("a symbolic link to nothing (or round in a loop)", Location(str(path)))
        raise InputError("no such file", Location(str(path)))


__all__ = ["ON_ERROR", "Ingest", "InputSummary", "Note", "OnError", "RowProblem", "check_input"]
