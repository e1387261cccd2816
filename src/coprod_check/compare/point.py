"""One input to ``compare``, reduced to what comparing needs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from coprod_check.compare.result import InputKind
from coprod_check.scoring.result import Result


@dataclass(frozen=True, slots=True)
class GroupPoint:
    """One role group of a workshop (an aggregate result) at one point."""

    group: str
    label: str
    respondents: int
    verdict_label: str
    level_name: str
    sections: Mapping[tuple[str, str], tuple[str, float | None]]
    """(bank id, section id) -> (title, the group's score)."""


@dataclass(frozen=True, slots=True)
class Point:
    """A result at one moment, and where it came from.

    ``answered_versions`` is set only for answers files whose recorded bank version differs from
    the bank they were scored with (bank id -> the version the people answered): their wording
    then cannot be checked, which makes the comparison a bank change. ``warnings`` are the
    answers checker's warnings (``file:line: warning: ...``), for the command to show.
    ``respondents`` is how many people an aggregate result summarises (None otherwise).
    """

    label: str
    kind: InputKind
    result: Result
    answered_versions: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    respondents: int | None = None
    groups: tuple[GroupPoint, ...] = ()
