"""Red flags: an answer that is one of a flag's ``answers`` fires it (blocker or caution)."""

from __future__ import annotations

from collections.abc import Sequence

from coprod_check.result_model import RedFlagHit
from coprod_check.scoring.answers import ScoredAnswer
from coprod_check.scoring.citations import cite


def red_flag_hits(items: Sequence[ScoredAnswer]) -> list[RedFlagHit]:
    """Every flag that fires, in bank, section, question and flag order."""
    hits: list[RedFlagHit] = []
    for item in items:
        if item.option is None:
            continue
        for flag in item.question.red_flags:
            if item.option.id in flag.answers:
                hits.append(
                    RedFlagHit(
                        severity=flag.severity,
                        bank_id=item.bank.id,
                        question_id=item.question.id,
                        statement=item.question.statement,
                        answer_id=item.option.id,
                        answer_label=item.option.label,
                        message=flag.message,
                        citation=cite(item.bank, item.question.citation),
                    )
                )
    return hits


def describe_hit(hit: RedFlagHit) -> str:
    """``message (you answered 'X' to “statement”)`` for verdict reasons and conditions."""
    return f"{hit.message} (answer “{hit.answer_label}” to “{hit.statement}”)"
