"""A compare result as an office report: where things stand now, then every trend."""

from __future__ import annotations

from coprod_check.compare.result import CompareResult, CriterionTrend
from coprod_check.compare.view import build_view, shown_change
from coprod_check.plan.office_report import progress_office
from coprod_check.render.office.document import (
    Block,
    Cell,
    Heading,
    Number,
    OfficeReport,
    Para,
    Sheet,
    Table,
    cell_text,
    score_cell,
)
from coprod_check.render.office.first_page import summary_blocks
from coprod_check.render.summary.build import compare_summary
from coprod_check.render.words import format_score


def _scores(trend: CriterionTrend) -> list[Cell]:
    return [score_cell(score, (trend.met_at, trend.partly_met_at)) for score in trend.scores]


def _change(trend: CriterionTrend) -> Cell:
    """The change as every report shows it: worked out from the shown scores, so it adds up."""
    if trend.change is None:
        return None
    shown = [cell_text(cell) for cell in _scores(trend)]
    return Number(trend.change, shown_change(shown[0], shown[-1]))


def compare_office(result: CompareResult) -> OfficeReport:
    """The comparison for Word and Excel, in the same words as its other formats (its view)."""
    view = build_view(result)
    labels = [point.label for point in result.points]
    points = Table(
        "The points compared, in time order",
        ["Point", "Date", "Kind", "Respondents", "Level", "Verdict", "Answered"],
        [
            [
                row.point.label,
                row.point.date or "",
                row.kind_words,
                row.point.respondents,
                row.point.level_name,
                row.point.verdict_label,
                row.point.confidence.answered,
            ]
            for row in view.points
        ],
    )
    criteria = Table(
        "Section scores (0-100) at each point",
        ["Section", *labels, "Change"],
        [[c.title, *_scores(c), _change(c)] for c in result.criteria],
        shades=[[None, *c.scores, None] for c in result.criteria],
    )
    actions = Table(
        "Recommendations across the points",
        ["What to do", "Status", *labels],
        [
            [r.trend.text, r.status_words, *("yes" if made else "no" for made in r.trend.present)]
            for r in view.recommendations
        ],
    )
    flags = Table(
        "Red flags across the points",
        ["Message", "Severity", "Status", *labels],
        [
            [
                f.trend.message,
                f.severity_words,
                f.status_words,
                *("yes" if up else "no" for up in f.trend.present),
            ]
            for f in view.flags
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
                    f"{s.title}: {format_score(s.scores[0])} to {format_score(s.scores[-1])}"
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
