"""Where a plan stands on a given day: actions by status, and those overdue.

Pure: the day is an argument (``plan status --today``), so the same plan and day give the same
answer. An action is overdue when it is planned or being done and its due date is before that
day (an action due today is not overdue yet). Done and dropped actions are never overdue.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from coprod_check.plan.model import Action, ActionStatus, Plan

STATUS_VERSION = 1
STATUS_ORDER: tuple[ActionStatus, ...] = ("doing", "planned", "done", "dropped")


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ActionState(_Frozen):
    """One action as of the day: its fields, plus whether it is overdue and by how long."""

    action: Action
    overdue: bool
    days_overdue: int | None = Field(description="Days past its due date; null unless overdue.")
    needs: list[str] = Field(description="What the action still lacks: owner, due date, measure.")


class PlanStatus(_Frozen):
    """The ``plan status`` contract: text renders it, ``--format json`` prints it."""

    status_version: int = STATUS_VERSION
    path: str
    title: str | None
    today: dt.date
    counts: dict[str, int] = Field(description="Actions per status, and 'overdue'.")
    groups: dict[str, list[ActionState]] = Field(
        description="overdue, doing, planned, done, dropped: each action once, overdue first."
    )
    total: int


def _needs(action: Action) -> list[str]:
    if action.status in ("done", "dropped"):
        return []
    missing = [("owner", action.owner), ("due date", action.due), ("measure", action.measure)]
    return [name for name, value in missing if value is None]


def action_state(action: Action, today: dt.date) -> ActionState:
    """``action`` as of ``today``."""
    late = action.status in ("planned", "doing") and action.due is not None and action.due < today
    return ActionState(
        action=action,
        overdue=late,
        days_overdue=(today - action.due).days if late and action.due else None,
        needs=_needs(action),
    )


def plan_status(plan: Plan, path: str, today: dt.date) -> PlanStatus:
    """Every action of ``plan`` grouped as of ``today``; overdue ones longest overdue first,
    the others by due date (undated last), then in the plan's order."""
    states = [action_state(action, today) for action in plan.actions]
    groups: dict[str, list[ActionState]] = {"overdue": []}
    groups.update({status: [] for status in STATUS_ORDER})
    for state in states:
        groups["overdue" if state.overdue else state.action.status].append(state)
    far = dt.date.max
    for name, members in groups.items():
        if name in ("done", "dropped"):
            continue
        members.sort(key=lambda s: s.action.due or far)
    counts: dict[str, int] = {
        status: sum(1 for s in states if s.action.status == status) for status in STATUS_ORDER
    }
    counts["overdue"] = len(groups["overdue"])
    return PlanStatus(
        path=path, title=plan.title, today=today, counts=counts, groups=groups, total=len(states)
    )
