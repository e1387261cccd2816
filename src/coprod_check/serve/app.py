"""The ASGI application of ``coprod-check serve``: routes, error pages and the guard.

Every way a request can fail ends in a plain page with an HTTP status (400 unreadable form,
403 forged or out-of-date form, 404 unknown link, 409 nothing to show yet or changed
elsewhere, 410 closed workshop, 413 too large, 429 too many requests, 503 questions not
loaded, 500 a bug), never a traceback.
"""

from __future__ import annotations

import logging

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from coprod_check.serve import pages
from coprod_check.serve.context import PageError, Redirect, Server
from coprod_check.serve.facilitator import Facilitator
from coprod_check.serve.flow import FormProblem
from coprod_check.serve.participant import Participant
from coprod_check.serve.security import MAX_BODY, RATE_PER_MINUTE, GuardMiddleware

SITE_TITLE = "coprod-check workshop"
_STATUS_WORDS = {
    400: ("This request could not be read", "Go back and try again."),
    404: (
        "This link does not work",
        "The address is not one this server knows. Check it was copied in full.",
    ),
    405: ("This page cannot be used that way", "Go back and use the page's own buttons."),
    413: (
        "Too much was sent at once",
        "The page sent more text than this server accepts. Shorten your notes and try again; "
        "what you saved before is kept.",
    ),
    429: (
        "Too many requests",
        "This device sent too many requests in a short time. Wait a minute, then carry on: "
        "what you saved is kept.",
    ),
    500: (
        "Something went wrong on the server",
        "This is a fault in coprod-check, not something you did. What you saved before is "
        "kept. Try again in a moment; if it keeps happening, tell the person running the "
        "workshop.",
    ),
}

log = logging.getLogger("coprod_check.serve")


def message(status: int, heading: str, text: str, link: tuple[str, str] | None = None) -> Response:
    return pages.page("message", status, title=SITE_TITLE, heading=heading, message=text, link=link)


def create_app(
    server: Server,
    *,
    rate_per_minute: int = RATE_PER_MINUTE,
    max_body: int = MAX_BODY,
    timing: bool = False,
) -> GuardMiddleware:
    """The application, wrapped in the guard (headers, size and rate limits)."""
    participant = Participant(server)
    facilitator = Facilitator(server)
    w = "/w/{workshop}"
    r = w + "/r/{resume}"
    f = "/f/{facilitator}"
    routes = [
        Route("/", home),
        Route("/assets/serve.css", stylesheet),
        Route(w, participant.welcome),
        Route(w + "/start", participant.start, methods=["POST"]),
        Route(r, participant.resume),
        Route(r + "/about", participant.about, methods=["GET", "POST"]),
        Route(r + "/page/{number:int}", participant.section, methods=["GET", "POST"]),
        Route(r + "/summary", participant.summary),
        Route(r + "/finish", participant.finish, methods=["POST"]),
        Route(r + "/done", participant.done),
        Route(f, facilitator.dashboard),
        Route(f + "/results", facilitator.results),
        Route(f + "/qr.svg", facilitator.qr),
        Route(f + "/close", facilitator.close, methods=["POST"]),
        Route(f + "/consensus", facilitator.consensus),
        Route(
            f + "/consensus/{bank}/{question}",
            facilitator.consensus_question,
            methods=["GET", "POST"],
        ),
        Route(
            f + "/consensus/{bank}/{question}/dissent/{dissent:int}/remove",
            facilitator.remove_dissent,
            methods=["POST"],
        ),
        Route(f + "/export/{name}", facilitator.export),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={
            PageError: _page_error,
            FormProblem: _form_problem,
            Redirect: _redirect,
            HTTPException: _http_error,
            Exception: _server_error,
        },
    )

    async def refuse(status: int) -> tuple[bytes, str]:
        heading, text = _STATUS_WORDS[status]
        response = message(status, heading, text)
        return bytes(response.body), "text/html; charset=utf-8"

    return GuardMiddleware(
        app,
        rate_per_minute=rate_per_minute,
        timing=timing,
        max_body=max_body,
        https=server.https,
        refuse=refuse,
    )


async def home(request: Request) -> Response:
    return message(
        200,
        "coprod-check workshop server",
        "Open the workshop link you were given (it starts with this address and goes on "
        "with /w/ and a code).",
    )


async def stylesheet(request: Request) -> Response:
    return Response(pages.asset("serve.css"), media_type="text/css; charset=utf-8")


async def _page_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, PageError)
    return message(error.status, error.title, error.message, error.link)


async def _form_problem(request: Request, error: Exception) -> Response:
    assert isinstance(error, FormProblem)
    return message(
        400,
        "This form could not be read",
        f"{error.message} The form sent was not one this page makes, so nothing from it was "
        "saved. What you saved before is kept.",
        (request.url.path, "Open the page again"),
    )


async def _redirect(request: Request, error: Exception) -> Response:
    assert isinstance(error, Redirect)
    return RedirectResponse(error.url, status_code=303)


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    heading, text = _STATUS_WORDS.get(error.status_code, _STATUS_WORDS[400])
    return message(error.status_code, heading, text)


async def _server_error(request: Request, error: Exception) -> Response:
    # The traceback goes to the server's log for the facilitator; the page says it plainly.
    log.error("error answering a request", exc_info=error)
    heading, text = _STATUS_WORDS[500]
    return message(500, heading, text)
