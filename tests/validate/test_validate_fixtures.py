"""Golden tests: every fixture bank gives exactly the validate output stored beside it.

Each folder under ``fixtures/banks/invalid/`` holds one bad file and ``expected.txt``, the exact
text ``coprod-check validate <file>`` prints when run in that folder. The exit code follows from
the summary line: 2 when a file is unreadable, otherwise 1.

To refresh the golden files after a deliberate change of wording, run
``pytest --update-golden tests/validate/test_validate_fixtures.py`` and review the diff.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coprod_check.cli import app

FIXTURES = Path(__file__).parents[1] / "fixtures" / "banks"
VALID = sorted((FIXTURES / "valid").glob("*.yaml"))
INVALID = sorted(path for path in (FIXTURES / "invalid").iterdir() if path.is_dir())


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def _bad_file(case: Path) -> Path:
    files = [path for path in case.iterdir() if path.name != "expected.txt"]
    assert len(files) == 1, f"{case} must hold exactly one file besides expected.txt"
    return files[0]


def test_there_are_enough_fixtures() -> None:
    assert len(VALID) >= 2
    assert len(INVALID) >= 20


@pytest.mark.parametrize("path", VALID, ids=lambda path: path.name)
def test_valid_fixture_passes(path: Path) -> None:
    result = CliRunner().invoke(app, ["validate", str(path)])
    assert result.stdout == "1 file checked, all valid\n"
    assert result.exit_code == 0


@pytest.mark.parametrize("case", INVALID, ids=lambda path: path.name)
def test_invalid_fixture_gives_golden_output(
    case: Path, monkeypatch: pytest.MonkeyPatch, golden: Callable[[str | Path, str], None]
) -> None:
    bad = _bad_file(case)
    monkeypatch.chdir(case)
    result = CliRunner().invoke(app, ["validate", bad.name])
    golden(case / "expected.txt", result.stdout)
    unreadable = "unreadable" in result.stdout.splitlines()[-1]
    assert result.exit_code == (2 if unreadable else 1)
    assert result.exception is None or isinstance(result.exception, SystemExit)


@pytest.mark.parametrize("case", INVALID, ids=lambda path: path.name)
def test_every_problem_line_names_the_file_and_a_position(case: Path) -> None:
    lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    bad = _bad_file(case).name
    assert len(lines) >= 2
    for line in lines[:-1]:
        assert line.startswith(f"{bad}:"), line
        assert ": error: " in line and line.endswith("]"), line
    assert lines[-1].startswith("1 file checked, ")


def test_problems_are_sorted_by_position() -> None:
    for case in INVALID:
        lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()[:-1]
        positions = []
        for line in lines:
            parts = line.split(": error: ")[0].split(":")[1:]
            positions.append(tuple(int(part) for part in parts))
        assert positions == sorted(positions), case.name


def test_broken_copy_of_bundled_bank_reports_each_of_its_eleven_breakages() -> None:
    """The header of the copy lists eleven breakages; each has its own line in the output."""
    expected = (FIXTURES / "invalid" / "broken-bundled-copy" / "expected.txt").read_text()
    codes = [line.rsplit("[", 1)[1].rstrip("]") for line in expected.splitlines()[:-1]]
    assert codes.count("unknown-reference") == 3  # scale, source, level section
    assert {"wrong-type", "threshold-order", "duplicate-id", "duplicate-key", "unknown-field"} <= (
        set(codes)
    )
    assert {"missing-field", "red-flag-order", "invalid-value"} <= set(codes)
    assert expected.splitlines()[-1] == "1 file checked, 12 errors in 1 file"
