"""Rendering the server's pages, through the shared jinja2 environment (autoescaped).

Every HTML page goes through :func:`page`, which sets the status and, for the aggregate report
(whose CSS is inline so it stays self-contained when saved), a Content-Security-Policy that
allows exactly that CSS by its hash and nothing else.
"""

from __future__ import annotations

import functools
from typing import Any

from starlette.responses import HTMLResponse, Response

from coprod_check.aggregate.roles import GROUP_LABELS
from coprod_check.files.resources import templates_dir
from coprod_check.render.jinja_env import render_template
from coprod_check.serve.security import content_security_policy, style_hashes

#: How the participant pages name each role group (singular: "I am ...").
ROLE_CHOICES: dict[str, str] = {
    "person who uses services": "A person who uses services",
    "carer": "A carer (family member or friend who gives unpaid care)",
    "frontline staff": "Frontline staff",
    "manager": "A manager",
    "commissioner": "A commissioner (plans or pays for services)",
    "other": "Something else",
}


def group_labels() -> dict[str, str]:
    return dict(GROUP_LABELS)


def page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """A page from ``templates/serve_<name>.html.j2``."""
    return HTMLResponse(render_template(f"serve_{name}.html.j2", **context), status_code=status)


def report_page(html: str, back: str) -> HTMLResponse:
    """The aggregate HTML report as a page of the server, with a way back to the workshop."""
    from markupsafe import escape

    link = f'<nav><p><a href="{escape(back)}">Back to the facilitator page</a></p></nav>\n'
    html = html.replace("<main>\n", "<main>\n" + link, 1)
    response = HTMLResponse(html)
    response.headers["content-security-policy"] = content_security_policy(style_hashes(html))
    return response


def download(body: bytes | str, filename: str, media_type: str) -> Response:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return Response(
        data,
        media_type=media_type,
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


@functools.cache
def asset(name: str) -> bytes:
    """A file the pages link to (the stylesheet), read once."""
    return (templates_dir() / name).read_bytes()
