"""The report format registry: format name -> renderer, one per kind of result.

Each command's ``--format`` choices are an :class:`~enum.StrEnum` (so ``--help`` lists them and
typer itself refuses a bad value with exit code 2), and each kind of result has a
:class:`Registry` naming the function that renders each format as ``"module:function"``. The
module is imported only when its format is asked for, so ``--format json`` never pays for rich
or jinja2. A test checks that every choice has a renderer and every renderer a choice.

To add a format (docx, xlsx, ...): add a member to the command's enum below and an entry to the
command's registry (``REPORTS`` in its report module); the test of the registries checks the two
agree. A renderer returns ``str`` for text formats and ``bytes`` for binary ones (docx, xlsx).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Generic, TypeVar, cast

if TYPE_CHECKING:
    from coprod_check.plan.summary import PlanSummary

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


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What a renderer may be asked besides the result; each format uses what applies to it.

    ``color=None`` means colour when standard output is a terminal and NO_COLOR is unset.
    ``plan`` is an action plan set beside a score result (``score --plan``).
    """

    explain: bool = False
    show_all: bool = False
    color: bool | None = None
    width: int | None = None
    plan: PlanSummary | None = None


Renderer = Callable[[ResultT, RenderOptions], str | bytes]


class Registry(Generic[ResultT]):
    """Format name -> ``"module:function"`` renderer for one kind of result, imported lazily."""

    def __init__(self, entries: Mapping[str, str]) -> None:
        self._entries = dict(entries)

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
        module_name, _, function = self._entries[name].partition(":")
        return cast(Renderer[ResultT], getattr(importlib.import_module(module_name), function))

    def render(
        self, result: ResultT, name: str, options: RenderOptions | None = None
    ) -> str | bytes:
        """``result`` in format ``name`` (a key of the registry): text ending in a newline, or
        a binary file's bytes (docx, xlsx)."""
        return self.renderer(str(name))(result, options or RenderOptions())
