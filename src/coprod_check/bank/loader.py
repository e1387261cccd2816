"""Load a question bank: a file becomes a validated :class:`Bank`, or the list of every problem.

A bank's problems come in three layers, all reported together and sorted by position: what the
YAML reader found (duplicate keys), what the schema says (pydantic, strict, mapped back to lines by
``schema_errors``) and what only the whole bank can tell (``bank.checks``). Bytes that cannot be
read at all raise :class:`InputError` (exit 2); everything wrong with the content, YAML syntax
included, is a :class:`Problem` (exit 1).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_check.bank.shape import certainly_valid
from coprod_check.errors import InputError, InvalidFileError, Location
from coprod_check.files.resources import bundled_bank_files
from coprod_check.files.yaml_source import YamlDocument, decode, parse_yaml, read_text
from coprod_check.problems import Problem, more_problems
from coprod_check.problems.codes import Code
from coprod_check.problems.wording import describe_kind

if TYPE_CHECKING:  # the models are imported when a bank is built, not to check one
    from importlib.resources.abc import Traversable

    from coprod_check.bank.model import Bank


class InvalidBankError(InvalidFileError):
    """A bank file was read but is not a valid bank; ``problems`` lists every reason."""

    def __init__(self, path: str, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0] if self.problems else None
        suffix = more_problems(path, len(self.problems))
        message = f"not a valid question bank: {first.message if first else 'invalid'}{suffix}"
        super().__init__(message, first.location if first else Location(path))


def parse_document(text: str, name: str) -> YamlDocument | Problem:
    """Parse YAML text; a file that is not one readable YAML document gives a :class:`Problem`."""
    try:
        return parse_yaml(text, name)
    except InputError as error:
        where = error.location or Location(name)
        return Problem(name, where.line, where.column, _parse_code(error.message), error.message)


def _parse_code(message: str) -> Code:
    if message.startswith(("the file is empty", "the file holds no YAML document")):
        return Code.EMPTY_FILE
    if "expands to more than" in message:
        return Code.TOO_MANY_VALUES
    return Code.YAML_SYNTAX


def examine_bank(doc: YamlDocument) -> tuple[Bank | None, list[Problem]]:
    """The bank in ``doc`` (``None`` if it has any error) and every problem found, sorted."""
    return _examine(doc, build=True)


def check_bank(doc: YamlDocument) -> list[Problem]:
    """Every problem in a bank's document, sorted by position (empty when it is valid).

    The pydantic models run only when :func:`bank.shape.certainly_valid` is unsure, so checking
    valid banks (``validate`` as a pre-commit hook) never imports them; their errors are the
    ones reported whenever there are any.
    """
    return _examine(doc, build=False)[1]


def _examine(doc: YamlDocument, *, build: bool) -> tuple[Bank | None, list[Problem]]:
    problems = list(doc.problems)
    if not isinstance(doc.data, dict):
        problems.append(
            doc.problem(
                (),
                Code.NOT_A_MAPPING,
                f"the top level is {describe_kind(doc.data)}, not a mapping of fields; "
                "a bank starts with 'schema_version: 1'",
            )
        )
        return None, sorted(problems, key=Problem.sort_key)
    bank: Bank | None = None
    bad_paths: set[tuple[str | int, ...]] = set()
    if build or not certainly_valid(doc.data):
        from pydantic import ValidationError

        from coprod_check.bank.model import Bank

        try:
            bank = Bank.model_validate(doc.data, strict=True)
        except ValidationError as error:
            from coprod_check.problems.schema_errors import schema_findings

            findings = schema_findings(error, doc.data, Bank.schema_model())
            bad_paths = {finding.path for finding in findings}
            problems += [finding.place(doc) for finding in findings]
    from coprod_check.bank.checks import run_checks  # not needed for a cached bundled bank

    problems += [f.place(doc) for f in run_checks(doc) if f.path not in bad_paths]
    problems.sort(key=Problem.sort_key)
    if any(problem.severity == "error" for problem in problems):
        bank = None
    return bank, problems


def bank_from_document(doc: YamlDocument) -> Bank:
    """The valid bank in ``doc``, or :class:`InvalidBankError` listing every problem."""
    bank, problems = examine_bank(doc)
    if bank is None:
        raise InvalidBankError(doc.path, [p for p in problems if p.severity == "error"])
    return bank


def load_bank(path: Path, display: str | None = None) -> Bank:
    """Read, parse and check a bank file.

    Raises :class:`InputError` (exit 2) when the file cannot be read and
    :class:`InvalidBankError` (exit 1) when its content is wrong, listing every problem.
    """
    name = display or str(path)
    return _bank_from_text(read_text(path, name), name)


def _bank_from_text(text: str, name: str) -> Bank:
    parsed = parse_document(text, name)
    if isinstance(parsed, Problem):
        raise InvalidBankError(name, [parsed])
    return bank_from_document(parsed)


def bundled_display(item: Traversable) -> str:
    """How to name a bundled bank in messages: relative to here when it is below, else in full."""
    if isinstance(item, Path):
        text = str(item)
        try:
            relative = os.path.relpath(item)
        except ValueError:
            return text
        return text if relative.startswith("..") else relative
    return f"coprod_check/questionnaires/{item.name}"


def read_bundled(item: Traversable) -> str:
    """The text of a bundled bank (read through importlib.resources, so it works from a wheel)."""
    name = bundled_display(item)
    try:
        raw = item.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", Location(name)) from None
    return decode(raw, name)


def bundled_files() -> list[Traversable]:
    """The bundled bank files; :class:`InputError` if the installation has lost them."""
    try:
        items = bundled_bank_files()
    except OSError as error:
        items, reason = [], f" ({error.strerror or error})"
    else:
        reason = ""
    if not items:
        raise InputError(
            f"no bundled question banks found{reason}; the installation looks incomplete"
        )
    return items


def _bundled_bank(text: str, name: str) -> Bank:
    """A bundled bank: from the cache when it holds this text's checked data (see
    :mod:`coprod_check.bank.cache`), else read, checked, and remembered."""
    from coprod_check.bank import cache
    from coprod_check.bank.model import Bank
    from coprod_check.records import from_data, plain

    data = cache.cached_data(text)
    if data is not None and certainly_valid(data):  # what the models would accept as it is
        return from_data(Bank, data)
    parsed = parse_document(text, name)
    if isinstance(parsed, Problem):
        raise InvalidBankError(name, [parsed])
    bank = bank_from_document(parsed)
    cache.remember(text, plain(bank))
    return bank


@functools.cache
def _bundled_banks() -> tuple[Bank, ...]:
    return tuple(
        _bundled_bank(read_bundled(item), bundled_display(item)) for item in bundled_files()
    )


def load_bundled_banks() -> list[Bank]:
    """The banks that ship with coprod-check, in file-name order (read once, then cached)."""
    return list(_bundled_banks())
