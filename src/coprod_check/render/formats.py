"""The report format registry: format name -> renderer, one registry per kind of result.

Each command's ``--format`` choices are an :class:`~enum.StrEnum` (so ``--help`` lists them and
typer itself refuses a bad value with exit code 2), and each kind of result (score, aggregate,
compare) has a :class:`Registry`, built by :meth:`Registry.of` in the same way for all three:
JSON (the whole result) and Word and Excel (the office kit) are shared by every kind; text,
markdown and HTML are the kind's view laid out three ways (:mod:`.view_formats`). Renderers are
named ``"module:function"`` and imported only when their format is asked for, so ``--format
json`` never pays for rich or jinja2. A test checks that every choice has a renderer and every
renderer a choice.

To add a format: add a member to the command's enum below and the renderer to
:data:`SHARED` (every kind) or to the kind's ``Registry.of(..., name="module:function")``. A
renderer returns ``str`` for text formats and ``bytes`` for binary ones (docx, xlsx).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

if TYPE_CHECKING:
    from coprod_check.plan.summary import PlanSummary
    from coprod_check.render.view_formats import ViewFormats

ResultT = TypeVar("ResultT")


class ReportFormat(StrEnum):
    """``score`` and ``compare`` reports."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    DOCX = "docx"
    XLSX = "xlsx"


class AggregateFormat(StrEnum):
    """``aggregate`` reports: the report formats plus CSV for spreadsheets."""

    TEXT = "text"
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    HTML = "html"
    DOCX = "docx"
    XLSX = "xlsx"


class HandoutFormat(StrEnum):
    """The printable questionnaire (``questionnaire``)."""

    MARKDOWN = "markdown"
    HTML = "html"


class PlanFormat(StrEnum):
    """``plan status``: plain text or JSON, or the plan exported to Word or Excel."""

    TEXT = "text"
    JSON = "json"
    DOCX = "docx"
    XLSX = "xlsx"


class ValidateFormat(StrEnum):
    """``validate`` output: plain text, JSON, or GitHub Actions annotations."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


class RenderOptions:
    """What a renderer may be asked besides the result; each format uses what applies to it.

    ``color=None`` means colour when standard output is a terminal and NO_COLOR is unset.
    ``plan`` is an action plan set beside a score result (``score --plan``). A plain class:
    every command imports this module, and a dataclass costs a millisecond to define.
    """

    __slots__ = ("color", "explain", "plan", "show_all", "width")

    def __init__(
        self,
        explain: bool = False,
        show_all: bool = False,
        color: bool | None = None,
        width: int | None = None,
        plan: PlanSummary | None = None,
    ) -> None:
        self.explain = explain
        self.show_all = show_all
        self.color = color
        self.width = width
        self.plan = plan


Renderer = Callable[[ResultT, RenderOptions], str | bytes]

#: Renderers every kind of result shares.
SHARED = {
    "json": "coprod_check.render.json_text:json_report",
    "docx": "coprod_check.render.office.formats:docx_report",
    "xlsx": "coprod_check.render.office.formats:xlsx_report",
}
#: The order formats are listed in (``--help``, error messages).
ORDER = ("text", "json", "csv", "markdown", "html", "docx", "xlsx")


def load(target: str) -> Any:
    """The object a ``"module:name"`` string names, importing its module now."""
    module_name, _, name = target.partition(":")
    return getattr(importlib.import_module(module_name), name)


class Registry(Generic[ResultT]):
    """Format name -> renderer for one kind of result (``"module:function"``, imported lazily,
    or a function)."""

    def __init__(self, entries: Mapping[str, str | Renderer[ResultT]]) -> None:
        self._entries = dict(entries)

    @classmethod
    def of(cls, views: ViewFormats, **more: str) -> Registry[ResultT]:
        """The registry of a kind of result: its view as text, markdown and HTML, the shared
        JSON, Word and Excel, and ``more`` formats of its own (aggregate's ``csv``)."""
        entries: dict[str, str | Renderer[ResultT]] = {
            "text": views.text,
            "markdown": views.markdown,
            "html": views.html,
            **SHARED,
            **more,
        }
        return cls({name: entries[name] for name in ORDER if name in entries})

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._entries)

    def register(self, name: str, target: str) -> None:
        """Add (or replace) the renderer of ``name``; ``target`` is ``"module:function"``."""
        self._entries[name] = target

    def renderer(self, name: str) -> Renderer[ResultT]:
        """The function rendering format ``name``; a usage error for a name not registered."""
        if name not in self._entries:
            from coprod_check.errors import UsageError

            choices = ", ".join(self._entries)
            raise UsageError(f"unknown report format {name!r}; choose one of: {choices}")
        entry = self._entries[name]
        return cast(Renderer[ResultT], load(entry) if isinstance(entry, str) else entry)

    def render(
        self,
        result: ResultT,
        name: str,
        *,
        explain: bool = False,
        show_all: bool = False,
        color: bool | None = None,
        width: int | None = None,
        plan: PlanSummary | None = None,
    ) -> str | bytes:
        """``result`` in format ``name`` (a key of the registry): text ending in a newline, or
        a binary file's bytes (docx, xlsx).

        ``explain`` adds the trace of how each conclusion was reached; ``show_all`` lists every
        recommendation instead of the top five (both score only). ``color`` and ``width`` apply
        to text only: ``color=None`` means colour when standard output is a terminal and
        NO_COLOR is unset. JSON is always the whole result. ``plan`` (``score --plan``) is
        shown in the summary and beside each recommendation, and in JSON as a ``plan`` key
        after the result's own.
        """
        options = RenderOptions(explain, show_all, color, width, plan)
        return self.renderer(str(name))(result, options)
