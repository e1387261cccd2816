"""The one jinja2 environment for report and handout templates.

Templates are read through :func:`coprod_check.files.resources.templates_dir`, so they work from a
wheel as well as a source checkout. HTML templates are autoescaped (user text such as notes is never
trusted); markdown templates escape user text with the ``md`` and ``md_cell`` filters instead.
Undefined names are errors, so a typo in a template fails the tests rather than printing blanks.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from jinja2 import Environment, FunctionLoader, StrictUndefined, select_autoescape

from coprod_check.files.resources import templates_dir

# CommonMark treats these as markup; a backslash makes each one literal.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_START = re.compile(r"^([-+=])")
_MD_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def markdown_escape(text: object) -> str:
    """Make user text literal in markdown: no links, emphasis, HTML, headings, rules, lists,
    quotes or code blocks sneak in.

    The text is folded onto one line first (runs of spaces and line breaks become one space),
    so a line break in a project name or note cannot start a heading, a ``---`` rule, a new
    paragraph or list item; then markup characters, and a list or rule marker at its start,
    are escaped with a backslash.
    """
    escaped = _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    escaped = _MD_ENTITY.sub(r"\\&", escaped)
    escaped = _MD_START.sub(r"\\\1", escaped)
    return _MD_ORDERED.sub(r"\1\\\2", escaped)


def markdown_cell(text: object) -> str:
    """:func:`markdown_escape`, for a table cell (already one line)."""
    return markdown_escape(text)


def markdown_code(text: object) -> str:
    """``text`` as an inline code span (shown as typed, never a link), fenced to fit."""
    value = " ".join(str(text).split())
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    padding = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{padding}{value}{padding}{fence}"


def _load(name: str) -> tuple[str, str, Callable[[], bool]] | None:
    if "/" in name or "\\" in name or name.startswith("."):
        return None
    item = templates_dir() / name
    if not item.is_file():
        return None
    return item.read_text(encoding="utf-8"), name, lambda: True


@functools.cache
def environment() -> Environment:
    """The shared environment (built once; templates are cached inside it)."""
    env = Environment(
        loader=FunctionLoader(_load),
        autoescape=select_autoescape(
            enabled_extensions=("html", "html.j2"),
            disabled_extensions=("md", "md.j2"),
            default_for_string=False,
            default=False,
        ),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["md"] = markdown_escape
    env.filters["md_cell"] = markdown_cell
    env.filters["md_code"] = markdown_code
    return env


def render_template(name: str, **context: Any) -> str:
    """Render a bundled template; the text ends in exactly one newline."""
    return environment().get_template(name).render(**context).rstrip("\n") + "\n"
