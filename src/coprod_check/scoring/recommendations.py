"""What to do next, consistent with the verdict, ranked and without repeats.

- Not the right approach: only how to do the approach that fits well (each alternative's
  ``how``), never advice on preparing for co-production.
- Too few answers: only the step towards the next level, when the level could be placed.
- Otherwise: each blocker's remedy; then the remedies of criteria not met, then of criteria
  partly met (lowest score first), with their questions' advice; then each caution's remedy;
  then the steps to the next level (the level's own step first); then the rest.

A question's recommendation applies when the answer is one of its ``when`` options or, without
``when``, when the question's value is below one half. Within a rank: bank, section and question
order. The first of any two with the same text wins.
"""

from __future__ import annotations

from collections.abc import Sequence

from coprod_check.bank.model import Bank, Recommendation
from coprod_check.scoring.answers import YOU_ANSWERED, ScoredAnswer
from coprod_check.scoring.citations import cite
from coprod_check.scoring.levels import level_bank
from coprod_check.scoring.numbers import HALF
from coprod_check.scoring.result import (
    LevelResult,
    RecommendationCategory,
    RecommendationItem,
    RedFlagHit,
    SectionResult,
    Verdict,
)
from coprod_check.scoring.sections import consequence, score_text

CATEGORY_ORDER: tuple[RecommendationCategory, ...] = (
    "approach",
    "blocker",
    "criterion",
    "condition",
    "next-level",
    "other",
)


class _Candidate:
    __slots__ = ("bank", "because", "category", "question_id", "recommendation", "sort_key")

    def __init__(
        self,
        sort_key: tuple[int, float, int],
        category: RecommendationCategory,
        bank: Bank,
        question_id: str,
        recommendation: Recommendation,
        because: str,
    ) -> None:
        self.sort_key = sort_key
        self.category = category
        self.bank = bank
        self.question_id = question_id
        self.recommendation = recommendation
        self.because = because


def applies(
    item: ScoredAnswer, recommendation: Recommendation, who: str = YOU_ANSWERED
) -> str | None:
    """Why the recommendation applies to this answer, or None when it does not."""
    if item.option is None:
        return None
    answered = f"{who[:1].upper()}{who[1:]} “{item.option.label}” to “{item.question.statement}”"
    if recommendation.when is not None:
        if item.option.id in recommendation.when:
            return answered
        return None
    if item.value is not None and item.value < HALF:
        return f"{answered}, in the weaker half of its scale"
    return None


def recommend(
    banks: Sequence[Bank],
    items: Sequence[ScoredAnswer],
    sections: Sequence[SectionResult],
    flags: Sequence[RedFlagHit],
    level: LevelResult,
    verdict: Verdict,
    who: str = YOU_ANSWERED,
) -> list[RecommendationItem]:
    """The ranked list for this verdict."""
    if verdict.id == "not-right-approach":
        return _approach_steps(verdict)
    bank_by_id = {bank.id: bank for bank in banks}
    candidates = _level_candidates(banks, sections, level)
    if verdict.id != "insufficient-answers":
        candidates += _section_candidates(bank_by_id, sections)
        candidates += _question_candidates(items, sections, flags, level, who)
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
                bank_id=candidate.bank.id,
                question_id=candidate.question_id,
                text=text,
                because=candidate.because,
                citation=cite(candidate.bank, candidate.recommendation.citation),
            )
        )
    return result


def _approach_steps(verdict: Verdict) -> list[RecommendationItem]:
    result: list[RecommendationItem] = []
    for alternative in verdict.alternatives:
        for step in alternative.how:
            if any(item.text == step.text for item in result):
                continue
            result.append(
                RecommendationItem(
                    rank=len(result) + 1,
                    category="approach",
                    bank_id=alternative.bank_id,
                    # the answer that decided it, so a plan's action names a real question
                    question_id=(
                        alternative.question_ids[0] if alternative.question_ids else alternative.id
                    ),
                    text=step.text,
                    because=f"How to do {alternative.name.lower()} well: "
                    + "; ".join(alternative.because)
                    + ".",
                    citation=step.citation,
                )
            )
    return result


def _section_candidates(
    bank_by_id: dict[str, Bank], sections: Sequence[SectionResult]
) -> list[_Candidate]:
    """Each criterion's remedy when it is not met (must be in place first) or is a condition."""
    candidates: list[_Candidate] = []
    for position, result in enumerate(sections):
        bank = bank_by_id[result.bank_id]
        section = next(s for s in bank.sections if s.id == result.section_id)
        effect = consequence(section, result.status)
        if section.recommendation is None or effect not in ("not-yet", "condition"):
            continue
        score = result.score if result.score is not None else 0.0
        category: RecommendationCategory = "criterion" if effect == "not-yet" else "condition"
        candidates.append(
            _Candidate(
                (CATEGORY_ORDER.index(category), score, position),
                category,
                bank,
                section.id,
                section.recommendation,
                f"“{result.title}” is {result.status.replace('-', ' ')} "
                f"(score {score_text(result)}).",
            )
        )
    return candidates


def _level_candidates(
    banks: Sequence[Bank], sections: Sequence[SectionResult], level: LevelResult
) -> list[_Candidate]:
    """The next level's own step, before its questions' advice."""
    bank = level_bank(banks)
    if bank is None or not level.steps or not level.steps[0].assessed:
        return []
    names = [definition.id for definition in bank.levels]
    index = names.index(level.id) if level.id in names else -1
    if index + 1 >= len(bank.levels):
        return []
    following = bank.levels[index + 1]
    section = next(s for s in bank.sections if s.id == following.section)
    if section.recommendation is None:
        return []
    return [
        _Candidate(
            (CATEGORY_ORDER.index("next-level"), -1.0, -1),
            "next-level",
            bank,
            section.id,
            section.recommendation,
            f"The level is {level.name.lower() if level.id is None else level.name}; this is the "
            f"step towards {following.name}.",
        )
    ]


def _question_candidates(
    items: Sequence[ScoredAnswer],
    sections: Sequence[SectionResult],
    flags: Sequence[RedFlagHit],
    level: LevelResult,
    who: str,
) -> list[_Candidate]:
    by_section = {(s.bank_id, s.section_id): s for s in sections}
    blockers = {(h.bank_id, h.question_id) for h in flags if h.severity == "blocker"}
    cautions = {(h.bank_id, h.question_id) for h in flags if h.severity == "caution"}
    next_section = _next_level_section(items, level)
    candidates: list[_Candidate] = []
    for position, item in enumerate(items):
        recommendation = item.question.recommendation
        if recommendation is None:
            continue
        because = applies(item, recommendation, who)
        if because is None:
            continue
        key = (item.bank.id, item.question.id)
        section = by_section[(item.bank.id, item.section.id)]
        effect = consequence(item.section, section.status)
        category: RecommendationCategory
        if key in blockers:
            category, score, note = "blocker", 0.0, "it raises a blocker"
        elif effect in ("not-yet", "condition"):
            category = "criterion" if effect == "not-yet" else "condition"
            score = section.score if section.score is not None else 0.0
            note = (
                f"“{section.title}” is {section.status.replace('-', ' ')} "
                f"(score {score_text(section)})"
            )
        elif key in cautions:
            category, score, note = "condition", 101.0, "it raises a caution"
        elif next_section is not None and (item.bank.id, item.section.id) == next_section[0]:
            category, score, note = "next-level", 0.0, f"a step towards {next_section[1]}"
        else:
            category, score, note = "other", 1.0, ""
        candidates.append(
            _Candidate(
                (CATEGORY_ORDER.index(category), score, position),
                category,
                item.bank,
                item.question.id,
                recommendation,
                f"{because}; {note}." if note else f"{because}.",
            )
        )
    return candidates


def _next_level_section(
    items: Sequence[ScoredAnswer], level: LevelResult
) -> tuple[tuple[str, str], str] | None:
    """(bank id, section id) of the indicators of the first level not reached, and its name."""
    banks = list({item.bank.id: item.bank for item in items}.values())
    bank = level_bank(banks)
    if bank is None or not level.steps or not level.steps[0].assessed:
        return None
    for step, definition in zip(level.steps, bank.levels, strict=False):
        if not step.reached:
            return (bank.id, definition.section), definition.name
    return None
