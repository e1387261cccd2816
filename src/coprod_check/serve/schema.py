"""The workshop database's schema, versioned: each migration takes it one version further.

``PRAGMA user_version`` holds the version, ``PRAGMA application_id`` marks the file as a
coprod-check workshop database, so opening some other SQLite file (or a newer schema) is a
plain error rather than damage. To change the schema, append a migration; never edit one that
has shipped.
"""

from __future__ import annotations

import sqlite3

from coprod_check.errors import InputError, Location

APPLICATION_ID = 0x43504348  # "CPCH"

MIGRATIONS: tuple[str, ...] = (
    # 0 -> 1
    """
    CREATE TABLE workshop (
        id INTEGER PRIMARY KEY,
        participant_token TEXT NOT NULL UNIQUE,
        facilitator_token TEXT NOT NULL UNIQUE,
        secret BLOB NOT NULL,
        title TEXT NOT NULL,
        banks TEXT NOT NULL,
        roles TEXT NOT NULL,
        min_group_size INTEGER NOT NULL,
        closes_at TEXT,
        created_at TEXT NOT NULL,
        closed_at TEXT
    );
    CREATE TABLE response (
        id INTEGER PRIMARY KEY,
        workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        resume_hash TEXT NOT NULL UNIQUE,
        pseudonym TEXT,
        role TEXT,
        about_done INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finished_at TEXT,
        UNIQUE (workshop_id, number)
    );
    CREATE TABLE answer (
        response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        option_id TEXT,
        note TEXT,
        PRIMARY KEY (response_id, bank_id, question_id)
    ) WITHOUT ROWID;
    CREATE TABLE consensus (
        workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        option_id TEXT,
        note TEXT,
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (workshop_id, bank_id, question_id)
    );
    CREATE TABLE dissent (
        id INTEGER PRIMARY KEY,
        workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        role TEXT,
        text TEXT NOT NULL
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def check_identity(db: sqlite3.Connection, where: Location) -> None:
    """Refuse, reading only, a file that is some other SQLite database or a newer schema, before
    anything (even switching it to WAL mode) changes it."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    application = db.execute("PRAGMA application_id").fetchone()[0]
    tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if (version == 0 and tables) or (version and application != APPLICATION_ID):
        raise InputError("this file is not a coprod-check workshop database", where)
    if version > SCHEMA_VERSION:
        raise InputError(
            f"this workshop database is from a newer coprod-check (schema {version}; this one "
            f"reads up to {SCHEMA_VERSION})",
            where,
        )


def migrate(db: sqlite3.Connection, where: Location) -> None:
    """Bring the open database (inside a write transaction) to :data:`SCHEMA_VERSION`."""
    check_identity(db, where)
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for step in range(version, SCHEMA_VERSION):
        for statement in MIGRATIONS[step].split(";"):
            if statement.strip():
                db.execute(statement)
    db.execute(f"PRAGMA application_id={APPLICATION_ID}")
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
