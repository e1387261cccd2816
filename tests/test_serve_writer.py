"""The server's writer on a real SQLite file: each submission is its own transaction, committed
before its request hears it is saved; one that fails rolls back whole and alone."""

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
from coprod_check.serve.writer import StoreWriter

SETTINGS = WorkshopSettings("W", (("mini", "1.0.0"),), ("carer",), 3)


class CountingStore(SqliteStore):
    """The real store, counting the COMMIT statements SQLite runs for it, and its flushes."""

    commits = 0
    syncs = 0

    def sync(self) -> None:
        super().sync()
        self.syncs += 1

    def _connection(self) -> sqlite3.Connection:
        connection = super()._connection()
        connection.set_trace_callback(self._trace)
        return connection

    def _trace(self, statement: str) -> None:
        if statement == "COMMIT":
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


async def held_then(writer: StoreWriter, changes: list[Any]) -> list[Any]:
    """Run a first change that holds the writer until ``changes`` are all queued behind it."""
    release = threading.Event()
    first = asyncio.ensure_future(writer.run(release.wait, 10))
    await asyncio.sleep(0.05)
    rest = [asyncio.ensure_future(writer.run(*change)) for change in changes]
    await asyncio.sleep(0.05)
    release.set()
    return (await asyncio.gather(first, *rest, return_exceptions=True))[1:]


def test_submissions_that_arrive_together_are_one_transaction_each_and_share_a_flush(
    tmp_path: Path,
) -> None:
    store = CountingStore(tmp_path / "w.db")
    workshop = store.create_workshop(SETTINGS)
    people = [store.start_response(workshop.id, f"{n:064d}") for n in range(20)]
    before = store.commits
    writer = StoreWriter(store)
    changes = [
        (store.save_page, person.id, {("mini", "a1"): SavedAnswer("agree", None)}, 2)
        for person in people
    ]
    results = asyncio.run(held_then(writer, changes))
    assert results == [None] * 20
    assert store.commits - before == 20
    assert store.syncs == 1  # the holding change and all twenty that queued behind it
    assert stored(tmp_path / "w.db") == {person.id: [("a1", "agree")] for person in people}


def test_a_submission_is_in_the_file_when_its_request_hears_it_is_saved(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "w.db")
    workshop = store.create_workshop(SETTINGS)
    ann = store.start_response(workshop.id, "a" * 64)
    writer = StoreWriter(store)

    async def save_then_read() -> dict[int, list[tuple[str, str | None]]]:
        answer = {("mini", "a1"): SavedAnswer("agree", None)}
        await writer.run(store.save_page, ann.id, answer, 2)
        return stored(tmp_path / "w.db")  # at once, from another connection

    assert asyncio.run(save_then_read()) == {ann.id: [("a1", "agree")]}


def test_a_change_that_fails_rolls_back_alone(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "w.db")
    workshop = store.create_workshop(SETTINGS)
    ann, bob = (store.start_response(workshop.id, f"{n:064d}") for n in range(2))

    def half_then_fail() -> None:
        with store._write() as db:  # one change: it moves Ann on, then fails half-way
            db.execute("UPDATE response SET position = 99 WHERE id = ?", (ann.id,))
            raise RuntimeError("failed half-way")

    writer = StoreWriter(store)
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
    assert stored(tmp_path / "w.db") == {ann.id: [("a1", "agree")], bob.id: [("a2", "disagree")]}
    found = store.response(workshop.id, f"{0:064d}")
    assert found is not None and found.position == 2  # the failed change's update is undone


class FailingCommitStore(SqliteStore):
    """The real store whose commits fail once ``failing`` (as on a full or failing disk): each
    change rolls back."""

    failing = False

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        if not self.failing:
            with super()._write() as db:
                yield db
            return
        connection = self._connection()
        with self._write_lock:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            finally:
                connection.execute("ROLLBACK")
            raise sqlite3.OperationalError("disk I/O error")


def test_when_the_commit_fails_the_change_is_not_reported_saved(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    store = FailingCommitStore(path)
    workshop = store.create_workshop(SETTINGS)
    ann = store.start_response(workshop.id, "a" * 64)
    store.failing = True
    writer = StoreWriter(store)

    async def save() -> None:
        await writer.run(store.save_page, ann.id, {("mini", "a1"): SavedAnswer("agree", None)}, 2)

    with pytest.raises(sqlite3.OperationalError, match="disk I/O error"):
        asyncio.run(save())
    assert stored(path) == {}


class FailingSyncStore(SqliteStore):
    """The real store whose flush to the disk fails (as on a failing disk)."""

    def sync(self) -> None:
        raise OSError(5, "Input/output error")


def test_when_the_flush_fails_no_change_it_covers_is_reported_saved(tmp_path: Path) -> None:
    store = FailingSyncStore(tmp_path / "w.db")
    workshop = store.create_workshop(SETTINGS)
    ann, bob = (store.start_response(workshop.id, f"{n:064d}") for n in range(2))
    writer = StoreWriter(store)
    results = asyncio.run(
        held_then(
            writer,
            [
                (store.save_page, ann.id, {("mini", "a1"): SavedAnswer("agree", None)}, 2),
                (store.save_page, bob.id + 99, {("mini", "a1"): SavedAnswer("agree", None)}, 2),
            ],
        )
    )
    assert isinstance(results[0], OSError)  # committed, but not known to be on the disk
    assert isinstance(results[1], sqlite3.IntegrityError)  # its own failure, not the flush's
