"""``coprod-check template`` and ``questionnaire``: a blank answers file, a printable handout."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from coprod_check.errors import Outcome


def template_command(bank_choices: Sequence[str], output: Path | None, force: bool) -> Outcome:
    """The blank answers file of the chosen (default: every bundled) bank."""
    from coprod_check.answers.loader import select_banks
    from coprod_check.answers.template import render_template
    from coprod_check.files.atomic import guard_output

    guard_output(output, force, [], bank_choices, "refusing to write the template over a bank file")
    return Outcome(render_template(select_banks(bank_choices)), output, force)


def questionnaire_command(
    bank_choices: Sequence[str], fmt: str, output: Path | None, force: bool
) -> Outcome:
    """The printable handout of the chosen (default: every bundled) bank."""
    from coprod_check.answers.handout import render_handout
    from coprod_check.answers.loader import select_banks
    from coprod_check.files.atomic import guard_output

    guard_output(output, force, [], bank_choices, "refusing to write the handout over a bank file")
    return Outcome(render_handout(select_banks(bank_choices), fmt), output, force)
