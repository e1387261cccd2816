"""A problem found in a user's file: what validators return instead of raising."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from coprod_check.errors import Location
from coprod_check.problems.codes import Code
from coprod_check.problems.wording import plural

Severity = Literal["error", "warning"]


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
