"""The report as markdown (for wikis, pull requests and e-mail), from ``report.md.j2``."""

from __future__ import annotations

from coprod_check.render.formats import RenderOptions
from coprod_check.render.jinja_env import render_template
from coprod_check.render.summary.model import OnePage
from coprod_check.scoring.report.view import ReportView, build_view
from coprod_check.scoring.result import Result


def render_markdown(view: ReportView, page: OnePage | None = None) -> str:
    """The one-page summary (when given), then headings, tables and lists in the same order
    as the terminal report."""
    return render_template("report.md.j2", view=view, page=page)


def report(result: Result, options: RenderOptions) -> str:
    """The registry's ``markdown`` renderer."""
    from coprod_check.render.summary.build import score_summary

    view = build_view(result, explain=options.explain, show_all=options.show_all, plan=options.plan)
    return render_markdown(view, score_summary(result))
