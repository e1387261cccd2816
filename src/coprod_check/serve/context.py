"""What every request handler shares: the store, the loaded banks, and the checks that turn a
bad link, a closed workshop or a forged form into a plain page (never a traceback).

How handlers reach the store, and why (measured with py-spy under ``benchmarks/serve_load.py``):
the small reads a participant's request makes (the workshop by its token, one response and its
answers, each by a unique index) run on the event loop itself: they take tens of microseconds,
while handing each to a worker thread cost a quarter of the server's CPU time in thread wake-ups
and contention for the interpreter lock. Writes go to one writer thread, :meth:`Server.write`,
so a slow disk never stalls the loop; each is its own transaction
(:mod:`coprod_check.serve.writer`). Building results from every response is heavy
and stays in the thread pool.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import ParamSpec, TypeVar

from starlette.datastructures import FormData
from starlette.requests import Request

from coprod_check.bank.model import Bank
from coprod_check.serve.flow import Page, build_pages
from coprod_check.serve.records import Workshop, WorkshopStore
from coprod_check.serve.security import cross_site, csrf_ok, spent
from coprod_check.serve.writer import StoreWriter

MAX_FIELDS = 400

P = ParamSpec("P")
T = TypeVar("T")


class PageError(Exception):
    """Stop handling a request and show a plain page: ``title``, ``message``, a link onward."""

    def __init__(
        self, status: int, title: str, message: str, link: tuple[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.title = title
        self.message = message
        self.link = link


class Redirect(Exception):
    """Stop handling a request and send the browser elsewhere (303 See Other)."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


NOT_FOUND = PageError(
    404,
    "This link does not work",
    "The address is not one this server knows. Check it was copied in full, or ask the "
    "person running the workshop for the link again.",
)


@dataclass
class Server:
    """The running server's state. ``banks``: every bank it has loaded, by (id, version)."""

    store: WorkshopStore
    banks: dict[tuple[str, str], Bank]
    https: bool = False
    public_url: str | None = None
    #: How often the facilitator page reloads itself to show new answers (seconds).
    refresh_seconds: int = 15
    _pages: dict[int, tuple[Page, ...]] = field(default_factory=dict)
    _writer: StoreWriter | None = None

    async def write(self, change: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Make one store change on the writer thread; returns once it is committed."""
        if self._writer is None:
            self._writer = StoreWriter(self.store)
        asked = time.perf_counter()
        try:
            return await self._writer.run(change, *args, **kwargs)
        finally:
            spent("db", time.perf_counter() - asked)

    def banks_of(self, workshop: Workshop) -> list[Bank]:
        found = [self.banks.get(ref) for ref in workshop.settings.banks]
        if any(bank is None for bank in found):
            missing = ", ".join(
                f"{bank} {version}"
                for bank, version in workshop.settings.banks
                if (bank, version) not in self.banks
            )
            raise PageError(
                503,
                "This workshop's questions are not loaded",
                f"The server was started without the question banks this workshop uses "
                f"({missing}). Ask the person running the workshop to restart it with them.",
            )
        return [bank for bank in found if bank is not None]

    def pages_of(self, workshop: Workshop) -> tuple[Page, ...]:
        found = self._pages.get(workshop.id)
        if found is None:
            found = self._pages[workshop.id] = build_pages(self.banks_of(workshop))
        return found

    def base_url(self, request: Request) -> str:
        if self.public_url:
            return self.public_url.rstrip("/")
        return str(request.base_url).rstrip("/")

    async def participant_workshop(self, token: str) -> Workshop:
        workshop = self.store.by_participant_token(token)
        if workshop is None:
            raise NOT_FOUND
        return workshop

    async def facilitator_workshop(self, token: str) -> Workshop:
        workshop = self.store.by_facilitator_token(token)
        if workshop is None:
            raise NOT_FOUND
        return workshop


def is_closed(workshop: Workshop) -> bool:
    if workshop.closed_at is not None:
        return True
    closes = workshop.settings.closes_at
    return closes is not None and dt.datetime.fromisoformat(closes) <= dt.datetime.now(dt.UTC)


def require_open(workshop: Workshop, saved_note: bool = True) -> None:
    if is_closed(workshop):
        kept = " Everything you saved before it closed is kept." if saved_note else ""
        raise PageError(
            410,
            "This workshop has closed",
            f"The workshop is no longer taking answers, so nothing more can be saved.{kept} "
            "Thank you for taking part.",
        )


async def read_form(
    request: Request, secret: bytes, purpose: str, scope: str, back: str
) -> Sequence[tuple[str, str]]:
    """The posted form's fields, after the CSRF and same-site checks."""
    if cross_site(request.headers, request.headers.get("host")):
        raise PageError(
            403,
            "This form came from another website",
            "For your safety, answers are only accepted from this workshop's own pages.",
            (back, "Go back to the page"),
        )
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        raise _tampered(back)
    asked = time.perf_counter()
    form: FormData = await request.form(max_files=0, max_fields=MAX_FIELDS)
    spent("body", time.perf_counter() - asked)
    fields = [(key, value) for key, value in form.multi_items() if isinstance(value, str)]
    if len(fields) != len(form.multi_items()):
        raise _tampered(back)
    given = [value for key, value in fields if key == "csrf"]
    if len(given) != 1 or not csrf_ok(secret, purpose, scope, given[0]):
        raise PageError(
            403,
            "This page was out of date",
            "The form did not carry this page's security code, so nothing from it was saved. "
            "What you saved before is kept. Open the page again and re-enter your answers.",
            (back, "Open the page again"),
        )
    return fields


def _tampered(back: str) -> PageError:
    return PageError(
        400,
        "This form could not be read",
        "The form sent was not one this page makes, so nothing from it was saved. What you "
        "saved before is kept.",
        (back, "Open the page again"),
    )


def tampered(back: str, detail: str) -> PageError:
    error = _tampered(back)
    error.message = f"{detail} {error.message}"
    return error
