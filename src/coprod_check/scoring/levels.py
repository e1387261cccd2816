"""Needham & Carr levels: cumulative, lowest first; no averaging across levels.

A level is reached when its indicator section scores at or above the level's threshold, that
section is not unknown, and every lower level is reached. Nothing reached is ``none``: not yet
co-producing.
"""

from __future__ import annotations

from collections.abc import Sequence

from coprod_check.bank.model import Bank
from coprod_check.scoring.answers import ScoredAnswer
from coprod_check.scoring.citations import cite
from coprod_check.scoring.confidence import label_for
from coprod_check.scoring.numbers import exact, share, show
from coprod_check.scoring.result import LevelResult, LevelStep, SectionResult

NONE_ID = "none"
NONE_NAME = "Not yet co-producing"


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
            name="Not assessed",
            confidence="insufficient",
            steps=[],
            explanation="None of the answered banks defines Needham & Carr levels.",
            available=False,
        )
    by_id = {s.section_id: s for s in sections if s.bank_id == bank.id}
    indicator_ids = {level.section for level in bank.levels}
    indicators = [i for i in items if i.bank.id == bank.id and i.section.id in indicator_ids]
    answered = sum(1 for item in indicators if item.answered)
    label = label_for(share(answered, len(indicators)), exact(bank.min_answered))

    steps: list[LevelStep] = []
    notes: list[str] = []
    reached_id, reached_name, still_climbing = NONE_ID, NONE_NAME, True
    for level in bank.levels:
        section = by_id.get(level.section)
        score = section.score if section else None
        known = section is not None and section.status != "unknown"
        passes = known and score is not None and exact(score) >= exact(level.threshold)
        reached = still_climbing and passes
        if still_climbing:
            if reached:
                reached_id, reached_name = level.id, level.name
                notes.append(
                    f"{level.name} reached (indicators {show(score)} ≥ {show(level.threshold)})"
                )
            elif not known:
                notes.append(f"{level.name} not reached: too few of its indicators are answered")
            else:
                notes.append(
                    f"{level.name} not reached (indicators {show(score)} < {show(level.threshold)})"
                )
        elif passes:
            notes.append(
                f"{level.name} indicators score {show(score)} but a lower level is not reached"
            )
        still_climbing = reached
        steps.append(
            LevelStep(
                id=level.id,
                name=level.name,
                aliases=list(level.aliases),
                description=level.description,
                score=score,
                threshold=level.threshold,
                answered=section.answered if section else 0,
                total=section.total if section else 0,
                reached=reached,
                citation=cite(bank, level.citation),
            )
        )

    if label == "insufficient":
        return LevelResult(
            id=None,
            name="Too few answers to place the team on a level",
            confidence=label,
            steps=steps,
            explanation=(
                f"Only {answered} of {len(indicators)} level indicators of bank {bank.id!r} are "
                "answered, fewer than its min_answered share, so no level is given (the answers "
                f"so far reach: {reached_name if reached_id != NONE_ID else 'no level'})."
            ),
        )
    explanation = (
        "; ".join(notes)
        + f". Levels are cumulative (each needs every lower one), so the level is {reached_name}"
        + f" ({answered} of {len(indicators)} indicators answered)."
    )
    return LevelResult(
        id=reached_id, name=reached_name, confidence=label, steps=steps, explanation=explanation
    )
