"""A score result as an office report: summary, then sections, levels, flags and answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_check.render.office.document import (
    Block,
    Bullets,
    Heading,
    Number,
    OfficeReport,
    Para,
    Sheet,
    Table,
    score_cell,
)
from coprod_check.render.office.first_page import summary_blocks
from coprod_check.render.summary.build import score_summary
from coprod_check.render.words import SEVERITY_WORDS, banks_text, format_value, format_weight
from coprod_check.scoring.report.view import build_view
from coprod_check.scoring.report.wording import respondent_lines
from coprod_check.scoring.result import Result

if TYPE_CHECKING:
    from coprod_check.plan.summary import PlanSummary


def score_office(result: Result, plan: PlanSummary | None = None) -> OfficeReport:
    """The score report for Word and Excel; with ``plan`` (``score --plan``), the plan's line in
    the summary and each recommendation's actions."""
    who = result.respondent
    title = "Co-production readiness report" + (f": {who.project}" if who.project else "")
    view = build_view(result, show_all=True, plan=plan)
    sections = Table(
        "Score of each section (0-100)",
        [
            "Bank",
            "Section",
            "Kind",
            "Score",
            "Status",
            "Answered",
            "Questions",
            "Met at",
            "Partly met at",
        ],
        [
            [
                row.section.bank_id,
                row.section.title,
                row.role_words,
                score_cell(row.section.score, (row.section.met_at, row.section.partly_met_at)),
                row.status_words,
                row.section.answered,
                row.section.total,
                row.section.met_at,
                row.section.partly_met_at,
            ]
            for row in view.sections
        ],
        shades=[[None, None, None, s.score, None, None, None, None, None] for s in result.sections],
    )
    levels = Table(
        "Needham & Carr levels: indicator scores (0-100)",
        ["Level", "Score", "Needed", "Reached", "Answered", "Questions"],
        [
            [
                step.name,
                score_cell(step.score, (step.threshold,)),
                step.threshold,
                row.reached_words,
                step.answered,
                step.total,
            ]
            for step, row in zip(result.level.steps, view.steps, strict=True)
        ],
    )
    questions = Table(
        "Every answer",
        ["Bank", "Section", "Question", "Statement", "Answer", "Value (0-1)", "Weight", "Note"],
        [
            [
                a.bank_id,
                s.title,
                a.question_id,
                a.statement,
                a.answer_label or "Not answered",
                None if a.value is None else Number(a.value, format_value(a.value)),
                Number(a.weight, format_weight(a.weight)),
                a.note or "",
            ]
            for s in result.sections
            for a in s.answers
        ],
    )
    actions = Table(
        "Every recommendation, most important first",
        ["Rank", "Kind", "What to do", "Why", "Source", *(["In the plan"] if plan else [])],
        [
            [
                r.item.rank,
                r.category_words,
                r.item.text,
                r.item.because,
                r.citation,
                *([r.planned] if r.planned is not None else []),
            ]
            for r in view.recommendations
        ],
    )
    flags = Table(
        "Red flags",
        ["Severity", "Message", "Question", "Answer", "Source"],
        [
            [SEVERITY_WORDS[f.severity], f.message, f.statement, f.answer_label, f.citation.short]
            for f in result.red_flags
        ],
    )
    detail: list[Block] = [Para(value, label) for label, value in respondent_lines(who)]
    detail += [
        Para(banks_text(result.banks), "Question banks"),
        Heading("Verdict: every reason"),
        Bullets(list(result.verdict.reasons) + list(result.verdict.conditions) or ["None."]),
        Heading("Sections"),
        sections,
    ]
    if result.level.steps:
        detail += [Heading("Needham & Carr level"), levels]
    detail += [
        Heading("Red flags"),
        flags if result.red_flags else Para("No red flags were raised."),
    ]
    detail += [Heading("What to do next"), actions, Heading("Answers"), questions]
    return OfficeReport(
        title=title,
        summary=[
            *summary_blocks(score_summary(result)),
            *([Para(plan.headline, "Action plan")] if plan else []),
        ],
        detail=detail,
        sheets=[
            Sheet("Sections", sections),
            Sheet("Questions", questions),
            Sheet("Levels", levels),
            Sheet("Actions", actions),
            Sheet("Red flags", flags),
        ],
        footer=f"coprod-check {result.tool_version}",
    )


__all__ = ["score_office"]
