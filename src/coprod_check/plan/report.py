"""Render ``plan status`` as plain text or JSON (no rich, no jinja2: it runs in CI jobs)."""

from __future__ import annotations

import textwrap

from coprod_check.plan.status import ActionState, PlanStatus
from coprod_check.problems.wording import plural
from coprod_check.render.json_text import json_text

FORMATS: tuple[str, ...] = ("text", "json")
WIDTH = 100

GROUP_TITLES = {
    "overdue": "Overdue",
    "doing": "Being done",
    "planned": "Planned",
    "done": "Done",
    "dropped": "Dropped",
}


def counts_text(status: PlanStatus) -> str:
    """``6 actions: 1 being done, 3 planned, 1 done, 1 dropped; 2 overdue``."""
    counts = status.counts
    parts = [
        f"{counts[name]} {GROUP_TITLES[name].lower()}"
        for name in ("doing", "planned", "done", "dropped")
        if counts[name]
    ]
    text = plural(status.total, "action") + (": " + ", ".join(parts) if parts else "")
    return text + f"; {counts['overdue']} overdue"


def _days(days: int) -> str:
    return plural(days, "day")


def state_line(state: ActionState) -> str:
    """The facts of one action after its text: owner, dates, measure, reason."""
    action = state.action
    facts = [f"owner: {action.owner or 'not given'}"]
    if action.status == "done":
        facts.append(f"done on {action.done_on}")
    elif action.status == "dropped":
        facts.append("dropped")
    elif action.due is None:
        facts.append("due: not given")
    elif state.overdue and state.days_overdue is not None:
        facts.append(f"due {action.due} ({_days(state.days_overdue)} overdue, {action.status})")
    else:
        facts.append(f"due {action.due}")
    facts.append(f"cycle {action.cycle}")
    if action.measure and action.status not in ("dropped",):
        facts.append(f"measure: {action.measure}")
    if state.needs:
        facts.append("still needs: " + ", ".join(state.needs))
    if action.status == "dropped" and action.reason:
        facts.append(f"reason: {' '.join(action.reason.split()).rstrip('.')}")
    return "; ".join(facts)


def _wrapped(text: str, indent: str, hanging: str) -> list[str]:
    return textwrap.wrap(
        " ".join(text.split()),
        width=WIDTH,
        initial_indent=indent,
        subsequent_indent=hanging,
        break_on_hyphens=False,
    )


def render_status(status: PlanStatus, fmt: str) -> str:
    """The status in ``fmt`` (text or json), ending in a newline."""
    if fmt == "json":
        return json_text(status.model_dump(mode="json"))
    title = f"{status.title} ({status.path})" if status.title else status.path
    lines = [f"Action plan: {title}", f"On {status.today}: {counts_text(status)}."]
    for name, members in status.groups.items():
        if not members:
            continue
        lines += ["", f"{GROUP_TITLES[name]} ({len(members)})"]
        for state in members:
            action = state.action
            head = f"{action.id}: {' '.join(action.recommendation.split())}"
            lines += _wrapped(head, "  ", "      ")
            facts = f"{state_line(state)} ({action.bank}/{action.question})"
            lines += _wrapped(facts, "      ", "      ")
    if not status.total:
        lines += ["", "The plan has no actions yet."]
    return "\n".join(lines) + "\n"
