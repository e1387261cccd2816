"""Thresholds: levels can be reached and rise in order; partly_met is not above met."""

from __future__ import annotations

from collections.abc import Iterator

from coprod_check.bank.checks.base import BankData, Node, is_number, plain_number
from coprod_check.bank.shape import DEFAULT_MET, DEFAULT_PARTLY_MET
from coprod_check.problems.codes import Code
from coprod_check.problems.schema_errors import Finding


def _can_vary(bank: BankData, section: Node) -> bool:
    """Whether some question of ``section`` has a scale with two different numeric values."""
    for question in section.children("questions"):
        scale = bank.scale_of(question)
        if scale is not None:
            values = {v for v in bank.option_values(scale).values() if v is not None}
            if len(values) >= 2:
                return True
    return False


def unreachable_levels(bank: BankData) -> Iterator[Finding]:
    """A level can be reached: its section has a question whose answers score differently.

    (A threshold above 100 is refused by the schema: scores run from 0 to 100.)
    """
    for level in bank.levels:
        name = level.text("section")
        section = bank.section_by_id.get(name) if name is not None else None
        if section is None or section.data.get("role") != "level":
            continue
        if section.children("questions") and not _can_vary(bank, section):
            yield Finding(
                level.at("threshold") if "threshold" in level.data else level.at("section"),
                Code.UNREACHABLE_LEVEL,
                f"level '{level.text('id')}' can never be reached: no question of section "
                f"'{name}' has a scale with two different numeric values",
            )


def level_thresholds_in_order(bank: BankData) -> Iterator[Finding]:
    """Levels are listed lowest first, so their thresholds must not decrease."""
    previous: tuple[str | None, float] | None = None
    for level in bank.levels:
        threshold = level.data.get("threshold")
        if not is_number(threshold):
            continue
        if previous is not None and threshold < previous[1]:
            yield Finding(
                level.at("threshold"),
                Code.THRESHOLD_ORDER,
                f"level '{level.text('id')}' has threshold {plain_number(threshold)}, lower than "
                f"{plain_number(previous[1])} for level '{previous[0]}' before it; levels are "
                "listed lowest first and their thresholds must not decrease",
            )
        previous = (level.text("id"), float(threshold))


def section_thresholds_in_order(bank: BankData) -> Iterator[Finding]:
    """``partly_met`` is not above ``met``, for the bank and for every section that sets its own."""
    places = [bank.root.child("thresholds")] + [s.child("thresholds") for s in bank.sections]
    for node in places:
        if node is None:
            continue
        met = node.data.get("met", DEFAULT_MET)
        partly = node.data.get("partly_met", DEFAULT_PARTLY_MET)
        if is_number(met) and is_number(partly) and partly > met:
            default_met = "" if "met" in node.data else ", the default"
            default_partly = "" if "partly_met" in node.data else ", the default"
            yield Finding(
                node.at("partly_met") if "partly_met" in node.data else node.at("met"),
                Code.THRESHOLD_ORDER,
                f"partly_met ({plain_number(partly)}{default_partly}) is above met "
                f"({plain_number(met)}{default_met}); it must not be",
            )
