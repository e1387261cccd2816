"""Imports from the forms people use: Excel workbooks and CSVs in the encodings Excel writes.

One workshop is stored in every format (``fixtures/aggregate/encodings``, written by its
``make.py``); each must give exactly the result the UTF-8 CSV gives, notes included. A file
that cannot be read names its file and row, with exit code 2.
"""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from typer.testing import CliRunner

from aggregate_samples import BANK_PATH, HERE
from coprod_check.aggregate.xlsx_source import cell_text
from coprod_check.cli import app

runner = CliRunner()
ENCODINGS = HERE / "encodings"
TEXT_EXPORTS = ["utf-8.csv", "utf-8-bom.csv", "utf-16.csv", "windows-1252.csv"]


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [*(str(arg) for arg in args)])
    return result.exit_code, result.stdout, result.stderr


def aggregate_json(*args: str | Path) -> dict[str, Any]:
    code, out, err = invoke(
        "aggregate", *args, "--bank", BANK_PATH, "-f", "json", "--include-notes"
    )
    assert (code, err) == (0, "")
    data: dict[str, Any] = json.loads(out)
    return data


def without_inputs(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key not in ("inputs", "warnings")}


@pytest.mark.parametrize("name", TEXT_EXPORTS)
def test_every_encoding_gives_the_utf8_result(name: str) -> None:
    expected = aggregate_json(ENCODINGS / "utf-8.csv")
    got = aggregate_json(ENCODINGS / name)
    assert without_inputs(got) == without_inputs(expected)
    notes = {note["text"] for note in got["notes"]}
    assert {"Café meetings work", "£5 bus fare is a barrier", "“Upstairs” decides"} <= notes
    assert got["inputs"][0]["respondents"] == 5


def test_encoding_can_be_given_and_a_wrong_one_names_the_row() -> None:
    path = ENCODINGS / "windows-1252.csv"
    assert aggregate_json(path, "--encoding", "cp1252") == aggregate_json(path)
    code, out, err = invoke("aggregate", path, "--bank", BANK_PATH, "--encoding", "utf-8")
    assert (code, out) == (2, "")
    assert err == (
        f"coprod-check: error: {path}:2: not valid UTF-8 (byte 0xe9); save the export as "
        "'CSV UTF-8' and try again\n"
    )


def test_an_unknown_encoding_is_a_usage_error() -> None:
    code, _, err = invoke(
        "aggregate", ENCODINGS / "utf-8.csv", "--bank", BANK_PATH, "--encoding", "klingon"
    )
    assert code == 2
    assert err == (
        "coprod-check: error: --encoding klingon: not an encoding Python knows; try utf-8, "
        "utf-16 or cp1252 (Windows-1252)\n"
    )


def test_a_bad_byte_past_the_detected_start_names_its_row_and_the_way_out(tmp_path: Path) -> None:
    # Detection reads the first 4 MiB: a Windows-1252 byte after them is met while counting.
    rows = "".join(f"R{n},Carer,Agree\n" for n in range(2, 300_002))
    path = tmp_path / "late.csv"
    path.write_bytes(
        b"respondent,role,power-shared\n" + rows.encode() + b"R300002,Carer,Don\x92t know\n"
    )
    code, _, err = invoke("aggregate", path, "--bank", BANK_PATH)
    assert code == 2
    assert err == (
        f"coprod-check: error: {path}:300002: not valid UTF-8 (byte 0x92); the start of the "
        "file is UTF-8 but this is not: if it was saved by Excel as plain 'CSV', try "
        "--encoding cp1252, or save it as 'CSV UTF-8'\n"
    )
    code, out, _ = invoke(
        "aggregate", path, "--bank", BANK_PATH, "--encoding", "cp1252", "-f", "json"
    )
    assert code == 0
    assert json.loads(out)["respondents"] == 300_001


# -- Excel workbooks ----------------------------------------------------------------------


def test_a_microsoft_forms_workbook_is_drafted_and_aggregated(tmp_path: Path) -> None:
    workbook = ENCODINGS / "microsoft-forms.xlsx"
    mapping = tmp_path / "mapping.yaml"
    code, _, err = invoke("mapping", "draft", workbook, "--bank", BANK_PATH, "-o", mapping)
    assert (code, err) == (0, f"coprod-check: wrote {mapping}\n")
    text = mapping.read_text(encoding="utf-8")
    assert '  "Start time": ignore  # form metadata; not needed' in text
    assert '  "Which of these best describes you?": role' in text
    assert '  "Don’t know": dont-know' in text
    from_workbook = aggregate_json(workbook, "--mapping", mapping)
    from_csv = aggregate_json(ENCODINGS / "utf-8.csv")
    for part in ("groups", "questions", "sections", "outcomes", "gaps"):
        assert from_workbook[part] == from_csv[part], part
    assert from_workbook["inputs"][0] == {
        "path": str(workbook),
        "kind": "csv",
        "respondents": 5,
        "skipped": 0,
        "blank_rows": 0,
        "skipped_rows": [],
    }


def _workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_bad_cell_in_a_workbook_names_the_file_and_sheet_row(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "export.xlsx",
        [
            [None],  # a blank first row: the header is the first row with a value
            ["respondent", "role", "power-shared"],
            ["R1", "Carer", "Agree"],
            [],
            ["R2", "Carer", "Maybe"],
            ["R3", "Carer", 3.0],
        ],
    )
    code, out, err = invoke("aggregate", path, "--bank", BANK_PATH, "-f", "json")
    assert code == 1
    assert err.splitlines() == [
        f"coprod-check: skipped: {path}:5: unknown answer 'Maybe' to 'power-shared'; expected "
        "one of: 'Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', "
        "'Strongly agree', \"Don't know\" (or map the label in a mapping file's answers:)",
        f"coprod-check: skipped: {path}:6: unknown answer '3' to 'power-shared'; expected "
        "one of: 'Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', "
        "'Strongly agree', \"Don't know\" (or map the label in a mapping file's answers:)",
    ]
    data = json.loads(out)
    assert data["inputs"][0]["skipped_rows"] == [5, 6]
    assert data["inputs"][0]["blank_rows"] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"PK\x03\x04 not really",
            "not an Excel .xlsx workbook (it is not a zip file); an old .xls? save it as .xlsx "
            "or 'CSV UTF-8'",
        ),
        (
            b"",
            "not an Excel .xlsx workbook (it is not a zip file); an old .xls? save it as "
            ".xlsx or 'CSV UTF-8'",
        ),
    ],
)
def test_a_broken_workbook_is_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(content)
    assert invoke("aggregate", path, "--bank", BANK_PATH) == (
        2,
        "",
        f"coprod-check: error: {path}: {message}\n",
    )


def test_a_zip_that_is_not_a_workbook_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "other.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hello")
    code, _, err = invoke("mapping", "draft", path, "--bank", BANK_PATH)
    assert code == 2
    assert err.startswith(f"coprod-check: error: {path}: cannot read this Excel workbook (")
    assert err.endswith("open it in Excel and save it again as .xlsx, or as 'CSV UTF-8'\n")
    assert len(err.splitlines()) == 1


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    code, _, err = invoke("aggregate", path, "--bank", BANK_PATH)
    assert (code, err) == (
        2,
        f"coprod-check: error: {path}: the workbook unpacks to 20 MB; too large for a form "
        "export (save it as 'CSV UTF-8' if it is one)\n",
    )


def test_the_fixture_workbook_is_what_forms_exports() -> None:
    # Typed cells as Forms writes them: a number id and real dates, read back as CSV text.
    sheet = load_workbook(ENCODINGS / "microsoft-forms.xlsx", read_only=True).worksheets[0]
    first = next(sheet.iter_rows(min_row=2, max_row=2, values_only=True))
    assert first[0] == 1 and first[1] is not None and first[1].year == 2026


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        ("Agree", "Agree"),
        (3, "3"),
        (3.0, "3"),
        (2.5, "2.5"),
        (True, "TRUE"),
        (dt.datetime(2026, 3, 1, 10, 4, 40), "2026-03-01 10:04:40"),
        (dt.date(2026, 3, 1), "2026-03-01"),
    ],
)
def test_workbook_cells_read_as_a_csv_export_holds_them(value: object, text: str) -> None:
    assert cell_text(value) == text
