"""What to do next: each question's recommendation that applies, ranked and without repeats.

A recommendation applies when the answer is one of its ``when`` options or, without ``when``,
when the question's value is below one half. Ranking: blockers first; then the weakest criteria
(criterion sections not met, lowest score first); then steps to the next level; then the rest
(answers that raised a caution first). Within a rank: bank, section and question order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from coprod_check.bank.model import Recommendation
from coprod_check.scoring.answers import ScoredAnswer
from coprod_check.scoring.citations import cite
from coprod_check.scoring.levels import level_bank
from coprod_check.scoring.numbers import HALF, show
from coprod_check.scoring.result import (
    LevelResult,
    RecommendationCategory,
    RecommendationItem,
    RedFlagHit,
    SectionResult,
)

CATEGORY_ORDER: tuple[RecommendationCategory, ...] = ("blocker", "criterion", "next-level", "other")


@dataclass(frozen=True, slots=True)
class _Candidate:
    sort_key: tuple[int, float, int]
    category: RecommendationCategory
    item: ScoredAnswer
    recommendation: Recommendation
    because: str


def applies(item: ScoredAnswer, recommendation: Recommendation) -> str | None:
    """Why the recommendation applies to this answer, or None when it does not."""
    if item.option is None:
        return None
    answered = f"You answered “{item.option.label}” to “{item.question.statement}”"
    if recommendation.when is not None:
        if item.option.id in recommendation.when:
            return answered
        return None
    if item.value is not None and item.value < HALF:
        return f"{answered}, in the weaker half of its scale"
    return None


def recommend(
    items: Sequence[ScoredAnswer],
    sections: Sequence[SectionResult],
    flags: Sequence[RedFlagHit],
    level: LevelResult,
) -> list[RecommendationItem]:
    """The ranked list; the first of any two with the same text wins."""
    by_section = {(s.bank_id, s.section_id): s for s in sections}
    blockers = {(h.bank_id, h.question_id) for h in flags if h.severity == "blocker"}
    cautions = {(h.bank_id, h.question_id) for h in flags if h.severity == "caution"}
    next_section = _next_level_section(items, level)
    candidates: list[_Candidate] = []
    for position, item in enumerate(items):
        recommendation = item.question.recommendation
        if recommendation is None:
            continue
        because = applies(item, recommendation)
        if because is None:
            continue
        key = (item.bank.id, item.question.id)
        section = by_section[(item.bank.id, item.section.id)]
        category: RecommendationCategory
        if key in blockers:
            category, score, note = "blocker", 0.0, "it raises a blocker"
        elif item.section.role == "criterion" and section.status in ("not-met", "partly-met"):
            category = "criterion"
            score = section.score if section.score is not None else 0.0
            note = f"criterion “{section.title}” is {section.status.replace('-', ' ')} " + (
                f"(score {show(section.score)})"
            )
        elif next_section is not None and (item.bank.id, item.section.id) == next_section[0]:
            category, score, note = "next-level", 0.0, f"a step towards {next_section[1]}"
        else:
            category, score = "other", 0.0 if key in cautions else 1.0
            note = "it raises a caution" if key in cautions else ""
        candidates.append(
            _Candidate(
                (CATEGORY_ORDER.index(category), score, position),
                category,
                item,
                recommendation,
                f"{because}; {note}." if note else f"{because}.",
            )
        )
    candidates.sort(key=lambda candidate: candidate.sort_key)
    result: list[RecommendationItem] = []
    seen: set[str] = set()
    for candidate in candidates:
        text = candidate.recommendation.text
        if text in seen:
            continue
        seen.add(text)
        result.append(
            RecommendationItem(
                rank=len(result) + 1,
                category=candidate.category,
                bank_id=candidate.item.bank.id,
                question_id=candidate.item.question.id,
                text=text,
                because=candidate.because,
                citation=cite(candidate.item.bank, candidate.recommendation.citation),
            )
        )
    return result


def _next_level_section(
    items: Sequence[ScoredAnswer], level: LevelResult
) -> tuple[tuple[str, str], str] | None:
    """(bank id, section id) of the indicators of the first level not reached, and its name."""
    banks = list({item.bank.id: item.bank for item in items}.values())
    bank = level_bank(banks)
    if bank is None:
        return None
    for step, definition in zip(level.steps, bank.levels, strict=False):
        if not step.reached:
            return (bank.id, definition.section), definition.name
    return None
