"""Tokens, CSRF, response headers, request size and rate limits for the workshop server.

- Links carry ``secrets.token_urlsafe`` tokens of 144 bits (participants, resume) and 192 bits
  (facilitator); resume tokens are stored only as SHA-256 digests.
- CSRF: every form carries an HMAC of the workshop's secret key over the form's purpose and the
  secret of the address it is posted to, so a form cannot be forged without the link, and a
  token for one form (or one person's response) is useless on another. Cross-site posts are
  also refused by their ``Origin`` / ``Sec-Fetch-Site`` headers. No cookie is needed for it, so
  the forms work with cookies off.
- Every response gets a strict Content-Security-Policy (nothing inline but hashed styles,
  nothing from elsewhere, forms only to this server, no framing), ``no-store`` caching (shared
  laptops; and the back button then shows what is saved, not a stale copy), and no referrer
  (so no link's token) sent to any other site.
- Limits: request bodies over :data:`MAX_BODY` bytes are refused (413) while they arrive; each
  client address may make :data:`RATE_PER_MINUTE` requests a minute (429). Addresses are kept
  in memory only for the current minute, never written anywhere.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from contextvars import ContextVar
from typing import Any

from starlette.exceptions import HTTPException

RESUME_BYTES = 18
MAX_BODY = 256 * 1024
RATE_PER_MINUTE = 1200

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


#: Seconds the current request spent in named parts of its handling (``body``: reading the
#: form, ``db``: waiting for its change to be committed), kept only when the server was asked
#: for ``Server-Timing`` (None otherwise).
_PARTS: ContextVar[dict[str, float] | None] = ContextVar("coprod_serve_parts", default=None)


def spent(part: str, seconds: float) -> None:
    """Count ``seconds`` towards ``part`` of the current request's Server-Timing."""
    parts = _PARTS.get()
    if parts is not None:
        parts[part] = parts.get(part, 0.0) + seconds


def new_resume_token() -> str:
    return secrets.token_urlsafe(RESUME_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def csrf_token(secret: bytes, purpose: str, scope: str) -> str:
    """The CSRF token of a form: ``purpose`` names the form, ``scope`` is the link's secret."""
    mac = hmac.new(secret, f"{purpose}\n{scope}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(mac[:24]).decode()


def csrf_ok(secret: bytes, purpose: str, scope: str, given: str | None) -> bool:
    return given is not None and hmac.compare_digest(
        csrf_token(secret, purpose, scope).encode(), given.encode("utf-8", "replace")
    )


def cross_site(headers: MutableMapping[str, str] | Any, host: str | None) -> bool:
    """Whether a request says it comes from another site. Browsers send ``Sec-Fetch-Site``;
    older ones only ``Origin`` (which is ``null`` when no referrer may be sent: then the CSRF
    code alone decides)."""
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = headers.get("origin")
    if origin is None or origin == "null":
        return False
    return re.sub(r"^https?://", "", origin) != host


_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)


def style_hashes(html: str) -> list[str]:
    """CSP sources for each inline ``<style>`` element of ``html`` (reports embed their CSS)."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"
        for css in _STYLE.findall(html)
    ]


def content_security_policy(styles: list[str] | None = None) -> str:
    style = " ".join(["'self'", *(styles or [])])
    return (
        "default-src 'none'; "
        f"style-src {style}; "
        "img-src 'self'; "
        "script-src 'self'; "
        "connect-src 'self'; "
        "form-action 'self'; "
        "base-uri 'none'; "
        "frame-ancestors 'none'"
    )


BASE_HEADERS = {
    "cache-control": "no-store",
    "referrer-policy": "same-origin",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


class RateLimiter:
    """Requests per client address in the current minute (fixed window, memory only)."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._window = 0
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()

    def allow(self, address: str) -> bool:
        window = int(time.monotonic() // 60)
        with self._lock:
            if window != self._window:
                self._window = window
                self._counts = {}
            count = self._counts.get(address, 0) + 1
            self._counts[address] = count
            return count <= self.per_minute


class GuardMiddleware:
    """Security headers on every response; body size and rate limits on every request."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        rate_per_minute: int = RATE_PER_MINUTE,
        max_body: int = MAX_BODY,
        https: bool = False,
        refuse: Callable[[int], Awaitable[tuple[bytes, str]]] | None = None,
        timing: bool = False,
    ) -> None:
        self.app = app
        #: Send each response's time in the server as a ``Server-Timing`` header (for
        #: ``benchmarks/serve_load.py``, which shares the machine's cores with the server and so
        #: must tell the server's own time from waiting for a core).
        self.timing = timing
        self.limiter = RateLimiter(rate_per_minute)
        self.max_body = max_body
        self.https = https
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        address = str(client[0]) if client else "unknown"
        if not self.limiter.allow(address):
            await self._refuse(send, 429)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await self._refuse(send, 413)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise TooLarge
            return message

        started = False
        arrived = time.perf_counter()
        parts: dict[str, float] = {}
        if self.timing:
            _PARTS.set(parts)

        async def secured_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = self._headers(list(message.get("headers", [])))
                if self.timing:
                    total = {"app": time.perf_counter() - arrived, **parts}
                    value = ", ".join(f"{name};dur={s * 1000:.2f}" for name, s in total.items())
                    message["headers"].append((b"server-timing", value.encode()))
            await send(message)

        try:
            await self.app(scope, limited_receive, secured_send)
        except TooLarge:
            if not started:
                await self._refuse(send, 413)

    def _headers(self, headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
        present = {name.lower() for name, _ in headers}
        extra = dict(BASE_HEADERS)
        if b"content-security-policy" not in present:
            extra["content-security-policy"] = content_security_policy()
        if self.https:
            extra["strict-transport-security"] = "max-age=31536000"
        for name, value in extra.items():
            if name.encode() not in present:
                headers.append((name.encode(), value.encode()))
        return headers

    async def _refuse(self, send: Send, status: int) -> None:
        if self.refuse is not None:
            body, content_type = await self.refuse(status)
        else:
            body, content_type = str(status).encode(), "text/plain; charset=utf-8"
        headers = [
            (b"content-type", content_type.encode()),
            (b"content-length", str(len(body)).encode()),
        ]
        if status == 429:
            headers.append((b"retry-after", b"60"))
        await send(
            {"type": "http.response.start", "status": status, "headers": self._headers(headers)}
        )
        await send({"type": "http.response.body", "body": body})


class TooLarge(HTTPException):
    """A body grew past the limit while it arrived (the app shows its 413 page)."""

    def __init__(self) -> None:
        super().__init__(413)
