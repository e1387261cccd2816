"""The workshop database file: created private, opened in WAL mode, one connection per thread,
changes in transactions, schema checked and migrated on opening.

Why these choices:

- **WAL** lets pages be read while an answer is being written, and a crash (or kill -9) in the
  middle of a write leaves the last committed state; ``synchronous=FULL`` makes every committed
  change survive a power cut too. The server's writer thread commits with
  ``synchronous=NORMAL`` instead and flushes the log itself (:meth:`SqliteFile.sync`) before it
  reports any change saved: one flush for the changes committed meanwhile
  (:mod:`coprod_check.serve.writer`).
- **Every change is one transaction** (``BEGIN IMMEDIATE`` ... ``COMMIT``): a submitted page is
  stored whole or not at all. Writers in this process queue on a
  lock rather than on SQLite's busy-wait, which sleeps in steps and would add tens of
  milliseconds under load; another process (``coprod-check workshop close``) still waits up to
  ``BUSY_MS`` for the file lock.
- **Migrations** (:mod:`coprod_check.serve.schema`) are applied in the same transaction as
  the check of the file's schema version, when a file is opened.
- The file is created readable by its owner only.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from coprod_check.errors import InputError, Location
from coprod_check.serve.schema import check_identity, migrate

BUSY_MS = 10_000


class SqliteFile:
    """One SQLite file of the workshop schema, with a connection per thread that uses it (the
    server's event loop reads, its writer thread writes; a command uses one)."""

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
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One change: a transaction committed when the block ends, rolled back if it raises."""
        connection = self._connection()
        with self._write_lock:
            connection.execute("BEGIN IMMEDIATE")
            try:
                yield connection
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")

    def defer_sync(self) -> None:
        """From now on, changes made on this thread commit without waiting for the disk:
        :meth:`sync` must then be called before any of them is reported saved. The server's
        writer thread does this, so that one wait for the disk covers every change committed
        while the previous wait went on."""
        self._connection().execute("PRAGMA synchronous=NORMAL")

    def sync(self) -> None:
        """Make every change committed so far durable, as ``synchronous=FULL`` does after each
        commit: flush the write-ahead log, where WAL mode writes each commit, to the disk."""
        try:
            log = os.open(f"{self.path}-wal", os.O_RDWR)
        except FileNotFoundError:
            return  # no log: every commit is already in the database file, synced at checkpoint
        try:
            os.fsync(log)
        finally:
            os.close(log)

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
