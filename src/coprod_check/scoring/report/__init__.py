"""Reporters: render a :class:`~coprod_check.scoring.result.Result` as text, JSON, markdown or HTML.

Reporters only render: they take a finished result and return a string; the CLI decides where it
goes. Each format's module (and rich or jinja2 with it) is imported only when that format is asked
for, so choosing ``--format json`` never pays for rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coprod_check.errors import UsageError

if TYPE_CHECKING:
    from coprod_check.scoring.result import Result

FORMATS: tuple[str, ...] = ("text", "json", "markdown", "html")


def render(
    result: Result,
    fmt: str,
    *,
    explain: bool = False,
    show_all: bool = False,
    color: bool | None = None,
    width: int | None = None,
) -> str:
    """The result in ``fmt`` (one of :data:`FORMATS`), ending in a newline.

    ``explain`` adds the trace of how each conclusion was reached; ``show_all`` lists every
    recommendation instead of the top five. ``color`` and ``width`` apply to text only:
    ``color=None`` means colour when standard output is a terminal and NO_COLOR is unset.
    JSON is always the whole result, whatever ``explain`` and ``show_all`` say.
    """
    if fmt == "json":
        from coprod_check.scoring.report.json_report import render_json

        return render_json(result)
    if fmt not in FORMATS:
        raise UsageError(f"unknown report format {fmt!r}; choose one of: {', '.join(FORMATS)}")

    from coprod_check.scoring.report.view import build_view

    view = build_view(result, explain=explain, show_all=show_all)
    if fmt == "text":
        from coprod_check.scoring.report.text import render_text

        return render_text(view, color=color, width=width)
    if fmt == "markdown":
        from coprod_check.scoring.report.markdown import render_markdown

        return render_markdown(view)
    from coprod_check.scoring.report.html import render_html

    return render_html(view)


__all__ = ["FORMATS", "render"]
