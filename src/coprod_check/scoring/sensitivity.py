"""How robust the result is: which single answers, one step different, change the verdict or level.

"One step" is the next option up or down the question's scale, by value ("don't know" and other
options without a value are not steps). Unanswered questions are not tried: the report already
says how many are missing. This is shown, not smoothed away: a verdict that one answer can flip
is one a team should discuss before acting on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from coprod_check.answers.model import Answer, AnswersFile
from coprod_check.bank.model import Bank, ScaleOption
from coprod_check.scoring.answers import ScoredAnswer
from coprod_check.scoring.result import LevelResult, Sensitivity, Verdict


class _Judged(Protocol):
    @property
    def verdict(self) -> Verdict: ...

    @property
    def level(self) -> LevelResult: ...


def neighbours(item: ScoredAnswer) -> list[ScaleOption]:
    """The options one step below and above the chosen one, by value (lower first)."""
    if item.option is None or item.option.value is None:
        return []
    ordered = sorted(
        (o for o in item.scale.options if o.value is not None),
        key=lambda o: o.value if o.value is not None else 0.0,
    )
    index = next(i for i, o in enumerate(ordered) if o.id == item.option.id)
    return [ordered[i] for i in (index - 1, index + 1) if 0 <= i < len(ordered)]


def one_step_changes(
    banks: Sequence[Bank],
    answers: AnswersFile,
    items: Sequence[ScoredAnswer],
    verdict: Verdict,
    level: LevelResult,
    judge: Callable[[Sequence[Bank], AnswersFile], _Judged],
) -> list[Sensitivity]:
    """Every one-step change of a single answer that changes the verdict or the level."""
    changes: list[Sensitivity] = []
    for item in items:
        if item.option is None:
            continue
        for option in neighbours(item):
            changed = dict(answers.answers)
            changed[item.question.id] = Answer(answer=option.id)
            other = judge(banks, answers.model_copy(update={"answers": changed}))
            new_verdict = other.verdict.id if other.verdict.id != verdict.id else None
            level_changes = other.level.id != level.id
            if new_verdict is None and not level_changes:
                continue
            changes.append(
                Sensitivity(
                    bank_id=item.bank.id,
                    question_id=item.question.id,
                    statement=item.question.statement,
                    answer_id=item.option.id,
                    answer_label=item.option.label,
                    to_answer_id=option.id,
                    to_answer_label=option.label,
                    verdict=new_verdict,
                    level=other.level.id if level_changes else None,
                    level_changes=level_changes,
                )
            )
    return changes
