"""A plan beside one assessment (``score --plan``): which recommendations it acts on, and how
far along it is, for the report's summary.

Overdue is counted on the assessment's date when the answers carry one (what was late when the
team assessed itself), else on the day the report is made; the summary says which.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from coprod_check.plan.model import Action, ActionStatus, Plan
from coprod_check.plan.report import counts_text
from coprod_check.plan.status import action_state, plan_status
from coprod_check.scoring.result import Result


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PlannedAction(_Frozen):
    """One action of the plan, in a line."""

    id: str
    bank_id: str
    question_id: str
    status: ActionStatus
    overdue: bool
    text: str = Field(description="'a3, doing: Service manager, due 2026-04-10 (overdue)'.")


class PlanSummary(_Frozen):
    """What a score report says about the plan given with ``--plan``."""

    path: str
    title: str | None
    as_of: dt.date
    as_of_note: str
    counts: str = Field(description="Actions by status and overdue, in words.")
    by_recommendation: dict[str, list[PlannedAction]] = Field(
        description="'bank-id/question-id' of each recommendation with actions -> the actions."
    )
    unplanned: int = Field(description="Recommendations of the result no action addresses.")
    no_longer_recommended: list[PlannedAction] = Field(
        description="Open actions whose question this result no longer recommends acting on."
    )
    headline: str


def _line(action: Action, overdue: bool) -> PlannedAction:
    facts = [action.owner or "no owner yet"]
    if action.status == "done" and action.done_on is not None:
        facts.append(f"done on {action.done_on}")
    elif action.status != "dropped" and action.due is not None:
        facts.append(f"due {action.due}" + (" (overdue)" if overdue else ""))
    text = f"{action.id}, {action.status}: " + ", ".join(facts)
    return PlannedAction(
        id=action.id,
        bank_id=action.bank,
        question_id=action.question,
        status=action.status,
        overdue=overdue,
        text=text,
    )


def _as_of(result: Result, today: dt.date) -> tuple[dt.date, str]:
    date = result.respondent.date
    if date and len(date) >= 10:
        try:
            return dt.date.fromisoformat(date[:10]), "the assessment's date"
        except ValueError:
            pass
    return today, "the day this report was made"


def plan_summary(plan: Plan, path: str, result: Result, today: dt.date) -> PlanSummary:
    """``plan`` against ``result``: actions per recommendation, and counts as of a day."""
    as_of, note = _as_of(result, today)
    lines = {a.id: _line(a, action_state(a, as_of).overdue) for a in plan.actions}
    recommended = {(item.bank_id, item.question_id) for item in result.recommendations}
    by_recommendation: dict[str, list[PlannedAction]] = {}
    for action in plan.actions:
        if (action.bank, action.question) in recommended:
            key = f"{action.bank}/{action.question}"
            by_recommendation.setdefault(key, []).append(lines[action.id])
    planned_keys = {(a.bank, a.question) for a in plan.actions}
    unplanned = sum(
        1 for item in result.recommendations if (item.bank_id, item.question_id) not in planned_keys
    )
    stale = [
        lines[a.id]
        for a in plan.actions
        if (a.bank, a.question) not in recommended and a.status in ("planned", "doing")
    ]
    counts = counts_text(plan_status(plan, path, as_of))
    title = f"{plan.title} ({path})" if plan.title else path
    headline = f"{title}: {counts} on {as_of} ({note})"
    total = len(result.recommendations)
    if total and unplanned:
        headline += f"; {unplanned} of {total} recommendations not in the plan yet"
    elif total:
        headline += "; every recommendation is in the plan"
    return PlanSummary(
        path=path,
        title=plan.title,
        as_of=as_of,
        as_of_note=note,
        counts=counts,
        by_recommendation=by_recommendation,
        unplanned=unplanned,
        no_longer_recommended=stale,
        headline=headline + ".",
    )


def planned_text(plan: PlanSummary, bank_id: str, question_id: str) -> str:
    """What the plan does about one recommendation, in a line."""
    actions = plan.by_recommendation.get(f"{bank_id}/{question_id}")
    if not actions:
        return "not in the plan yet"
    return "; ".join(action.text for action in actions)
