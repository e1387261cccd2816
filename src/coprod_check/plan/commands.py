"""What ``plan draft`` and ``plan status`` do, for the command line to call: no printing here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from coprod_check.errors import UsageError
from coprod_check.plan.draft import DraftSource, draft_plan
from coprod_check.plan.loader import read_plan
from coprod_check.plan.status import PlanStatus, plan_status

WHAT_PLAN_TAKES = (
    "plan draft takes an answers file or a JSON result saved from 'coprod-check score' or "
    "'coprod-check aggregate'"
)


@dataclass(frozen=True, slots=True)
class Draft:
    """A drafted plan's text and the checker's warnings about its input (to show)."""

    text: str
    warnings: tuple[str, ...]


def run_draft(source: Path, banks: Sequence[str], *, top: int | None, cycle: int) -> Draft:
    """Draft a plan from an answers file, a score JSON or an aggregate JSON."""
    from coprod_check.answers.loader import available_banks
    from coprod_check.compare.inputs import load_point

    if top is not None and top < 1:
        raise UsageError(f"--top {top}: give 1 or more (or --all for every recommendation)")
    if cycle < 1:
        raise UsageError(f"--cycle {cycle}: cycles are numbered from 1")
    point = load_point(str(source), lambda: available_banks(banks), WHAT_PLAN_TAKES)
    drafted = DraftSource(str(source), point.kind, point.result, point.respondents)
    return Draft(draft_plan(drafted, top=top, cycle=cycle), point.warnings)


@dataclass(frozen=True, slots=True)
class Status:
    """A plan's status and the checker's warnings about the plan file (to show)."""

    status: PlanStatus
    warnings: tuple[str, ...]


def run_status(path: Path, banks: Sequence[str], today: dt.date) -> Status:
    """Check the plan file against the banks in play and group its actions as of ``today``."""
    from coprod_check.answers.loader import available_banks

    loaded = read_plan(path, available_banks(banks))
    return Status(
        plan_status(loaded.plan, loaded.path, today),
        tuple(str(warning) for warning in loaded.warnings),
    )
