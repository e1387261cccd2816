"""``coprod-check score``: read the answers, score them, render, and say whether CI should fail."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from coprod_check.errors import EXIT_FINDINGS, EXIT_OK, Outcome


def score_command(
    answers: Path,
    bank_choices: Sequence[str],
    fmt: str | None,
    output: Path | None,
    force: bool,
    *,
    explain: bool,
    show_all: bool,
    fail_below: str | None,
    fail_on_blockers: bool,
    plan: Path | None = None,
) -> Outcome:
    """The report, the answers file's warnings, and each way the result falls short (exit 1)."""
    from coprod_check.answers.loader import available_banks, read_answers
    from coprod_check.files.atomic import guard_output
    from coprod_check.render.output_format import output_format
    from coprod_check.scoring.engine import score
    from coprod_check.scoring.gates import parse_level, shortfalls
    from coprod_check.scoring.report import REPORTS, render

    chosen = output_format(fmt, output, REPORTS.names)
    refusal = "refusing to write the report over an input file (answers or bank)"
    guard_output(output, force, [answers, *([plan] if plan else [])], bank_choices, refusal)
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
    color = False if output else None
    width = 100 if output else None  # a file is not the terminal: the usual width
    report = render(
        result,
        chosen,
        explain=explain,
        show_all=show_all,
        color=color,
        width=width,
        plan=summary,
    )
    reasons = shortfalls(result, loaded.banks, level, fail_on_blockers)
    return Outcome(
        report,
        output,
        force,
        notes=notes,
        findings=[f"falls short: {reason}" for reason in reasons],
        exit_code=EXIT_FINDINGS if reasons else EXIT_OK,
    )
