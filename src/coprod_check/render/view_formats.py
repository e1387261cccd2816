"""Text, markdown and HTML of any kind of result: its view after its one-page summary.

Score, aggregate and compare reports are built the same way: a *view* (the report's words and
numbers, in order, as plain data) and a one-page summary, laid out as terminal text (the render
kit's blocks, :mod:`coprod_check.render.kit`), markdown and HTML (the kind's two templates). A
kind names its parts once, in a :class:`ViewFormats`; this module is the one place that puts
them together. Parts are named ``"module:function"`` and imported when used, so choosing JSON
never imports rich or jinja2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coprod_check.records import Record, record
from coprod_check.render.formats import load

if TYPE_CHECKING:
    from coprod_check.render.formats import RenderOptions


@record
class ViewFormats(Record):
    """How one kind of result is told in text, markdown and HTML."""

    view: str
    """``(result, options) -> view``; the view has a ``tool_version``."""
    page: str
    """``(result) -> OnePage``, the one-page summary every format opens with."""
    blocks: str
    """``(view, width) -> list of blocks``: the terminal report, at ``width`` (the render kit's
    blocks, or rich renderables)."""
    template: str
    """``"aggregate"``: the templates ``aggregate.md.j2`` and ``aggregate.html.j2``."""
    summary_at: int = 1
    """How many opening text blocks (the title, a header) come before the summary."""
    html_extras: str | None = None
    """``(view) -> dict`` of more values for the HTML template (its charts)."""

    def text(self, result: Any, options: RenderOptions) -> str:
        """The terminal report; ANSI colour codes only when colour is wanted."""
        from coprod_check.render.summary.text import report_text

        view = load(self.view)(result, options)
        blocks = load(self.blocks)
        page = load(self.page)(result)
        return report_text(
            lambda width: blocks(view, width),
            page,
            color=options.color,
            width=options.width,
            at=self.summary_at,
        )

    def markdown(self, result: Any, options: RenderOptions) -> str:
        """Markdown (wikis, pull requests, e-mail): the summary, then the detail."""
        return self._template("md", result, options)

    def html(self, result: Any, options: RenderOptions) -> str:
        """One self-contained HTML file: inline CSS and SVG, no script, nothing fetched."""
        return self._template("html", result, options)

    def _template(self, kind: str, result: Any, options: RenderOptions) -> str:
        from coprod_check.render.jinja_env import render_template

        view = load(self.view)(result, options)
        extras = load(self.html_extras)(view) if kind == "html" and self.html_extras else {}
        return render_template(
            f"{self.template}.{kind}.j2",
            view=view,
            page=load(self.page)(result),
            tool_version=view.tool_version,
            **extras,
        )


__all__ = ["ViewFormats"]
