"""Helpers for the workshop server's tests: a real SQLite store, the real app, and a
participant who fills pages in as a browser would (reading the form the page actually shows)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from starlette.testclient import TestClient

from coprod_check.answers.model import ROLES
from coprod_check.bank.loader import load_bank
from coprod_check.bank.model import Bank
from coprod_check.serve.app import create_app
from coprod_check.serve.context import Server
from coprod_check.serve.records import Workshop, WorkshopSettings
from coprod_check.serve.sqlite_store import SqliteStore

FIXTURES = Path(__file__).parent / "fixtures"
MINI = FIXTURES / "answers" / "banks" / "mini.yaml"
BASE = "http://127.0.0.1:8000"


def mini_bank() -> Bank:
    return load_bank(MINI)


@dataclass
class Setup:
    store: SqliteStore
    workshop: Workshop
    server: Server
    banks: list[Bank]
    path: Path

    def client(self, **options: Any) -> TestClient:
        return TestClient(create_app(self.server, **options), base_url=BASE)

    @property
    def welcome(self) -> str:
        return f"/w/{self.workshop.participant_token}"

    @property
    def facilitator(self) -> str:
        return f"/f/{self.workshop.facilitator_token}"

    def fresh(self) -> Workshop:
        found = self.store.by_participant_token(self.workshop.participant_token)
        assert found is not None
        return found


def make_setup(
    tmp_path: Path,
    banks: Sequence[Bank] | None = None,
    *,
    roles: Sequence[str] = ROLES,
    min_group_size: int = 3,
    closes_at: str | None = None,
    title: str = "Falls service workshop",
) -> Setup:
    chosen = list(banks) if banks is not None else [mini_bank()]
    path = tmp_path / "workshop.db"
    store = SqliteStore(path)
    workshop = store.create_workshop(
        WorkshopSettings(
            title=title,
            banks=tuple((bank.id, bank.version) for bank in chosen),
            roles=tuple(roles),
            min_group_size=min_group_size,
            closes_at=closes_at,
        )
    )
    server = Server(store, {(bank.id, bank.version): bank for bank in chosen})
    return Setup(store, workshop, server, chosen, path)


def hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', html)
    assert found, f"no hidden field {name!r} in the page"
    return unescape(found.group(1))


def radio_names(html: str) -> list[str]:
    return list(dict.fromkeys(re.findall(r'type="radio" name="([^"]+)"', html)))


def options_of(html: str, name: str) -> list[str]:
    return [unescape(v) for v in re.findall(rf'name="{re.escape(name)}" value="([^"]*)"', html)]


@dataclass
class Person:
    """One participant with their own cookie jar (their own browser)."""

    setup: Setup
    client: TestClient
    home: str = ""
    pages: int = 0
    last: str = field(default="", repr=False)

    def start(self) -> str:
        page = self.client.get(self.setup.welcome)
        assert page.status_code == 200, page.text
        reply = self.client.post(
            f"{self.setup.welcome}/start",
            data={"csrf": hidden(page.text, "csrf")},
            follow_redirects=False,
        )
        assert reply.status_code == 303, reply.text
        self.home = reply.headers["location"].removesuffix("/about")
        return self.home

    def about(self, pseudonym: str = "", role: str = "none") -> None:
        page = self.client.get(f"{self.home}/about")
        reply = self.client.post(
            f"{self.home}/about",
            data={"csrf": hidden(page.text, "csrf"), "pseudonym": pseudonym, "role": role},
            follow_redirects=False,
        )
        assert reply.status_code == 303, reply.text
        self.pages = len(re.findall(r"then (\d+) pages", page.text)) and int(
            re.findall(r"then (\d+) pages", page.text)[0]
        )

    def open(self, number: int) -> str:
        page = self.client.get(f"{self.home}/page/{number}")
        assert page.status_code == 200, page.text
        self.last = page.text
        return page.text

    def submit(
        self,
        number: int,
        answers: Mapping[str, str] | None = None,
        notes: Mapping[str, str] | None = None,
        *,
        go: str = "next",
        html: str | None = None,
        extra: Sequence[tuple[str, str]] = (),
    ) -> Any:
        """Post page ``number`` as shown in ``html`` (default: open it now); ``answers`` by
        question id; returns the response."""
        shown = html if html is not None else self.open(number)
        data: list[tuple[str, str]] = [
            ("csrf", hidden(shown, "csrf")),
            ("seen", hidden(shown, "seen")),
            ("go", go),
        ]
        for name in radio_names(shown):
            question = name.rsplit("/", 1)[1]
            if answers and question in answers:
                data.append((name, answers[question]))
        for question, text in (notes or {}).items():
            field_name = next(n for n in radio_names(shown) if n.endswith("/" + question))
            data.append((field_name.replace("answer:", "note:", 1), text))
        data += list(extra)
        return post_form(self.client, f"{self.home}/page/{number}", data)

    def finish(self) -> Any:
        page = self.client.get(f"{self.home}/summary")
        assert page.status_code == 200, page.text
        return self.client.post(
            f"{self.home}/finish", data={"csrf": hidden(page.text, "csrf")}, follow_redirects=False
        )


FORM = {"content-type": "application/x-www-form-urlencoded"}


def post_form(
    client: TestClient, url: str, fields: Sequence[tuple[str, str]], **headers: str
) -> Any:
    """POST fields as a browser does (a field may repeat), without following redirects."""
    return client.post(
        url,
        content=urlencode(list(fields)).encode(),
        headers={**FORM, **headers},
        follow_redirects=False,
    )


def person(setup: Setup, client: TestClient | None = None) -> Person:
    return Person(setup, client or setup.client())


def first_choice(html: str) -> dict[str, str]:
    """The first option of every question on a page, by question id."""
    return {name.rsplit("/", 1)[1]: options_of(html, name)[0] for name in radio_names(html)}
