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
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])(?=\s|$)", re.MULTILINE)


def markdown_escape(text: object) -> str:
    """Make user text literal in markdown: no links, emphasis, HTML or headings sneak in."""
    escaped = _MD_SPECIAL.sub(r"\\\1", str(text))
    escaped = _MD_ENTITY.sub(r"\\&", escaped)
    return _MD_LINE_START.sub(lambda match: match.group(1) + "\\" + match.group(2), escaped)


def markdown_cell(text: object) -> str:
    """Like :func:`markdown_escape`, on one line, for a table cell."""
    return " ".join(markdown_escape(text).split())


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
