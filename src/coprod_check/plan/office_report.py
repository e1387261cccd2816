"""A plan as a Word document or an Excel workbook (``plan status -f docx|xlsx``), through the
office kit every report uses: the summary first (the Model for Improvement's three questions
and where the actions stand), every action in the appendix and on the Actions sheet."""

from __future__ import annotations

from collections.abc import Sequence

from coprod_check.plan.model import (
    AIM_QUESTION,
    CHANGES_QUESTION,
    IMPROVEMENT_CITATION,
    MEASURES_QUESTION,
    Plan,
)
from coprod_check.plan.progress import PlanProgress
from coprod_check.plan.report import GROUP_TITLES, counts_text, state_line
from coprod_check.plan.status import ActionState, PlanStatus
from coprod_check.render.office.document import (
    Block,
    Bullets,
    Cell,
    Heading,
    OfficeReport,
    Para,
    Sheet,
    Table,
)

ACTION_COLUMNS = [
    "Action",
    "Status",
    "Overdue (days)",
    "Recommendation",
    "Question",
    "Owner",
    "Due",
    "Measure",
    "Done on",
    "Reason",
    "Cycle",
    "Source",
]


def _row(state: ActionState) -> list[Cell]:
    action = state.action
    return [
        action.id,
        GROUP_TITLES[action.status],
        state.days_overdue,
        " ".join(action.recommendation.split()),
        f"{action.bank}/{action.question}",
        action.owner,
        action.due.isoformat() if action.due else None,
        action.measure,
        action.done_on.isoformat() if action.done_on else None,
        action.reason,
        action.cycle,
        action.citation,
    ]


def plan_office(plan: Plan, status: PlanStatus) -> OfficeReport:
    """The plan as office-report data."""
    title = f"Action plan: {plan.title}" if plan.title else f"Action plan: {status.path}"
    improvement = plan.improvement
    summary: list[Block] = [
        Para(f"{counts_text(status)}.", label=f"On {status.today}"),
        Heading("The Model for Improvement", 2),
        Para(improvement.aim or "Not answered yet.", label=AIM_QUESTION),
        Para(improvement.measures or "Not answered yet.", label=MEASURES_QUESTION),
        Para(improvement.changes or "Not answered yet.", label=CHANGES_QUESTION),
        Para(IMPROVEMENT_CITATION, label="Source"),
    ]
    overdue = status.groups["overdue"]
    if overdue:
        summary += [
            Heading("Overdue", 2),
            Bullets(
                [
                    f"{s.action.id}: {' '.join(s.action.recommendation.split())} ({state_line(s)})"
                    for s in overdue
                ]
            ),
        ]
    detail: list[Block] = []
    for name, members in status.groups.items():
        if not members:
            continue
        detail += [
            Heading(f"{GROUP_TITLES[name]} ({len(members)})", 2),
            Table(
                caption=f"{GROUP_TITLES[name]} actions",
                columns=["Action", "Recommendation", "Owner", "Due", "Measure", "Cycle"],
                rows=[
                    [
                        s.action.id,
                        " ".join(s.action.recommendation.split()),
                        s.action.owner,
                        s.action.due.isoformat() if s.action.due else None,
                        s.action.measure,
                        s.action.cycle,
                    ]
                    for s in members
                ],
            ),
        ]
    cycles = Table(
        caption="Plan-Do-Study-Act cycles",
        columns=["Cycle", "Starts", "Study on", "Study", "Act"],
        rows=[
            [
                cycle.cycle,
                cycle.starts.isoformat() if cycle.starts else None,
                cycle.study_on.isoformat() if cycle.study_on else None,
                cycle.study,
                cycle.act,
            ]
            for cycle in plan.cycles
        ],
    )
    detail += [Heading("Cycles", 2), cycles]
    states = [state for members in status.groups.values() for state in members]
    actions = Table(caption="Every action", columns=ACTION_COLUMNS, rows=[_row(s) for s in states])
    return OfficeReport(
        title=title,
        summary=summary,
        detail=detail,
        sheets=[Sheet("Actions", actions), Sheet("Cycles", cycles)],
        footer=f"coprod-check plan status, {status.path}",
    )


def progress_office(plans: Sequence[PlanProgress]) -> tuple[list[Block], list[Sheet]]:
    """Plans beside a comparison (``compare ... plan.yaml -o progress.docx``): per plan, every
    action of every cycle with how its question moved; a sheet each."""
    blocks: list[Block] = []
    sheets: list[Sheet] = []
    for number, plan in enumerate(plans, start=1):
        table = Table(
            caption=f"Actions of {plan.path} by cycle, and how their questions moved",
            columns=["Cycle", "Points", "Action", "Recommendation", "Owner", "Status", "Outcome"],
            rows=[
                [
                    cycle.cycle,
                    f"{cycle.from_point or '–'} to {cycle.to_point or '–'}",
                    item.id,
                    item.recommendation,
                    item.owner,
                    GROUP_TITLES[item.status],
                    item.words,
                ]
                for cycle in plan.cycles
                for item in cycle.actions
            ],
        )
        blocks += [
            Heading(f"Action plan: {plan.title or plan.path}"),
            Para(plan.summary, label=plan.path),
            table,
        ]
        sheets.append(Sheet("Plan" if number == 1 else f"Plan {number}", table))
    return blocks, sheets
