"""The HTML report's charts; the page itself is ``report.html.j2`` (:mod:`.view_formats`).

Self-contained means it loads nothing: CSS is inline, charts are inline SVG (``charts.py``),
there is no JavaScript, and a Content-Security-Policy forbids the browser from fetching anything.
All user text goes through jinja2's autoescaping.
"""

from __future__ import annotations

from markupsafe import Markup

from coprod_check.render.charts import Bar, Marker, bar_chart, threshold_markers
from coprod_check.scoring.report.view import ReportView, SectionRow

NO_SCORE = "no score"


def _section_bar(row: SectionRow) -> Bar:
    section = row.section
    known = section.status != "unknown" and section.score is not None
    return Bar(
        label=section.title,
        value=section.score if known else None,
        kind=section.status if known else "not-met",
        value_text=row.score_text if known else NO_SCORE,
        status_text=row.status_words,
        markers=threshold_markers(section.met_at, section.partly_met_at),
    )


def section_chart(view: ReportView) -> Markup:
    """Bars for the criteria (or, when there are none, every section) with their thresholds."""
    what = "criterion" if view.chart_sections_are_criteria else "section"
    return bar_chart(
        chart_id="chart-sections",
        title=f"Score of each {what}, out of 100",
        description=f"Bar chart of each {what}'s score out of 100 with its thresholds.",
        bars=[_section_bar(row) for row in view.chart_sections],
    )


def level_chart(view: ReportView) -> Markup:
    """Bars for each Needham & Carr level's indicator score against the score it needs."""
    return bar_chart(
        chart_id="chart-levels",
        title="Needham & Carr levels: indicator scores out of 100",
        description="Bar chart of each level's indicator score and the score needed to reach it.",
        bars=[
            Bar(
                label=f"{step.name} ({step.aliases_text})" if step.aliases_text else step.name,
                value=step.score,
                kind="reached" if step.reached else "not-reached",
                value_text=NO_SCORE if step.score is None else step.score_text,
                status_text=step.reached_words,
                markers=(
                    Marker(
                        step.threshold,
                        "dashed",
                        f"needs {step.threshold_text}",
                        "Dashed line: score needed to reach the level",
                    ),
                ),
            )
            for step in view.steps
        ],
    )


def charts(view: ReportView) -> dict[str, Markup | None]:
    """The HTML page's charts: the sections, and the levels when a bank defines them."""
    return {
        "section_chart": section_chart(view),
        "level_chart": level_chart(view) if view.steps else None,
    }
