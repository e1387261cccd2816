"""Security and robustness of every response of the workshop server: headers (CSP, caching,
framing), size and rate limits, methods, and a fault never shown as a traceback."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import pytest

from coprod_check.serve.security import (
    content_security_policy,
    csrf_ok,
    csrf_token,
    new_resume_token,
    style_hashes,
)
from serve_support import FORM, Setup, hidden, make_setup, person


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    return make_setup(tmp_path)


def test_tokens_carry_at_least_128_bits(setup: Setup) -> None:
    for token in (
        setup.workshop.participant_token,
        setup.workshop.facilitator_token,
        new_resume_token(),
    ):
        assert len(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))) * 8 >= 128
    assert setup.workshop.participant_token != setup.workshop.facilitator_token


def test_csrf_tokens_are_bound_to_form_and_link() -> None:
    secret = b"k" * 32
    token = csrf_token(secret, "page", "resume-a")
    assert csrf_ok(secret, "page", "resume-a", token)
    assert not csrf_ok(secret, "page", "resume-b", token)
    assert not csrf_ok(secret, "finish", "resume-a", token)
    assert not csrf_ok(b"x" * 32, "page", "resume-a", token)
    assert not csrf_ok(secret, "page", "resume-a", None)


def test_every_page_gets_the_strict_headers(setup: Setup) -> None:
    client = setup.client()
    ann = person(setup, client)
    ann.start()
    for path in (setup.welcome, f"{ann.home}/about", "/nowhere", setup.facilitator, "/"):
        reply = client.get(path)
        policy = reply.headers["content-security-policy"]
        assert policy == content_security_policy(), path
        assert "'unsafe-inline'" not in policy and "http" not in policy
        assert reply.headers["cache-control"] == "no-store"
        assert reply.headers["referrer-policy"] == "same-origin"
        assert reply.headers["x-frame-options"] == "DENY"
        assert reply.headers["x-content-type-options"] == "nosniff"
        assert "server" not in reply.headers


def test_pages_load_nothing_but_the_servers_own_stylesheet(setup: Setup) -> None:
    client = setup.client()
    ann = person(setup, client)
    ann.start()
    ann.about()
    for html in (client.get(setup.welcome).text, ann.open(1), client.get(setup.facilitator).text):
        assert "<script" not in html and "<style" not in html and " style=" not in html
        assert re.findall(r'(?:src|href)="(https?:)?//', html) == []
        assert '<link rel="stylesheet" href="/assets/serve.css">' in html
    css = client.get("/assets/serve.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert "url(" not in css.text and "@import" not in css.text


def test_the_report_page_allows_exactly_its_own_inline_css(setup: Setup) -> None:
    ann = person(setup)
    ann.start()
    ann.about()
    ann.submit(1, {"a1": "agree"})
    reply = setup.client().get(f"{setup.facilitator}/results")
    css = re.search(r"<style>(.*?)</style>", reply.text, re.DOTALL)
    assert css is not None
    digest = base64.b64encode(hashlib.sha256(css.group(1).encode()).digest()).decode()
    assert f"'sha256-{digest}'" in reply.headers["content-security-policy"]
    assert style_hashes(reply.text) == [f"'sha256-{digest}'"]
    assert "'unsafe-inline'" not in reply.headers["content-security-policy"]


def test_behind_https_cookies_are_secure_and_hsts_is_sent(setup: Setup) -> None:
    setup.server.https = True
    client = setup.client()
    page = client.get(setup.welcome)
    assert page.headers["strict-transport-security"] == "max-age=31536000"
    reply = client.post(
        f"{setup.welcome}/start",
        data={"csrf": hidden(page.text, "csrf")},
        follow_redirects=False,
    )
    assert "Secure" in reply.headers["set-cookie"]


def test_no_ip_address_or_user_agent_is_stored(setup: Setup) -> None:
    """A whole response, then the facilitator's views, from a distinctive address and browser:
    neither appears anywhere in the database file or its write-ahead log."""
    from starlette.testclient import TestClient

    from coprod_check.serve.app import create_app

    address, agent = "203.0.113.77", "Canary-Browser/9.9 (unique-agent-7f3a)"
    client = TestClient(
        create_app(setup.server),
        base_url="http://127.0.0.1:8000",
        client=(address, 50123),
        headers={"user-agent": agent, "x-forwarded-for": address, "x-real-ip": address},
    )
    ann = person(setup, client)
    ann.start()
    ann.about("Ann", "carer")
    assert ann.submit(1, {"a1": "agree"}).status_code == 303
    assert ann.finish().status_code == 303
    for path in ("", "/results", "/export/responses.csv"):
        client.get(f"{setup.facilitator}{path}")
    stored = b"".join(
        Path(f"{setup.path}{suffix}").read_bytes()
        for suffix in ("", "-wal")
        if Path(f"{setup.path}{suffix}").exists()
    )
    assert b"Ann" in stored  # the check reads the real file (the answers are in it) ...
    for secret in (address, agent, "unique-agent-7f3a", "Canary-Browser"):
        assert secret.encode() not in stored  # ... and neither the address nor the browser
        assert secret.encode("utf-16-le") not in stored


def test_server_timing_is_sent_only_when_asked_for(setup: Setup) -> None:
    assert "server-timing" not in setup.client().get(setup.welcome).headers
    timed = setup.client(timing=True).get(setup.welcome).headers["server-timing"]
    assert re.fullmatch(r"app;dur=\d+\.\d\d", timed)
    # A form's time is split into reading it and waiting for its change to be committed.
    client = setup.client(timing=True)
    page = client.get(setup.welcome)
    started = client.post(
        f"{setup.welcome}/start",
        content=f"csrf={hidden(page.text, 'csrf')}",
        headers=FORM,
        follow_redirects=False,
    )
    assert started.status_code == 303
    parts = r"app;dur=(\d+\.\d\d), body;dur=\d+\.\d\d, db;dur=(\d+\.\d\d)"
    split = re.fullmatch(parts, started.headers["server-timing"])
    assert split and float(split[2]) <= float(split[1])


def test_a_request_too_large_is_refused_before_it_is_read(setup: Setup) -> None:
    client = setup.client(max_body=1024)
    reply = client.post(f"{setup.welcome}/start", content=b"csrf=" + b"x" * 2000, headers=FORM)
    assert reply.status_code == 413
    assert "Too much was sent" in reply.text
    assert reply.headers["content-security-policy"] == content_security_policy()


def test_a_chunked_body_too_large_is_refused_as_it_arrives(setup: Setup) -> None:
    client = setup.client(max_body=1024)

    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(10):
            yield b"x" * 500

    reply = client.post(f"{setup.welcome}/start", content=chunks(), headers=FORM)
    assert reply.status_code == 413


def test_too_many_requests_from_one_address_are_refused(setup: Setup) -> None:
    client = setup.client(rate_per_minute=10)
    codes = [client.get(setup.welcome).status_code for _ in range(12)]
    assert codes[:10] == [200] * 10
    assert codes[10:] == [429, 429]
    reply = client.get(setup.welcome)
    assert reply.headers["retry-after"] == "60" and "Too many requests" in reply.text


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/w/{w}/start"),
        ("PUT", "/w/{w}"),
        ("DELETE", "/f/{f}"),
        ("GET", "/f/{f}/close"),
    ],
)
def test_a_method_a_route_does_not_take_gets_a_plain_405(
    setup: Setup, method: str, path: str
) -> None:
    reply = setup.client().request(
        method,
        path.format(w=setup.workshop.participant_token, f=setup.workshop.facilitator_token),
    )
    assert reply.status_code == 405
    assert "cannot be used that way" in reply.text


def test_a_fault_in_the_server_is_a_plain_500_page(
    setup: Setup, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(workshop_id: int) -> list[object]:
        raise RuntimeError("disk on fire")

    setup.store.counts = broken  # type: ignore[method-assign, assignment]
    client = setup.client()
    client_no_raise = type(client)(
        client.app, base_url=str(client.base_url), raise_server_exceptions=False
    )
    reply = client_no_raise.get(setup.facilitator)
    assert reply.status_code == 500
    assert "Something went wrong on the server" in reply.text
    assert "disk on fire" not in reply.text and "Traceback" not in reply.text
    assert "disk on fire" in caplog.text


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"origin": "null"}, 303),  # sent when no referrer may be: the CSRF code decides
        ({"origin": "http://127.0.0.1:8000"}, 303),
        ({"origin": "http://127.0.0.1:8000", "sec-fetch-site": "same-origin"}, 303),
        ({"sec-fetch-site": "same-site"}, 403),
        ({"origin": "http://127.0.0.1.evil.example"}, 403),
    ],
)
def test_where_a_post_comes_from(setup: Setup, headers: dict[str, str], status: int) -> None:
    client = setup.client()
    page = client.get(setup.welcome)
    reply = client.post(
        f"{setup.welcome}/start",
        data={"csrf": hidden(page.text, "csrf")},
        headers=headers,
        follow_redirects=False,
    )
    assert reply.status_code == status
