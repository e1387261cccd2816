"""``validate`` on aggregate mapping files: told apart by ``mapping_version``, checked with
aggregate's own ``check_mapping`` against the banks in play (those in the run, then the bundled
banks whose id none of them uses, as ``aggregate --bank`` has them).

Each folder under ``fixtures/validate-mapping/`` holds the files of one run and ``expected.txt``,
the exact text ``coprod-check validate <every file, sorted>`` prints when run in that folder.
Refresh after a deliberate change of wording with
``pytest --update-golden tests/validate/test_validate_mapping.py`` and review the diff.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from coprod_check.aggregate.bank_index import BankIndex
from coprod_check.aggregate.mapping import InvalidMappingError, load_mapping
from coprod_check.answers.loader import available_banks
from coprod_check.files.kinds import kind_of
from coprod_check.validate.run import validate_paths
from validate_cases import case_inputs, check_golden, run_case

FIXTURES = Path(__file__).parents[1] / "fixtures" / "validate-mapping"
CASES = sorted(path for path in FIXTURES.iterdir() if path.is_dir())
EXIT_CODES = {
    "bank-with-errors": 1,
    "bundled-banks": 0,
    "mistakes": 1,
    "own-bank": 0,
    "replaced-bundled": 1,
    "shared-question-id": 1,
    "wrong-shape": 1,
}


def test_every_case_has_its_exit_code() -> None:
    assert sorted(case.name for case in CASES) == sorted(EXIT_CODES)


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_case_gives_golden_output(
    case: Path, monkeypatch: pytest.MonkeyPatch, golden: Callable[[str | Path, str], None]
) -> None:
    check_golden(case, monkeypatch, EXIT_CODES[case.name], golden)


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_mapping_files_are_of_kind_mapping_with_placed_problems(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = run_case(case, monkeypatch, "--format", "json")
    document: dict[str, Any] = json.loads(out)
    files = {file["path"]: file for file in document["files"]}
    assert files["mapping.yaml"]["kind"] == "mapping"
    for problem in files["mapping.yaml"]["problems"]:
        assert isinstance(problem["line"], int) and isinstance(problem["column"], int), problem
        assert problem["severity"] == "error"
    assert files["mapping.yaml"]["valid"] == (not files["mapping.yaml"]["problems"])
    assert document["summary"]["exit_code"] == code == EXIT_CODES[case.name]


def test_a_valid_mapping_with_its_bank_is_reported_as_both_kinds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, out = run_case(FIXTURES / "own-bank", monkeypatch, "--format", "json")
    kinds = {file["path"]: (file["kind"], file["valid"]) for file in json.loads(out)["files"]}
    assert kinds == {"bank.yaml": ("bank", True), "mapping.yaml": ("mapping", True)}
    assert code == 0


# Runs whose banks all load, so that aggregate can be given the same banks with --bank.
AGGREGATE_CASES = [case for case in CASES if case.name != "bank-with-errors"]


@pytest.mark.parametrize("case", AGGREGATE_CASES, ids=lambda path: path.name)
def test_validate_finds_what_aggregate_finds(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(case)
    names = case_inputs(case)
    report = validate_paths([Path(name) for name in names])
    from_validate = [
        str(problem)
        for file in report.files
        if file.path == "mapping.yaml"
        for problem in file.problems
    ]
    bank_files = [name for name in names if name != "mapping.yaml"]
    index = BankIndex(available_banks(bank_files))
    try:
        load_mapping(Path("mapping.yaml"), index)
    except InvalidMappingError as error:
        from_aggregate = [str(problem) for problem in error.problems]
    else:
        from_aggregate = []
    assert from_validate == from_aggregate
    assert bool(from_validate) == (EXIT_CODES[case.name] == 1)


def test_github_annotations_place_mapping_problems(monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = run_case(FIXTURES / "replaced-bundled", monkeypatch, "--format", "github")
    assert out.splitlines()[0] == (
        "::error file=mapping.yaml,line=5,col=3,title=coprod-check unknown-question::"
        "'inett-aims-important-to-everyone' is not a question id of the banks in use"
    )
    assert code == 1


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ({"mapping_version": 1}, "mapping"),
        ({"mapping_version": 2, "columns": []}, "mapping"),
        ({"schema_version": 1, "mapping_version": 1}, "bank"),
        ({"answers_version": 1, "mapping_version": 1}, "answers"),
        ({"mapping_versoin": 1}, None),
        ([{"mapping_version": 1}], None),
    ],
)
def test_kind_comes_from_the_top_level_keys(data: Any, kind: str | None) -> None:
    assert kind_of(data) == kind


def test_a_misspelt_marker_is_not_ours_and_says_what_a_mapping_starts_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mapping.yaml").write_text('mapping_versoin: 1\ncolumns:\n  "A": role\n')
    code, out = run_case(tmp_path, monkeypatch)
    assert out == (
        "mapping.yaml:1:1: error: not a coprod-check bank, answers, mapping or plan file: a "
        "bank starts with 'schema_version: 1', an answers file with 'answers_version: 1', a "
        "mapping file with 'mapping_version: 1' and a plan with 'plan_version: 1' "
        "[not-coprod-file]\n"
        "1 file checked, 1 error in 1 file\n"
    )
    assert code == 1


_IMPORTED = (
    "import sys\n"
    "from coprod_check.cli import app\n"
    "try:\n"
    "    app(['validate', *sys.argv[1:]], standalone_mode=False)\n"
    "except SystemExit:\n"
    "    pass\n"
    "print(sorted(m for m in sys.modules if m.startswith('coprod_check.')))\n"
)


def _imported(*paths: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", _IMPORTED, *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    imported: list[str] = json.loads(done.stdout.splitlines()[-1].replace("'", '"'))
    return imported


def _aggregate(modules: list[str]) -> list[str]:
    return [module for module in modules if module.startswith("coprod_check.aggregate")]


def test_checkers_are_imported_only_when_their_files_turn_up() -> None:
    bundled = _imported()
    assert _aggregate(bundled) == []
    assert "coprod_check.bank.clashes" not in bundled
    answers = Path(__file__).parents[1] / "fixtures" / "answers"
    with_banks = _imported(answers / "banks", answers / "valid" / "two-banks")
    assert _aggregate(with_banks) == []
    assert "coprod_check.bank.clashes" in with_banks
    with_mapping = _imported(FIXTURES / "own-bank")
    assert "coprod_check.aggregate.mapping" in with_mapping
