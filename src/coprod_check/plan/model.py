"""The action-plan format (``plan_version: 1``): what a team decided to do about its results.

A plan pairs co-production with the Model for Improvement, as the project report does
(Langley et al. 2009, *The Improvement Guide*, quoted in the project report "Improvement
methodology"): three questions answered once, then Plan-Do-Study-Act cycles. Each action comes
from one recommendation of an assessment and keeps the question it addresses, so that
``compare`` can say whether that question moved once the action was done.

Example::

    plan_version: 1
    title: Community falls service
    banks:
      - id: right-circumstances
        version: 1.0.0
    improvement:
      aim: Co-design the falls service with people who use it by March.
      measures: Inett's six criteria met at the next assessment.
      changes: null
    cycles:
      - cycle: 1
        starts: 2026-09-02
    actions:
      - id: a1
        bank: right-circumstances
        question: inett-authority-move-outside
        recommendation: Agree ...
        citation: Steve Inett, "Examining Co-production Part 1 ...": Criterion 1
        owner: Service manager
        due: 2026-10-31
        measure: The board minutes record the delegated authority.
        status: done          # planned, doing, done or dropped
        done_on: 2026-10-20   # needed when done
        reason: null          # needed when dropped
        cycle: 1

Rules beyond one field (ids that must exist in the banks, a done action's date, a dropped
action's reason) are in :mod:`coprod_check.plan.checks`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from coprod_check.answers.schema import BankRef
from coprod_check.bank.schema import Id, Text

PLAN_VERSION = 1

ActionStatus = Literal["planned", "doing", "done", "dropped"]
ACTION_STATUSES: tuple[str, ...] = get_args(ActionStatus)
SourceKind = Literal["answers", "score", "aggregate"]

#: The Model for Improvement's three questions, as the project report quotes them.
AIM_QUESTION = "What are we trying to accomplish?"
MEASURES_QUESTION = "How will we know that a change is an improvement?"
CHANGES_QUESTION = "What changes can we make that will result in an improvement?"
IMPROVEMENT_CITATION = (
    "Langley et al. (2009), The Improvement Guide, as quoted in the project report's "
    '"Improvement methodology" section'
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DraftedFrom(_Strict):
    """The assessment the plan was drafted from: for people reading it later."""

    file: Text | None = None
    kind: SourceKind | None = None
    date: dt.date | None = Field(default=None, description="The assessment's date.")
    verdict: Text | None = None
    level: Text | None = None
    respondents: StrictInt | None = Field(default=None, ge=0)


class Improvement(_Strict):
    """The Model for Improvement's three questions, answered by the team."""

    aim: Text | None = Field(default=None, description=AIM_QUESTION)
    measures: Text | None = Field(default=None, description=MEASURES_QUESTION)
    changes: Text | None = Field(default=None, description=CHANGES_QUESTION)


class Cycle(_Strict):
    """One Plan-Do-Study-Act cycle: cycle N runs from the N-th assessment to the next."""

    cycle: StrictInt = Field(ge=1, description="1 for the first cycle, 2 for the next, ...")
    starts: dt.date | None = None
    study_on: dt.date | None = Field(
        default=None, description="When the team will assess again and study the results."
    )
    study: Text | None = Field(
        default=None, description="Study: what the results showed against what was expected."
    )
    act: Text | None = Field(
        default=None, description="Act: what the team will change, keep or drop next."
    )


class Action(_Strict):
    """One thing the team will do about one recommendation."""

    id: Id = Field(description="Short id, unique in the plan (a1, a2, ...).")
    bank: Id = Field(description="The bank of the question the action addresses.")
    question: Id = Field(description="The question the action addresses.")
    recommendation: Text = Field(description="The recommendation, as the bank words it.")
    citation: Text | None = Field(default=None, description="The recommendation's source.")
    owner: Text | None = None
    due: dt.date | None = None
    measure: Text | None = Field(
        default=None, description="How will we know that this change is an improvement?"
    )
    status: ActionStatus = "planned"
    done_on: dt.date | None = Field(default=None, description="When it was done; needed if done.")
    reason: Text | None = Field(default=None, description="Why it was dropped; needed if dropped.")
    cycle: StrictInt = Field(default=1, ge=1, description="The cycle it belongs to.")
    notes: Text | None = None


class Plan(_Strict):
    """A whole plan file."""

    plan_version: Literal[1] = Field(description="Version of the plan format; currently 1.")
    title: Text | None = None
    drafted_from: DraftedFrom = Field(default_factory=DraftedFrom)
    banks: list[BankRef] = Field(min_length=1)
    improvement: Improvement = Field(default_factory=Improvement)
    cycles: list[Cycle] = Field(min_length=1)
    actions: list[Action] = Field(default_factory=list)
