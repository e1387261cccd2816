"""Render a :class:`CompareResult` as text (the render kit), JSON, markdown or HTML.

Reporters only render. rich and jinja2 are imported only by the formats that use them (text
with colour, HTML), so ``--format json`` pays for neither. Text, markdown and HTML share their
wording through :mod:`coprod_check.compare.view`; colour is decoration only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_check.compare.result import CompareResult
from coprod_check.render.formats import Registry, RenderOptions
from coprod_check.render.kit import Table
from coprod_check.render.styles import DIRECTION_STYLES, NOTICE_STYLE, TITLE_STYLE
from coprod_check.render.view_formats import ViewFormats

if TYPE_CHECKING:
    from collections.abc import Callable

    from markupsafe import Markup

    from coprod_check.compare.view import CompareView
    from coprod_check.plan.progress import PlanProgress
    from coprod_check.render.kit import Block, Para

REPORTS: Registry[CompareResult] = Registry.of(
    ViewFormats(
        view="coprod_check.compare.report:report_view",
        page="coprod_check.render.summary.build:compare_summary",
        blocks="coprod_check.compare.report:text_blocks",
        template="compare",
        html_extras="coprod_check.compare.report:html_charts",
    )
)
FORMATS: tuple[str, ...] = REPORTS.names
REGRESSION = DIRECTION_STYLES["worse"]
render = REPORTS.render


def report_view(result: CompareResult, options: RenderOptions) -> CompareView:
    """The report's words in order; no option changes them."""
    from coprod_check.compare.view import build_view

    return build_view(result)


def html_charts(view: CompareView) -> dict[str, list[Markup]]:
    """The HTML page's trend charts, one per section."""
    return {"charts": _charts(view)}


def _charts(view: CompareView) -> list[Markup]:
    """One bar chart per section: a bar for each point, in time order, with its thresholds."""
    from coprod_check.render.charts import Bar, bar_chart, threshold_markers

    charts: list[Markup] = []
    for number, row in enumerate(view.criteria, start=1):
        trend = row.trend
        bars = []
        for point, score, cell, status, words in zip(
            view.points, trend.scores, row.cells, trend.statuses, row.status_words, strict=True
        ):
            known = score is not None and status != "unknown"
            bars.append(
                Bar(
                    label=f"Point {point.point.index} ({point.date_text})",
                    value=score if known else None,
                    kind=status if known else "not-met",
                    value_text="no score" if score is None else cell,
                    status_text=words,
                    markers=threshold_markers(trend.met_at, trend.partly_met_at),
                )
            )
        charts.append(
            bar_chart(
                chart_id=f"trend-{number}",
                title=f"{trend.title}: score out of 100 at each point",
                description=row.chart_description,
                bars=bars,
            )
        )
    return charts


# -- text ----------------------------------------------------------------------------------------


def text_blocks(view: CompareView, width: int) -> list[Block]:
    """The terminal report, as the render kit's blocks (tables fold to ``width`` themselves)."""
    from coprod_check.render.kit import BLANK, Hanging, Heading, Padded, labelled, text

    heading = Heading

    def bullets(lines: list[str], indent: int = 2) -> Hanging:
        return Hanging([("•", [text(line)]) for line in lines], indent)

    def table(*columns: str) -> Table:
        grid = Table()
        for column in columns:
            grid.add_column(column)
        return grid

    blocks: list[Block] = [
        text(view.title, TITLE_STYLE),
        text(view.intro),
        labelled("Order", view.order_note),
        labelled("Comparability", view.comparability_note),
    ]
    if view.bank_changes:
        blocks.append(text("What changed in the banks:", "bold"))
        for change in view.bank_changes:
            blocks.append(Padded(text(change.head), 2))
            if change.lines:
                blocks.append(bullets(change.lines, indent=4))
    if view.left_out:
        blocks.append(labelled("Questions left out", ", ".join(view.left_out)))
    blocks.append(BLANK)

    blocks.append(heading("Points"))
    if view.respondent is not None:
        blocks.append(labelled("Respondent", view.respondent))
    points = table()
    points.add_column("#", justify="right")
    points.add_column("Input", overflow="fold", min_width=14)
    points.add_column("Date")
    if view.respondent is None:
        points.add_column("Respondent")
    for column in ("Level", "Verdict", "Answered (confidence)"):
        points.add_column(column)
    for row in view.points:
        who = [text(row.who_text)] if view.respondent is None else []
        points.add_row(
            text(str(row.point.index)),
            text(f"{row.point.label}\n({row.kind_words})"),
            text(row.date_text, no_wrap=True),
            *who,
            text(row.level_text),
            text(row.point.verdict_label),
            text(row.confidence_text),
        )
    blocks += [points, BLANK]
    if view.groups:
        blocks.append(heading("By role group"))
        groups = table("Group", *(str(number) for number in view.point_numbers))
        for group in view.groups:
            groups.add_row(text(group.label), *(text(cell) for cell in group.cells))
        blocks.append(groups)
        blocks.append(bullets([f"{g.label}: {g.sections_text}" for g in view.groups], indent=0))
        blocks.append(BLANK)

    blocks.append(heading("Changes at each cycle"))
    for step in view.steps:
        blocks.append(text(step.title, "bold"))
        lines: list[Para] = [
            labelled("Level", step.level_text, DIRECTION_STYLES[step.step.level.direction]),
            labelled("Verdict", step.verdict_text, DIRECTION_STYLES[step.step.verdict.direction]),
        ]
        blocks += [Padded(line, 2) for line in lines]
        for label, items in step.lists:
            blocks.append(Padded(text(f"{label}:", "bold"), 2))
            blocks.append(
                bullets([f"{item.text} ({item.bank_id}/{item.question_id})" for item in items], 4)
            )
        if step.step.regressions:
            blocks.append(Padded(text("Regressions:", REGRESSION), 2))
            blocks.append(bullets(step.step.regressions, 4))
    blocks.append(BLANK)

    blocks.append(heading("Sections (score out of 100 at each point)"))
    sections = table()
    sections.add_column("Section")
    sections.add_column("Role")
    for number in view.point_numbers:
        sections.add_column(str(number), justify="right")
    sections.add_column("Change", justify="right")
    sections.add_column("Direction")
    for criterion in view.criteria:
        sections.add_row(
            text(criterion.title_text),
            text(criterion.role_words),
            *(text(cell) for cell in criterion.cells),
            text(criterion.change_text),
            text(criterion.direction_words, DIRECTION_STYLES[criterion.trend.direction]),
        )
    blocks += [sections, BLANK]

    blocks.append(heading("Red flags"))
    if view.flags:
        flags = table("Status", "Severity", "Red flag", "Raised at points")
        for flag in view.flags:
            flags.add_row(
                text(flag.status_words, NOTICE_STYLE if flag.trend.status == "new" else ""),
                text(flag.severity_words),
                text(f"{flag.trend.message} ({flag.trend.bank_id}/{flag.trend.question_id})"),
                text(flag.present_text),
            )
        blocks.append(flags)
    else:
        blocks.append(text("No red flags at any point."))
    blocks.append(BLANK)

    blocks.append(heading("Recommendations"))
    if view.recommendations:
        recs = table("Status", "Recommendation", "Made at points")
        for rec in view.recommendations:
            recs.add_row(
                text(rec.status_words),
                text(f"{rec.trend.text} ({rec.trend.bank_id}/{rec.trend.question_id})"),
                text(rec.present_text),
            )
        blocks.append(recs)
    else:
        blocks.append(text("No recommendations at any point."))
    blocks.append(BLANK)

    for plan in view.plans:
        blocks += _plan_blocks(plan, heading, table)

    blocks.append(heading("Summary"))
    blocks.append(text(view.summary))
    if view.regressions:
        blocks.append(text(f"Regressions from {view.latest_step}:", REGRESSION))
        blocks.append(bullets(view.regressions))
    else:
        blocks.append(text(f"No regressions from {view.latest_step}."))
    blocks.append(text(f"coprod-check {view.tool_version}", "dim"))
    return blocks


def _plan_blocks(
    plan: PlanProgress, heading: Callable[[str], Block], table: Callable[..., Table]
) -> list[Block]:
    """An action plan beside the points: each cycle's actions and how their questions moved."""
    from coprod_check.render.kit import BLANK, Padded, text

    blocks: list[Block] = [
        heading(f"Action plan: {plan.title or plan.path}"),
        text(f"{plan.path}: {plan.summary}"),
    ]
    for cycle in plan.cycles:
        blocks.append(text(f"Cycle {cycle.cycle}: {cycle.note}", "bold"))
        if not cycle.actions:
            blocks.append(Padded(text("No actions in this cycle."), 2))
            continue
        actions = table("Action", "Recommendation", "Outcome")
        for item in cycle.actions:
            actions.add_row(
                text(item.id),
                text(f"{item.recommendation} ({item.bank_id}/{item.question_id})"),
                text(item.words, NOTICE_STYLE if item.done_not_improved else ""),
            )
        blocks.append(Padded(actions, 2))
    blocks.append(BLANK)
    return blocks
