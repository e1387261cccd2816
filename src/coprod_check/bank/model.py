"""The question bank as records: what scoring, reports and the workshop read.

The format itself, and every rule a file must follow, is defined once by the pydantic models in
:mod:`coprod_check.bank.schema`; a bank file becomes these records only after passing them (or,
for a cached bundled bank, after :func:`coprod_check.bank.shape.certainly_valid` says the models
would pass it). ``tests/bank/test_bank_records.py`` keeps the two field for field the same.
"""

from __future__ import annotations

from typing import Literal

from coprod_check.bank.shape import DEFAULT_MET, DEFAULT_PARTLY_MET
from coprod_check.records import Record, field, record

SCHEMA_VERSION = 1

SectionRole = Literal["criterion", "case", "cautions", "level", "approach", "profile"]
Severity = Literal["blocker", "caution"]
Status = Literal["met", "partly-met", "not-met"]
#: What a section that is not met (or partly met) does to the verdict.
Consequence = Literal["not-right-approach", "not-yet", "condition", "none"]
#: ``mean``: the weighted mean of the answers against the thresholds; ``any``: met as soon as
#: one answered question holds (its value is at least one half), for lists of separate,
#: sufficient reasons such as Malby's "do do coproduction if".
SectionRule = Literal["mean", "any"]


class _BankRecord(Record):
    __schema__ = "coprod_check.bank.schema"


@record
class Source(_BankRecord):
    """A text the bank draws on; questions cite it by ``id``."""

    id: str
    author: str
    year: int | None = None
    title: str
    publisher: str | None = None
    url: str | None = None


@record
class Citation(_BankRecord):
    """Where a question, section or recommendation comes from: a source id and which item."""

    source: str
    item: str
    original: str | None = None
    relation: Literal["quoted", "summarised"] = "quoted"


@record
class ScaleOption(_BankRecord):
    """One answer a person can give. ``value: None`` means it counts as unanswered."""

    id: str
    label: str
    value: float | None


@record
class Scale(_BankRecord):
    """An answer scale, defined once and referenced by questions through its ``id``."""

    id: str
    label: str
    options: list[ScaleOption]


@record
class RedFlag(_BankRecord):
    """Answers to one question (the worst end of its scale) that block or call for caution."""

    severity: Severity
    answers: list[str]
    message: str


@record
class Recommendation(_BankRecord):
    """What to do when a question scores low (``when``: for these option ids only)."""

    text: str
    citation: Citation
    when: list[str] | None = None


@record
class Question(_BankRecord):
    """One statement a team agrees or disagrees with."""

    id: str
    statement: str
    guidance: str | None = None
    scale: str
    weight: float = 1.0
    reverse: bool = False
    citation: Citation
    optional: bool = False
    red_flags: list[RedFlag] = field(default_factory=list)
    recommendation: Recommendation | None = None


@record
class Thresholds(_BankRecord):
    """Section score (0-100) at or above which a section is met or partly met."""

    met: float = DEFAULT_MET
    partly_met: float = DEFAULT_PARTLY_MET


@record
class Section(_BankRecord):
    """A group of questions, such as one criterion; ``role`` says how the engine uses it."""

    id: str
    title: str
    description: str | None = None
    role: SectionRole
    decisive: bool = False
    rule: SectionRule = "mean"
    if_not_met: Consequence | None = None
    if_partly_met: Consequence | None = None
    citation: Citation
    thresholds: Thresholds | None = None
    recommendation: Recommendation | None = None
    questions: list[Question]


@record
class Level(_BankRecord):
    """A Needham & Carr level. Levels are listed lowest first and are cumulative."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    description: str
    section: str
    threshold: float
    baseline: bool = False
    citation: Citation


@record
class Condition(_BankRecord):
    """Holds when every part it names holds (see :class:`coprod_check.bank.schema.Condition`)."""

    question: str | None = None
    answers: list[str] | None = None
    section: str | None = None
    status: list[Status] | None = None
    all: list[Condition] | None = None


@record
class Approach(_BankRecord):
    """An approach that fits better than co-production when any of its conditions holds."""

    id: str
    name: str
    description: str
    rank: int = 100
    when: list[Condition]
    how: list[Recommendation] = field(default_factory=list)
    citation: Citation


@record
class Bank(_BankRecord):
    """A question bank: one YAML file."""

    schema_version: Literal[1]
    id: str
    version: str
    title: str
    description: str
    default: bool = True
    sources: list[Source]
    scales: list[Scale]
    thresholds: Thresholds = field(default_factory=Thresholds)
    min_answered: float = 0.5
    sections: list[Section]
    levels: list[Level] = field(default_factory=list)
    approaches: list[Approach] = field(default_factory=list)
