"""A problem found in a user's file: what validators return instead of raising."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from coprod_check.errors import InvalidFileError, Location
from coprod_check.problems.codes import Code
from coprod_check.problems.wording import plural

Severity = Literal["error", "warning"]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding, with the place it was found. ``code`` is a stable, documented identifier."""

    path: str
    line: int | None
    column: int | None
    code: Code
    message: str
    severity: Severity = "error"

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


@dataclass(slots=True)
class Checked(Generic[T]):
    """A file checked: every problem, sorted, and what it parsed to when none is an error."""

    problems: list[Problem]
    parsed: T | None

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
