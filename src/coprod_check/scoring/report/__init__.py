"""Reporters: render a :class:`~coprod_check.scoring.result.Result` as text, JSON, markdown or HTML.

Reporters only render: they take a finished result and return a string; the CLI decides where it
goes. Each format's module (and rich or jinja2 with it) is imported only when that format is asked
for, so choosing ``--format json`` never pays for rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_check.render.formats import Registry, RenderOptions

if TYPE_CHECKING:
    from coprod_check.plan.summary import PlanSummary
    from coprod_check.scoring.result import Result

REPORTS: Registry[Result] = Registry(
    {
        "text": "coprod_check.scoring.report.text:report",
        "json": "coprod_check.scoring.report.json_report:report",
        "markdown": "coprod_check.scoring.report.markdown:report",
        "html": "coprod_check.scoring.report.html:report",
        "docx": "coprod_check.render.office.formats:docx_report",
        "xlsx": "coprod_check.render.office.formats:xlsx_report",
    }
)
FORMATS: tuple[str, ...] = REPORTS.names


def render(
    result: Result,
    fmt: str,
    *,
    explain: bool = False,
    show_all: bool = False,
    color: bool | None = None,
    width: int | None = None,
    plan: PlanSummary | None = None,
) -> str | bytes:
    """The result in ``fmt`` (one of :data:`FORMATS`): text ending in a newline, or bytes.

    ``explain`` adds the trace of how each conclusion was reached; ``show_all`` lists every
    recommendation instead of the top five. ``color`` and ``width`` apply to text only:
    ``color=None`` means colour when standard output is a terminal and NO_COLOR is unset.
    JSON is always the whole result, whatever ``explain`` and ``show_all`` say. ``plan`` (from
    ``score --plan``) is shown in the summary and beside each recommendation, and in JSON as a
    ``plan`` key after the result's own.
    """
    return REPORTS.render(result, fmt, RenderOptions(explain, show_all, color, width, plan))


__all__ = ["FORMATS", "REPORTS", "render"]
