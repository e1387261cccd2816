"""A small HTTP/1.1 client for ``serve_load.py``: one kept-alive connection per simulated
participant, requests written in one piece, responses read by their ``Content-Length``.

Why not a general client: on this 2-core machine the load generator shares the cores with the
server it measures. With httpx (a new client per participant, as before) the generator used
79-84% of one core to the server's 28-34%, and its own queueing for a core showed up as page
latency (requests stalled together for a second or more after a generator pause). This client
does what a browser does on this server, and no more: keep-alive, the cookie the server sets
(with its path and deletion), ``Origin`` and ``Sec-Fetch-Site`` on form posts, and status,
headers and body of every response read in full before the time is taken. Latency is timed
from just before the request is written to when the last byte of the body is read.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import urlencode

#: One pass over a page finds every form field it offers: hidden fields and radio buttons.
_INPUT = re.compile(r'<input type="(hidden|radio)" name="([^"]*)" value="([^"]*)"')
_MAX_HEAD = 64 * 1024


class HttpError(Exception):
    """The connection failed or the server's reply could not be read."""


@dataclass(slots=True)
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float
    """From just before the request was written to the last byte of the body read."""

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


@dataclass(slots=True)
class Connection:
    """One participant's browser: a kept-alive connection to ``host``:``port`` and a cookie jar."""

    host: str
    port: int
    cookies: dict[tuple[str, str], str] = field(default_factory=dict)
    """(path, name) -> value."""
    _reader: asyncio.StreamReader | None = None
    _writer: asyncio.StreamWriter | None = None

    async def request(
        self, method: str, path: str, form: list[tuple[str, str]] | None = None
    ) -> Reply:
        head = [f"{method} {path} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        cookie = "; ".join(
            f"{name}={value}"
            for (where, name), value in self.cookies.items()
            if path == where or path.startswith(where.rstrip("/") + "/")
        )
        if cookie:
            head.append(f"Cookie: {cookie}")
        body = b""
        if form is not None:
            body = urlencode(form).encode()
            head += [
                "Content-Type: application/x-www-form-urlencoded",
                f"Content-Length: {len(body)}",
                f"Origin: http://{self.host}:{self.port}",
                "Sec-Fetch-Site: same-origin",
            ]
        data = ("\r\n".join(head) + "\r\n\r\n").encode() + body
        # A browser opens a new connection when the server has closed an idle one; timing
        # starts before the connection is opened, so that cost is counted.
        start = time.perf_counter()
        if self._writer is None or self._reader is None or self._reader.at_eof():
            await self._open()
        assert self._reader is not None and self._writer is not None
        try:
            self._writer.write(data)
            status, headers = await self._head(self._reader)
            body = await self._body(self._reader, headers)
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError) as error:
            await self.close()
            raise HttpError(f"{type(error).__name__}: {error}") from None
        seconds = time.perf_counter() - start
        if headers.get("connection", "").lower() == "close":
            await self.close()
        self._keep_cookie(path, headers.get("set-cookie"))
        return Reply(status, headers, body, seconds)

    async def _open(self) -> None:
        await self.close()
        try:
            self._reader, self._writer = await asyncio.open_connection(
                self.host, self.port, limit=_MAX_HEAD
            )
        except OSError as error:
            raise HttpError(f"cannot connect: {error}") from None

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            with contextlib.suppress(OSError):
                await self._writer.wait_closed()
        self._reader = self._writer = None

    @staticmethod
    async def _head(reader: asyncio.StreamReader) -> tuple[int, dict[str, str]]:
        raw = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
        status_line, *lines = raw[:-4].split("\r\n")
        parts = status_line.split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not parts[1].isdigit():
            raise asyncio.IncompleteReadError(raw.encode(), None)
        headers: dict[str, str] = {}
        for line in lines:
            name, _, value = line.partition(":")
            # Only Set-Cookie may repeat in this server's replies; the last one wins here.
            headers[name.strip().lower()] = value.strip()
        return int(parts[1]), headers

    @staticmethod
    async def _body(reader: asyncio.StreamReader, headers: dict[str, str]) -> bytes:
        if headers.get("transfer-encoding", "").lower() == "chunked":
            chunks = []
            while True:
                size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
                chunk = await reader.readexactly(size + 2)
                if size == 0:
                    return b"".join(chunks)
                chunks.append(chunk[:-2])
        length = headers.get("content-length")
        if length is None or not length.isdigit():
            raise asyncio.IncompleteReadError(b"", None)  # this server always sends a length
        return await reader.readexactly(int(length))

    def _keep_cookie(self, path: str, header: str | None) -> None:
        if not header:
            return
        pair, *attributes = (part.strip() for part in header.split(";"))
        name, _, value = pair.partition("=")
        where = "/"
        gone = False
        for attribute in attributes:
            key, _, setting = attribute.partition("=")
            key = key.lower()
            if key == "path":
                where = setting or "/"
            elif (key == "max-age" and setting.strip().lstrip("-").isdigit()) and int(setting) <= 0:
                gone = True
        if gone or not value.strip('"'):
            self.cookies.pop((where, name), None)
        else:
            self.cookies[(where, name)] = value


def form_fields(html: str) -> tuple[dict[str, str], dict[str, list[str]]]:
    """The hidden fields of a page (name -> value) and its radio groups (name -> values), in
    the page's order."""
    hidden: dict[str, str] = {}
    radios: dict[str, list[str]] = {}
    for kind, name, value in _INPUT.findall(html):
        if kind == "hidden":
            hidden[unescape(name)] = unescape(value)
        else:
            radios.setdefault(unescape(name), []).append(unescape(value))
    return hidden, radios
