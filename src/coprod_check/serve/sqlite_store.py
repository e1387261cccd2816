"""The workshop store in one SQLite file: WAL mode, one transaction per change, migrations.

Why these choices:

- **WAL** lets pages be read while an answer is being written, and a crash (or kill -9) in the
  middle of a write leaves the last committed state; ``synchronous=FULL`` makes every committed
  page of answers survive a power cut too.
- **One transaction per change** (``BEGIN IMMEDIATE`` ... ``COMMIT``): a page of answers is
  stored whole or not at all. The server's writer groups concurrent changes into one
  transaction (:meth:`SqliteStore.batch`, see :mod:`coprod_check.serve.writer`), each change
  then a savepoint of it, still whole or not at all. Writers in this process queue on a lock
  rather than on SQLite's busy-wait, which sleeps in steps and would add tens of milliseconds
  under load; another process (``coprod-check workshop close``) still waits up to ``BUSY_MS``
  for the file lock.
- **Answers keyed by (response, bank, question)** and written with an upsert: submitting a page
  twice, going back, or two tabs can overwrite an answer but never duplicate one.
- **Migrations** (:mod:`coprod_check.serve.schema`) are applied in the same transaction as
  the check of the file's schema version, when a file is opened.
- **Resume tokens are stored hashed**: the database alone does not let anyone continue (or
  read through the web) another person's response. Workshop links are kept as they are, so
  ``serve`` can print them again after a restart; the file is created readable by its owner
  only.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
import sqlite3
import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from coprod_check.errors import InputError, Location
from coprod_check.serve.records import (
    ConsensusAnswer,
    Dissent,
    GroupCount,
    QuestionKey,
    ResponseRecord,
    SavedAnswer,
    Workshop,
    WorkshopSettings,
)
from coprod_check.serve.schema import check_identity, migrate

BUSY_MS = 10_000


def now() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


class SqliteStore:
    """:class:`~coprod_check.serve.records.WorkshopStore` in one SQLite file.

    One connection per thread (the web server answers requests on a pool of threads).
    """

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        self.where = Location(str(path))
        if not create and not path.exists():
            raise InputError("no workshop database here", self.where)
        if create and not path.exists():
            self._create_private(path)
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._all: list[sqlite3.Connection] = []
        self._all_lock = threading.Lock()
        self._check()
        self._migrate()

    # -- connections and transactions -------------------------------------------------------

    @staticmethod
    def _create_private(path: Path) -> None:
        try:
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except FileExistsError:
            pass
        except OSError as error:
            raise InputError(
                f"cannot create the database: {error.strerror or error}", Location(str(path))
            ) from None

    def _connection(self) -> sqlite3.Connection:
        found: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if found is not None:
            return found
        try:
            connection = sqlite3.connect(
                self.path, isolation_level=None, timeout=BUSY_MS / 1000, check_same_thread=False
            )
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            connection.execute("PRAGMA foreign_keys=ON")
            connection.execute("PRAGMA secure_delete=ON")
        except sqlite3.DatabaseError as error:
            raise InputError(f"not a usable workshop database ({error})", self.where) from None
        self._local.connection = connection
        with self._all_lock:
            self._all.append(connection)
        return connection

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction for the changes made in it on this thread (the server's writer
        commits concurrent submissions together: one fsync for all). Each change is a savepoint
        of it: whole or not at all, alone."""
        connection = self._connection()
        with self._write_lock:
            connection.execute("BEGIN IMMEDIATE")
            self._local.batch = True
            try:
                yield
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            finally:
                self._local.batch = False
            connection.execute("COMMIT")

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        connection = self._connection()
        if getattr(self._local, "batch", False):
            connection.execute("SAVEPOINT change")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK TO change")
                connection.execute("RELEASE change")
                raise
            connection.execute("RELEASE change")
            return
        with self._write_lock:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def _check(self) -> None:
        try:
            with contextlib.closing(sqlite3.connect(self.path, timeout=BUSY_MS / 1000)) as db:
                check_identity(db, self.where)
        except sqlite3.DatabaseError as error:
            raise InputError(f"not a usable workshop database ({error})", self.where) from None

    def _migrate(self) -> None:
        try:
            with self._write() as db:
                migrate(db, self.where)
        except sqlite3.DatabaseError as error:
            raise InputError(f"not a usable workshop database ({error})", self.where) from None

    def close(self) -> None:
        with self._all_lock:
            for connection in self._all:
                with contextlib.suppress(sqlite3.Error):
                    connection.close()
            self._all.clear()
        self._local = threading.local()

    # -- workshops --------------------------------------------------------------------------

    _WORKSHOP = (
        "SELECT id, participant_token, facilitator_token, secret, title, banks, roles, "
        "min_group_size, closes_at, created_at, closed_at FROM workshop"
    )

    @staticmethod
    def _workshop(row: tuple[Any, ...]) -> Workshop:
        banks = json.loads(str(row[5]))
        return Workshop(
            id=int(str(row[0])),
            participant_token=str(row[1]),
            facilitator_token=str(row[2]),
            secret=bytes(row[3]),
            settings=WorkshopSettings(
                title=str(row[4]),
                banks=tuple((str(bank), str(version)) for bank, version in banks),
                roles=tuple(json.loads(str(row[6]))),
                min_group_size=int(str(row[7])),
                closes_at=None if row[8] is None else str(row[8]),
            ),
            created_at=str(row[9]),
            closed_at=None if row[10] is None else str(row[10]),
        )

    def create_workshop(self, settings: WorkshopSettings) -> Workshop:
        with self._write() as db:
            db.execute(
                "INSERT INTO workshop (participant_token, facilitator_token, secret, title, "
                "banks, roles, min_group_size, closes_at, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    secrets.token_urlsafe(18),
                    secrets.token_urlsafe(24),
                    secrets.token_bytes(32),
                    settings.title,
                    json.dumps([list(bank) for bank in settings.banks]),
                    json.dumps(list(settings.roles)),
                    settings.min_group_size,
                    settings.closes_at,
                    now(),
                ),
            )
            row = db.execute(self._WORKSHOP + " WHERE id = last_insert_rowid()").fetchone()
        return self._workshop(row)

    def workshops(self) -> list[Workshop]:
        rows = self._connection().execute(self._WORKSHOP + " ORDER BY id").fetchall()
        return [self._workshop(row) for row in rows]

    def by_participant_token(self, token: str) -> Workshop | None:
        row = (
            self._connection()
            .execute(self._WORKSHOP + " WHERE participant_token = ?", (token,))
            .fetchone()
        )
        return None if row is None else self._workshop(row)

    def by_facilitator_token(self, token: str) -> Workshop | None:
        row = (
            self._connection()
            .execute(self._WORKSHOP + " WHERE facilitator_token = ?", (token,))
            .fetchone()
        )
        return None if row is None else self._workshop(row)

    def close_workshop(self, workshop_id: int) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE workshop SET closed_at = ? WHERE id = ? AND closed_at IS NULL",
                (now(), workshop_id),
            )

    # -- responses --------------------------------------------------------------------------

    _RESPONSE = (
        "SELECT id, workshop_id, number, pseudonym, role, about_done, position, finished_at "
        "FROM response"
    )

    def _response(self, db: sqlite3.Connection, row: tuple[Any, ...]) -> ResponseRecord:
        answers = {
            (str(bank), str(question)): SavedAnswer(
                None if option is None else str(option), None if note is None else str(note)
            )
            for bank, question, option, note in db.execute(
                "SELECT bank_id, question_id, option_id, note FROM answer WHERE response_id = ?",
                (row[0],),
            )
        }
        return ResponseRecord(
            id=int(str(row[0])),
            workshop_id=int(str(row[1])),
            number=int(str(row[2])),
            pseudonym=None if row[3] is None else str(row[3]),
            role=None if row[4] is None else str(row[4]),
            about_done=bool(row[5]),
            position=int(str(row[6])),
            finished_at=None if row[7] is None else str(row[7]),
            answers=answers,
        )

    def start_response(self, workshop_id: int, resume_hash: str) -> ResponseRecord:
        stamp = now()
        with self._write() as db:
            number = db.execute(
                "SELECT coalesce(max(number), 0) + 1 FROM response WHERE workshop_id = ?",
                (workshop_id,),
            ).fetchone()[0]
            db.execute(
                "INSERT INTO response (workshop_id, number, resume_hash, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (workshop_id, number, resume_hash, stamp, stamp),
            )
            row = db.execute(self._RESPONSE + " WHERE id = last_insert_rowid()").fetchone()
            return self._response(db, row)

    def response(self, workshop_id: int, resume_hash: str) -> ResponseRecord | None:
        db = self._connection()
        row = db.execute(
            self._RESPONSE + " WHERE workshop_id = ? AND resume_hash = ?",
            (workshop_id, resume_hash),
        ).fetchone()
        return None if row is None else self._response(db, row)

    def save_about(
        self, response_id: int, pseudonym: str | None, role: str | None, position: int
    ) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE response SET pseudonym = ?, role = ?, about_done = 1, "
                "position = ?, updated_at = ? WHERE id = ?",
                (pseudonym, role, position, now(), response_id),
            )

    def save_page(
        self, response_id: int, answers: Mapping[QuestionKey, SavedAnswer], position: int
    ) -> None:
        with self._write() as db:
            db.executemany(
                "INSERT INTO answer (response_id, bank_id, question_id, option_id, note) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (response_id, bank_id, question_id) "
                "DO UPDATE SET option_id = excluded.option_id, note = excluded.note",
                [
                    (response_id, bank, question, saved.option, saved.note)
                    for (bank, question), saved in answers.items()
                ],
            )
            db.execute(
                "UPDATE response SET position = ?, updated_at = ? WHERE id = ?",
                (position, now(), response_id),
            )

    def finish(self, response_id: int) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE response SET finished_at = coalesce(finished_at, ?), updated_at = ? "
                "WHERE id = ?",
                (now(), now(), response_id),
            )

    def responses(self, workshop_id: int) -> Iterator[ResponseRecord]:
        db = self._connection()
        rows = db.execute(
            self._RESPONSE + " WHERE workshop_id = ? ORDER BY number", (workshop_id,)
        ).fetchall()
        for row in rows:
            yield self._response(db, row)

    def counts(self, workshop_id: int) -> list[GroupCount]:
        rows = (
            self._connection()
            .execute(
                "SELECT role, count(*), count(finished_at) FROM response "
                "WHERE workshop_id = ? AND about_done GROUP BY role ORDER BY role",
                (workshop_id,),
            )
            .fetchall()
        )
        return [GroupCount(role, int(started), int(done)) for role, started, done in rows]

    # -- consensus --------------------------------------------------------------------------

    def consensus(self, workshop_id: int) -> list[ConsensusAnswer]:
        db = self._connection()
        dissent: dict[QuestionKey, list[Dissent]] = {}
        for dissent_id, bank, question, role, text in db.execute(
            "SELECT id, bank_id, question_id, role, text FROM dissent WHERE workshop_id = ? "
            "ORDER BY id",
            (workshop_id,),
        ):
            dissent.setdefault((bank, question), []).append(Dissent(dissent_id, role, text))
        return [
            ConsensusAnswer(
                key=(bank, question),
                option=option,
                note=note,
                dissent=tuple(dissent.get((bank, question), ())),
                recorded_at=recorded,
            )
            for bank, question, option, note, recorded in db.execute(
                "SELECT bank_id, question_id, option_id, note, recorded_at FROM consensus "
                "WHERE workshop_id = ? ORDER BY recorded_at, bank_id, question_id",
                (workshop_id,),
            )
        ]

    def record_consensus(
        self,
        workshop_id: int,
        key: QuestionKey,
        option: str | None,
        note: str | None,
        new_dissent: Sequence[tuple[str | None, str]],
    ) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO consensus (workshop_id, bank_id, question_id, option_id, note, "
                "recorded_at) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (workshop_id, bank_id, question_id) DO UPDATE SET "
                "option_id = excluded.option_id, note = excluded.note, "
                "recorded_at = excluded.recorded_at",
                (workshop_id, key[0], key[1], option, note, now()),
            )
            db.executemany(
                "INSERT INTO dissent (workshop_id, bank_id, question_id, role, text) "
                "VALUES (?, ?, ?, ?, ?)",
                [(workshop_id, key[0], key[1], role, text) for role, text in new_dissent],
            )

    def remove_dissent(self, workshop_id: int, dissent_id: int) -> None:
        with self._write() as db:
            db.execute(
                "DELETE FROM dissent WHERE workshop_id = ? AND id = ?", (workshop_id, dissent_id)
            )

    # -- deleting ---------------------------------------------------------------------------

    def delete_everything(self) -> None:
        """Remove every row (``secure_delete`` zeroes the freed pages), then shrink the file
        and empty the write-ahead log, so no answer can be read back from the file."""
        with self._write() as db:
            for table in ("dissent", "consensus", "answer", "response", "workshop"):
                db.execute(f"DELETE FROM {table}")
        db = self._connection()
        db.execute("VACUUM")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
