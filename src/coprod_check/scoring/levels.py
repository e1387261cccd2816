"""Needham & Carr levels: cumulative, lowest first; no averaging across levels.

The level is assessed when enough of the level bank's indicators are answered (its
``min_answered``); otherwise it is "not assessed" and no step claims to be reached or not. A
``baseline`` level (descriptive: "some co-production already occurs") is reached whenever the
level is assessed. Each higher level is reached when its indicator section scores at or above
the level's threshold, that section is not unknown, and every lower level is reached. Optional
indicators (a source's "may include") do not count.
"""

from __future__ import annotations

from collections.abc import Sequence

from coprod_check.bank.model import Bank
from coprod_check.scoring.answers import ScoredAnswer
from coprod_check.scoring.approaches import weak_questions
from coprod_check.scoring.citations import cite
from coprod_check.scoring.confidence import label_for
from coprod_check.scoring.numbers import exact, format_percent, format_score, share
from coprod_check.scoring.result import LevelResult, LevelStep, SectionResult

#: Kept for ``--fail-below none``: below every level, so it only fails when not assessed.
NONE_ID = "none"
NOT_ASSESSED = "Not assessed"


def level_bank(banks: Sequence[Bank]) -> Bank | None:
    """The first bank (in order) that defines levels."""
    return next((bank for bank in banks if bank.levels), None)


def level_result(
    banks: Sequence[Bank], items: Sequence[ScoredAnswer], sections: Sequence[SectionResult]
) -> LevelResult:
    """The level reached, each level's step, and how sure we are of it."""
    bank = level_bank(banks)
    if bank is None:
        return LevelResult(
            id=None,
            name=NOT_ASSESSED,
            confidence="insufficient",
            steps=[],
            explanation="None of the answered banks defines Needham & Carr levels.",
            available=False,
        )
    by_id = {s.section_id: s for s in sections if s.bank_id == bank.id}
    indicator_ids = {level.section for level in bank.levels}
    indicators = [
        i
        for i in items
        if i.bank.id == bank.id and i.section.id in indicator_ids and not i.question.optional
    ]
    answered = sum(1 for item in indicators if item.answered)
    label = label_for(share(answered, len(indicators)), exact(bank.min_answered))
    assessed = label != "insufficient"

    steps: list[LevelStep] = []
    notes: list[str] = []
    reached_index = -1
    still_climbing = True
    for index, level in enumerate(bank.levels):
        section = by_id.get(level.section)
        score = section.score if section else None
        known = section is not None and section.status != "unknown"
        passes = level.baseline or (
            known and score is not None and exact(score) >= exact(level.threshold)
        )
        reached = assessed and still_climbing and passes
        if assessed and still_climbing:
            if level.baseline:
                notes.append(
                    f"{level.name} is the baseline: some co-production always happens, so every "
                    "assessed team is at least here"
                )
            elif reached:
                notes.append(
                    f"{level.name} reached (indicators {format_score(score, (level.threshold,))} "
                    f"≥ {format_score(level.threshold)})"
                )
            elif not known:
                notes.append(f"{level.name} not reached: too few of its indicators are answered")
            else:
                notes.append(
                    f"{level.name} not reached (indicators "
                    f"{format_score(score, (level.threshold,))} < {format_score(level.threshold)})"
                )
        elif assessed and passes:
            notes.append(
                f"{level.name} indicators score {format_score(score, (level.threshold,))} but a "
                "lower level is not reached"
            )
        if reached:
            reached_index = index
        still_climbing = reached
        steps.append(
            LevelStep(
                id=level.id,
                name=level.name,
                aliases=list(level.aliases),
                description=level.description,
                score=score,
                threshold=0.0 if level.baseline else level.threshold,
                answered=section.answered if section else 0,
                total=section.total if section else 0,
                reached=reached,
                citation=cite(bank, level.citation),
                assessed=assessed,
                baseline=level.baseline,
            )
        )

    if assessed and reached_index < 0:
        return LevelResult(
            id=None,
            name="No level reached",
            confidence=label,
            steps=steps,
            explanation="; ".join(notes) + ". Levels are cumulative, so no level is reached.",
        )
    if not assessed:
        return LevelResult(
            id=None,
            name=NOT_ASSESSED,
            confidence=label,
            steps=steps,
            explanation=(
                f"Only {answered} of {len(indicators)} level indicators of bank {bank.id!r} are "
                f"answered, fewer than its min_answered share "
                f"({format_percent(bank.min_answered)}), so the level is not assessed."
            ),
        )
    level = bank.levels[reached_index]
    decisive = _decisive(bank, reached_index, by_id, items)
    explanation = (
        "; ".join(notes)
        + f". Levels are cumulative (each needs every lower one), so the level is {level.name}"
        + f" ({answered} of {len(indicators)} indicators answered)."
    )
    return LevelResult(
        id=level.id,
        name=level.name,
        confidence=label,
        steps=steps,
        explanation=explanation,
        decisive=decisive,
    )


def _decisive(
    bank: Bank,
    reached_index: int,
    by_id: dict[str, SectionResult],
    items: Sequence[ScoredAnswer],
) -> list[str]:
    """The reached level's indicators answered in the better half, and the next level's in the
    weaker half: the answers that placed the team, and those holding it back."""
    ids: list[str] = []
    reached = by_id.get(bank.levels[reached_index].section)
    if reached is not None and not bank.levels[reached_index].baseline:
        ids += weak_questions(reached, items, strong=True)
    if reached_index + 1 < len(bank.levels):
        following = by_id.get(bank.levels[reached_index + 1].section)
        if following is not None:
            ids += weak_questions(following, items)
    return ids
