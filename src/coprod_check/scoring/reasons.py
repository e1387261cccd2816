"""The verdict's reasons in words: which answers, which rule, which source, and the remedy.

Each names the answers behind it (``who`` says whose: "you answered", or a workshop group's
typical answers), so that a commissioner can trace every reason back to the answers and to the
cited source.
"""

from __future__ import annotations

from collections.abc import Sequence

from coprod_check.bank.model import Bank, Section
from coprod_check.scoring.answers import ScoredAnswer
from coprod_check.scoring.approaches import weak_questions
from coprod_check.scoring.citations import cite
from coprod_check.scoring.numbers import HALF, format_score
from coprod_check.scoring.result import (
    ApproachSuggestion,
    CitationText,
    Reason,
    RedFlagHit,
    SectionResult,
)
from coprod_check.scoring.sections import consequence, score_text


def definition(banks: Sequence[Bank], result: SectionResult) -> tuple[Bank, Section]:
    bank = next(b for b in banks if b.id == result.bank_id)
    return bank, next(s for s in bank.sections if s.id == result.section_id)


def _words(items: Sequence[ScoredAnswer], bank_id: str, ids: Sequence[str]) -> str:
    chosen = [i for i in items if i.bank.id == bank_id and i.question.id in ids]
    return "; ".join(
        f"“{i.option.label if i.option else '–'}” to “{i.question.statement}”" for i in chosen
    )


def section_reason(
    banks: Sequence[Bank],
    items: Sequence[ScoredAnswer],
    result: SectionResult,
    rule: str,
    who: str,
) -> Reason:
    bank, section = definition(banks, result)
    # A criterion's middle answers ("Neither agree nor disagree") hold it below "met": they are
    # named with the answers against it, never as "in its favour". An "any" section (reasons to
    # co-produce) counts a middle answer ("Partly true") as a reason that holds.
    middle_is_weak = section.rule != "any"
    weak = weak_questions(result, items, middle_is_weak=middle_is_weak)
    if section.rule == "any":
        score = "none of its reasons holds"
    else:
        score = (
            f"score {score_text(result)}; "
            f"met at {format_score(result.met_at)}, partly met at "
            f"{format_score(result.partly_met_at)}"
        )
    text = f"“{result.title}” is {result.status.replace('-', ' ')} ({score})"
    if weak:
        text += f": {who} {_words(items, bank.id, weak)}"
    if result.status == "partly-met":
        # what kept it from "not met" is as decisive as what kept it from "met"
        strong = weak_questions(result, items, strong=True, middle_is_weak=middle_is_weak)
        if strong:
            text += ("; " if weak else ": ") + f"in its favour, {_words(items, bank.id, strong)}"
        weak = weak + strong
    remedy = section.recommendation
    return Reason(
        kind="section",
        text=text,
        question_ids=weak,
        rule=rule,
        source=result.citation.short,
        source_brief=result.citation.brief,
        remedy=remedy.text if remedy else None,
        remedy_source=cite(bank, remedy.citation).short if remedy else None,
    )


def flag_reason(
    banks: Sequence[Bank], items: Sequence[ScoredAnswer], hit: RedFlagHit, rule: str, who: str
) -> Reason:
    item = next(i for i in items if i.bank.id == hit.bank_id and i.question.id == hit.question_id)
    bank = next(b for b in banks if b.id == hit.bank_id)
    recommendation = item.question.recommendation
    section = item.section.recommendation
    remedy = recommendation or section
    return Reason(
        kind=hit.severity,
        text=f"{hit.message} ({who} “{hit.answer_label}” to “{hit.statement}”)",
        question_ids=[hit.question_id],
        rule=rule,
        source=hit.citation.short,
        source_brief=hit.citation.brief,
        remedy=remedy.text if remedy else None,
        remedy_source=cite(bank, remedy.citation).short if remedy else None,
    )


def approach_reason(alternative: ApproachSuggestion) -> Reason:
    return Reason(
        kind="approach",
        text=f"{alternative.name} fits this work better: "
        + "; ".join(because[:1].lower() + because[1:] for because in alternative.because),
        question_ids=list(alternative.question_ids),
        rule="2: an approach that fits better than co-production holds",
        source=alternative.citation.short,
        source_brief=alternative.citation.brief,
        remedy=alternative.how[0].text if alternative.how else None,
        remedy_source=alternative.how[0].citation.short if alternative.how else None,
    )


def case_reason(
    items: Sequence[ScoredAnswer], sections: Sequence[SectionResult], who: str
) -> Reason | None:
    case = [s for s in sections if s.role == "case" and s.status == "met"]
    if not case:
        return None
    holding = sorted(
        (i for i in items if i.section.role == "case" and i.value is not None and i.value >= HALF),
        key=lambda i: -(i.value or 0),
    )
    ids = [i.question.id for i in holding]
    named = "; ".join(
        f"“{i.option.label if i.option else ''}” to “{i.question.statement}”" for i in holding[:2]
    )
    more = len(holding) - 2
    if more > 0:
        named += f" (and {more} more)"
    return Reason(
        kind="reason-to-co-produce",
        text="There is a reason to co-produce, and one is enough: " + f"{who} {named}",
        question_ids=ids,
        rule="a reason to co-produce holds",
        source=case[0].citation.short,
        source_brief=case[0].citation.brief,
    )


def fits_reason(
    banks: Sequence[Bank],
    items: Sequence[ScoredAnswer],
    sections: Sequence[SectionResult],
    who: str,
) -> Reason | None:
    """Why co-production (not another approach) fits: the sections that would have sent the
    verdict elsewhere (Inett's delivery role and scale) are met or partly met."""
    parts: list[str] = []
    ids: list[str] = []
    for result in sections:
        _, section = definition(banks, result)
        if section.role == "case" or result.status not in ("met", "partly-met"):
            continue
        if consequence(section, "not-met") != "not-right-approach":
            continue
        strong = weak_questions(result, items, strong=True)
        if strong:
            parts.append(f"“{result.title}” is {result.status.replace('-', ' ')}")
            ids += strong
    source: CitationText | None = None
    for item in _rows_that_rule_out_others(banks, items):
        parts.append(
            f"{who} “{item.option.label if item.option else ''}” to “{item.question.statement}”"
        )
        ids.append(item.question.id)
        if source is None:
            source = cite(item.bank, item.question.citation)
    if not parts:
        return None
    return Reason(
        kind="reason-to-co-produce",
        text="Co-production, not another approach, fits this work: " + "; ".join(parts),
        question_ids=ids,
        rule="no approach that fits better holds",
        source=source.short if source else "",
        source_brief=source.brief if source else "",
    )


def _rows_that_rule_out_others(
    banks: Sequence[Bank], items: Sequence[ScoredAnswer]
) -> list[ScoredAnswer]:
    """Answers in an approach section (Malby's voice / choice / co-production table) that hold
    (at least half way up the scale) and that, answered otherwise, would let another approach
    fit better: the co-production row answered "True" says in the source's own words why
    co-production fits. Only the first question of each approach condition counts."""
    gates: dict[str, set[str]] = {}
    for bank in banks:
        for approach in bank.approaches:
            for condition in approach.when:
                if condition.question is not None and condition.answers:
                    gates.setdefault(condition.question, set()).update(condition.answers)
    return [
        item
        for item in items
        if item.section.role == "approach"
        and item.question.id in gates
        and item.option is not None
        and item.option.id not in gates[item.question.id]
        and item.value is not None
        and item.value >= HALF
    ]
