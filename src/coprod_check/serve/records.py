"""What the workshop server keeps, and the small storage interface the rest of it uses.

The web app and the commands talk to storage only through :class:`WorkshopStore`, so SQLite
(:mod:`coprod_check.serve.sqlite_store`) could be replaced by a server database later without
touching pages or tests of behaviour. Records are plain frozen dataclasses, never ORM objects.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

QuestionKey = tuple[str, str]
"""(bank id, question id)."""


@dataclass(frozen=True, slots=True)
class WorkshopSettings:
    """What a facilitator chooses when a workshop is created."""

    title: str
    banks: tuple[tuple[str, str], ...]
    """(bank id, version) of each bank asked, in order."""
    roles: tuple[str, ...]
    """Role groups participants may choose (answers-format role ids)."""
    min_group_size: int
    closes_at: str | None = None
    """ISO 8601 UTC time after which the workshop takes no answers, or None."""


@dataclass(frozen=True, slots=True)
class Workshop:
    id: int
    participant_token: str
    facilitator_token: str
    secret: bytes
    """Key for the workshop's CSRF tokens (never leaves the server)."""
    settings: WorkshopSettings
    created_at: str
    closed_at: str | None


@dataclass(frozen=True, slots=True)
class SavedAnswer:
    option: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class ResponseRecord:
    """One participant's response: who (as they chose to say), where they are, their answers."""

    id: int
    workshop_id: int
    number: int
    """1, 2, 3 ... within the workshop: the name exports use."""
    pseudonym: str | None
    role: str | None
    about_done: bool
    position: int
    """The page to carry on from: 0 about you, 1..N sections, N+1 the summary."""
    finished_at: str | None
    answers: Mapping[QuestionKey, SavedAnswer]


@dataclass(frozen=True, slots=True)
class GroupCount:
    role: str | None
    started: int
    finished: int


@dataclass(frozen=True, slots=True)
class Dissent:
    id: int
    group: str | None
    text: str


@dataclass(frozen=True, slots=True)
class ConsensusAnswer:
    key: QuestionKey
    option: str | None
    note: str | None
    dissent: tuple[Dissent, ...]
    recorded_at: str


class WorkshopStore(Protocol):
    """Everything the server and the workshop commands need from storage.

    Every method that changes data is one transaction: all of it is stored, or none. It is
    durable when the method returns, except on a thread that called :meth:`defer_sync`: there
    it is durable after the next :meth:`sync`.
    """

    def defer_sync(self) -> None: ...

    def sync(self) -> None: ...

    def create_workshop(self, settings: WorkshopSettings) -> Workshop: ...

    def workshops(self) -> list[Workshop]: ...

    def by_participant_token(self, token: str) -> Workshop | None: ...

    def by_facilitator_token(self, token: str) -> Workshop | None: ...

    def close_workshop(self, workshop_id: int) -> None: ...

    def start_response(self, workshop_id: int, resume_hash: str) -> ResponseRecord: ...

    def response(self, workshop_id: int, resume_hash: str) -> ResponseRecord | None: ...

    def save_about(
        self, response_id: int, pseudonym: str | None, role: str | None, position: int
    ) -> None: ...

    def save_page(
        self,
        response_id: int,
        answers: Mapping[QuestionKey, SavedAnswer],
        position: int,
    ) -> None: ...

    def finish(self, response_id: int) -> None: ...

    def responses(self, workshop_id: int) -> Iterator[ResponseRecord]: ...

    def counts(self, workshop_id: int) -> list[GroupCount]: ...

    def consensus(self, workshop_id: int) -> list[ConsensusAnswer]: ...

    def record_consensus(
        self,
        workshop_id: int,
        key: QuestionKey,
        option: str | None,
        note: str | None,
        new_dissent: Sequence[tuple[str | None, str]],
    ) -> None: ...

    def remove_dissent(self, workshop_id: int, dissent_id: int) -> None: ...

    def delete_everything(self) -> None: ...

    def close(self) -> None: ...
