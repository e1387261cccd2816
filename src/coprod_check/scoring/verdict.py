"""The verdict, by five rules checked in order; the first that applies decides.

1. too few answers -> insufficient-answers;
2. a case section or a decisive criterion not met -> not-right-approach (with alternatives);
3. a blocker red flag or a criterion not met -> not-yet;
4. a caution red flag or a criterion/case section partly met -> ready-with-conditions;
5. otherwise ready.
"""

from __future__ import annotations

from collections.abc import Sequence

from coprod_check.bank.model import Bank
from coprod_check.scoring.answers import ScoredAnswer
from coprod_check.scoring.approaches import suggest
from coprod_check.scoring.confidence import short_banks
from coprod_check.scoring.flags import describe_hit
from coprod_check.scoring.numbers import percent, share_text, show
from coprod_check.scoring.result import (
    ApproachSuggestion,
    Confidence,
    RedFlagHit,
    SectionResult,
    Verdict,
    VerdictId,
)

LABELS: dict[VerdictId, str] = {
    "ready": "Ready to co-produce",
    "ready-with-conditions": "Ready to co-produce, on conditions",
    "not-yet": "Not ready yet",
    "not-right-approach": "Co-production is not the right approach for now",
    "insufficient-answers": "Too few answers to say",
}

RULES = (
    "Rules are checked in order and the first that applies decides: (1) too few answers; "
    "(2) the case for co-production or a decisive criterion not met; (3) a blocker or a "
    "criterion not met; (4) a caution or a criterion or case section partly met; (5) ready."
)


def _decisive(bank_by_id: dict[str, Bank], section: SectionResult) -> bool:
    bank = bank_by_id[section.bank_id]
    return any(s.decisive for s in bank.sections if s.id == section.section_id)


def _section_reason(section: SectionResult, what: str) -> str:
    return (
        f"{what} “{section.title}” is {section.status.replace('-', ' ')} "
        f"(score {show(section.score)}; met at {show(section.met_at)}, "
        f"partly met at {show(section.partly_met_at)})"
    )


def decide(
    banks: Sequence[Bank],
    items: Sequence[ScoredAnswer],
    sections: Sequence[SectionResult],
    flags: Sequence[RedFlagHit],
    confidence: Confidence,
) -> Verdict:
    """Apply the five rules; every reason names the sections, questions or flags behind it."""
    bank_by_id = {bank.id: bank for bank in banks}

    if confidence.label == "insufficient" and not confidence.total:
        reasons = [
            "None of the answered banks asks anything that decides the verdict: they only "
            "describe where things stand today (see that part of the report)"
        ]
        return _verdict("insufficient-answers", reasons, [], [], 1)
    if confidence.label == "insufficient":
        reasons = [
            f"Only {confidence.answered} of {confidence.total} questions are answered "
            f"({percent(confidence.answered, confidence.total)}); answer more before relying on "
            "a verdict"
        ]
        reasons += [
            f"Bank “{bank.title}” has {got} of {of} answered; it needs at least "
            f"{share_text(bank.min_answered)}"
            for bank, got, of in short_banks(banks, items)
        ]
        return _verdict("insufficient-answers", reasons, [], [], 1)

    wrong = [
        _section_reason(s, "The case for co-production:")
        for s in sections
        if s.role == "case" and s.status == "not-met"
    ] + [
        _section_reason(s, "Decisive criterion")
        for s in sections
        if s.role == "criterion" and s.status == "not-met" and _decisive(bank_by_id, s)
    ]
    if wrong:
        return _verdict("not-right-approach", wrong, [], suggest(banks, items, sections), 2)

    blockers = [f"Blocker: {describe_hit(hit)}" for hit in flags if hit.severity == "blocker"]
    unmet = [
        _section_reason(s, "Criterion")
        for s in sections
        if s.role == "criterion" and s.status == "not-met"
    ]
    if blockers or unmet:
        return _verdict("not-yet", blockers + unmet, [], [], 3)

    conditions = [f"Caution: {describe_hit(hit)}" for hit in flags if hit.severity == "caution"] + [
        _section_reason(s, "Criterion" if s.role == "criterion" else "Reason to co-produce")
        + "; strengthen it"
        for s in sections
        if s.role in ("criterion", "case") and s.status == "partly-met"
    ]
    if conditions:
        return _verdict(
            "ready-with-conditions",
            ["Every criterion and reason to co-produce is at least partly met and nothing blocks"],
            conditions,
            [],
            4,
        )

    reasons = [
        "Every criterion and reason to co-produce that was assessed is met, and no red "
        "flag was raised"
    ]
    unknown = [
        s.title for s in sections if s.role in ("criterion", "case") and s.status == "unknown"
    ]
    if unknown:
        reasons.append(
            "Not assessed (too few answers): " + ", ".join(f"“{title}”" for title in unknown)
        )
    return _verdict("ready", reasons, [], [], 5)


def _verdict(
    verdict_id: VerdictId,
    reasons: list[str],
    conditions: list[str],
    alternatives: list[ApproachSuggestion],
    rule: int,
) -> Verdict:
    return Verdict(
        id=verdict_id,
        label=LABELS[verdict_id],
        reasons=reasons,
        conditions=conditions,
        alternatives=alternatives,
        explanation=f"{RULES} Rule {rule} applied.",
    )
