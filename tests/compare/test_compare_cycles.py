"""Workshops compared across cycles: cycle dates in aggregate JSON, --label, each role group."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from aggregate_samples import BANK_PATH, HERE, WORKSHOP
from coprod_check.cli import app

runner = CliRunner()
APRIL = HERE / "encodings" / "utf-8.csv"


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(arg) for arg in args])
    return result.exit_code, result.stdout, result.stderr


def aggregate_json(tmp_path: Path, source: Path, name: str, *extra: str) -> Path:
    target = tmp_path / name
    code, _, err = invoke(
        "aggregate", source, "-b", BANK_PATH, "--min-group-size", "1", "-o", target, *extra
    )
    assert code == 0, err
    return target


def test_aggregate_json_carries_the_cycle_date(tmp_path: Path) -> None:
    saved = aggregate_json(tmp_path, WORKSHOP, "jan.json", "--date", "2026-01-15")
    data: dict[str, Any] = json.loads(saved.read_text(encoding="utf-8"))
    assert data["date"] == "2026-01-15"
    assert data["settings"]["date"] == "2026-01-15"
    assert data["overall"]["respondent"]["date"] == "2026-01-15"
    undated = aggregate_json(tmp_path, WORKSHOP, "undated.json")
    assert json.loads(undated.read_text(encoding="utf-8"))["date"] is None
    code, _, err = invoke("aggregate", WORKSHOP, "-b", BANK_PATH, "--date", "15/01/2026")
    assert (code, err) == (
        2,
        "coprod-check: error: --date 15/01/2026: give the cycle's date as YYYY-MM-DD\n",
    )


def test_answers_files_give_the_latest_of_their_dates(tmp_path: Path) -> None:
    files = []
    for number, day in enumerate(["2026-03-02", "2026-03-09"], start=1):
        path = tmp_path / f"r{number}.yaml"
        path.write_text(
            "answers_version: 1\nbanks: [{id: aggregate-fixture}]\n"
            f"respondent: {{role: carer, date: {day}}}\nanswers: {{power-shared: agree}}\n",
            encoding="utf-8",
        )
        files.append(path)
    code, out, err = invoke("aggregate", *files, "-b", BANK_PATH, "-f", "json")
    assert code == 0, err
    assert json.loads(out)["date"] == "2026-03-09"


def test_workshops_compared_by_date_with_labels_and_each_role_group(tmp_path: Path) -> None:
    april = aggregate_json(tmp_path, APRIL, "april.json", "--date", "2026-04-20")
    january = aggregate_json(tmp_path, WORKSHOP, "january.json", "--date", "2026-01-15")
    # Given out of order: the dates put January first; the labels follow their files.
    code, out, err = invoke(
        "compare", april, january, "--label", "April", "--label", "January", "-f", "json"
    )
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert [(p["label"], p["date"]) for p in data["points"]] == [
        ("January", "2026-01-15"),
        ("April", "2026-04-20"),
    ]
    groups = {group["group"]: group for group in data["groups"]}
    assert list(groups) == ["everyone", "person who uses services", "carer", "frontline staff"]
    carers = groups["carer"]
    assert carers["respondents"] == [1, 1]
    assert len(carers["verdicts"]) == 2 and all(carers["verdicts"])
    staff = groups["frontline staff"]
    power = next(s for s in staff["sections"] if s["section_id"] == "power")
    assert power["scores"] == [75.0, 68.75]
    assert power["change"] == pytest.approx(-6.25)
    code, text, _ = invoke("compare", april, january, "-l", "April", "-l", "January")
    assert code == 0
    flowing = " ".join(text.split())
    assert "By role group" in text
    assert "Section scores of a workshop (an aggregate result) are here those of everyone's" in (
        flowing
    )
    workbook = tmp_path / "progress.xlsx"
    assert invoke("compare", april, january, "-o", workbook)[0] == 0
    assert "Groups" in load_workbook(workbook).sheetnames


def test_labels_must_match_the_inputs(tmp_path: Path) -> None:
    april = aggregate_json(tmp_path, APRIL, "april.json")
    january = aggregate_json(tmp_path, WORKSHOP, "january.json")
    assert invoke("compare", january, april, "--label", "Jan") == (
        2,
        "",
        "coprod-check: error: --label given 1 time(s) for 2 inputs: give one label per input, "
        "in the same order\n",
    )
    code, _, err = invoke("compare", january, april, "-l", "Same", "-l", "Same")
    assert (code, err) == (2, "coprod-check: error: --label: each cycle needs a label of its own\n")


@pytest.mark.parametrize("name", ["workshop.csv", "export.xlsx"])
def test_a_form_export_given_to_compare_says_to_aggregate_it_first(
    tmp_path: Path, name: str
) -> None:
    export = tmp_path / name
    export.write_bytes(WORKSHOP.read_bytes())
    january = aggregate_json(tmp_path, WORKSHOP, "january.json")
    assert invoke("compare", january, export) == (
        2,
        "",
        f"coprod-check: error: {export}: a form export, not an assessment: run 'coprod-check "
        f"aggregate {export} -f json -o cycle.json' first, then compare the JSON results\n",
    )
