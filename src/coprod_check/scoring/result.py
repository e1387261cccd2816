"""The result of scoring: the contract every reporter renders and ``--format json`` prints.

``RESULT_VERSION`` changes only when a key is removed or changes meaning; adding keys is
compatible. Later features (aggregate, compare) read results saved as JSON.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

RESULT_VERSION = 1

VerdictId = Literal[
    "ready", "ready-with-conditions", "not-yet", "not-right-approach", "insufficient-answers"
]
#: Worst first; "insufficient-answers" is not on this scale.
VERDICT_ORDER: tuple[str, ...] = ("not-right-approach", "not-yet", "ready-with-conditions", "ready")
StatusId = Literal["met", "partly-met", "not-met", "unknown"]
ConfidenceLabel = Literal["high", "medium", "low", "insufficient"]
RecommendationCategory = Literal["blocker", "criterion", "next-level", "other"]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CitationText(_Frozen):
    """A resolved citation: the source's author, year and title plus the item."""

    source_id: str
    author: str
    year: int | None
    title: str
    item: str

    @property
    def short(self) -> str:
        """``Malby (2014), "Coproducing Health – a briefing": item``."""
        year = f" ({self.year})" if self.year is not None else ""
        return f'{self.author}{year}, "{self.title}": {self.item}'


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
    value: float | None = Field(description="0-1 after reversal; null when it counts unanswered.")
    weight: float
    note: str | None = None


class SectionResult(_Frozen):
    bank_id: str
    section_id: str
    title: str
    role: str
    score: float | None = Field(description="0-100; null when no question was answered.")
    answered: int
    total: int
    status: StatusId
    met_at: float
    partly_met_at: float
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

    holds: int = Field(
        description="Items answered above the middle of their scale ('True', not 'Partly true')."
    )
    answered: int
    total: int
    score: float | None
    status: StatusId
    explanation: str


class LevelStep(_Frozen):
    id: str
    name: str
    aliases: list[str]
    description: str
    score: float | None
    threshold: float
    answered: int
    total: int
    reached: bool
    citation: CitationText


class LevelResult(_Frozen):
    """Needham & Carr level: ``none`` means not yet co-producing; null id when not assessed."""

    id: str | None
    name: str
    confidence: ConfidenceLabel
    steps: list[LevelStep]
    explanation: str
    available: bool = Field(
        default=True, description="False when no answered bank defines Needham & Carr levels."
    )


class ApproachSuggestion(_Frozen):
    id: str
    name: str
    description: str
    because: list[str]
    citation: CitationText


class Verdict(_Frozen):
    id: VerdictId
    label: str
    reasons: list[str]
    conditions: list[str]
    alternatives: list[ApproachSuggestion]
    explanation: str = Field(
        default="", description="Which of the verdict rules decided it, for --explain."
    )


class Confidence(_Frozen):
    answered: int
    total: int
    fraction: float
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
