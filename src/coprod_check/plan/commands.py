"""What ``plan draft`` and ``plan status`` do, for the command line to call: no printing here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_check.errors import Outcome, UsageError
from coprod_check.plan.draft import DraftSource, draft_plan
from coprod_check.plan.loader import read_plan
from coprod_check.plan.model import Plan
from coprod_check.plan.report import render_status
from coprod_check.plan.status import PlanStatus, plan_status

if TYPE_CHECKING:
    from coprod_check.files.destination import Destination
    from coprod_check.plan.summary import PlanSummary
    from coprod_check.scoring.result import Result

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
    """A plan's status, the plan, and the checker's warnings about the plan file (to show)."""

    status: PlanStatus
    warnings: tuple[str, ...]
    plan: Plan

    def render(self, fmt: str) -> str | bytes:
        """In ``fmt``: text or json (:mod:`plan.report`), docx or xlsx (the office kit)."""
        if fmt in ("docx", "xlsx"):
            from coprod_check.plan.office_report import plan_office
            from coprod_check.render.office.formats import render_office

            return render_office(plan_office(self.plan, self.status), fmt)
        return render_status(self.status, fmt)


def run_status(path: Path, banks: Sequence[str], today: dt.date) -> Status:
    """Check the plan file against the banks in play and group its actions as of ``today``."""
    from coprod_check.answers.loader import available_banks

    loaded = read_plan(path, available_banks(banks))
    return Status(
        plan_status(loaded.plan, loaded.path, today),
        tuple(str(warning) for warning in loaded.warnings),
        loaded.plan,
    )


def summarise_plan(
    path: Path, banks: Sequence[str], result: Result, today: dt.date | None = None
) -> tuple[PlanSummary, tuple[str, ...]]:
    """``score --plan``: the plan file checked and set beside the result, and its warnings."""
    from coprod_check.answers.loader import available_banks
    from coprod_check.plan.summary import plan_summary

    loaded = read_plan(path, available_banks(banks))
    summary = plan_summary(loaded.plan, loaded.path, result, today or dt.date.today())
    return summary, tuple(str(warning) for warning in loaded.warnings)


def plan_draft_command(
    source: Path,
    banks: Sequence[str],
    to: Destination,
    *,
    top: int | None,
    cycle: int,
) -> Outcome:
    """``plan draft``: the drafted plan, with the input checker's warnings."""
    to.guard([source], banks, "refusing to write the plan over an input file")
    draft = run_draft(source, banks, top=top, cycle=cycle)
    return to.outcome(draft.text, notes=draft.warnings)


def plan_status_command(
    path: Path,
    banks: Sequence[str],
    today: dt.date,
    to: Destination,
    fail_on_overdue: bool,
) -> Outcome:
    """``plan status``: the actions by status (text or JSON), or the plan exported to Word or
    Excel; with ``fail_on_overdue``, each overdue one is a finding (exit 1)."""
    from coprod_check.render.formats import PlanFormat

    chosen = to.format(tuple(f.value for f in PlanFormat))
    to.guard([path], banks, "refusing to write over the plan")
    outcome = run_status(path, banks, today)
    overdue = outcome.status.groups["overdue"] if fail_on_overdue else []
    return to.outcome(
        outcome.render(chosen),
        notes=outcome.warnings,
        findings=[f"overdue: {state.action.id} was due {state.action.due}" for state in overdue],
    )
