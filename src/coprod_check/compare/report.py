"""Render a :class:`CompareResult` as text (rich), JSON, markdown or HTML.

Reporters only render. rich and jinja2 are imported inside the functions that use them, so
``--format json`` pays for neither. Text, markdown and HTML share their wording through
:mod:`coprod_check.compare.view`; colour is decoration only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_check.compare.result import CompareResult
from coprod_check.render.formats import Registry, RenderOptions
from coprod_check.render.styles import DIRECTION_STYLES, NOTICE_STYLE, TITLE_STYLE
from coprod_check.render.view_formats import ViewFormats

if TYPE_CHECKING:
    from collections.abc import Callable

    from markupsafe import Markup
    from rich.console import RenderableType
    from rich.table import Table

    from coprod_check.compare.view import CompareView
    from coprod_check.plan.progress import PlanProgress

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


def text_blocks(view: CompareView, width: int) -> list[RenderableType]:
    """The terminal report (rich tables fold to ``width`` themselves)."""
    from rich import box
    from rich.padding import Padding
    from rich.rule import Rule
    from rich.text import Text

    from coprod_check.render.hanging import Hanging
    from coprod_check.render.table import ReportTable

    def heading(title: str) -> Rule:
        return Rule(Text(title, style="bold"), align="left", characters="─")

    def labelled(label: str, value: str, style: str = "") -> Text:
        return Text.assemble((f"{label}: ", "bold"), (value, style))

    def bullets(lines: list[str], indent: int = 2) -> Hanging:
        return Hanging([("•", [Text(line)]) for line in lines], indent)

    def table(*columns: str) -> Table:
        grid = ReportTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
        for column in columns:
            grid.add_column(column)
        return grid

    blocks: list[RenderableType] = [
        Text(view.title, style=TITLE_STYLE),
        Text(view.intro),
        labelled("Order", view.order_note),
        labelled("Comparability", view.comparability_note),
    ]
    if view.bank_changes:
        blocks.append(Text("What changed in the banks:", style="bold"))
        for change in view.bank_changes:
            blocks.append(Padding(Text(change.head), (0, 0, 0, 2)))
            if change.lines:
                blocks.append(bullets(change.lines, indent=4))
    if view.left_out:
        blocks.append(labelled("Questions left out", ", ".join(view.left_out)))
    blocks.append(Text(""))

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
        who = [Text(row.who_text)] if view.respondent is None else []
        points.add_row(
            Text(str(row.point.index)),
            Text(f"{row.point.label}\n({row.kind_words})"),
            Text(row.date_text, no_wrap=True),
            *who,
            Text(row.level_text),
            Text(row.point.verdict_label),
            Text(row.confidence_text),
        )
    blocks += [points, Text("")]
    if view.groups:
        blocks.append(heading("By role group"))
        groups = table("Group", *(str(number) for number in view.point_numbers))
        for group in view.groups:
            groups.add_row(Text(group.label), *(Text(cell) for cell in group.cells))
        blocks.append(groups)
        blocks.append(bullets([f"{g.label}: {g.sections_text}" for g in view.groups], indent=0))
        blocks.append(Text(""))

    blocks.append(heading("Changes at each cycle"))
    for step in view.steps:
        blocks.append(Text(step.title, style="bold"))
        lines: list[Text] = [
            labelled("Level", step.level_text, DIRECTION_STYLES[step.step.level.direction]),
            labelled("Verdict", step.verdict_text, DIRECTION_STYLES[step.step.verdict.direction]),
        ]
        blocks += [Padding(line, (0, 0, 0, 2)) for line in lines]
        for label, items in step.lists:
            blocks.append(Padding(Text(f"{label}:", style="bold"), (0, 0, 0, 2)))
            blocks.append(
                bullets([f"{item.text} ({item.bank_id}/{item.question_id})" for item in items], 4)
            )
        if step.step.regressions:
            blocks.append(Padding(Text("Regressions:", style=REGRESSION), (0, 0, 0, 2)))
            blocks.append(bullets(step.step.regressions, 4))
    blocks.append(Text(""))

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
            Text(criterion.title_text),
            Text(criterion.role_words),
            *(Text(cell) for cell in criterion.cells),
            Text(criterion.change_text),
            Text(criterion.direction_words, style=DIRECTION_STYLES[criterion.trend.direction]),
        )
    blocks += [sections, Text("")]

    blocks.append(heading("Red flags"))
    if view.flags:
        flags = table("Status", "Severity", "Red flag", "Raised at points")
        for flag in view.flags:
            flags.add_row(
                Text(flag.status_words, style=NOTICE_STYLE if flag.trend.status == "new" else ""),
                Text(flag.severity_words),
                Text(f"{flag.trend.message} ({flag.trend.bank_id}/{flag.trend.question_id})"),
                Text(flag.present_text),
            )
        blocks.append(flags)
    else:
        blocks.append(Text("No red flags at any point."))
    blocks.append(Text(""))

    blocks.append(heading("Recommendations"))
    if view.recommendations:
        recs = table("Status", "Recommendation", "Made at points")
        for rec in view.recommendations:
            recs.add_row(
                Text(rec.status_words),
                Text(f"{rec.trend.text} ({rec.trend.bank_id}/{rec.trend.question_id})"),
                Text(rec.present_text),
            )
        blocks.append(recs)
    else:
        blocks.append(Text("No recommendations at any point."))
    blocks.append(Text(""))

    for plan in view.plans:
        blocks += _plan_blocks(plan, heading, table)

    blocks.append(heading("Summary"))
    blocks.append(Text(view.summary))
    if view.regressions:
        blocks.append(Text(f"Regressions from {view.latest_step}:", style=REGRESSION))
        blocks.append(bullets(view.regressions))
    else:
        blocks.append(Text(f"No regressions from {view.latest_step}."))
    blocks.append(Text(f"coprod-check {view.tool_version}", style="dim"))
    return blocks


def _plan_blocks(
    plan: PlanProgress, heading: Callable[[str], RenderableType], table: Callable[..., Table]
) -> list[RenderableType]:
    """An action plan beside the points: each cycle's actions and how their questions moved."""
    from rich.padding import Padding
    from rich.text import Text

    blocks: list[RenderableType] = [
        heading(f"Action plan: {plan.title or plan.path}"),
        Text(f"{plan.path}: {plan.summary}"),
    ]
    for cycle in plan.cycles:
        blocks.append(Text(f"Cycle {cycle.cycle}: {cycle.note}", style="bold"))
        if not cycle.actions:
            blocks.append(Padding(Text("No actions in this cycle."), (0, 0, 0, 2)))
            continue
        actions = table("Action", "Recommendation", "Outcome")
        for item in cycle.actions:
            actions.add_row(
                Text(item.id),
                Text(f"{item.recommendation} ({item.bank_id}/{item.question_id})"),
                Text(item.words, style=NOTICE_STYLE if item.done_not_improved else ""),
            )
        blocks.append(Padding(actions, (0, 0, 0, 2)))
    blocks.append(Text(""))
    return blocks
