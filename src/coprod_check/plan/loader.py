"""Plan file -> checked :class:`Plan`, or a one-line error naming the file and line.

Like answers files, a plan is checked against the banks in play (bundled, plus ``--bank``
files): its actions name questions and recommendations of those banks.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from coprod_check.bank.model import Bank
from coprod_check.errors import CoprodError
from coprod_check.files.kinds import refuse_other_kind
from coprod_check.files.yaml_source import YamlDocument, load_yaml, read_text
from coprod_check.plan.checks import check_and_parse
from coprod_check.plan.model import Plan
from coprod_check.problems import Problem

_PLAN_MARK = re.compile(r"^plan_version\s*:", re.MULTILINE)

#: Top-level keys of the other files coprod-check reads, and what to say when one of them is
#: given where a plan is expected.
_OTHER_FILES = {
    "schema_version": "this is a question bank, not an action plan",
    "answers_version": "this is an answers file, not an action plan (draft one with "
    "'coprod-check plan draft ANSWERS -o plan.yaml')",
    "mapping_version": "this is a mapping file (for 'aggregate --mapping'), not an action plan",
}


@dataclass(frozen=True, slots=True)
class LoadedPlan:
    """A checked plan, the file it came from and any warnings."""

    path: str
    plan: Plan
    warnings: list[Problem]


def read_plan(path: Path, banks: Sequence[Bank], display: str | None = None) -> LoadedPlan:
    """Read, check and parse a plan file.

    Raises ``InputError`` (exit 2) when the file cannot be read or is not YAML, and
    ``InvalidFileError`` (exit 1) naming the first problem's file and line when its content is
    wrong. Warnings are returned, not raised.
    """
    return plan_from_document(load_yaml(path, display or str(path)), banks)


def plan_from_document(doc: YamlDocument, banks: Sequence[Bank]) -> LoadedPlan:
    """The plan in ``doc``, as :func:`read_plan`."""
    refuse_other_kind(doc, "plan_version", _OTHER_FILES)
    checked = check_and_parse(doc, banks)
    plan, warnings = checked.accepted(doc.path, "not a valid action plan", doc.locate(()))
    return LoadedPlan(doc.path, plan, warnings)


def is_plan_file(path: Path) -> bool:
    """Whether ``path`` holds a plan (a top-level ``plan_version`` key), without parsing it.
    A file that cannot be read is not one: the command reading it will say why."""
    try:
        return _PLAN_MARK.search(read_text(path)) is not None
    except CoprodError:
        return False


def split_plans(paths: Sequence[Path]) -> tuple[list[Path], list[Path]]:
    """``paths`` parted into the other inputs and the plans, each in the order given."""
    plans = [path for path in paths if is_plan_file(path)]
    return [path for path in paths if path not in plans], plans


def read_plans(paths: Sequence[Path], banks: Callable[[], Sequence[Bank]]) -> list[LoadedPlan]:
    """Each plan, checked; ``banks`` is called only when there is a plan to check."""
    if not paths:
        return []
    known = banks()
    return [read_plan(path, known) for path in paths]


def plan_warnings(plans: Sequence[LoadedPlan]) -> list[str]:
    """Every warning of ``plans``, as the one-line text commands show."""
    return [str(warning) for loaded in plans for warning in loaded.warnings]
