"""The result of ``coprod-check aggregate``: the contract its reporters render and JSON prints.

``AGGREGATE_VERSION`` changes only when a key is removed or changes meaning; adding keys is
compatible. Scores, medians, quartiles and spreads are 0-100 points on each question's scale
after reversal (0 the least, 100 the most favourable answer), rounded to two decimals. Groups
are ``everyone`` or a role id of the answers format; a role group with fewer respondents than
``settings.min_group_size``, or hidden so that Everyone minus the groups shown cannot reveal a
small group (complementary suppression, :mod:`coprod_check.aggregate.suppression`), is listed
as not shown and appears nowhere else.

``overall`` is everyone's typical answers scored like one answers file (a full score
``Result``), which is what ``coprod-check compare`` lines up against other assessments.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from coprod_check.scoring.result import StatusId
from coprod_check.scoring.result_schema import BankInfo, Confidence, Result, Verdict

AGGREGATE_VERSION = 1


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Settings(_Frozen):
    min_group_size: int = Field(description="Role groups with fewer respondents are not shown.")
    gap_threshold: float = Field(description="Smallest difference in points reported as a gap.")
    top_disagreements: int
    include_notes: bool
    on_error: Literal["skip", "fail"]
    date: str | None = Field(default=None, description="The cycle's date as given (--date).")


class InputInfo(_Frozen):
    """One input file and what it gave."""

    path: str
    kind: Literal["csv", "answers"]
    respondents: int = Field(description="Respondents (rows or files) counted.")
    skipped: int = Field(description="Bad rows (or an invalid answers file) left out.")
    blank_rows: int = Field(description="Empty rows ignored (not respondents).")
    skipped_rows: list[int] = Field(description="The first few skipped row numbers.")


class RowProblemInfo(_Frozen):
    """A bad row: file, spreadsheet row (header = 1; line for YAML), code and message."""

    path: str
    row: int | None
    code: str
    message: str


class GroupInfo(_Frozen):
    id: str
    label: str
    shown: bool
    respondents: int | None = Field(description="Null when the group is not shown.")
    hidden_because: Literal["small", "complement"] | None = Field(
        default=None,
        description="Why a group is not shown: fewer respondents than the minimum (small), or "
        "hidden so that Everyone minus the groups shown reveals no small group (complement).",
    )


class OptionInfo(_Frozen):
    id: str
    label: str
    value: float | None


class GroupDistribution(_Frozen):
    """One group's answers to one question. Null statistics when nobody gave a valued answer.

    ``suppressed`` is true when a shown role group's answers to this question are hidden: it
    gave fewer valued answers than the minimum group size (``hidden_because`` "small"), or
    showing them would let Everyone minus the shown groups reveal a small remainder
    ("complement"). Then only those two keys are set.
    """

    group: str
    suppressed: bool = False
    hidden_because: Literal["small", "complement"] | None = None
    n: int | None = Field(default=None, description="Answers with a value.")
    dont_know: int | None = Field(default=None, description="Answers whose option has no value.")
    unanswered: int | None = None
    counts: list[int] | None = Field(
        default=None, description="Answers per option, in the order of the question's options."
    )
    median: float | None = None
    q1: float | None = None
    q3: float | None = None
    iqr: float | None = Field(default=None, description="Spread: Q3 - Q1, in points.")
    mean: float | None = None
    sd: float | None = Field(default=None, description="Population standard deviation, points.")
    typical: str | None = Field(
        default=None, description="Option id of the middle answer (the lower of two on a tie)."
    )
    typical_label: str | None = Field(
        default=None, description="Its label, or 'A / B' when the two middle answers differ."
    )


class QuestionStats(_Frozen):
    bank_id: str
    section_id: str
    question_id: str
    statement: str
    reverse: bool
    options: list[OptionInfo]
    groups: list[GroupDistribution]


class GroupScore(_Frozen):
    """A section's score for one group: 100 x weighted mean of its questions' mean values."""

    group: str
    score: float | None
    status: StatusId
    answered: int = Field(description="Questions of the section with at least one valued answer.")
    total: int


class SectionStats(_Frozen):
    bank_id: str
    section_id: str
    title: str
    role: str
    met_at: float
    partly_met_at: float
    groups: list[GroupScore]


class GroupOutcome(_Frozen):
    """The level and verdict of one group's typical answers, scored like one answers file."""

    group: str
    respondents: int
    verdict: Verdict
    level_id: str | None
    level_name: str
    level_confidence: str
    confidence: Confidence
    answered_questions: int = Field(
        description="Questions with a typical answer (at least half the group gave one)."
    )


class Disagreement(_Frozen):
    """A question on which respondents disagree most (widest spread among everyone)."""

    rank: int
    bank_id: str
    question_id: str
    statement: str
    n: int
    iqr: float
    sd: float
    q1: float
    q3: float
    group_medians: dict[str, float] = Field(description="Median of each shown role group.")


class Gap(_Frozen):
    """One role group scores a section much higher than another."""

    bank_id: str
    section_id: str
    title: str
    higher: str
    higher_score: float
    lower: str
    lower_score: float
    gap: float


class NoteInfo(_Frozen):
    group: str | None = Field(description="Null when the writer's group is not shown.")
    bank_id: str | None
    question_id: str | None
    text: str


class AggregateResult(_Frozen):
    aggregate_version: int = AGGREGATE_VERSION
    tool_version: str
    date: str | None = Field(
        default=None,
        description="The cycle's date (YYYY-MM-DD): --date, else the latest date of the answers "
        "files read; null when neither says. compare puts cycles in order by it.",
    )
    banks: list[BankInfo]
    settings: Settings
    inputs: list[InputInfo]
    respondents: int = Field(ge=0)
    without_role: int = Field(description="Respondents who gave no role (counted in everyone).")
    rows_skipped: int
    problems: list[RowProblemInfo] = Field(description="The first bad rows (all are counted).")
    warnings: list[str]
    warnings_total: int
    groups: list[GroupInfo]
    questions: list[QuestionStats]
    sections: list[SectionStats]
    outcomes: list[GroupOutcome]
    overall: Result
    disagreements: list[Disagreement]
    gaps: list[Gap]
    notes: list[NoteInfo] | None = Field(description="Null unless notes were asked for.")
    notes_total: int
