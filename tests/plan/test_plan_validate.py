"""``validate`` on action plans: told apart by ``plan_version``, checked against the banks in
play, every problem with its code, line and column.

Each folder under ``fixtures/plan/invalid/`` holds one ``plan.yaml`` and ``expected.txt``, the
exact text ``coprod-check validate ../../bank.yaml plan.yaml`` prints when run in that folder
(the fixture bank, not the bundled ones, so the cases do not move when the bundled banks do).
Refresh after a deliberate change of wording with ``pytest --update-golden`` and review the diff.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from coprod_check.answers.loader import available_banks
from coprod_check.cli import app
from coprod_check.errors import CoprodError
from coprod_check.json_schema import plan_schema
from coprod_check.plan.loader import read_plan

FIXTURES = Path(__file__).parents[1] / "fixtures" / "plan"
BANK = FIXTURES / "bank.yaml"
CASES = sorted(path for path in (FIXTURES / "invalid").iterdir() if path.is_dir())
#: The only case whose problems are all warnings: validate passes, loading keeps the warning.
WARNINGS_ONLY = {"recommendation-changed"}
#: Every code the plan checks can give, each shown by at least one case.
CODES = {
    "not-a-date",
    "yaml-syntax",
    "unknown-bank",
    "duplicate-bank",
    "bank-not-listed",
    "unknown-question",
    "unknown-recommendation",
    "recommendation-changed",
    "duplicate-action",
    "duplicate-cycle",
    "duplicate-key",
    "unknown-cycle",
    "done-without-date",
    "date-but-not-done",
    "dropped-without-reason",
    "missing-field",
    "unknown-field",
    "wrong-type",
    "invalid-value",
}

runner = CliRunner()


def run(case: Path, monkeypatch: pytest.MonkeyPatch, *options: str) -> tuple[int, str]:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(case)
    result = runner.invoke(app, ["validate", *options, "../../bank.yaml", "plan.yaml"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_case_gives_exactly_the_expected_problems(
    case: Path, monkeypatch: pytest.MonkeyPatch, golden: Callable[[str | Path, str], None]
) -> None:
    code, out = run(case, monkeypatch)
    golden(case / "expected.txt", out)
    assert code == (0 if case.name in WARNINGS_ONLY else 1)


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.name)
def test_problems_are_placed_and_the_file_is_of_kind_plan(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, out = run(case, monkeypatch, "--format", "json")
    files = {file["path"]: file for file in json.loads(out)["files"]}
    assert files["../../bank.yaml"]["valid"]
    plan = files["plan.yaml"]
    assert plan["problems"], "every case has at least one problem"
    if case.name != "impossible-date":  # a YAML error: the file could not be told apart
        assert plan["kind"] == "plan"
    for problem in plan["problems"]:
        assert isinstance(problem["line"], int) and isinstance(problem["column"], int), problem


def test_every_code_is_shown_by_a_case(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: set[str] = set()
    for case in CASES:
        _, out = run(case, monkeypatch, "--format", "json")
        for file in json.loads(out)["files"]:
            seen.update(problem["code"] for problem in file["problems"])
    assert seen == CODES


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.name not in WARNINGS_ONLY], ids=lambda path: path.name
)
def test_loading_refuses_the_plan_with_its_first_problem(
    case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = run(case, monkeypatch)
    place, _, rest = out.splitlines()[0].partition(": error: ")
    message = rest.rsplit(" [", 1)[0]
    errors = sum(1 for line in out.splitlines() if ": error: " in line)
    more = f" (and {errors - 1} more problem" if errors > 1 else ""
    monkeypatch.chdir(case)
    with pytest.raises(CoprodError) as caught:
        read_plan(Path("plan.yaml"), available_banks([str(BANK)]))
    assert str(caught.value).startswith(f"{place}: {message}{more}")
    # validate counts a YAML error among the findings (1); a command cannot read the file (2)
    assert caught.value.exit_code == (2 if case.name == "impossible-date" else code)


def test_a_plan_with_warnings_only_loads_with_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES / "invalid" / "recommendation-changed")
    loaded = read_plan(Path("plan.yaml"), available_banks([str(BANK)]))
    assert [problem.code for problem in loaded.warnings] == ["recommendation-changed"]
    assert loaded.plan.actions[0].recommendation == "Get the funders on side before starting."


def test_the_three_cycle_plan_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES / "cycles")
    result = runner.invoke(app, ["validate", "../bank.yaml", "plan.yaml"])
    assert (result.exit_code, result.stdout) == (0, "2 files checked, all valid\n")


def _as_json(value: Any) -> Any:
    """YAML data as JSON would carry it (dates as text), for the JSON Schema validator."""
    return json.loads(json.dumps(value, default=str))


def test_the_json_schema_agrees_on_fields_and_types() -> None:
    schema = plan_schema()
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    good = _as_json(yaml.safe_load((FIXTURES / "cycles" / "plan.yaml").read_text()))
    assert list(validator.iter_errors(good)) == []
    bad = _as_json(yaml.safe_load((FIXTURES / "invalid" / "schema" / "plan.yaml").read_text()))
    assert len(list(validator.iter_errors(bad))) >= 5


def test_schema_command_prints_the_plan_schema() -> None:
    result = runner.invoke(app, ["schema", "--plan"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == plan_schema()
    assert json.loads(result.stdout)["$id"] == "urn:coprod-check:schema:plan:1"
    both = runner.invoke(app, ["schema", "--plan", "--answers"])
    assert (both.exit_code, both.stderr) == (
        2,
        "coprod-check: error: give --answers or --plan, not both\n",
    )
