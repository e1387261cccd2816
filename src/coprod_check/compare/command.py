"""``coprod-check compare``: load the inputs, compare them, render, flag regressions."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_check.errors import EXIT_FINDINGS, EXIT_OK, CoprodError, Outcome, UsageError

if TYPE_CHECKING:
    from coprod_check.bank.model import Bank


def compare_command(
    inputs: Sequence[Path],
    bank_choices: Sequence[str],
    fmt: str | None,
    output: Path | None,
    force: bool,
    *,
    allow_bank_change: bool,
    fail_on_regression: bool,
    plans: Sequence[Path] = (),
    labels: Sequence[str] = (),
) -> Outcome:
    """The comparison report; with ``fail_on_regression``, each regression is a finding.
    Action plans, among the inputs (told by their content) or in ``plans``, are lined up with
    the cycles between the assessments."""
    from coprod_check import __version__
    from coprod_check.answers.loader import available_banks
    from coprod_check.compare.engine import compare
    from coprod_check.compare.inputs import load_points, relabel
    from coprod_check.compare.report import REPORTS, render
    from coprod_check.files.atomic import guard_output
    from coprod_check.plan.loader import plan_warnings, read_plans, split_plans
    from coprod_check.render.output_format import output_format

    out_fmt = output_format(fmt, output, REPORTS.names)
    assessments, plan_files = split_plans(inputs)
    if len(assessments) < 2:
        raise UsageError("compare needs at least two inputs, earlier and later")
    guard_output(output, force, [*inputs, *plans], bank_choices)
    chosen = available_banks(bank_choices) if bank_choices else None

    def banks() -> list[Bank]:
        return chosen if chosen is not None else available_banks([])

    points = relabel(load_points([str(path) for path in assessments], banks), labels)
    loaded = read_plans([*plan_files, *plans], banks)
    notes = [text for point in points for text in point.warnings] + plan_warnings(loaded)
    try:
        result = compare(
            points,
            allow_bank_change=allow_bank_change,
            tool_version=__version__,
            plans=[(plan.path, plan.plan) for plan in loaded],
        )
    except CoprodError as error:
        error.notes[:0] = notes
        raise
    report = render(result, out_fmt, color=False if output else None, width=100 if output else None)
    regressions = result.regressions if fail_on_regression else []
    return Outcome(
        report,
        output,
        force,
        notes=notes,
        findings=[f"regression: {regression}" for regression in regressions],
        exit_code=EXIT_FINDINGS if regressions else EXIT_OK,
    )
