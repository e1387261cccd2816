"""Checks of a bank that need more than one field: ids, references, thresholds, red flags,
approaches and profiles.

One check per function, each taking a :class:`~.base.BankData` and yielding ``Finding``\\ s, one
module per topic (like yamllint's rules), all registered in :data:`CHECKS`. To add a check: write
it in the module of its topic (or a new one) with a docstring, and list it here.
"""

from __future__ import annotations

from coprod_check.bank.checks.approaches import approach_conditions
from coprod_check.bank.checks.base import BankData, Check
from coprod_check.bank.checks.ids import (
    duplicate_approach_ids,
    duplicate_level_ids,
    duplicate_option_ids,
    duplicate_question_ids,
    duplicate_scale_ids,
    duplicate_section_ids,
    duplicate_source_ids,
)
from coprod_check.bank.checks.profiles import (
    no_profiles_in_approaches,
    profiles_have_no_consequence,
)
from coprod_check.bank.checks.red_flags import (
    no_flags_in_profiles,
    recommendation_answers_exist,
    red_flag_answers_exist,
    red_flags_at_worst_end,
)
from coprod_check.bank.checks.references import (
    level_sections,
    reserved_level_id,
    unknown_scales,
    unknown_sources,
)
from coprod_check.bank.checks.thresholds import (
    level_thresholds_in_order,
    section_thresholds_in_order,
    unreachable_levels,
)
from coprod_check.bank.checks.values import (
    empty_texts,
    finite_numbers,
    positive_weights,
    scales_have_two_values,
    schema_version_is_not_true,
)
from coprod_check.files.yaml_source import YamlDocument
from coprod_check.problems.schema_errors import Finding

#: Every semantic check, in the order they run (problems are sorted by position afterwards).
CHECKS: tuple[Check, ...] = (
    schema_version_is_not_true,
    duplicate_source_ids,
    duplicate_scale_ids,
    duplicate_option_ids,
    duplicate_section_ids,
    duplicate_question_ids,
    duplicate_level_ids,
    duplicate_approach_ids,
    unknown_sources,
    unknown_scales,
    level_sections,
    reserved_level_id,
    unreachable_levels,
    level_thresholds_in_order,
    section_thresholds_in_order,
    empty_texts,
    finite_numbers,
    positive_weights,
    scales_have_two_values,
    red_flag_answers_exist,
    no_flags_in_profiles,
    recommendation_answers_exist,
    red_flags_at_worst_end,
    approach_conditions,
    profiles_have_no_consequence,
    no_profiles_in_approaches,
)


def run_checks(doc: YamlDocument) -> list[Finding]:
    """Every semantic finding in ``doc`` (a bank's document), in check order."""
    bank = BankData(doc)
    return [finding for check in CHECKS for finding in check(bank)]
