"""``coprod-check compare``: load the inputs, compare them, render, flag regressions."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_check.errors import CoprodError, Outcome, UsageError

if TYPE_CHECKING:
    from coprod_check.bank.model import Bank
    from coprod_check.files.destination import Destination


def compare_command(
    inputs: Sequence[Path],
    bank_choices: Sequence[str],
    to: Destination,
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
    from coprod_check.plan.loader import plan_warnings, read_plans, split_plans

    out_fmt = to.format(REPORTS.names)
    assessments, plan_files = split_plans(inputs)
    if len(assessments) < 2:
        raise UsageError("compare needs at least two inputs, earlier and later")
    to.guard([*inputs, *plans], bank_choices)
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
    report = render(result, out_fmt, color=to.color, width=to.width)
    regressions = result.regressions if fail_on_regression else []
    return to.outcome(
        report, notes=notes, findings=[f"regression: {regression}" for regression in regressions]
    )
