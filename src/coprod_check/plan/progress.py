"""A plan beside ``compare``'s assessments: for each cycle, which actions were done and whether
the questions they address moved.

Cycle N runs from the N-th assessment (in compare's time order) to the next one, as the plan's
comments say. An action's question moved ``better`` when its answer is more favourable at the end
of the cycle than at its start (the answer's value after reversal, so "not true" to a "don't do"
statement is better); ``not-comparable`` when either assessment left it unanswered or did not ask
it. A done action whose question did not improve (no change, or worse) is listed as such: the
Study step of Plan-Do-Study-Act asks exactly that.

Pure: the results come in time order from the compare engine; nothing here reads files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from coprod_check.plan.model import Action, ActionStatus, Plan
from coprod_check.scoring.result import AnswerTrace, Result

Move = Literal["better", "worse", "same", "not-comparable", "not-assessed-yet"]
QuestionKey = tuple[str, str]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ActionOutcome(_Frozen):
    """One action of a cycle, and how its question moved over the cycle."""

    id: str
    bank_id: str
    question_id: str
    recommendation: str
    status: ActionStatus
    owner: str | None
    done_on: dt.date | None
    reason: str | None
    before: str | None = Field(description="The answer at the cycle's start (its label).")
    after: str | None = Field(description="The answer at the cycle's end (its label).")
    move: Move
    done_not_improved: bool = Field(
        description="Marked done, but its question stayed the same or got worse."
    )
    words: str = Field(description="The outcome in a sentence, for reports.")


class CycleOutcome(_Frozen):
    """One Plan-Do-Study-Act cycle of the plan against the assessments."""

    cycle: int
    from_point: int | None = Field(description="The assessment the cycle starts at; null if none.")
    to_point: int | None = Field(description="The assessment that ends it; null if none yet.")
    note: str
    actions: list[ActionOutcome]
    done: int
    done_not_improved: list[str] = Field(description="Ids of done actions that did not improve.")


class PlanProgress(_Frozen):
    """A plan's cycles against the compared assessments."""

    path: str
    title: str | None
    cycles: list[CycleOutcome]
    summary: str


def _answers(result: Result) -> dict[QuestionKey, AnswerTrace]:
    return {
        (trace.bank_id, trace.question_id): trace
        for section in result.sections
        for trace in section.answers
    }


def _label(trace: AnswerTrace | None) -> str | None:
    if trace is None:
        return None
    return trace.answer_label or "not answered"


def _move(before: AnswerTrace | None, after: AnswerTrace | None) -> Move:
    if before is None or after is None or before.value is None or after.value is None:
        return "not-comparable"
    if after.value > before.value:
        return "better"
    return "worse" if after.value < before.value else "same"


def _words(action: Action, move: Move, before: str | None, after: str | None) -> str:
    change = f" ({before or 'not asked'} → {after or 'not asked'})"
    if action.status == "dropped":
        return f"dropped: {' '.join((action.reason or '').split())}"
    if move == "not-assessed-yet":
        lead = "done" if action.status == "done" else f"not done yet ({action.status})"
        return f"{lead}; not assessed again yet"
    if action.status == "done":
        if move == "better":
            return "done; the question improved" + change
        if move == "same":
            return "done, but the question did not improve" + change
        if move == "worse":
            return "done, but the question got worse" + change
        return "done; the question cannot be compared" + change
    lead = f"not done ({action.status})"
    if move == "better":
        return f"{lead}; the question improved anyway" + change
    if move == "not-comparable":
        return f"{lead}; the question cannot be compared" + change
    return f"{lead}; the question " + ("did not move" if move == "same" else "got worse") + change


def _outcome(
    action: Action,
    start: dict[QuestionKey, AnswerTrace] | None,
    end: dict[QuestionKey, AnswerTrace] | None,
    common: frozenset[QuestionKey] | None,
) -> ActionOutcome:
    key = (action.bank, action.question)
    shared = common is None or key in common
    before = start.get(key) if start is not None and shared else None
    after = end.get(key) if end is not None and shared else None
    move: Move = "not-assessed-yet" if start is None or end is None else _move(before, after)
    before_text, after_text = _label(before), _label(after)
    done = action.status == "done"
    return ActionOutcome(
        id=action.id,
        bank_id=action.bank,
        question_id=action.question,
        recommendation=" ".join(action.recommendation.split()),
        status=action.status,
        owner=action.owner,
        done_on=action.done_on,
        reason=action.reason,
        before=before_text,
        after=after_text,
        move=move,
        done_not_improved=done and move in ("same", "worse"),
        words=_words(action, move, before_text, after_text),
    )


def _note(
    cycle: int, count: int, dates: Sequence[str | None], starts: dt.date | None
) -> tuple[int | None, int | None, str]:
    """The points a cycle runs between, and a sentence saying so."""
    if cycle > count:
        return None, None, f"no assessment at its start yet (only {count} compared)"
    start_date = dates[cycle - 1]
    text = f"from point {cycle}" + (f" ({start_date})" if start_date else "")
    if starts is not None and start_date and start_date[:10] != starts.isoformat():
        text += f", although the plan says it starts on {starts}"
    if cycle == count:
        return cycle, None, text + "; not assessed again yet"
    end_date = dates[cycle]
    return (
        cycle,
        cycle + 1,
        text + f" to point {cycle + 1}" + (f" ({end_date})" if end_date else ""),
    )


def plan_progress(
    plan: Plan,
    path: str,
    results: Sequence[Result],
    common: frozenset[QuestionKey] | None = None,
) -> PlanProgress:
    """``plan``'s cycles against ``results`` (in time order); ``common`` limits the questions
    compared when the banks changed between assessments."""
    answers = [_answers(result) for result in results]
    dates = [result.respondent.date for result in results]
    numbers = sorted({cycle.cycle for cycle in plan.cycles} | {a.cycle for a in plan.actions})
    starts = {cycle.cycle: cycle.starts for cycle in plan.cycles}
    cycles: list[CycleOutcome] = []
    for number in numbers:
        first, last, note = _note(number, len(results), dates, starts.get(number))
        start = answers[first - 1] if first is not None else None
        end = answers[last - 1] if last is not None else None
        outcomes = [
            _outcome(action, start, end, common)
            for action in plan.actions
            if action.cycle == number
        ]
        cycles.append(
            CycleOutcome(
                cycle=number,
                from_point=first,
                to_point=last,
                note=note,
                actions=outcomes,
                done=sum(1 for outcome in outcomes if outcome.status == "done"),
                done_not_improved=[o.id for o in outcomes if o.done_not_improved],
            )
        )
    return PlanProgress(path=path, title=plan.title, cycles=cycles, summary=_summary(cycles))


def _summary(cycles: Sequence[CycleOutcome]) -> str:
    done = sum(cycle.done for cycle in cycles)
    total = sum(len(cycle.actions) for cycle in cycles)
    flat = [item for cycle in cycles for item in cycle.done_not_improved]
    text = f"{done} of {total} actions done"
    if flat:
        which = ", ".join(flat)
        verb = "its question" if len(flat) == 1 else "their questions"
        text += f"; {len(flat)} done but {verb} did not improve ({which})"
    return text + "."
