"""Whether the unanswered questions could change the verdict at all.

Too few answers (under the banks' ``min_answered``) normally gives no verdict: the missing
answers might change it. But a team can leave a third of the questions open and still have
answered everything that decides (an expert case: a new team that answered every one of Malby's
"don't" items). Then the honest answer is the verdict, with the unknowns as things to find out.

The check is exact, not a guess. Every unanswered question is answered at the worst end of its
scale in one completion and at the best end in another. Section scores only rise with better
answers, so every other way of answering lands between those two; red flags and the
approach table are checked separately, because they need not rise with the scale:

- an unanswered question whose worst answer does not raise its most severe flag (or whose best
  answer raises a flag another answer would not) could flag in between: not settled;
- a "don't know" (an option with no value) that raises a flag: not settled, as it would be
  answered that way and stay unknown;
- profile questions count as unknowns too: a bank may name one in an approach's ``when``, or
  give a profile section a consequence (``validate`` refuses both, but a bank need not have
  been through it);
- a condition of an approach that fits better (Malby's voice / choice table, Inett's scale) that
  some answers to the unknowns would make hold and others would not: not settled.

Otherwise, when both completions give the same verdict, every completion does.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal, Protocol

from coprod_check.answers.model import Answer, AnswersFile
from coprod_check.bank.model import Bank, Condition, ScaleOption
from coprod_check.scoring.answers import ScoredAnswer, normalise
from coprod_check.scoring.result import SectionResult, Verdict, VerdictId
from coprod_check.scoring.sections import consequence

_SEVERITY = {"caution": 1, "blocker": 2}
#: What a section's status does to the verdict, gravest first (the order the rules are checked).
_CONSEQUENCES = ("none", "condition", "not-yet", "not-right-approach")
#: Section statuses from worst to best; a section's score, and so its status, rises with answers.
_STATUSES = ("not-met", "partly-met", "met")


class _Judged(Protocol):
    @property
    def verdict(self) -> Verdict: ...

    @property
    def sections(self) -> list[SectionResult]: ...


def unanswered(items: Sequence[ScoredAnswer]) -> list[ScoredAnswer]:
    """The questions without an answer with a value. Profiles included: a bank may name a
    profile's question in an approach's ``when`` or give a profile section a consequence."""
    return [item for item in items if item.value is None]


def _flag(item: ScoredAnswer, option: ScaleOption) -> int:
    return max(
        (_SEVERITY[f.severity] for f in item.question.red_flags if option.id in f.answers),
        default=0,
    )


def _ends(item: ScoredAnswer) -> tuple[ScaleOption, ScaleOption] | Literal[False] | None:
    """The worst and best answer to an unanswered question; None when an answer between them
    could raise a flag that neither end bounds, or "don't know" (no value) raises one; False
    when no option has a value (no score can change: it stays as it is, and open)."""
    valued = [option for option in item.scale.options if option.value is not None]
    unvalued = [option for option in item.scale.options if option.value is None]
    if any(_flag(item, option) for option in unvalued):
        return None
    if not valued:
        return False
    ranked = sorted(
        valued, key=lambda o: normalise(o, item.scale, reverse=item.question.reverse) or 0
    )
    worst, best = ranked[0], ranked[-1]
    flags = [_flag(item, option) for option in valued]
    if _flag(item, worst) < max(flags) or _flag(item, best) > min(flags):
        return None
    return worst, best


def _may_hold(
    bank: Bank,
    condition: Condition,
    known: dict[tuple[str, str], ScoredAnswer],
    open_questions: set[tuple[str, str]],
    statuses: dict[tuple[str, str], tuple[str, ...]],
) -> bool | None:
    """True or False when the condition holds or fails whatever the unknowns say; None when
    that depends on them."""
    parts: list[bool | None] = []
    if condition.question is not None:
        key = (bank.id, condition.question)
        if key in open_questions:
            parts.append(None)
        else:
            item = known.get(key)
            chosen = item.option.id if item is not None and item.option is not None else None
            parts.append(chosen in (condition.answers or []))
    if condition.section is not None:
        possible = [
            status in (condition.status or []) for status in statuses[(bank.id, condition.section)]
        ]
        parts.append(True if all(possible) else False if not any(possible) else None)
    parts += [
        _may_hold(bank, part, known, open_questions, statuses) for part in condition.all or []
    ]
    if False in parts:
        return False
    return None if None in parts else True


def _possible_statuses(worst: str, best: str) -> tuple[str, ...]:
    if worst == best:
        return (worst,)
    if worst not in _STATUSES or best not in _STATUSES:
        return ("unknown", "not-met", "partly-met", "met")
    low, high = sorted((_STATUSES.index(worst), _STATUSES.index(best)))
    return _STATUSES[low : high + 1]


def _monotone(
    banks: Sequence[Bank], bank_id: str, section_id: str, possible: tuple[str, ...]
) -> bool:
    """Whether a better status never makes the section's consequence graver (a bank could say
    otherwise with ``if_not_met`` and ``if_partly_met``; the two ends would not bound it)."""
    if len(possible) == 1:
        return True
    if "unknown" in possible:
        return False
    bank = next(b for b in banks if b.id == bank_id)
    section = next(s for s in bank.sections if s.id == section_id)
    graveness = [_CONSEQUENCES.index(consequence(section, status)) for status in possible]
    return graveness == sorted(graveness, reverse=True)


def settled_verdict(
    banks: Sequence[Bank],
    answers: AnswersFile,
    items: Sequence[ScoredAnswer],
    judge: Callable[[Sequence[Bank], AnswersFile], _Judged],
) -> VerdictId | None:
    """The verdict every way of answering the unanswered questions gives, or None if they could
    change it. ``judge`` scores a completed answers file (all answered, so it never asks again)."""
    missing = unanswered(items)
    if not missing:
        return None
    worst = dict(answers.answers)
    best = dict(answers.answers)
    for item in missing:
        ends = _ends(item)
        if ends is None:
            return None
        if ends is False:
            continue
        worst[item.question.id] = Answer(answer=ends[0].id)
        best[item.question.id] = Answer(answer=ends[1].id)
    low = judge(banks, answers.model_copy(update={"answers": worst}))
    high = judge(banks, answers.model_copy(update={"answers": best}))
    if low.verdict.id != high.verdict.id or low.verdict.id == "insufficient-answers":
        return None
    best_status = {(s.bank_id, s.section_id): s.status for s in high.sections}
    statuses = {
        (s.bank_id, s.section_id): _possible_statuses(
            s.status, best_status[(s.bank_id, s.section_id)]
        )
        for s in low.sections
    }
    if not all(
        _monotone(banks, s.bank_id, s.section_id, statuses[(s.bank_id, s.section_id)])
        for s in low.sections
    ):
        return None
    known = {(i.bank.id, i.question.id): i for i in items}
    open_questions = {(i.bank.id, i.question.id) for i in missing}
    for bank in banks:
        for approach in bank.approaches:
            for condition in approach.when:
                if _may_hold(bank, condition, known, open_questions, statuses) is None:
                    return None
    return low.verdict.id
