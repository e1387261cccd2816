"""Red flags: an answer that is one of a flag's ``answers`` fires it (blocker or caution).

A question reports at most one flag: the most severe that fires (the first of them in the bank).
A bank may give a fatal item a blocker on its worst answer and a caution on the next one; the
caution also listing the worst answer keeps improving an answer from ever raising a flag, and
this rule keeps the worst answer from being reported twice.
"""

from __future__ import annotations

from collections.abc import Sequence

from coprod_check.scoring.answers import ScoredAnswer
from coprod_check.scoring.citations import cite
from coprod_check.scoring.result import RedFlagHit


def red_flag_hits(items: Sequence[ScoredAnswer]) -> list[RedFlagHit]:
    """The flag each question raises, if any, in bank, section and question order."""
    hits: list[RedFlagHit] = []
    for item in items:
        if item.option is None:
            continue
        fired = [flag for flag in item.question.red_flags if item.option.id in flag.answers]
        blockers = [flag for flag in fired if flag.severity == "blocker"]
        for flag in (blockers or fired)[:1]:
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
