"""The result of scoring, as records: what every reporter renders.

``--format json`` prints it through its pydantic mirror, :mod:`coprod_check.scoring.result_schema`,
which also reads saved results back (``compare``).

``RESULT_VERSION`` changes only when a key is removed or changes meaning; adding keys is
compatible. Later features (aggregate, compare) read results saved as JSON.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from coprod_check.records import Record, field, record

RESULT_VERSION = 1

VerdictId = Literal[
    "ready", "ready-with-conditions", "not-yet", "not-right-approach", "insufficient-answers"
]
#: Worst first; "insufficient-answers" is not on this scale.
VERDICT_ORDER: tuple[str, ...] = ("not-right-approach", "not-yet", "ready-with-conditions", "ready")
StatusId = Literal["met", "partly-met", "not-met", "unknown"]
ConfidenceLabel = Literal["high", "medium", "low", "insufficient"]
RecommendationCategory = Literal[
    "approach", "blocker", "criterion", "condition", "next-level", "other"
]


class _Frozen(Record):
    __schema__ = "coprod_check.scoring.result_schema"


class CitationWords:
    """How a resolved citation is written; shared with the pydantic mirror (``compare`` reads
    saved citations back)."""

    if TYPE_CHECKING:  # the fields of the classes it is mixed into
        author: str
        year: int | None
        title: str
        item: str
        original: str | None
        relation: Literal["quoted", "summarised"]

    @property
    def short(self) -> str:
        """``Malby (2014), "Coproducing Health – a briefing": item``; with an original,
        ``Stephens et al (2012), as quoted in Malby (2014), "...": item``."""
        year = f" ({self.year})" if self.year is not None else ""
        source = f'{self.author}{year}, "{self.title}"'
        if self.original:
            how = "as summarised by" if self.relation == "summarised" else "as quoted in"
            source = f"{self.original}, {how} {source}"
        return f"{source}: {self.item}"

    @property
    def brief(self) -> str:
        """``Becky Malby (2014)``; with an original, ``Stephens et al (2012), as quoted in ...``."""
        year = f" ({self.year})" if self.year is not None else ""
        source = f"{self.author}{year}"
        if self.original:
            how = "as summarised by" if self.relation == "summarised" else "as quoted in"
            source = f"{self.original}, {how} {source}"
        return source


@record
class CitationText(_Frozen, CitationWords):
    """A resolved citation: the source's author, year and title plus the item."""

    source_id: str
    author: str
    year: int | None
    title: str
    item: str
    original: str | None = None
    relation: Literal["quoted", "summarised"] = "quoted"


@record
class BankInfo(_Frozen):
    id: str
    version: str
    title: str


@record
class RespondentInfo(_Frozen):
    pseudonym: str | None = None
    role: str | None = None
    date: str | None = None
    project: str | None = None


@record
class AnswerTrace(_Frozen):
    """How one answer entered a score."""

    bank_id: str
    question_id: str
    statement: str
    answer_id: str | None
    answer_label: str | None
    value: float | None
    weight: float
    note: str | None = None


@record
class SectionResult(_Frozen):
    bank_id: str
    section_id: str
    title: str
    role: str
    score: float | None
    answered: int
    total: int
    status: StatusId
    met_at: float
    partly_met_at: float
    citation: CitationText
    answers: list[AnswerTrace]
    explanation: str


@record
class RedFlagHit(_Frozen):
    severity: Literal["blocker", "caution"]
    bank_id: str
    question_id: str
    statement: str
    answer_id: str
    answer_label: str
    message: str
    citation: CitationText


@record
class CaseResult(_Frozen):
    """The case for co-production (Malby's "do do coproduction if" items)."""

    holds: int
    answered: int
    total: int
    score: float | None
    status: StatusId
    explanation: str


@record
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
    assessed: bool = True
    baseline: bool = False


@record
class LevelResult(_Frozen):
    """Needham & Carr level; null id when not assessed (too few answers or no level bank)."""

    id: str | None
    name: str
    confidence: ConfidenceLabel
    steps: list[LevelStep]
    explanation: str
    available: bool = True
    decisive: list[str] = field(default_factory=list)


@record
class HowStep(_Frozen):
    """One piece of advice on doing an approach well, with its source."""

    text: str
    citation: CitationText


@record
class ApproachSuggestion(_Frozen):
    id: str
    name: str
    description: str
    because: list[str]
    citation: CitationText
    how: list[HowStep] = field(default_factory=list)
    question_ids: list[str] = field(default_factory=list)
    bank_id: str = ""


@record
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
    question_ids: list[str] = field(default_factory=list)
    rule: str = ""
    source: str = ""
    source_brief: str = ""
    remedy: str | None = None
    remedy_source: str | None = None


#: The rule a verdict's last reason names when rule 1 (too few answers) gave way because no
#: answers to the unanswered questions could change the verdict (scoring/settled.py).
SETTLED_RULE = "1: too few answers, but no answer to the others could change the verdict"


@record
class Verdict(_Frozen):
    id: VerdictId
    label: str
    reasons: list[str]
    conditions: list[str]
    alternatives: list[ApproachSuggestion]
    explanation: str = ""
    approach: str | None = None
    decisive: list[Reason] = field(default_factory=list)
    ranked_conditions: list[Reason] = field(default_factory=list)

    @property
    def settled(self) -> bool:
        """Given although too few questions are answered: the others could not change it."""
        return any(reason.rule == SETTLED_RULE for reason in self.decisive)


@record
class Sensitivity(_Frozen):
    """One answer that, one step different on its scale, would change the verdict or level."""

    bank_id: str
    question_id: str
    statement: str
    answer_id: str
    answer_label: str
    to_answer_id: str
    to_answer_label: str
    verdict: VerdictId | None
    level: str | None
    level_changes: bool = False


@record
class Confidence(_Frozen):
    answered: int
    total: int
    fraction: float
    label: ConfidenceLabel
    explanation: str


@record
class RecommendationItem(_Frozen):
    rank: int
    category: RecommendationCategory
    bank_id: str
    question_id: str
    text: str
    because: str
    citation: CitationText


@record
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
    sensitivity: list[Sensitivity] | None = None


def as_record(result: Any) -> Result:
    """A result validated by the pydantic mirror (read from JSON, or inside an aggregate's
    result) as the records reports draw."""
    return Result.from_schema(result)
