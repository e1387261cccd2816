"""Approaches that fit better than co-production (voice, choice, co-design) and when they hold.

A condition holds when every part it names holds: the question's answer is one of its
``answers``, and/or the section's status is one of its ``status``. An approach is suggested
when any of its conditions holds.
"""

from __future__ import annotations

from collections.abc import Sequence

from coprod_check.bank.model import Approach, Bank, Condition
from coprod_check.scoring.answers import ScoredAnswer
from coprod_check.scoring.citations import cite
from coprod_check.scoring.result import ApproachSuggestion, SectionResult


def _find_item(bank: Bank, question_id: str, items: Sequence[ScoredAnswer]) -> ScoredAnswer | None:
    own = [item for item in items if item.question.id == question_id]
    return next((item for item in own if item.bank.id == bank.id), own[0] if own else None)


def _find_section(
    bank: Bank, section_id: str, sections: Sequence[SectionResult]
) -> SectionResult | None:
    own = [section for section in sections if section.section_id == section_id]
    return next((s for s in own if s.bank_id == bank.id), own[0] if own else None)


def condition_holds(
    bank: Bank,
    condition: Condition,
    items: Sequence[ScoredAnswer],
    sections: Sequence[SectionResult],
) -> str | None:
    """Why the condition holds, in plain English, or None when it does not."""
    parts: list[str] = []
    if condition.question is None and condition.section is None:
        return None
    if condition.question is not None:
        item = _find_item(bank, condition.question, items)
        if item is None or item.option is None or item.option.id not in (condition.answers or []):
            return None
        parts.append(f"you answered “{item.option.label}” to “{item.question.statement}”")
    if condition.section is not None:
        section = _find_section(bank, condition.section, sections)
        if section is None or section.status not in (condition.status or []):
            return None
        parts.append(f"“{section.title}” is {section.status.replace('-', ' ')}")
    text = " and ".join(parts)
    return text[0].upper() + text[1:]


def suggest(
    banks: Sequence[Bank], items: Sequence[ScoredAnswer], sections: Sequence[SectionResult]
) -> list[ApproachSuggestion]:
    """Every approach (bank order, then listed order) with at least one condition holding."""
    suggestions: list[ApproachSuggestion] = []
    seen: set[str] = set()
    for bank in banks:
        for approach in bank.approaches:
            because = _reasons(bank, approach, items, sections)
            if because and approach.id not in seen:
                seen.add(approach.id)
                suggestions.append(
                    ApproachSuggestion(
                        id=approach.id,
                        name=approach.name,
                        description=approach.description,
                        because=because,
                        citation=cite(bank, approach.citation),
                    )
                )
    return suggestions


def _reasons(
    bank: Bank,
    approach: Approach,
    items: Sequence[ScoredAnswer],
    sections: Sequence[SectionResult],
) -> list[str]:
    reasons: list[str] = []
    for condition in approach.when:
        reason = condition_holds(bank, condition, items, sections)
        if reason is not None and reason not in reasons:
            reasons.append(reason)
    return reasons
