"""``coprod-check score``: read the answers, score them, render, and say whether CI should fail."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coprod_check.errors import Outcome
    from coprod_check.files.destination import Destination


def score_command(
    answers: Path,
    bank_choices: Sequence[str],
    to: Destination,
    *,
    explain: bool,
    show_all: bool,
    fail_below: str | None,
    fail_on_blockers: bool,
    plan: Path | None = None,
) -> Outcome:
    """The report, the answers file's warnings, and each way the result falls short (exit 1)."""
    from coprod_check.answers.loader import available_banks, read_answers
    from coprod_check.scoring.engine import score
    from coprod_check.scoring.gates import parse_level, shortfalls
    from coprod_check.scoring.report import REPORTS, render

    chosen = to.format(REPORTS.names)
    refusal = "refusing to write the report over an input file (answers or bank)"
    to.guard([answers, *([plan] if plan else [])], bank_choices, refusal)
    loaded = read_answers(answers, available_banks(bank_choices))
    level = parse_level(fail_below, loaded.banks) if fail_below is not None else None
    # one-step sensitivity: always in JSON, and shown in the others with --explain
    result = score(loaded.banks, loaded.answers, sensitivity=explain or chosen == "json")
    notes = [str(warning) for warning in loaded.warnings]
    summary = None
    if plan is not None:
        from coprod_check.plan.commands import summarise_plan

        summary, plan_notes = summarise_plan(plan, bank_choices, result)
        notes += plan_notes
    report = render(
        result,
        chosen,
        explain=explain,
        show_all=show_all,
        color=to.color,
        width=to.width,
        plan=summary,
    )
    reasons = shortfalls(result, loaded.banks, level, fail_on_blockers)
    return to.outcome(
        report, notes=notes, findings=[f"falls short: {reason}" for reason in reasons]
    )
