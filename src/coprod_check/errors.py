"""The one exception hierarchy, and :class:`Outcome`: what a command returns instead of exiting.

``cli.deliver`` alone turns these into messages and exit codes: 0 ok, 1 findings (problems
found, or a result falls short), 2 usage error or unreadable input.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


@dataclass(frozen=True, slots=True)
class Location:
    """A place in a user's file, 1-based, for messages of the form ``file:line:col``."""

    path: str
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        text = self.path
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text


class CoprodError(Exception):
    """Base of every error coprod-check reports to a user.

    ``exit_code`` says how the command ends; ``location`` (when known) names the file and line.
    """

    exit_code: int = EXIT_USAGE

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.notes: list[str] = []
        """Warnings gathered before the error, printed before its message."""

    def __str__(self) -> str:
        if self.location is None:
            return self.message
        return f"{self.location}: {self.message}"


class UsageError(CoprodError):
    """The command line asks for something impossible (bad option combination, missing path)."""

    exit_code = EXIT_USAGE


class InputError(CoprodError):
    """A file cannot be read or parsed at all (missing, unreadable, binary, not YAML, too big)."""

    exit_code = EXIT_USAGE


class InvalidFileError(CoprodError):
    """A file was read but its content is wrong (schema or semantic problems); findings."""

    exit_code = EXIT_FINDINGS


class OutputExistsError(CoprodError):
    """Refusing to overwrite a file without ``--force`` (or ever, for an answers file)."""

    exit_code = EXIT_USAGE


def location_for(path: Path | str, line: int | None = None, column: int | None = None) -> Location:
    """Build a :class:`Location` from a path-like and optional 1-based line and column."""
    return Location(str(path), line, column)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a command produced, for ``cli.deliver`` to deliver: nothing here has printed or exited.

    ``report`` goes to standard output, or atomically to ``output`` (replacing a file only with
    ``overwrite``). ``notes`` are printed on standard error before the report (warnings),
    ``findings`` after it (why the command exits 1). ``exit_code`` says how the command ends.
    """

    report: str | bytes = ""
    output: Path | None = None
    overwrite: bool = False
    notes: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    exit_code: int = EXIT_OK
