"""The verdict, by five rules checked in order; the first that applies decides.

1. too few answers -> insufficient-answers;
2. an approach that fits better holds (voice, choice, co-design, a narrower scale), or a section
   whose ``if_not_met`` is ``not-right-approach`` is not met -> not-right-approach;
3. a blocker red flag, or a section whose ``if_not_met`` is ``not-yet`` is not met -> not-yet;
4. a caution red flag, or a section that is partly met (or not met) with the consequence
   ``condition`` -> ready-with-conditions;
5. otherwise ready.

Which section does what is bank data (``if_not_met``, ``if_partly_met``, ``decisive``); the
defaults are in :func:`coprod_check.scoring.sections.consequence`; the reasons' words are in
:mod:`coprod_check.scoring.reasons`.
"""

from __future__ import annotations

from collections.abc import Sequence

from coprod_check.bank.model import Bank
from coprod_check.scoring.answers import YOU_ANSWERED, ScoredAnswer
from coprod_check.scoring.approaches import suggest
from coprod_check.scoring.confidence import answered_share, short_banks
from coprod_check.scoring.numbers import format_percent
from coprod_check.scoring.reasons import (
    approach_reason,
    case_reason,
    definition,
    fits_reason,
    flag_reason,
    section_reason,
)
from coprod_check.scoring.result import (
    SETTLED_RULE,
    ApproachSuggestion,
    Confidence,
    Reason,
    RedFlagHit,
    SectionResult,
    Verdict,
    VerdictId,
)
from coprod_check.scoring.sections import consequence

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
        if consequence(definition(banks, s)[1], s.status) == "not-right-approach"
    ]
    if alternatives or redirect:
        decisive = [approach_reason(a) for a in alternatives]
        if not alternatives:
            decisive += [
                section_reason(
                    banks, items, s, "2: a section that decides the approach is not met", who
                )
                for s in redirect
            ]
        approach = alternatives[0].id if alternatives else None
        return _verdict("not-right-approach", decisive, [], alternatives, 2, approach)

    blockers = [
        flag_reason(banks, items, hit, "3: a blocker", who)
        for hit in flags
        if hit.severity == "blocker"
    ]
    unmet = [
        section_reason(
            banks, items, s, "3: a criterion that must be in place first is not met", who
        )
        for s in sections
        if consequence(definition(banks, s)[1], s.status) == "not-yet"
    ]
    conditions = _conditions(banks, items, sections, flags, who)
    fits = [
        r
        for r in (case_reason(items, sections, who), fits_reason(banks, items, sections, who))
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
        if consequence(definition(banks, s)[1], s.status) != "condition":
            continue
        first = 0 if s.status == "not-met" else 1
        score = s.score if s.score is not None else 0.0
        ranked.append((first, score, position, section_reason(banks, items, s, rule, who)))
    for position, hit in enumerate(flags):
        if hit.severity == "caution":
            ranked.append((2, 0.0, position, flag_reason(banks, items, hit, rule, who)))
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
