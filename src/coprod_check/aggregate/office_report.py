"""An aggregate result as an office report: summary and heat map, then every view."""

from __future__ import annotations

from coprod_check.aggregate.result import AggregateResult
from coprod_check.aggregate.view import group_label, problem_line
from coprod_check.render.office.document import Block, Heading, OfficeReport, Para, Sheet, Table
from coprod_check.render.office.first_page import heat_table, summary_blocks
from coprod_check.render.summary.build import aggregate_summary
from coprod_check.render.summary.model import HeatMap
from coprod_check.render.words import banks_text


def aggregate_office(result: AggregateResult) -> OfficeReport:
    page = aggregate_summary(result)
    groups = Table(
        "Role groups",
        ["Group", "Shown", "Respondents", "Verdict", "Level", "Questions with a typical answer"],
        [],
    )
    outcomes = {item.group: item for item in result.outcomes}
    for group in result.groups:
        outcome = outcomes.get(group.id)
        groups.rows.append(
            [
                group.label,
                "yes" if group.shown else "no (privacy)",
                group.respondents,
                outcome.verdict.label if outcome else None,
                outcome.level_name if outcome else None,
                outcome.answered_questions if outcome else None,
            ]
        )
    shown = [group for group in result.groups if group.shown]
    heat = page.heat_map or HeatMap(
        caption="Section scores (0-100) by group",
        rows=[section.title for section in result.sections],
        columns=[group.label for group in shown],
        scores=[
            [next((g.score for g in s.groups if g.group == group.id), None) for group in shown]
            for s in result.sections
        ],
    )
    sections = heat_table(heat)
    gaps = Table(
        "Perception gaps: sections one group scores much higher than another",
        ["Section", "Higher group", "Its score", "Lower group", "Its score", "Gap (points)"],
        [
            [
                gap.title,
                group_label(gap.higher),
                gap.higher_score,
                group_label(gap.lower),
                gap.lower_score,
                gap.gap,
            ]
            for gap in result.gaps
        ],
    )
    questions = Table(
        "Every question, by group (scores in points, 0-100)",
        [
            "Bank",
            "Question",
            "Statement",
            "Group",
            "n",
            "Don't know",
            "Unanswered",
            "Median",
            "Q1",
            "Q3",
            "Spread (IQR)",
            "Mean",
            "Typical answer",
        ],
        [
            [
                q.bank_id,
                q.question_id,
                q.statement,
                group_label(d.group),
                None if d.suppressed else d.n,
                d.dont_know,
                d.unanswered,
                d.median,
                d.q1,
                d.q3,
                d.iqr,
                d.mean,
                "hidden (privacy)" if d.suppressed else d.typical_label,
            ]
            for q in result.questions
            for d in q.groups
        ],
    )
    disagreements = Table(
        "Questions with the most disagreement",
        ["Rank", "Question", "Statement", "n", "Spread (IQR)", "Q1", "Q3"],
        [
            [d.rank, d.question_id, d.statement, d.n, d.iqr, d.q1, d.q3]
            for d in result.disagreements
        ],
    )
    detail: list[Block] = [
        Para(banks_text(result.banks), "Question banks"),
        Heading("Groups"),
        groups,
        Heading("Sections by group"),
        sections,
        Heading("Perception gaps"),
        gaps if result.gaps else Para("No perception gaps at the threshold set."),
        Heading("Most disagreement"),
        disagreements,
    ]
    if result.problems:
        detail += [
            Heading("Rows skipped"),
            Para("; ".join(problem_line(problem) for problem in result.problems)),
        ]
    sheets = [
        Sheet("Sections", sections),
        Sheet("Questions", questions),
        Sheet("Groups", groups),
        Sheet("Gaps", gaps),
        Sheet("Disagreement", disagreements),
    ]
    if result.notes is not None:
        notes = Table(
            "Notes",
            ["Group", "Question", "Note"],
            [[group_label(n.group), n.question_id or "general", n.text] for n in result.notes],
        )
        sheets.append(Sheet("Notes", notes))
    return OfficeReport(
        title="Co-production readiness: workshop and survey results",
        summary=summary_blocks(page),
        detail=detail,
        sheets=sheets,
        footer=f"coprod-check {result.tool_version}",
    )


__all__ = ["aggregate_office"]
