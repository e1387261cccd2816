"""The workshop store in one SQLite file (:class:`~coprod_check.serve.sqlite_file.SqliteFile`:
WAL mode, a transaction per change, migrations): workshops, responses, answers, consensus.

Why these choices:

- **Answers keyed by (response, bank, question)** and written with an upsert: submitting a page
  twice, going back, or two tabs can overwrite an answer but never duplicate one.
- **Resume tokens are stored hashed**: the database alone does not let anyone continue (or
  read through the web) another person's response. Workshop links are kept as they are, so
  ``serve`` can print them again after a restart.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

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
from coprod_check.serve.sqlite_file import SqliteFile


def now() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


class SqliteStore(SqliteFile):
    """:class:`~coprod_check.serve.records.WorkshopStore` in one SQLite file."""

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
        return self._workshop_with("participant_token", token)

    def by_facilitator_token(self, token: str) -> Workshop | None:
        return self._workshop_with("facilitator_token", token)

    def _workshop_with(self, column: str, token: str) -> Workshop | None:
        """The workshop whose ``column`` (one of its two unique link tokens) is ``token``."""
        query = f"{self._WORKSHOP} WHERE {column} = ?"
        row = self._connection().execute(query, (token,)).fetchone()
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
