"""Approaches that fit better than co-production (voice, choice, co-design, a narrower scale).

A condition holds when every part it names holds: the question's answer is one of its
``answers``, the section's status is one of its ``status``, and each condition in its ``all``
holds. An approach holds when any of its conditions holds; the verdict is then "not the right
approach", naming the approaches that hold, lowest ``rank`` first.
"""

from __future__ import annotations

from collections.abc import Sequence

from coprod_check.bank.model import Approach, Bank, Condition
from coprod_check.scoring.answers import YOU_ANSWERED, ScoredAnswer
from coprod_check.scoring.citations import cite
from coprod_check.scoring.numbers import HALF
from coprod_check.scoring.result import ApproachSuggestion, HowStep, SectionResult


class Why:
    """Why a condition holds: the words, and the questions whose answers made it hold."""

    __slots__ = ("parts", "question_ids")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.question_ids: list[str] = []

    @property
    def text(self) -> str:
        text = " and ".join(self.parts)
        return text[:1].upper() + text[1:]


def _find_item(bank: Bank, question_id: str, items: Sequence[ScoredAnswer]) -> ScoredAnswer | None:
    own = [item for item in items if item.question.id == question_id]
    return next((item for item in own if item.bank.id == bank.id), own[0] if own else None)


def _find_section(
    bank: Bank, section_id: str, sections: Sequence[SectionResult]
) -> SectionResult | None:
    own = [section for section in sections if section.section_id == section_id]
    return next((s for s in own if s.bank_id == bank.id), own[0] if own else None)


def weak_questions(
    section: SectionResult,
    items: Sequence[ScoredAnswer],
    *,
    strong: bool = False,
    middle_is_weak: bool = False,
) -> list[str]:
    """Ids of the section's answered, counted questions in the weaker half of their scale
    (or, with ``strong``, the better half): the answers behind its status. An answer exactly in
    the middle ("Neither agree nor disagree") is in the better half unless ``middle_is_weak``:
    a reason that explains why a criterion is not met names it as holding the score down."""
    own = [
        item
        for item in items
        if item.bank.id == section.bank_id
        and item.section.id == section.section_id
        and item.value is not None
        and not item.question.optional
    ]
    return [
        item.question.id
        for item in own
        if item.value is not None
        and (
            (item.value > HALF if middle_is_weak else item.value >= HALF)
            if strong
            else (item.value <= HALF if middle_is_weak else item.value < HALF)
        )
    ]


def explain_condition(
    bank: Bank,
    condition: Condition,
    items: Sequence[ScoredAnswer],
    sections: Sequence[SectionResult],
    who: str = YOU_ANSWERED,
) -> Why | None:
    """Why the condition holds, in plain English, or None when it does not."""
    why = Why()
    if condition.question is None and condition.section is None and not condition.all:
        return None
    if condition.question is not None:
        item = _find_item(bank, condition.question, items)
        if item is None or item.option is None or item.option.id not in (condition.answers or []):
            return None
        why.parts.append(f"{who} “{item.option.label}” to “{item.question.statement}”")
        why.question_ids.append(item.question.id)
    if condition.section is not None:
        section = _find_section(bank, condition.section, sections)
        if section is None or section.status not in (condition.status or []):
            return None
        why.parts.append(f"“{section.title}” is {section.status.replace('-', ' ')}")
        strong = section.status == "met"
        why.question_ids.extend(weak_questions(section, items, strong=strong))
    for part in condition.all or []:
        inner = explain_condition(bank, part, items, sections, who)
        if inner is None:
            return None
        why.parts.extend(inner.parts)
        why.question_ids.extend(q for q in inner.question_ids if q not in why.question_ids)
    return why


def condition_holds(
    bank: Bank,
    condition: Condition,
    items: Sequence[ScoredAnswer],
    sections: Sequence[SectionResult],
) -> str | None:
    """Why the condition holds, in plain English, or None when it does not."""
    why = explain_condition(bank, condition, items, sections)
    return None if why is None else why.text


def suggest(
    banks: Sequence[Bank],
    items: Sequence[ScoredAnswer],
    sections: Sequence[SectionResult],
    who: str = YOU_ANSWERED,
) -> list[ApproachSuggestion]:
    """Every approach with at least one condition holding: lowest rank first, then bank order."""
    found: list[tuple[int, int, ApproachSuggestion]] = []
    seen: set[str] = set()
    for bank in banks:
        for approach in bank.approaches:
            whys = _reasons(bank, approach, items, sections, who)
            if whys and approach.id not in seen:
                seen.add(approach.id)
                question_ids: list[str] = []
                for why in whys:
                    question_ids.extend(q for q in why.question_ids if q not in question_ids)
                suggestion = ApproachSuggestion(
                    id=approach.id,
                    name=approach.name,
                    description=approach.description,
                    because=[why.text for why in whys],
                    citation=cite(bank, approach.citation),
                    how=[
                        HowStep(text=h.text, citation=cite(bank, h.citation)) for h in approach.how
                    ],
                    question_ids=question_ids,
                    bank_id=bank.id,
                )
                found.append((approach.rank, len(found), suggestion))
    found.sort(key=lambda entry: (entry[0], entry[1]))
    return [suggestion for _, _, suggestion in found]


def _reasons(
    bank: Bank,
    approach: Approach,
    items: Sequence[ScoredAnswer],
    sections: Sequence[SectionResult],
    who: str,
) -> list[Why]:
    reasons: list[Why] = []
    for condition in approach.when:
        why = explain_condition(bank, condition, items, sections, who)
        if why is not None and why.text not in (r.text for r in reasons):
            reasons.append(why)
    return reasons
