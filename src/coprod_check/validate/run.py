"""What ``coprod-check validate`` checks: find the files, tell what each is, check each.

Files are found from the paths given (folders are searched for ``*.yaml`` / ``*.yml``, skipping
hidden files and folders) or, with no paths, are the bundled banks. What a file is comes from its
content, not its name: a top-level ``schema_version`` makes it a bank, ``answers_version`` an
answers file, ``mapping_version`` an aggregate mapping file, ``plan_version`` an action plan.
Answers, mapping and plan files are checked against the banks in play: those given in the run,
then the bundled banks whose id none of them uses. A valid bank whose ids another bank in play
uses gets warnings (``bank.clashes``).
Every file is checked even after one fails; the result is data for a reporter.

Exit codes: 0 every file valid (warnings allowed); 1 errors in some file's content (YAML syntax,
an empty file or a top level that is not a mapping included); 2 some input could not be read at
all (missing, not a regular file, permission denied, binary, not UTF-8, too large, a folder with
no YAML).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coprod_check.bank.loader import (
    InvalidBankError,
    bundled_display,
    bundled_files,
    check_bank,
    examine_bank,
    load_bundled_banks,
    parse_document,
    read_bundled,
)
from coprod_check.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, InputError, Location
from coprod_check.files.kinds import Kind, is_yaml_name, kind_of
from coprod_check.files.yaml_source import YamlDocument, read_text
from coprod_check.problems import Problem
from coprod_check.problems.codes import Code
from coprod_check.problems.wording import describe_kind

if TYPE_CHECKING:
    from coprod_check.bank.clashes import BankIds, IdIndex
    from coprod_check.bank.model import Bank

UNREADABLE = Code.UNREADABLE
NOT_OURS = Code.NOT_COPROD_FILE

if TYPE_CHECKING:
    Checker = Callable[[list[YamlDocument], list[Bank]], dict[str, list[Problem]]]


@dataclass(frozen=True, slots=True)
class FileReport:
    """What validating one file found. ``readable`` is false when its bytes could not be read."""

    path: str
    kind: Kind | None
    problems: tuple[Problem, ...]
    readable: bool = True

    @property
    def errors(self) -> int:
        return sum(1 for problem in self.problems if problem.severity == "error")

    @property
    def valid(self) -> bool:
        return self.readable and self.errors == 0


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Every file validated, in path order."""

    files: tuple[FileReport, ...]

    @property
    def exit_code(self) -> int:
        if any(not report.readable for report in self.files):
            return EXIT_USAGE
        if any(not report.valid for report in self.files):
            return EXIT_FINDINGS
        return EXIT_OK

    @property
    def unreadable(self) -> int:
        return sum(1 for report in self.files if not report.readable)

    @property
    def problems(self) -> int:
        """Problems found in readable files (unreadable ones are counted apart)."""
        return sum(len(report.problems) for report in self.files if report.readable)

    @property
    def files_with_problems(self) -> int:
        return sum(1 for report in self.files if report.readable and report.problems)

    def count(self, severity: str) -> tuple[int, int]:
        """How many problems of ``severity`` were found in readable files, and in how many files."""
        per_file = [
            sum(1 for problem in report.problems if problem.severity == severity)
            for report in self.files
            if report.readable
        ]
        return sum(per_file), sum(1 for found in per_file if found)


@dataclass(frozen=True, slots=True)
class _Source:
    """A file to validate: its name in messages, and how to read its text (by default, the file
    of that name: a run of thousands of files holds one string for each)."""

    display: str
    reader: Callable[[], str] | None = None

    def read(self) -> str:
        return self.reader() if self.reader else read_text(Path(self.display), self.display)


def validate_paths(paths: Sequence[Path]) -> ValidationReport:
    """Validate the files at ``paths`` (files, or folders searched for YAML)."""
    sources, unreadable = discover(paths)
    return _validate(sources, unreadable, bundled_run=False)


def validate_bundled() -> ValidationReport:
    """Validate the banks that ship with coprod-check."""
    items = bundled_files()
    sources = [_Source(bundled_display(item), partial(read_bundled, item)) for item in items]
    return _validate(sources, [], bundled_run=True)


# --- finding files ----------------------------------------------------------------------------


def discover(paths: Sequence[Path]) -> tuple[list[_Source], list[FileReport]]:
    """The files to validate, sorted by name, and reports for paths that cannot be used."""
    found: dict[str, _Source] = {}
    unusable: dict[str, FileReport] = {}

    def bad(name: str, message: str) -> None:
        unusable.setdefault(name, _unreadable(name, message))

    for path in paths:
        name = str(path)
        try:
            if path.is_dir():
                files, errors = _yaml_files(path)
                for error_name, message in errors:
                    bad(error_name, message)
                if not files and not errors:
                    bad(name, "a folder with no .yaml or .yml files in it")
                for file in files:
                    found.setdefault(str(file), _path_source(file))
            elif path.is_file():
                found.setdefault(name, _path_source(path))
            elif path.exists():
                bad(name, "not a regular file (a pipe, socket or device?)")
            elif path.is_symlink():
                bad(name, "a broken symbolic link")
            else:
                bad(name, "no such file or folder")
        except OSError as error:
            bad(name, f"cannot read: {error.strerror or error}")
    sources = sorted(found.values(), key=lambda source: source.display)
    return sources, sorted(unusable.values(), key=lambda report: report.path)


def _yaml_files(folder: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    files: list[Path] = []
    errors: list[tuple[str, str]] = []

    def on_error(error: OSError) -> None:
        errors.append((str(error.filename), f"cannot read this folder: {error.strerror}"))

    for root, dirs, names in os.walk(folder, onerror=on_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and is_yaml_name(name):
                files.append(Path(root) / name)
    return files, errors


def _path_source(path: Path) -> _Source:
    return _Source(str(path))


def _unreadable(name: str, message: str, where: Location | None = None) -> FileReport:
    line = where.line if where else None
    column = where.column if where else None
    problem = Problem(name, line, column, UNREADABLE, message)
    return FileReport(name, None, (problem,), readable=False)


# --- checking them ----------------------------------------------------------------------------


def _validate(
    sources: Sequence[_Source],
    unusable: Sequence[FileReport],
    *,
    bundled_run: bool,
) -> ValidationReport:
    """Check every source. In a ``bundled_run`` the sources are the bundled banks themselves, so
    no other bank is in play and their ids need no clash check (the test suite keeps them apart),
    which keeps the start-up of plain ``validate`` as it was."""
    reports: dict[str, FileReport] = {report.path: report for report in unusable}
    pending: dict[Kind, list[YamlDocument]] = {"answers": [], "mapping": [], "plan": []}
    index: IdIndex | None = None  # of the valid banks given, for the clash check
    indexed: list[_Source] = []  # their sources, to read again those that may clash
    banks = _BanksInPlay()
    for source in sources:
        try:
            text = source.read()
        except InputError as error:
            reports[source.display] = _unreadable(source.display, error.message, error.location)
            continue
        parsed = parse_document(text, source.display)
        if isinstance(parsed, Problem):
            reports[source.display] = FileReport(source.display, None, (parsed,))
            continue
        kind = kind_of(parsed.data)
        if kind == "bank":
            problems = check_bank(parsed)
            if not any(problem.severity == "error" for problem in problems):
                banks.add(parsed.data, source)
                if not bundled_run:
                    index = index or _id_index()
                    index.add(parsed.data)
                    indexed.append(source)
            reports[source.display] = FileReport(source.display, "bank", tuple(problems))
        elif kind is not None:
            pending[kind].append(parsed)
        else:
            problem = parsed.problem((), NOT_OURS, _not_ours(parsed.data))
            reports[source.display] = FileReport(source.display, None, (problem,))
    if index is not None:
        for path, warnings in _clashes(index, indexed).items():
            report = reports[path]
            problems = sorted([*report.problems, *warnings], key=Problem.sort_key)
            reports[path] = FileReport(path, "bank", tuple(problems))
    for kind, docs in pending.items():
        if docs:
            found = checker(kind)(docs, banks.in_play(bundled_run))
            for doc in docs:
                problems = sorted(found[doc.path], key=Problem.sort_key)
                reports[doc.path] = FileReport(doc.path, kind, tuple(problems))
    return ValidationReport(tuple(reports[name] for name in sorted(reports)))


def _not_ours(data: Any) -> str:
    lead = "not a coprod-check bank, answers, mapping or plan file"
    if not isinstance(data, dict):
        return f"{lead}: the top level is {describe_kind(data)}, not a mapping"
    return (
        f"{lead}: a bank starts with 'schema_version: 1', an answers file with "
        "'answers_version: 1', a mapping file with 'mapping_version: 1' and a plan with "
        "'plan_version: 1'"
    )


class _BanksInPlay:
    """The valid banks of the run that answers, mapping and plan files are checked against: the
    first with each id, in the order found (as ``answers.loader.available_banks`` has them).

    Checking a bank needs no model, so models are built only when such a file turns up. Until
    then the first ``KEEP`` banks' data are held, and of the rest only their source, read again
    if needed: a folder of thousands of banks (and no answers) costs no more memory than a
    folder of a hundred. A bank that changed in between and is no longer valid is left out, as
    it would have been had it been read so at first.
    """

    KEEP = 64

    def __init__(self) -> None:
        self.chosen: dict[str, dict[str, Any] | _Source] = {}
        self.kept = 0
        self.models: list[Bank] | None = None

    def add(self, data: dict[str, Any], source: _Source) -> None:
        """A valid bank's data (its ``id`` is text: the bank is valid)."""
        if data["id"] in self.chosen:
            return
        if self.kept < self.KEEP:
            self.chosen[data["id"]] = data
            self.kept += 1
        else:
            self.chosen[data["id"]] = source

    def in_play(self, bundled_run: bool) -> list[Bank]:
        """These banks, then the bundled banks whose id none of them uses (built once)."""
        if self.models is None:
            chosen = [b for bank_id, held in self.chosen.items() if (b := _bank(bank_id, held))]
            ids = {bank.id for bank in chosen}
            bundled = [] if bundled_run else load_bundled_banks()
            self.models = [*chosen, *(bank for bank in bundled if bank.id not in ids)]
        return self.models


def _bank(bank_id: str, held: dict[str, Any] | _Source) -> Bank | None:
    """The model of the bank ``held``: built from its data, or read again from its source."""
    if isinstance(held, dict):
        from coprod_check.bank.model import Bank

        return Bank.model_validate(held, strict=True)
    parsed = _read_again(held)
    bank = examine_bank(parsed)[0] if parsed is not None else None
    return bank if bank is not None and bank.id == bank_id else None


def _read_again(source: _Source) -> YamlDocument | None:
    """``source`` parsed again; None if it can no longer be read or parsed."""
    try:
        parsed = parse_document(source.read(), source.display)
    except InputError:
        return None
    return None if isinstance(parsed, Problem) else parsed


def _id_index() -> IdIndex:
    """An empty index of ids for the clash check (``bank.clashes`` is imported only when a run
    gives bank files, so plain ``validate`` does not pay for it)."""
    from coprod_check.bank.clashes import IdIndex

    return IdIndex()


def _clashes(index: IdIndex, sources: list[_Source]) -> dict[str, list[Problem]]:
    """Id-clash warnings for the valid banks given in the run, by path. Only the banks the index
    says may clash are read again, for their ids' text and places."""
    from coprod_check.bank.clashes import find_clashes, ids_of_document

    bundled = _bundled_ids()
    again = [_read_again(sources[number]) for number in index.suspects(bundled)]
    replaced = {bank_id for bank_id in index.bank_ids if bank_id is not None}
    return find_clashes([ids_of_document(doc) for doc in again if doc], bundled, replaced)


def _bundled_ids() -> list[BankIds]:
    """The ids of the bundled banks, read without building their models. A bundled bank with
    errors (a damaged installation) raises the error ``load_bundled_banks`` would."""
    from coprod_check.bank.clashes import as_bundled, ids_of_document

    found = []
    for item in bundled_files():
        name = bundled_display(item)
        parsed = parse_document(read_bundled(item), name)
        problems = [parsed] if isinstance(parsed, Problem) else check_bank(parsed)
        errors = [problem for problem in problems if problem.severity == "error"]
        if errors or isinstance(parsed, Problem):
            raise InvalidBankError(name, errors)
        found.append(as_bundled(ids_of_document(parsed)))
    return found


def checker(kind: Kind) -> Checker:
    """The check of answers, mapping or plan files against the banks in play, imported only when
    such a file turns up (a mapping's brings the aggregate bank index and scoring maths)."""
    if kind == "mapping":
        from coprod_check.aggregate.bank_index import BankIndex
        from coprod_check.aggregate.mapping import check_mapping

        def check_mappings(docs: list[YamlDocument], banks: list[Bank]) -> dict[str, list[Problem]]:
            index = BankIndex(banks)
            return {doc.path: check_mapping(doc, index) for doc in docs}

        return check_mappings
    if kind == "answers":
        from coprod_check.answers.checks import check_answers_document as check
    else:
        from coprod_check.plan.checks import check_plan_document as check
    return lambda docs, banks: {doc.path: check(doc, banks) for doc in docs}
