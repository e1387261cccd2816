"""``benchmarks/serve_load.py`` and its small HTTP client: the load it reports is a real
participant's path (cookies, CSRF codes, every page), and every answer it sends is checked in the
database. Its latency figures are not asserted here (no timed assertions in the suite)."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from serve_client import Connection, form_fields  # noqa: E402

from serve_process import start_serve  # noqa: E402


def test_the_benchmark_sends_every_participant_through_and_finds_every_answer() -> None:
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "serve_load.py"),
            *("--participants", "4", "--think", "0", "--timeout", "120"),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
    )
    assert "participants: 4 (finished 4, cut off by the time bound 0)" in run.stdout, run.stderr
    assert "errors: 0\n" in run.stdout
    # Every statement of the 4 people (an option, "don't know" or none; a note or none), read
    # back from the database exactly as sent.
    counted = re.search(r"answers sent: (\d+); in the database as sent: (\d+); lost", run.stdout)
    assert counted and counted[1] == counted[2] and int(counted[1]) % 4 == 0 and counted[1] != "0"
    assert "lost or different: 0\n" in run.stdout
    assert "POST db (" in run.stdout  # the server's own time, split into its parts


def test_the_client_keeps_the_resume_cookie_for_its_path_and_drops_it_when_told(
    tmp_path: Path,
) -> None:
    served = start_serve(tmp_path / "w.db", "--title", "Client check")
    try:
        welcome = served.participant.removeprefix(served.base)

        async def walk() -> tuple[int, dict[tuple[str, str], str], bool, bool]:
            browser = Connection("127.0.0.1", served.port)
            page = await browser.request("GET", welcome)
            started = await browser.request(
                "POST", f"{welcome}/start", [("csrf", form_fields(page.text)[0]["csrf"])]
            )
            jar = dict(browser.cookies)
            home = started.headers["location"].removesuffix("/about")
            about = await browser.request("GET", f"{home}/about")
            fields = [("csrf", form_fields(about.text)[0]["csrf"]), ("role", "carer")]
            await browser.request("POST", f"{home}/about", fields)
            # The welcome page offers to carry on only to the browser that sent the cookie.
            again = await browser.request("GET", welcome)
            other = Connection("127.0.0.1", served.port)
            fresh = await other.request("GET", welcome)
            await other.close()
            await browser.close()
            return started.status, jar, home in again.text, home in fresh.text

        status, jar, offered, stranger_offered = asyncio.run(walk())
    finally:
        served.stop()
    assert status == 303
    assert list(jar) == [(welcome, "coprod_resume")]
    assert offered is True
    assert stranger_offered is False


@pytest.mark.parametrize(
    ("header", "kept"),
    [
        ("coprod_resume=abc; HttpOnly; Max-Age=2592000; Path=/w/x; SameSite=lax", "abc"),
        ('coprod_resume=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/w/x', None),
    ],
)
def test_the_client_sets_and_deletes_cookies_as_a_browser_does(
    header: str, kept: str | None
) -> None:
    browser = Connection("127.0.0.1", 1)
    browser.cookies[("/w/x", "coprod_resume")] = "old"
    browser._keep_cookie("/w/x/start", header)
    assert browser.cookies.get(("/w/x", "coprod_resume")) == kept
