"""Reporters: render a :class:`~coprod_check.scoring.result.Result` in every format.

Reporters only render: they take a finished result and return a string (or a file's bytes);
the CLI decides where it goes. The registry is built like every other kind's
(:meth:`~coprod_check.render.formats.Registry.of`); each format's module (and rich or jinja2 with
it) is imported only when that format is asked for, so ``--format json`` never pays for rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_check.render.formats import Registry, RenderOptions
from coprod_check.render.view_formats import ViewFormats

if TYPE_CHECKING:
    from coprod_check.scoring.report.view import ReportView
    from coprod_check.scoring.result import Result

REPORTS: Registry[Result] = Registry.of(
    ViewFormats(
        view="coprod_check.scoring.report:report_view",
        page="coprod_check.render.summary.build:score_summary",
        blocks="coprod_check.scoring.report.text:text_blocks",
        template="report",
        summary_at=3,
        html_extras="coprod_check.scoring.report.html:charts",
    )
)
FORMATS: tuple[str, ...] = REPORTS.names
render = REPORTS.render


def report_view(result: Result, options: RenderOptions) -> ReportView:
    """The report's words in order: ``--explain`` adds the trace, ``--all`` every
    recommendation, ``--plan`` the plan beside them."""
    from coprod_check.scoring.report.view import build_view

    return build_view(result, explain=options.explain, show_all=options.show_all, plan=options.plan)


__all__ = ["FORMATS", "REPORTS", "render", "report_view"]
