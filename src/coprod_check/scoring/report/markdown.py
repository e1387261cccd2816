"""The report as markdown (for wikis, pull requests and e-mail), from ``report.md.j2``."""

from __future__ import annotations

from coprod_check.render.jinja_env import render_template
from coprod_check.scoring.report.view import ReportView


def render_markdown(view: ReportView) -> str:
    """Headings, tables and lists in the same order as the terminal report."""
    return render_template("report.md.j2", view=view)
