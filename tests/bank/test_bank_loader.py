"""``bank_loader``: load_bank, load_bundled_banks, and what validate imports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from coprod_check.bank.loader import (
    InvalidBankError,
    load_bank,
    load_bundled_banks,
    parse_document,
)
from coprod_check.errors import EXIT_FINDINGS, EXIT_USAGE, InputError
from coprod_check.problems import Problem

FIXTURES = Path(__file__).parents[1] / "fixtures" / "banks"


def test_load_bank_returns_the_bank() -> None:
    bank = load_bank(FIXTURES / "valid" / "full.yaml")
    assert bank.id == "full-fixture"
    assert [level.id for level in bank.levels] == ["low", "high"]


def test_load_bank_error_is_one_line_and_keeps_every_problem() -> None:
    path = FIXTURES / "invalid" / "unknown-fields" / "bank.yaml"
    with pytest.raises(InvalidBankError) as caught:
        load_bank(path, "bank.yaml")
    error = caught.value
    assert error.exit_code == EXIT_FINDINGS
    expected = (path.parent / "expected.txt").read_text().splitlines()[:-1]
    assert [str(problem) for problem in error.problems] == expected
    assert str(error) == (
        "bank.yaml:2:1: not a valid question bank: missing required field 'title' "
        "(and 5 more problems; 'coprod-check validate bank.yaml' lists them all)"
    )


def test_load_bank_syntax_error_is_a_finding_and_binary_is_unreadable(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema_version: 1\nid: [unclosed\n")
    with pytest.raises(InvalidBankError) as caught:
        load_bank(broken)
    assert caught.value.exit_code == EXIT_FINDINGS
    assert [p.code for p in caught.value.problems] == ["yaml-syntax"]
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\x00\x01")
    with pytest.raises(InputError) as unreadable:
        load_bank(binary)
    assert unreadable.value.exit_code == EXIT_USAGE
    assert str(unreadable.value) == f"{binary}:1: binary content (a NUL byte): not a text file"


def test_bundled_banks_load_once_and_in_name_order() -> None:
    first = load_bundled_banks()
    second = load_bundled_banks()
    assert [bank.id for bank in first] == [
        "inclusion-and-conditions",
        "malby-do-dont",
        "needham-carr-levels",
        "right-circumstances",
        "sharing-the-work",
        "still-genuine",
    ]
    assert all(a is b for a, b in zip(first, second, strict=True))
    assert first is not second  # callers may change their list without harming the cache


@pytest.mark.parametrize(
    ("text", "line", "column", "code"),
    [
        ("", 1, None, "empty-file"),
        ("a: 1\n---\nb: 2\n", 2, 1, "yaml-syntax"),
        ("version: 2026-02-30\n", 1, 10, "yaml-syntax"),
        ("a: &x text\nb:\n  <<: *x\n", 3, 3, "yaml-syntax"),
        ("a: !!int nope\n", 1, 4, "yaml-syntax"),
    ],
)
def test_parse_document_turns_unparseable_text_into_a_problem(
    text: str, line: int | None, column: int | None, code: str
) -> None:
    problem = parse_document(text, "f.yaml")
    assert isinstance(problem, Problem)
    assert (problem.line, problem.column, problem.code) == (line, column, code)


def test_validate_imports_no_rich_jinja2_or_scoring() -> None:
    code = (
        "import sys\n"
        "from coprod_check.cli import app\n"
        "try:\n"
        "    app(['validate'], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('rich', 'jinja2')\n"
        "         or m.startswith(('coprod_check.scoring', 'coprod_check.scoring.report'))]\n"
        "print(sorted(heavy))\n"
        "print('coprod_check.bank.checks' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.splitlines()[-2:] == ["[]", "True"]
