"""The one exception hierarchy, and :class:`Outcome`: what a command returns instead of exiting.

``cli.deliver`` alone turns these into messages and exit codes: 0 ok, 1 findings (problems
found, or a result falls short), 2 usage error or unreadable input.
"""

from __future__ import annotations

from pathlib import Path

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2


class Location:
    """A place in a user's file, 1-based, for messages of the form ``file:line:col``.

    Frozen, compared and hashed by its fields, as a frozen dataclass would be; written out
    because every command imports this module, and a dataclass costs a millisecond to define.
    """

    __slots__ = ("column", "line", "path")

    path: str
    line: int | None
    column: int | None

    def __init__(self, path: str, line: int | None = None, column: int | None = None) -> None:
        put = object.__setattr__
        put(self, "path", path)
        put(self, "line", line)
        put(self, "column", column)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Location is frozen: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Location is frozen: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Location)
        return (self.path, self.line, self.column) == (other.path, other.line, other.column)

    def __hash__(self) -> int:
        return hash((self.path, self.line, self.column))

    def __repr__(self) -> str:
        return f"Location(path={self.path!r}, line={self.line!r}, column={self.column!r})"

    def __reduce__(self) -> tuple[type[Location], tuple[str, int | None, int | None]]:
        return (Location, (self.path, self.line, self.column))

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


class Outcome:
    """What a command produced, for ``cli.deliver`` to deliver: nothing here has printed or exited.

    ``report`` goes to standard output, or atomically to ``output`` (replacing a file only with
    ``overwrite``). ``notes`` are printed on standard error before the report (warnings),
    ``findings`` after it (why the command exits 1). ``exit_code`` says how the command ends.
    """

    __slots__ = ("exit_code", "findings", "notes", "output", "overwrite", "report")

    def __init__(
        self,
        report: str | bytes = "",
        output: Path | None = None,
        overwrite: bool = False,
        notes: list[str] | None = None,
        findings: list[str] | None = None,
        exit_code: int = EXIT_OK,
    ) -> None:
        self.report = report
        self.output = output
        self.overwrite = overwrite
        self.notes: list[str] = [] if notes is None else notes
        self.findings: list[str] = [] if findings is None else findings
        self.exit_code = exit_code
