"""What ``coprod-check validate`` checks: find the files, tell banks from answers, check each.

Files are found from the paths given (folders are searched for ``*.yaml`` / ``*.yml``, skipping
hidden files and folders) or, with no paths, are the bundled banks. What a file is comes from its
content, not its name: a top-level ``schema_version`` makes it a bank, ``answers_version`` an
answers file. Every file is checked even after one fails; the result is data for a reporter.

Exit codes: 0 every file valid; 1 problems in some file's content (YAML syntax, an empty file or
a top level that is not a mapping included); 2 some input could not be read at all (missing,
not a regular file, permission denied, binary, not UTF-8, too large, a folder with no YAML).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Literal

from coprod_check.bank_loader import (
    bundled_display,
    bundled_files,
    examine_bank,
    load_bundled_banks,
    parse_document,
    read_bundled,
)
from coprod_check.bank_model import Bank
from coprod_check.errors import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, InputError, Location
from coprod_check.problems import Problem
from coprod_check.schema_errors import describe_value
from coprod_check.yaml_source import YamlDocument, read_text

Kind = Literal["bank", "answers"]
YAML_SUFFIXES = (".yaml", ".yml")
UNREADABLE = "unreadable"
NOT_OURS = "not-coprod-file"

AnswersChecker = Callable[[YamlDocument, list[Bank]], list[Problem]]


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


@dataclass(frozen=True, slots=True)
class _Source:
    """A file to validate: its name in messages, and how to read its text."""

    display: str
    read: Callable[[], str]


def validate_paths(paths: Sequence[Path]) -> ValidationReport:
    """Validate the files at ``paths`` (files, or folders searched for YAML)."""
    sources, unreadable = discover(paths)
    return _validate(sources, unreadable)


def validate_bundled() -> ValidationReport:
    """Validate the banks that ship with coprod-check."""
    items = bundled_files()
    sources = [_Source(bundled_display(item), partial(read_bundled, item)) for item in items]
    return _validate(sources, [])


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
            if not name.startswith(".") and name.lower().endswith(YAML_SUFFIXES):
                files.append(Path(root) / name)
    return files, errors


def _path_source(path: Path) -> _Source:
    return _Source(str(path), partial(read_text, path, str(path)))


def _unreadable(name: str, message: str, where: Location | None = None) -> FileReport:
    line = where.line if where else None
    column = where.column if where else None
    problem = Problem(name, line, column, UNREADABLE, message)
    return FileReport(name, None, (problem,), readable=False)


# --- checking them ----------------------------------------------------------------------------


def _validate(sources: Sequence[_Source], unusable: Sequence[FileReport]) -> ValidationReport:
    reports: dict[str, FileReport] = {report.path: report for report in unusable}
    answers: list[YamlDocument] = []
    banks: list[Bank] = []
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
            bank, problems = examine_bank(parsed)
            if bank is not None:
                banks.append(bank)
            reports[source.display] = FileReport(source.display, "bank", tuple(problems))
        elif kind == "answers":
            answers.append(parsed)
        else:
            problem = parsed.problem((), NOT_OURS, _not_ours(parsed.data))
            reports[source.display] = FileReport(source.display, None, (problem,))
    if answers:
        check = answers_checker()
        known = _banks_for_answers(banks)
        for doc in answers:
            problems = sorted(check(doc, known), key=Problem.sort_key)
            reports[doc.path] = FileReport(doc.path, "answers", tuple(problems))
    return ValidationReport(tuple(reports[name] for name in sorted(reports)))


def kind_of(data: Any) -> Kind | None:
    """``bank`` or ``answers`` by the file's top-level keys; ``None`` for anything else."""
    if not isinstance(data, dict):
        return None
    if "schema_version" in data:
        return "bank"
    if "answers_version" in data:
        return "answers"
    return None


def _not_ours(data: Any) -> str:
    lead = "not a coprod-check bank or answers file"
    if not isinstance(data, dict):
        return f"{lead}: the top level is {describe_value(data)}, not a mapping"
    return (
        f"{lead}: a bank starts with 'schema_version: 1' and an answers file with "
        "'answers_version: 1'"
    )


def _banks_for_answers(banks: list[Bank]) -> list[Bank]:
    """Banks given in this run, then bundled banks whose id none of them uses."""
    given = {bank.id for bank in banks}
    return banks + [bank for bank in load_bundled_banks() if bank.id not in given]


def answers_checker() -> AnswersChecker:
    """``answers_checks.check_answers_document``, imported only when an answers file turns up."""
    from coprod_check.answers_checks import check_answers_document

    return check_answers_document
