"""The result of scoring as pydantic models: the JSON contract ``--format json`` prints and
``compare`` reads back. The engine and reports work with the records of
:mod:`coprod_check.scoring.result`; ``RESULT_VERSION`` is documented there.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from coprod_check.scoring.result import (
    RESULT_VERSION,
    CitationWords,
    ConfidenceLabel,
    RecommendationCategory,
    StatusId,
    VerdictId,
)

#: Numbers in a result are finite and in range, so a saved result read back (``compare``)
#: cannot carry NaN, Infinity or a score of 4000 into a report or into JSON.
Points = Annotated[float, Field(ge=0, le=100)]
Unit = Annotated[float, Field(ge=0, le=1)]
Count = Annotated[int, Field(ge=0)]
Weight = Annotated[float, Field(ge=0)]


class _Frozen(BaseModel):
    model_config = ConfigDict(
        extra="forbid", frozen=True, allow_inf_nan=False, from_attributes=True
    )


class CitationText(_Frozen, CitationWords):
    """A resolved citation: the source's author, year and title plus the item."""

    source_id: str
    author: str
    year: int | None
    title: str
    item: str
    original: str | None = Field(
        default=None, description="The original the source quotes or summarises, if any."
    )
    relation: Literal["quoted", "summarised"] = "quoted"


class BankInfo(_Frozen):
    id: str
    version: str
    title: str


class RespondentInfo(_Frozen):
    pseudonym: str | None = None
    role: str | None = None
    date: str | None = None
    project: str | None = None


class AnswerTrace(_Frozen):
    """How one answer entered a score."""

    bank_id: str
    question_id: str
    statement: str
    answer_id: str | None = Field(description="The option chosen; null when unanswered.")
    answer_label: str | None
    value: Unit | None = Field(description="0-1 after reversal; null when it counts unanswered.")
    weight: Weight
    note: str | None = None


class SectionResult(_Frozen):
    bank_id: str
    section_id: str
    title: str
    role: str
    score: Points | None = Field(description="0-100; null when no question was answered.")
    answered: Count
    total: Count
    status: StatusId
    met_at: Points
    partly_met_at: Points
    citation: CitationText
    answers: list[AnswerTrace]
    explanation: str


class RedFlagHit(_Frozen):
    severity: Literal["blocker", "caution"]
    bank_id: str
    question_id: str
    statement: str
    answer_id: str
    answer_label: str
    message: str
    citation: CitationText


class CaseResult(_Frozen):
    """The case for co-production (Malby's "do do coproduction if" items)."""

    holds: Count = Field(
        description="Items answered above the middle of their scale ('True', not 'Partly true')."
    )
    answered: Count
    total: Count
    score: Points | None
    status: StatusId
    explanation: str


class LevelStep(_Frozen):
    id: str
    name: str
    aliases: list[str]
    description: str
    score: Points | None
    threshold: Points
    answered: Count
    total: Count
    reached: bool
    citation: CitationText
    assessed: bool = Field(
        default=True, description="False when too few answers were given to place any level."
    )
    baseline: bool = Field(
        default=False, description="The level every assessed team is at least at."
    )


class LevelResult(_Frozen):
    """Needham & Carr level; null id when not assessed (too few answers or no level bank)."""

    id: str | None
    name: str
    confidence: ConfidenceLabel
    steps: list[LevelStep]
    explanation: str
    available: bool = Field(
        default=True, description="False when no answered bank defines Needham & Carr levels."
    )
    decisive: list[str] = Field(
        default_factory=list,
        description="Question ids whose answers placed the level or hold back the next one.",
    )


class HowStep(_Frozen):
    """One piece of advice on doing an approach well, with its source."""

    text: str
    citation: CitationText


class ApproachSuggestion(_Frozen):
    id: str
    name: str
    description: str
    because: list[str]
    citation: CitationText
    how: list[HowStep] = Field(default_factory=list)
    question_ids: list[str] = Field(default_factory=list)
    bank_id: str = ""


class Reason(_Frozen):
    """One decisive reason, in words: which answers, which rule, which source, and the remedy."""

    kind: Literal[
        "too-few-answers",
        "approach",
        "section",
        "blocker",
        "caution",
        "reason-to-co-produce",
        "all-clear",
    ]
    text: str
    question_ids: list[str] = Field(default_factory=list)
    rule: str = ""
    source: str = ""
    source_brief: str = ""
    remedy: str | None = None
    remedy_source: str | None = None


class Verdict(_Frozen):
    id: VerdictId
    label: str
    reasons: list[str]
    conditions: list[str]
    alternatives: list[ApproachSuggestion]
    explanation: str = Field(
        default="", description="Which of the verdict rules decided it, for --explain."
    )
    approach: str | None = Field(
        default=None,
        description=(
            "The approach that fits: co-production, or the id of the first alternative named; "
            "null when there are too few answers."
        ),
    )
    decisive: list[Reason] = Field(
        default_factory=list,
        description="The reasons that decided the verdict, most important first.",
    )
    ranked_conditions: list[Reason] = Field(
        default_factory=list, description="The conditions, most important first."
    )


class Sensitivity(_Frozen):
    """One answer that, one step different on its scale, would change the verdict or level."""

    bank_id: str
    question_id: str
    statement: str
    answer_id: str
    answer_label: str
    to_answer_id: str
    to_answer_label: str
    verdict: VerdictId | None = Field(description="The verdict it would give; null if unchanged.")
    level: str | None = Field(description="The level it would give; null if unchanged.")
    level_changes: bool = False


class Confidence(_Frozen):
    answered: Count
    total: Count
    fraction: Unit
    label: ConfidenceLabel
    explanation: str


class RecommendationItem(_Frozen):
    rank: int
    category: RecommendationCategory
    bank_id: str
    question_id: str
    text: str
    because: str
    citation: CitationText


class Result(_Frozen):
    result_version: int = RESULT_VERSION
    tool_version: str
    banks: list[BankInfo]
    respondent: RespondentInfo
    verdict: Verdict
    level: LevelResult
    confidence: Confidence
    sections: list[SectionResult]
    red_flags: list[RedFlagHit]
    case: CaseResult | None
    recommendations: list[RecommendationItem]
    sensitivity: list[Sensitivity] | None = Field(
        default=None,
        description=(
            "Single answers that, one step different, would change the verdict or the level; "
            "null when not worked out (text reports without --explain)."
        ),
    )
