"""The participant's path through a workshop, and reading a submitted page. Pure: no web, no
database, so every rule about what a page may contain is tested without a server.

Pages: 0 is "about you" (pseudonym and role group), 1..N are the sections of the workshop's
banks in order (one section per page), N+1 is the summary. A submitted section page must hold
exactly the fields the page showed: an unknown field, a second value for one answer, or an
answer that is not one of the question's options is refused as a whole, and nothing from that
submission is stored (what was saved earlier stays).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from coprod_check.answers.model import ROLES
from coprod_check.bank.model import Bank, Question, Scale, ScaleOption, Section
from coprod_check.serve.records import QuestionKey, SavedAnswer

#: Free text limits (the answers format allows notes of 4000 characters, pseudonyms of 200).
NOTE_LIMIT = 4000
PSEUDONYM_LIMIT = 200
#: The value of the "don't know" choice added to scales that have no option without a value.
DONT_KNOW = ""
#: Form fields every page form carries besides its answers.
CONTROL_FIELDS = frozenset({"csrf", "seen", "go"})
GO = ("next", "back")
NO_ROLE = "none"


class FormProblem(Exception):
    """A submitted form that cannot be stored; ``message`` is plain words for the page."""

    def __init__(self, message: str, *, tampered: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.tampered = tampered


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class Item:
    """One question on a page: what to show and how its answer is named in the form."""

    bank: Bank
    question: Question
    scale: Scale
    field: str
    note_field: str
    choices: tuple[Choice, ...]

    @property
    def key(self) -> QuestionKey:
        return (self.bank.id, self.question.id)


@dataclass(frozen=True, slots=True)
class Page:
    number: int
    bank: Bank
    section: Section
    items: tuple[Item, ...]


def _choices(scale: Scale) -> tuple[Choice, ...]:
    choices = [Choice(option.id, option.label) for option in scale.options]
    if not any(option.value is None for option in scale.options):
        choices.append(Choice(DONT_KNOW, "Don't know"))
    return tuple(choices)


def build_pages(banks: Sequence[Bank]) -> tuple[Page, ...]:
    """One page per section, in bank and section order, numbered from 1."""
    pages: list[Page] = []
    for bank in banks:
        scales = {scale.id: scale for scale in bank.scales}
        for section in bank.sections:
            items = []
            for question in section.questions:
                field = f"answer:{bank.id}/{question.id}"
                items.append(
                    Item(
                        bank=bank,
                        question=question,
                        scale=scales[question.scale],
                        field=field,
                        note_field=f"note:{bank.id}/{question.id}",
                        choices=_choices(scales[question.scale]),
                    )
                )
            pages.append(Page(len(pages) + 1, bank, section, tuple(items)))
    return tuple(pages)


def clean_text(raw: str, limit: int) -> str | None:
    """Free text as stored: control characters (other than line breaks and tabs) removed, line
    breaks made ``\\n``, surrounding space stripped; None when empty. Too long is a problem."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(
        char for char in text if char in "\n\t" or unicodedata.category(char)[0] != "C"
    ).strip()
    if len(text) > limit:
        raise FormProblem(
            f"A note can be at most {limit:,} characters; this one has {len(text):,}."
        )
    return text or None


def fingerprint(page: Page, answers: Mapping[QuestionKey, SavedAnswer]) -> str:
    """A short digest of what is saved for ``page``'s questions: a form carries the digest it
    was shown with, so a save from a stale tab can be told from a fresh one."""
    digest = hashlib.sha256()
    for item in page.items:
        saved = answers.get(item.key)
        digest.update(repr((item.key, saved and saved.option, saved and saved.note)).encode())
    return digest.hexdigest()[:24]


def single(form: Sequence[tuple[str, str]], name: str) -> str | None:
    """The one value of ``name`` in a form, None when absent; two values are tampering."""
    values = [value for key, value in form if key == name]
    if len(values) > 1:
        raise FormProblem(f"The form sent two values for {name!r}.", tampered=True)
    return values[0] if values else None


def read_page(page: Page, form: Sequence[tuple[str, str]]) -> dict[QuestionKey, SavedAnswer]:
    """The answers a submitted section page holds, or :class:`FormProblem`."""
    known = CONTROL_FIELDS | {item.field for item in page.items}
    known |= {item.note_field for item in page.items}
    unknown = sorted({key for key, _ in form if key not in known})
    if unknown:
        raise FormProblem(
            f"The form held a field this page does not have ({unknown[0][:60]!r}).", tampered=True
        )
    result: dict[QuestionKey, SavedAnswer] = {}
    for item in page.items:
        raw = single(form, item.field)
        option: str | None = None
        if raw is not None:
            if raw not in {choice.value for choice in item.choices}:
                labels = ", ".join(choice.label for choice in item.choices)
                raise FormProblem(
                    f'The answer to "{item.question.statement}" is not one of its options '
                    f"({labels})."
                )
            option = raw or None
        note = single(form, item.note_field)
        result[item.key] = SavedAnswer(option, clean_text(note or "", NOTE_LIMIT))
    return result


def read_about(
    form: Sequence[tuple[str, str]], roles: Sequence[str]
) -> tuple[str | None, str | None]:
    """Pseudonym and role group from the "about you" page, or :class:`FormProblem`."""
    allowed = CONTROL_FIELDS | {"pseudonym", "role"}
    if any(key not in allowed for key, _ in form):
        raise FormProblem("The form held a field this page does not have.", tampered=True)
    pseudonym = clean_text(single(form, "pseudonym") or "", PSEUDONYM_LIMIT)
    if pseudonym is not None:
        pseudonym = " ".join(pseudonym.split())
    role = single(form, "role")
    if role is None or role == NO_ROLE:
        return pseudonym, None
    if role not in roles or role not in ROLES:
        raise FormProblem("The role group chosen is not one of this workshop's groups.")
    return pseudonym, role


def option_label(item: Item, option: str | None) -> str:
    """How an answer reads on the summary page."""
    if option is None:
        return "Don't know" if item.choices[-1].value == DONT_KNOW else "Not answered"
    for choice in item.choices:
        if choice.value == option:
            return choice.label
    return option


def find_choice(scale: Scale, option: str | None) -> ScaleOption | None:
    for candidate in scale.options:
        if candidate.id == option:
            return candidate
    return None
