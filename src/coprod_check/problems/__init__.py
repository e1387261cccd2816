"""A problem found in a user's file: what validators return instead of raising."""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from coprod_check.errors import InvalidFileError, Location
from coprod_check.problems.codes import Code
from coprod_check.problems.wording import plural

Severity = Literal["error", "warning"]
T = TypeVar("T")


class Problem:
    """One finding, with the place it was found. ``code`` is a stable, documented identifier.

    Frozen, compared and hashed by its fields, as a frozen dataclass would be; written out
    because defining a dataclass costs more than a short command's whole answers check."""

    __slots__ = ("code", "column", "line", "message", "path", "severity")

    path: str
    line: int | None
    column: int | None
    code: Code
    message: str
    severity: Severity

    def __init__(
        self,
        path: str,
        line: int | None,
        column: int | None,
        code: Code,
        message: str,
        severity: Severity = "error",
    ) -> None:
        put = object.__setattr__
        put(self, "path", path)
        put(self, "line", line)
        put(self, "column", column)
        put(self, "code", code)
        put(self, "message", message)
        put(self, "severity", severity)

    def _fields(self) -> tuple[str, int | None, int | None, Code, str, Severity]:
        return (self.path, self.line, self.column, self.code, self.message, self.severity)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Problem is frozen: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Problem is frozen: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Problem)
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"Problem(path={self.path!r}, line={self.line!r}, column={self.column!r}, "
            f"code={self.code!r}, message={self.message!r}, severity={self.severity!r})"
        )

    def __reduce__(self) -> tuple[type[Problem], tuple[Any, ...]]:
        return (Problem, self._fields())

    @property
    def location(self) -> Location:
        return Location(self.path, self.line, self.column)

    def __str__(self) -> str:
        return f"{self.location}: {self.severity}: {self.message} [{self.code}]"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line or 0, self.column or 0, self.code)


def more_problems(path: str, errors: int) -> str:
    """`` (and 2 more problems; 'coprod-check validate FILE' lists them all)`` after the first
    of ``errors`` errors in a file a command refuses; empty when there is only one."""
    more = errors - 1
    if more <= 0:
        return ""
    return f" (and {plural(more, 'more problem')}; 'coprod-check validate {path}' lists them all)"


class Checked(Generic[T]):
    """A file checked: every problem, sorted, and what it parsed to when none is an error."""

    __slots__ = ("parsed", "problems")

    def __init__(self, problems: list[Problem], parsed: T | None) -> None:
        self.problems = problems
        self.parsed = parsed

    @property
    def failed(self) -> bool:
        return any(problem.severity == "error" for problem in self.problems)

    def accepted(self, path: str, invalid: str, where: Location) -> tuple[T, list[Problem]]:
        """What was parsed and the warnings, for a command that reads the file. With errors,
        the first is raised with how many more there are; a file that could not be parsed for
        any other reason raises ``invalid`` at ``where``."""
        errors = [problem for problem in self.problems if problem.severity == "error"]
        if errors:
            suffix = more_problems(path, len(errors))
            raise InvalidFileError(f"{errors[0].message}{suffix}", errors[0].location)
        if self.parsed is None:
            raise InvalidFileError(invalid, where)
        return self.parsed, [problem for problem in self.problems if problem.severity != "error"]
