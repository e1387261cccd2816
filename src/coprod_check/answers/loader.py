"""Answers file -> checked :class:`AnswersFile` plus the banks it answers, or a one-line error.

Also decides which banks are available: the bundled ones, plus bank files named with
``--bank PATH`` (a file with the id of a bundled bank replaces it).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from coprod_check.answers.checks import check_and_parse
from coprod_check.answers.model import AnswersFile
from coprod_check.bank.model import Bank
from coprod_check.errors import UsageError
from coprod_check.files.kinds import is_yaml_name, refuse_other_kind
from coprod_check.files.yaml_source import YamlDocument, parse_yaml, read_text
from coprod_check.problems import Problem


class LoadedAnswers:
    """A checked answers file, the banks it lists (in its order) and any warnings."""

    __slots__ = ("answers", "banks", "warnings")

    def __init__(self, answers: AnswersFile, banks: list[Bank], warnings: list[Problem]) -> None:
        self.answers = answers
        self.banks = banks
        self.warnings = warnings


def load_answers(path: Path, banks: Sequence[Bank]) -> tuple[AnswersFile, list[Bank]]:
    """Load ``path`` against the available ``banks``; see :func:`read_answers`."""
    loaded = read_answers(path, banks)
    return loaded.answers, loaded.banks


def read_answers(path: Path, banks: Sequence[Bank], display: str | None = None) -> LoadedAnswers:
    """Read, check and parse an answers file.

    Raises ``InputError`` (exit 2) when the file cannot be read or is not YAML, and
    ``InvalidFileError`` (exit 1) naming the first problem's file and line when its content is
    wrong. Warnings (such as a different bank version) are returned, not raised.
    """
    name = display or str(path)
    text = read_text(path, name)
    return _finish(parse_yaml(text, name), banks)


def parse_answers(text: str, name: str, banks: Sequence[Bank]) -> LoadedAnswers:
    """Like :func:`read_answers`, for text already in memory."""
    return _finish(parse_yaml(text, name), banks)


#: Top-level keys of the other files coprod-check reads or writes, and what to say when one of
#: them is given where an answers file is expected.
_OTHER_FILES = {
    "schema_version": "this is a question bank, not an answers file (give banks with --bank)",
    "result_version": "this is a result saved by 'coprod-check score', not an answers file",
    "aggregate_version": "this is a result saved by 'coprod-check aggregate', not an answers file",
    "compare_version": "this is a result saved by 'coprod-check compare', not an answers file",
    "mapping_version": "this is a mapping file (for 'aggregate --mapping'), not an answers file",
}


def _finish(doc: YamlDocument, banks: Sequence[Bank]) -> LoadedAnswers:
    refuse_other_kind(doc, "answers_version", _OTHER_FILES)
    checked = check_and_parse(doc, banks)
    answers, warnings = checked.accepted(doc.path, "not a valid answers file", doc.locate(()))
    by_id = {bank.id: bank for bank in banks}
    chosen = [by_id[ref.id] for ref in answers.banks]
    return LoadedAnswers(answers, chosen, warnings)


def _is_path(choice: str) -> bool:
    return is_yaml_name(choice) or "/" in choice or "\\" in choice or Path(choice).is_file()


def _bundled() -> list[Bank]:
    from coprod_check.bank.loader import load_bundled_banks

    return list(load_bundled_banks())


def _from_file(choice: str) -> Bank:
    from coprod_check.bank.loader import load_bank

    return load_bank(Path(choice))


def available_banks(extra: Sequence[str]) -> list[Bank]:
    """Banks an answers file may name: bank files from ``extra`` first, then the bundled ones.

    ``extra`` holds ``--bank`` values: paths to bank files, or ids of bundled banks (accepted
    and checked, but they add nothing). A file whose id is that of a bundled bank replaces it.
    """
    bundled = _bundled()
    bundled_ids = [bank.id for bank in bundled]
    files: list[Bank] = []
    for choice in extra:
        if _is_path(choice):
            bank = _from_file(choice)
            if any(other.id == bank.id for other in files):
                raise UsageError(f"two --bank files have the same bank id {bank.id!r}")
            files.append(bank)
        elif choice not in bundled_ids:
            raise UsageError(_unknown_bank_message(choice, bundled_ids))
    replaced = {bank.id for bank in files}
    return files + [bank for bank in bundled if bank.id not in replaced]


def select_banks(choices: Sequence[str]) -> list[Bank]:
    """The banks named by ``choices`` (bundled ids or bank file paths) in the order given; the
    bundled banks answered by default (``default: true``) when ``choices`` is empty. Naming one
    bank twice is a usage error."""
    bundled = _bundled()
    if not choices:
        return [bank for bank in bundled if bank.default]
    by_id = {bank.id: bank for bank in bundled}
    chosen: list[Bank] = []
    for choice in choices:
        if _is_path(choice):
            bank = _from_file(choice)
        elif choice in by_id:
            bank = by_id[choice]
        else:
            raise UsageError(_unknown_bank_message(choice, list(by_id)))
        if any(other.id == bank.id for other in chosen):
            raise UsageError(f"bank {bank.id!r} is named twice with --bank")
        chosen.append(bank)
    return chosen


def _unknown_bank_message(choice: str, bundled: Sequence[str]) -> str:
    known = ", ".join(bundled) or "none"
    return (
        f"--bank {choice}: no bundled bank has this id (bundled: {known}); "
        "give a path to a bank file instead"
    )
