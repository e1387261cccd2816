"""The verdict, by five rules checked in order; the first that applies decides.

1. too few answers -> insufficient-answers;
2. an approach that fits better holds (voice, choice, co-design, a narrower scale), or a section
   whose ``if_not_met`` is ``not-right-approach`` is not met -> not-right-approach;
3. a blocker red flag, or a section whose ``if_not_met`` is ``not-yet`` is not met -> not-yet;
4. a caution red flag, or a section that is partly met (or not met) with the consequence
   ``condition`` -> ready-with-conditions;
5. otherwise ready.

Which section does what is bank data (``if_not_met``, ``if_partly_met``, ``decisive``); the
defaults are in :func:`consequence`.
"""

from __future__ import annotations

from collections.abc import Sequence

from coprod_check.bank.model import Bank, Consequence, Section
from coprod_check.scoring.answers import YOU_ANSWERED, ScoredAnswer
from coprod_check.scoring.approaches import suggest, weak_questions
from coprod_check.scoring.citations import cite
from coprod_check.scoring.confidence import answered_share, short_banks
from coprod_check.scoring.numbers import HALF, format_percent, format_score
from coprod_check.scoring.result import (
    SETTLED_RULE,
    ApproachSuggestion,
    CitationText,
    Confidence,
    Reason,
    RedFlagHit,
    SectionResult,
    Verdict,
    VerdictId,
)
from coprod_check.scoring.sections import score_text

LABELS: dict[VerdictId, str] = {
    "ready": "Ready to co-produce",
    "ready-with-conditions": "Ready to co-produce, on conditions",
    "not-yet": "Not ready yet",
    "not-right-approach": "Co-production is not the right approach for this work",
    "insufficient-answers": "Too few answers to say",
}

RULES = (
    "Rules are checked in order and the first that applies decides: (1) too few answers; "
    "(2) an approach that fits better than co-production holds, or a section that decides "
    "whether co-production fits is not met; (3) a blocker, or a criterion that must be in "
    "place first is not met; (4) a caution, or a criterion only partly met; (5) ready."
)
COPRODUCTION = "co-production"
#: Sections that judge readiness; without any of them there is no verdict, only a level.
READINESS_ROLES = ("criterion", "case", "cautions", "approach")


def consequence(section: Section, status: str) -> Consequence:
    """What this section's status does to the verdict (bank data, with defaults)."""
    if status == "not-met":
        if section.if_not_met is not None:
            return section.if_not_met
        if section.role == "case" or (section.role == "criterion" and section.decisive):
            return "not-right-approach"
        return "not-yet" if section.role == "criterion" else "none"
    if status == "partly-met":
        if section.if_partly_met is not None:
            return section.if_partly_met
        return "condition" if section.role in ("criterion", "case") else "none"
    return "none"


def _definition(banks: Sequence[Bank], result: SectionResult) -> tuple[Bank, Section]:
    bank = next(b for b in banks if b.id == result.bank_id)
    return bank, next(s for s in bank.sections if s.id == result.section_id)


def _words(items: Sequence[ScoredAnswer], bank_id: str, ids: Sequence[str]) -> str:
    chosen = [i for i in items if i.bank.id == bank_id and i.question.id in ids]
    return "; ".join(
        f"“{i.option.label if i.option else '–'}” to “{i.question.statement}”" for i in chosen
    )


def _section_reason(
    banks: Sequence[Bank],
    items: Sequence[ScoredAnswer],
    result: SectionResult,
    rule: str,
    who: str,
) -> Reason:
    bank, section = _definition(banks, result)
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


def _flag_reason(
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


def _approach_reason(alternative: ApproachSuggestion) -> Reason:
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


def _case_reason(
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


def _fits_reason(
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
        _, section = _definition(banks, result)
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


def decide(
    banks: Sequence[Bank],
    items: Sequence[ScoredAnswer],
    sections: Sequence[SectionResult],
    flags: Sequence[RedFlagHit],
    confidence: Confidence,
    *,
    settled: bool = False,
    who: str = YOU_ANSWERED,
) -> Verdict:
    """Apply the five rules; every reason names the answers, the rule and the source.

    ``who`` names whose answers the reasons quote ("you answered", or a workshop group's
    typical answers). ``settled``: too few questions are answered, but no answers to the others
    could change the verdict (:mod:`coprod_check.scoring.settled`), so rule 1 gives way and
    says so."""
    if confidence.label == "insufficient" and not confidence.total:
        reason = Reason(
            kind="too-few-answers",
            text="None of the answered banks asks anything that decides the verdict: they only "
            "describe where things stand today (see that part of the report)",
            rule="1: too few answers",
        )
        return _verdict("insufficient-answers", [reason], [], [], 1, None)
    judged = [s for s in sections if s.role in READINESS_ROLES]
    if not judged:
        reason = Reason(
            kind="too-few-answers",
            text="None of the answered banks asks whether this work is ready to co-produce (only "
            "levels were answered); answer Inett's or Malby's bank for a verdict",
            rule="1: too few answers",
        )
        return _verdict("insufficient-answers", [reason], [], [], 1, None)
    if settled:
        missing = confidence.total - confidence.answered
        note = Reason(
            kind="too-few-answers",
            text=f"Only {confidence.answered} of {confidence.total} questions are answered "
            f"({answered_share(confidence.fraction)}), but however the other {missing} are "
            "answered, the verdict stays the same: find those answers out as part of the work",
            rule=SETTLED_RULE,
        )
        sure = confidence.model_copy(update={"label": "low"})
        verdict = decide(banks, items, sections, flags, sure, who=who)
        return _with_note(verdict, note)
    if confidence.label == "insufficient":
        text = (
            f"Only {confidence.answered} of {confidence.total} questions are answered "
            f"({answered_share(confidence.fraction)}); answer more before relying on "
            "a verdict"
        )
        reasons = [Reason(kind="too-few-answers", text=text, rule="1: too few answers")]
        reasons += [
            Reason(
                kind="too-few-answers",
                text=f"Bank “{bank.title}” has {got} of {of} answered; it needs at least "
                f"{format_percent(bank.min_answered)}",
                rule="1: too few answers",
            )
            for bank, got, of in short_banks(banks, items)
        ]
        return _verdict("insufficient-answers", reasons, [], [], 1, None)

    alternatives = suggest(banks, items, sections, who)
    redirect = [
        s
        for s in sections
        if consequence(_definition(banks, s)[1], s.status) == "not-right-approach"
    ]
    if alternatives or redirect:
        decisive = [_approach_reason(a) for a in alternatives]
        if not alternatives:
            decisive += [
                _section_reason(
                    banks, items, s, "2: a section that decides the approach is not met", who
                )
                for s in redirect
            ]
        approach = alternatives[0].id if alternatives else None
        return _verdict("not-right-approach", decisive, [], alternatives, 2, approach)

    blockers = [
        _flag_reason(banks, items, hit, "3: a blocker", who)
        for hit in flags
        if hit.severity == "blocker"
    ]
    unmet = [
        _section_reason(
            banks, items, s, "3: a criterion that must be in place first is not met", who
        )
        for s in sections
        if consequence(_definition(banks, s)[1], s.status) == "not-yet"
    ]
    conditions = _conditions(banks, items, sections, flags, who)
    fits = [
        r
        for r in (_case_reason(items, sections, who), _fits_reason(banks, items, sections, who))
        if r
    ]
    if blockers or unmet:
        return _verdict("not-yet", unmet + blockers, conditions, [], 3, COPRODUCTION)
    if conditions:
        return _verdict("ready-with-conditions", fits + conditions, conditions, [], 4, COPRODUCTION)
    reasons = list(fits)
    reasons.append(
        Reason(
            kind="all-clear",
            text="Every criterion and reason to co-produce that was assessed is met, and no "
            "red flag was raised",
            rule="5: ready",
        )
    )
    unknown = [
        s.title for s in sections if s.role in ("criterion", "case") and s.status == "unknown"
    ]
    if unknown:
        reasons.append(
            Reason(
                kind="all-clear",
                text="Not assessed (too few answers): " + ", ".join(f"“{t}”" for t in unknown),
                rule="5: ready",
            )
        )
    return _verdict("ready", reasons, [], [], 5, COPRODUCTION)


def _conditions(
    banks: Sequence[Bank],
    items: Sequence[ScoredAnswer],
    sections: Sequence[SectionResult],
    flags: Sequence[RedFlagHit],
    who: str,
) -> list[Reason]:
    """Conditions, most important first: criteria not met, criteria partly met (lowest score
    first), then cautions in bank order."""
    rule = "4: a condition"
    ranked: list[tuple[int, float, int, Reason]] = []
    for position, s in enumerate(sections):
        if consequence(_definition(banks, s)[1], s.status) != "condition":
            continue
        first = 0 if s.status == "not-met" else 1
        score = s.score if s.score is not None else 0.0
        ranked.append((first, score, position, _section_reason(banks, items, s, rule, who)))
    for position, hit in enumerate(flags):
        if hit.severity == "caution":
            ranked.append((2, 0.0, position, _flag_reason(banks, items, hit, rule, who)))
    ranked.sort(key=lambda entry: entry[:3])
    return [reason for *_, reason in ranked]


def _with_note(verdict: Verdict, note: Reason) -> Verdict:
    """The verdict with ``note`` as its last decisive reason."""
    return verdict.model_copy(
        update={"reasons": [*verdict.reasons, _text(note)], "decisive": [*verdict.decisive, note]}
    )


def _text(reason: Reason) -> str:
    text = f"{reason.text}. Source: {reason.source_brief}" if reason.source_brief else reason.text
    if reason.remedy:
        return f"{text}. What to do: {reason.remedy}"
    return text


def _verdict(
    verdict_id: VerdictId,
    decisive: list[Reason],
    conditions: list[Reason],
    alternatives: list[ApproachSuggestion],
    rule: int,
    approach: str | None,
) -> Verdict:
    shown = [_text(r) for r in decisive]
    if verdict_id == "ready-with-conditions":
        shown = [_text(r) for r in decisive if r.kind == "reason-to-co-produce"]
        shown.append("Nothing blocks co-production, on the conditions below")
    return Verdict(
        id=verdict_id,
        label=LABELS[verdict_id],
        reasons=shown,
        conditions=[_text(r) for r in conditions],
        alternatives=alternatives,
        explanation=f"{RULES} Rule {rule} applied.",
        approach=approach,
        decisive=decisive,
        ranked_conditions=conditions,
    )
