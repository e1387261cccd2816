"""``--fail-below`` and ``--fail-on-blockers``: does a result fall short of what CI asked for?"""

from __future__ import annotations

from collections.abc import Sequence

from coprod_check.bank.model import Bank
from coprod_check.errors import UsageError
from coprod_check.problems.wording import plural
from coprod_check.scoring.levels import NONE_ID, level_bank
from coprod_check.scoring.result import Result


def level_choices(banks: Sequence[Bank]) -> list[str]:
    """Level ids ``--fail-below`` accepts for these banks, lowest first (``none`` first)."""
    bank = level_bank(banks)
    if bank is None:
        return []
    return [NONE_ID, *(level.id for level in bank.levels if level.id != NONE_ID)]


def parse_level(choice: str, banks: Sequence[Bank]) -> str:
    """The level id ``choice`` names (an id or an alias, any case); a usage error otherwise."""
    bank = level_bank(banks)
    if bank is None:
        raise UsageError(
            "--fail-below needs a bank with Needham & Carr levels, and these answers list none"
        )
    wanted = " ".join(choice.split()).lower()
    for level in bank.levels:
        names = [level.id, level.name, *level.aliases]
        if wanted in (name.lower() for name in names):
            return level.id
    if wanted == NONE_ID:
        return NONE_ID
    raise UsageError(
        f"--fail-below {choice}: not a level; choose one of: {', '.join(level_choices(banks))}"
    )


def shortfalls(
    result: Result, banks: Sequence[Bank], fail_below: str | None, fail_on_blockers: bool
) -> list[str]:
    """Why the result falls short (empty when it does not), one plain sentence each.

    A level that could not be assessed falls short of any ``--fail-below`` level above
    ``none``, and of ``none`` itself: nothing is known.
    """
    reasons: list[str] = []
    if fail_below is not None:
        order = level_choices(banks)
        wanted = order.index(fail_below)
        got = result.level.id
        if got is None and result.level.steps and result.level.steps[0].assessed:
            got = NONE_ID  # assessed, but no level reached (a bank without a baseline level)
        if got is None or got not in order:
            reasons.append(
                f"the level could not be assessed ({result.level.name}); "
                f"--fail-below {fail_below} needs at least {fail_below}"
            )
        elif order.index(got) < wanted:
            reasons.append(f"the level is {got}, below {fail_below} (--fail-below)")
    if fail_on_blockers:
        blockers = [hit for hit in result.red_flags if hit.severity == "blocker"]
        if blockers:
            count = len(blockers)
            reasons.append(
                f"{plural(count, 'blocker')} raised (--fail-on-blockers): "
                + "; ".join(f"{hit.question_id}: {hit.message}" for hit in blockers)
            )
    return reasons
