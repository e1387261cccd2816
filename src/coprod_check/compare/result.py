"""The result of ``coprod-check compare``: what moved across improvement cycles.

This is the contract the compare reporters render and ``--format json`` prints. Points are
listed in time order and numbered from 1; every per-point list (scores, statuses, presence) has
one entry per point, in that order. ``COMPARE_VERSION`` changes only when a key is removed or
changes meaning; adding keys is compatible.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from coprod_check.plan.progress import PlanProgress
from coprod_check.scoring.result import StatusId, VerdictId
from coprod_check.scoring.result_schema import BankInfo, CitationText, Confidence, RespondentInfo

COMPARE_VERSION = 1

InputKind = Literal["answers", "score", "aggregate"]
#: How something moved between two points; higher scores, levels and verdicts are better.
Direction = Literal["better", "worse", "same", "not-comparable"]
Order = Literal["date", "given"]
QuestionChangeKind = Literal["added", "removed", "reworded", "moved", "reweighted"]
FlagStatus = Literal["resolved", "new", "open", "unanswered"]
RecommendationStatus = Literal["acted-on", "new", "still-open", "unanswered"]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PointInfo(_Frozen):
    """One assessment in the sequence: an answers file, or a saved score or aggregate result."""

    index: int = Field(description="1-based position in time order.")
    label: str = Field(description="The file as given on the command line.")
    kind: InputKind
    respondents: int | None = Field(
        default=None, description="How many people an aggregate result summarises."
    )
    date: str | None
    respondent: RespondentInfo
    banks: list[BankInfo]
    level_id: str | None = Field(description="Needham & Carr level id; null when not assessed.")
    level_name: str
    level_rank: int | None = Field(description="0 = not yet co-producing; null = not assessed.")
    verdict_id: VerdictId
    verdict_label: str
    confidence: Confidence


class Change(_Frozen):
    """How a ranked thing (a level or a verdict) moved from one point to the next."""

    from_id: str | None
    from_label: str
    to_id: str | None
    to_label: str
    direction: Direction


class ItemRef(_Frozen):
    """A red flag or recommendation, identified by its bank and question."""

    bank_id: str
    question_id: str
    text: str


class StepChange(_Frozen):
    """What moved between two consecutive points (one improvement cycle)."""

    from_point: int
    to_point: int
    level: Change
    verdict: Change
    red_flags_resolved: list[ItemRef]
    red_flags_new: list[ItemRef]
    recommendations_acted_on: list[ItemRef]
    recommendations_new: list[ItemRef]
    regressions: list[str] = Field(
        description="Level dropped, verdict worsened or a blocker appeared, in plain words."
    )


class CriterionTrend(_Frozen):
    """One section's score at every point (0-100, higher is better; null when unanswered)."""

    bank_id: str
    section_id: str
    title: str
    role: str
    scores: list[float | None]
    statuses: list[StatusId]
    step_changes: list[float | None] = Field(
        description="Change from the previous point, one per step; null when not comparable."
    )
    change: float | None = Field(
        description="Last score minus first, to two decimals like the scores."
    )
    direction: Direction
    recomputed: bool = Field(
        description="True when scores were recomputed over the questions common to every point."
    )
    questions_compared: int
    met_at: float = Field(description="The met threshold at the last point the section was in.")
    partly_met_at: float


class FlagTrend(_Frozen):
    """A red flag raised at one or more points.

    ``status``: ``resolved`` (absent at the last point, whose answer no longer raises it),
    ``unanswered`` (absent at the last point only because the question went unanswered),
    ``new`` (present at the last point, absent at the one before), ``open`` (present at both).
    """

    severity: Literal["blocker", "caution"]
    bank_id: str
    question_id: str
    statement: str
    message: str
    present: list[bool]
    status: FlagStatus
    since: int | None = Field(description="First point of the run that reaches the last point.")


class RecommendationTrend(_Frozen):
    """A recommendation made at one or more points.

    ``status``: ``acted-on`` (made earlier, no longer needed at the last point),
    ``unanswered`` (absent at the last point only because the question went unanswered),
    ``new`` (made at the last point, not at the one before), ``still-open`` (made at both).
    """

    bank_id: str
    question_id: str
    text: str
    citation: CitationText
    present: list[bool]
    status: RecommendationStatus
    since: int | None


class QuestionChange(_Frozen):
    """One way a question differs between two points' banks."""

    question_id: str
    kind: QuestionChangeKind
    before: str | None
    after: str | None


class BankChange(_Frozen):
    """How one bank differs between two consecutive points.

    With ``unverifiable``, ``from_point`` equals ``to_point``: an answers file that says it
    answered ``from_version`` of the bank was scored with ``to_version``, so the wording its
    people read cannot be checked.
    """

    bank_id: str
    from_point: int
    to_point: int
    from_version: str | None = Field(description="Null when the bank was not answered then.")
    to_version: str | None
    questions: list[QuestionChange]
    unverifiable: bool = False

    @property
    def matters(self) -> bool:
        """Whether this change makes the points incomparable (not just a version bump)."""
        return bool(self.questions) or self.unverifiable


class Comparability(_Frozen):
    """Whether the points were assessed with the same questions, and what was compared."""

    bank_changed: bool
    allowed: bool = Field(description="True when --allow-bank-change was given.")
    changes: list[BankChange]
    questions_compared: int
    left_out: list[str] = Field(description="'bank-id/question-id' of questions not compared.")
    note: str


class GroupSectionTrend(_Frozen):
    """One section's score for one role group at every point (null where not shown)."""

    bank_id: str
    section_id: str
    title: str
    scores: list[float | None]
    change: float | None = Field(description="Last score minus first; null when either is.")


class GroupTrend(_Frozen):
    """One role group of the workshops compared, at every point (null where not shown)."""

    group: str
    label: str
    respondents: list[int | None]
    verdicts: list[str | None]
    levels: list[str | None]
    sections: list[GroupSectionTrend]


class CompareResult(_Frozen):
    compare_version: int = COMPARE_VERSION
    tool_version: str
    order: Order
    order_note: str
    points: list[PointInfo]
    steps: list[StepChange]
    criteria: list[CriterionTrend]
    red_flags: list[FlagTrend]
    recommendations: list[RecommendationTrend]
    comparability: Comparability
    groups: list[GroupTrend] = Field(
        default_factory=list,
        description="Each role group of the aggregate results compared (empty without any).",
    )
    regressions: list[str] = Field(
        description="Regressions in the latest step (last point against the one before it)."
    )
    summary: str
    plans: list[PlanProgress] = Field(
        default_factory=list,
        description="Action plans given beside the assessments: each cycle's actions and how "
        "the questions they address moved.",
    )
