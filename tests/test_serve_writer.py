"""The server's writer (group commit) on a real SQLite file: changes that arrive together share
one commit, each is still whole or not at all, and none is reported saved unless committed."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coprod_check.serve.records import SavedAnswer, WorkshopSettings
from coprod_check.serve.sqlite_store import SqliteStore
from coprod_check.serve.writer import GroupWriter

SETTINGS = WorkshopSettings("W", (("mini", "1.0.0"),), ("carer",), 3)


class CountingStore(SqliteStore):
    """The real store, counting its commits."""

    commits = 0

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        with super().batch():
            yield
        self.commits += 1


def stored(path: Path) -> dict[int, list[tuple[str, str | None]]]:
    """What another connection (another process, after a crash) reads from the file."""
    with contextlib.closing(sqlite3.connect(path)) as db:
        found: dict[int, list[tuple[str, str | None]]] = {}
        for response, question, option in db.execute(
            "SELECT response_id, question_id, option_id FROM answer ORDER BY 1, 2"
        ):
            found.setdefault(response, []).append((question, option))
        return found


async def held_then(writer: GroupWriter, changes: list[Any]) -> list[Any]:
    """Run a first change that holds the writer until ``changes`` are all queued behind it."""
    release = threading.Event()
    first = asyncio.ensure_future(writer.run(release.wait, 10))
    await asyncio.sleep(0.05)
    rest = [asyncio.ensure_future(writer.run(*change)) for change in changes]
    await asyncio.sleep(0.05)
    release.set()
    await first
    return await asyncio.gather(*rest, return_exceptions=True)


def test_changes_that_arrive_together_share_one_commit(tmp_path: Path) -> None:
    store = CountingStore(tmp_path / "w.db")
    workshop = store.create_workshop(SETTINGS)
    people = [store.start_response(workshop.id, f"{n:064d}") for n in range(20)]
    writer = GroupWriter(store)
    changes = [
        (store.save_page, person.id, {("mini", "a1"): SavedAnswer("agree", None)}, 2)
        for person in people
    ]
    results = asyncio.run(held_then(writer, changes))
    assert results == [None] * 20
    assert store.commits == 2  # the holding change alone, then all twenty together
    assert stored(tmp_path / "w.db") == {person.id: [("a1", "agree")] for person in people}


def test_a_change_that_fails_rolls_back_alone(tmp_path: Path) -> None:
    store = CountingStore(tmp_path / "w.db")
    workshop = store.create_workshop(SETTINGS)
    ann, bob = (store.start_response(workshop.id, f"{n:064d}") for n in range(2))

    def half_then_fail() -> None:
        with store._write() as db:  # one change: it moves Ann on, then fails half-way
            db.execute("UPDATE response SET position = 99 WHERE id = ?", (ann.id,))
            raise RuntimeError("failed half-way")

    writer = GroupWriter(store)
    results = asyncio.run(
        held_then(
            writer,
            [
                (store.save_page, ann.id, {("mini", "a1"): SavedAnswer("agree", None)}, 2),
                (half_then_fail,),
                (store.save_page, ann.id + 99, {("mini", "a1"): SavedAnswer("agree", None)}, 2),
                (store.save_page, bob.id, {("mini", "a2"): SavedAnswer("disagree", None)}, 2),
            ],
        )
    )
    assert results[0] is None and results[3] is None
    assert isinstance(results[1], RuntimeError)
    assert isinstance(results[2], sqlite3.IntegrityError)  # no such response
    assert store.commits == 2
    assert stored(tmp_path / "w.db") == {ann.id: [("a1", "agree")], bob.id: [("a2", "disagree")]}
    found = store.response(workshop.id, f"{0:064d}")
    assert found is not None and found.position == 2  # the failed change's update is undone


class FailingCommitStore(SqliteStore):
    """The real store whose commit fails (as on a full or failing disk): it rolls back."""

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        connection = self._connection()
        with self._write_lock:
            connection.execute("BEGIN IMMEDIATE")
            self._local.batch = True
            try:
                yield
            finally:
                self._local.batch = False
                connection.execute("ROLLBACK")
            raise sqlite3.OperationalError("disk I/O error")


def test_when_the_commit_fails_no_change_is_reported_saved(tmp_path: Path) -> None:
    store = FailingCommitStore(tmp_path / "w.db")
    workshop = store.create_workshop(SETTINGS)
    ann = store.start_response(workshop.id, "a" * 64)
    writer = GroupWriter(store)

    async def save() -> None:
        await writer.run(store.save_page, ann.id, {("mini", "a1"): SavedAnswer("agree", None)}, 2)

    with pytest.raises(sqlite3.OperationalError, match="disk I/O error"):
        asyncio.run(save())
    assert stored(tmp_path / "w.db") == {}
