"""A compare result as an office report: where things stand now, then every trend."""

from __future__ import annotations

from coprod_check.compare.result import CompareResult
from coprod_check.plan.office_report import progress_office
from coprod_check.render.office.document import Block, Heading, OfficeReport, Para, Sheet, Table
from coprod_check.render.office.first_page import summary_blocks
from coprod_check.render.summary.build import compare_summary


def compare_office(result: CompareResult) -> OfficeReport:
    labels = [point.label for point in result.points]
    points = Table(
        "The points compared, in time order",
        ["Point", "Date", "Kind", "Respondents", "Level", "Verdict", "Answered"],
        [
            [
                p.label,
                p.date or "",
                p.kind,
                p.respondents,
                p.level_name,
                p.verdict_label,
                p.confidence.answered,
            ]
            for p in result.points
        ],
    )
    criteria = Table(
        "Section scores (0-100) at each point",
        ["Section", *labels, "Change"],
        [[c.title, *c.scores, c.change] for c in result.criteria],
        shades=[[None, *c.scores, None] for c in result.criteria],
    )
    actions = Table(
        "Recommendations across the points",
        ["What to do", "Status", *labels],
        [
            [r.text, r.status, *("yes" if made else "no" for made in r.present)]
            for r in result.recommendations
        ],
    )
    flags = Table(
        "Red flags across the points",
        ["Message", "Severity", "Status", *labels],
        [
            [f.message, f.severity, f.status, *("yes" if up else "no" for up in f.present)]
            for f in result.red_flags
        ],
    )
    groups = Table(
        "Each role group at each point: verdict; level (people)",
        ["Group", *labels, "Section scores, first to last"],
        [
            [
                g.label,
                *(
                    "–" if verdict is None else f"{verdict}; {level} ({people})"
                    for verdict, level, people in zip(
                        g.verdicts, g.levels, g.respondents, strict=True
                    )
                ),
                "; ".join(
                    f"{s.title}: {s.scores[0]} to {s.scores[-1]}"
                    for s in g.sections
                    if s.change is not None
                ),
            ]
            for g in result.groups
        ],
    )
    group_blocks: list[Block] = [Heading("By role group"), groups] if result.groups else []
    detail: list[Block] = [
        Para(result.summary, "What moved"),
        Para(result.order_note, "Order"),
        Heading("Points"),
        points,
        Heading("Sections"),
        criteria,
        *group_blocks,
        Heading("Red flags"),
        flags,
        Heading("Recommendations"),
        actions,
    ]
    plan_blocks, plan_sheets = progress_office(result.plans)
    return OfficeReport(
        title="Progress across improvement cycles",
        summary=summary_blocks(compare_summary(result)),
        detail=[*detail, *plan_blocks],
        sheets=[
            Sheet("Points", points),
            Sheet("Sections", criteria),
            *([Sheet("Groups", groups)] if result.groups else []),
            Sheet("Red flags", flags),
            Sheet("Recommendations", actions),
            *plan_sheets,
        ],
        footer=f"coprod-check {result.tool_version}",
    )


__all__ = ["compare_office"]
