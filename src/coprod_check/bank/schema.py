"""The question-bank format, as pydantic models: the one definition of what a bank may say.

The engine and reports work with the records of :mod:`coprod_check.bank.model` that a bank
becomes once these models accept it.

The JSON Schema printed by ``coprod-check schema`` is generated from these models, so editors
and third-party validators agree with coprod-check on schema-level errors. Rules that need more
than one field (references between ids, reachable thresholds) live in ``bank/checks/``.
Unknown fields are errors everywhere (``extra="forbid"``): a typo must never pass silently.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from coprod_check.bank.model import (
    Consequence,
    SectionRole,
    SectionRule,
    Severity,
    Status,
)
from coprod_check.bank.shape import DEFAULT_MET, DEFAULT_PARTLY_MET, ID_PATTERN, SEMVER_PATTERN

Id = Annotated[
    str,
    StringConstraints(pattern=ID_PATTERN, min_length=1, max_length=64),
    Field(description="A stable identifier: lower-case letters, digits and hyphens."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=4000)]
SemVer = Annotated[
    str,
    StringConstraints(pattern=SEMVER_PATTERN),
    Field(description="Semantic version of the bank, e.g. 1.0.0."),
]
Percent = Annotated[float, Field(ge=0, le=100)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Strict):
    """A text the bank draws on; questions cite it by ``id``."""

    id: Id
    author: Text
    year: int | None = Field(default=None, ge=1900, le=2100)
    title: Text
    publisher: Text | None = None
    url: Text | None = None


class Citation(_Strict):
    """Where a question, section or recommendation comes from: a source id and which item."""

    source: Id = Field(description="The id of an entry in the bank's `sources`.")
    item: Text = Field(description="Which item, criterion or passage of the source.")
    original: Text | None = Field(
        default=None,
        description=(
            "The original the source quotes or summarises, e.g. 'Stephens et al (2012)': cited "
            "as 'Stephens et al (2012), as quoted in ...'."
        ),
    )
    relation: Literal["quoted", "summarised"] = Field(
        default="quoted",
        description="Whether the source quotes the original or summarises it.",
    )


class ScaleOption(_Strict):
    """One answer a person can give. ``value: null`` means it counts as unanswered."""

    id: Id
    label: Text
    value: float | None = Field(
        description="Numeric value; higher is more true. null counts as unanswered (don't know)."
    )


class Scale(_Strict):
    """An answer scale, defined once and referenced by questions through its ``id``."""

    id: Id
    label: Text
    options: list[ScaleOption] = Field(min_length=2)


class RedFlag(_Strict):
    """Answers to one question that block co-production or call for caution.

    ``answers`` are option ids of the question's scale and must be the worst end of it, so that
    improving an answer can never raise a flag.
    """

    severity: Severity
    answers: list[Id] = Field(min_length=1)
    message: Text


class Recommendation(_Strict):
    """What to do when a question scores low.

    It applies when the answer is one of ``when`` (option ids), or, without ``when``, when the
    question scores below half of its scale.
    """

    text: Text
    citation: Citation
    when: list[Id] | None = None


class Question(_Strict):
    """One statement a team agrees or disagrees with."""

    id: Id
    statement: Text
    guidance: Text | None = None
    scale: Id = Field(description="The id of an entry in the bank's `scales`.")
    weight: float = Field(default=1.0, description="Relative weight in its section; above 0.")
    reverse: bool = Field(
        default=False,
        description="True when agreeing is bad news (e.g. 'we think co-production saves money').",
    )
    citation: Citation
    optional: bool = Field(
        default=False,
        description=(
            "An indicator a source says a level 'may include': shown, but not counted in the "
            "section's score, so missing it never holds a team back."
        ),
    )
    red_flags: list[RedFlag] = Field(default_factory=list)
    recommendation: Recommendation | None = None


class Thresholds(_Strict):
    """Section score (0-100) at or above which a section is met or partly met."""

    met: Percent = DEFAULT_MET
    partly_met: Percent = DEFAULT_PARTLY_MET


class Section(_Strict):
    """A group of questions, such as one criterion. ``role`` says how the engine uses it.

    - ``criterion``: a condition for co-production (Inett's right circumstances);
    - ``case``: reasons to co-produce (Malby's "do do coproduction if");
    - ``cautions``: reasons not to (Malby's "don't do coproduction if");
    - ``level``: indicators of one Needham & Carr level, referenced by a level;
    - ``approach``: which relationship fits (Malby's voice / choice / co-production);
    - ``profile``: describes where things stand today (where people share the work, whether it
      is still genuine); shown in reports, never part of the verdict, level or confidence.
    """

    id: Id
    title: Text
    description: Text | None = None
    role: SectionRole
    decisive: bool = Field(
        default=False,
        description=(
            "If this criterion is not met, co-production is not the right approach (the same as "
            "`if_not_met: not-right-approach`)."
        ),
    )
    rule: SectionRule = Field(
        default="mean", description="How the status is worked out: `mean` or `any`."
    )
    if_not_met: Consequence | None = Field(
        default=None,
        description=(
            "What a not-met status does to the verdict. Default: `not-right-approach` for a "
            "`case` section or a decisive criterion, `not-yet` for other criteria, else `none`."
        ),
    )
    if_partly_met: Consequence | None = Field(
        default=None,
        description=(
            "What a partly-met status does to the verdict. Default: `condition` for criteria and "
            "`case` sections, else `none`."
        ),
    )
    citation: Citation
    thresholds: Thresholds | None = Field(
        default=None, description="Overrides the bank's thresholds for this section."
    )
    recommendation: Recommendation | None = Field(
        default=None,
        description=(
            "The remedy when the section is not met or partly met; for a level's indicators, the "
            "step towards that level."
        ),
    )
    questions: list[Question] = Field(min_length=1)


class Level(_Strict):
    """A Needham & Carr level. Levels are listed lowest first and are cumulative."""

    id: Id
    name: Text
    aliases: list[Text] = Field(default_factory=list)
    description: Text
    section: Id = Field(description="The `level` section whose indicators decide this level.")
    threshold: Percent = Field(description="Indicator score (0-100) needed to reach the level.")
    baseline: bool = Field(
        default=False,
        description=(
            "The level every assessed team is at least at (Needham & Carr: some co-production "
            "always happens); reached whenever the level is assessed."
        ),
    )
    citation: Citation


class Condition(_Strict):
    """Holds when every part it names holds: a question's answer is one of ``answers``, a
    section has one of ``status``, and each condition in ``all`` holds."""

    question: Id | None = None
    answers: list[Id] | None = None
    section: Id | None = None
    status: list[Status] | None = None
    all: list[Condition] | None = None


class Approach(_Strict):
    """An approach that fits better than co-production when any of its conditions holds.

    When one holds the verdict is "not the right approach"; ``how`` says how to do the approach
    well, and replaces the advice on preparing for co-production.
    """

    id: Id
    name: Text
    description: Text
    rank: int = Field(
        default=100,
        description="Which of several approaches that hold is named first (lowest first).",
    )
    when: list[Condition] = Field(min_length=1)
    how: list[Recommendation] = Field(default_factory=list)
    citation: Citation


class Bank(_Strict):
    """A question bank: one YAML file."""

    schema_version: Literal[1] = Field(description="Version of this file format; currently 1.")
    id: Id
    version: SemVer
    title: Text
    description: Text
    default: bool = Field(
        default=True,
        description="For a bundled bank: asked when no --bank is given. A bank for some teams "
        "only (such as a check re-run by teams already co-producing) says false; name it with "
        "--bank to use it.",
    )
    sources: list[Source] = Field(min_length=1)
    scales: list[Scale] = Field(min_length=1)
    thresholds: Thresholds = Field(default_factory=Thresholds)
    min_answered: float = Field(
        default=0.5,
        ge=0,
        le=1,
        description="Share of questions that must be answered before a result is given.",
    )
    sections: list[Section] = Field(min_length=1)
    levels: list[Level] = Field(default_factory=list)
    approaches: list[Approach] = Field(default_factory=list)
