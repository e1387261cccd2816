"""The SQLite workshop store on real files: schema versions and migrations, refusing files that
are not ours, one transaction per change, concurrent writers, and deletion that leaves nothing
readable in the file."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from coprod_check.errors import InputError
from coprod_check.serve.records import SavedAnswer, WorkshopSettings
from coprod_check.serve.schema import APPLICATION_ID, SCHEMA_VERSION
from coprod_check.serve.sqlite_store import SqliteStore
from serve_support import make_setup

SETTINGS = WorkshopSettings("W", (("mini", "1.0.0"),), ("carer",), 3)


def test_a_new_database_is_marked_versioned_in_wal_mode_and_private(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    SqliteStore(path).create_workshop(SETTINGS)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert path.stat().st_mode & 0o077 == 0


def test_reopening_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    first = SqliteStore(path)
    workshop = first.create_workshop(SETTINGS)
    response = first.start_response(workshop.id, "h" * 64)
    first.save_page(response.id, {("mini", "a1"): SavedAnswer("agree", "n")}, 2)
    first.close()
    again = SqliteStore(path)
    assert again.workshops() == [workshop]
    found = again.response(workshop.id, "h" * 64)
    assert found is not None and found.answers == {("mini", "a1"): SavedAnswer("agree", "n")}


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b"not a database at all" * 100), "not a usable workshop database"),
        (
            lambda p: sqlite3.connect(p).execute("CREATE TABLE other (x)").connection.commit(),
            "not a coprod-check workshop database",
        ),
    ],
)
def test_files_that_are_not_workshop_databases_are_refused(
    tmp_path: Path, make: object, message: str
) -> None:
    path = tmp_path / "other.db"
    make(path)  # type: ignore[operator]
    before = path.read_bytes()
    with pytest.raises(InputError, match=message):
        SqliteStore(path)
    assert path.read_bytes() == before


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    SqliteStore(path).close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    with pytest.raises(InputError, match="newer coprod-check"):
        SqliteStore(path)


def test_a_missing_database_is_not_created_when_it_must_exist(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no workshop database here"):
        SqliteStore(tmp_path / "nope.db", create=False)
    assert not (tmp_path / "nope.db").exists()


def test_a_page_is_stored_whole_or_not_at_all(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "w.db")
    workshop = store.create_workshop(SETTINGS)
    response = store.start_response(workshop.id, "a" * 64)
    store.save_page(response.id, {("mini", "a1"): SavedAnswer("agree", None)}, 2)
    with pytest.raises(sqlite3.IntegrityError):
        # The second answer names a response that does not exist: the whole page is refused.
        store.save_page(response.id + 99, {("mini", "a1"): SavedAnswer("disagree", None)}, 3)
    found = store.response(workshop.id, "a" * 64)
    assert found is not None and found.position == 2
    assert found.answers == {("mini", "a1"): SavedAnswer("agree", None)}


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "w.db")
    workshop = store.create_workshop(SETTINGS)
    responses = [store.start_response(workshop.id, f"{n:064d}") for n in range(8)]
    errors: list[BaseException] = []

    def answer(response_id: int) -> None:
        try:
            for question in range(40):
                store.save_page(
                    response_id, {("mini", f"q{question}"): SavedAnswer("agree", None)}, question
                )
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=answer, args=(r.id,)) for r in responses]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    stored = list(store.responses(workshop.id))
    assert [len(r.answers) for r in stored] == [40] * 8
    assert [r.number for r in stored] == list(range(1, 9))


def test_a_second_process_waits_for_the_lock_and_closes_the_workshop(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    server = SqliteStore(path)
    workshop = server.create_workshop(SETTINGS)
    other = SqliteStore(path)  # as `coprod-check workshop close` opens it
    other.close_workshop(workshop.id)
    found = server.by_participant_token(workshop.participant_token)
    assert found is not None and found.closed_at is not None


def test_deleting_leaves_no_answer_readable_in_the_file(tmp_path: Path) -> None:
    setup = make_setup(tmp_path)
    response = setup.store.start_response(setup.workshop.id, "b" * 64)
    setup.store.save_about(response.id, "Zebediah Quux", "carer", 1)
    setup.store.save_page(
        response.id, {("mini", "a1"): SavedAnswer("agree", "SECRET-NOTE-4711")}, 2
    )
    setup.store.delete_everything()
    setup.store.close()
    data = setup.path.read_bytes()
    wal = Path(f"{setup.path}-wal")
    data += wal.read_bytes() if wal.exists() else b""
    assert b"SECRET-NOTE-4711" not in data and b"Zebediah" not in data
    assert setup.workshop.facilitator_token.encode() not in data
