"""``coprod-check template`` and ``questionnaire``: a blank answers file, a printable handout."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coprod_check.errors import Outcome
    from coprod_check.files.destination import Destination


def template_command(bank_choices: Sequence[str], to: Destination) -> Outcome:
    """The blank answers file of the chosen (default: every bundled) bank."""
    from coprod_check.answers.loader import select_banks
    from coprod_check.answers.template import render_template

    to.guard([], bank_choices, "refusing to write the template over a bank file")
    return to.outcome(render_template(select_banks(bank_choices)))


def questionnaire_command(bank_choices: Sequence[str], fmt: str, to: Destination) -> Outcome:
    """The printable handout of the chosen (default: every bundled) bank, in ``fmt``."""
    from coprod_check.answers.handout import render_handout
    from coprod_check.answers.loader import select_banks

    to.guard([], bank_choices, "refusing to write the handout over a bank file")
    return to.outcome(render_handout(select_banks(bank_choices), fmt))
