"""CSV input: streamed counting equals counting respondents one by one; bad rows are named.

Every malformed file gives one line naming the file and spreadsheet row (the header is row 1)
and a fixed exit code: 2 when the file cannot be used at all, 1 when bad rows were skipped or
stopped the run.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from aggregate_samples import BANK_PATH, HERE, RESPONDENTS, WORKSHOP, fixture_bank, settings
from coprod_check.aggregate.bank_index import BankIndex
from coprod_check.aggregate.engine import aggregate, aggregate_respondents
from coprod_check.aggregate.ingest import Ingest
from coprod_check.cli import app
from coprod_check.errors import InputError, InvalidFileError

runner = CliRunner()
MALFORMED = HERE / "malformed"


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, ["aggregate", *(str(arg) for arg in args)])
    return result.exit_code, result.stdout, result.stderr


def test_csv_and_in_memory_respondents_give_the_same_result() -> None:
    bank = fixture_bank()
    ingest = Ingest(BankIndex([bank]), batch_rows=2)
    ingest.read_csv(WORKSHOP, "workshop.csv")
    from_csv = aggregate(ingest, settings())
    in_memory = aggregate_respondents([bank], RESPONDENTS, settings())
    for part in ("groups", "questions", "sections", "outcomes", "gaps", "disagreements"):
        assert getattr(from_csv, part) == getattr(in_memory, part), part
    assert from_csv.inputs[0].model_dump() == {
        "path": "workshop.csv",
        "kind": "csv",
        "respondents": 7,
        "skipped": 0,
        "blank_rows": 0,
        "skipped_rows": [],
    }


LABELS = [
    "Agree",
    "agree ",
    "Strongly agree",
    "Disagree",
    "Don't know",
    "",
    "Neither agree nor disagree",
]
ROLES = ["Carer", "carer", "Frontline staff", "Manager", ""]
GOOD = st.tuples(st.sampled_from(ROLES), st.sampled_from(LABELS), st.sampled_from(LABELS))
BAD = st.one_of(
    st.just(["R", "Carer", "Agree"]),  # too few cells
    st.just(["R", "Carer", "Agree", "Agree", "x"]),  # too many
    st.tuples(st.just("R"), st.sampled_from(ROLES), st.just("Agreed"), st.sampled_from(LABELS)).map(
        list
    ),
    st.just([]),  # an empty line
    st.just(["", "", "", ""]),  # an empty row
)
ROWS = st.lists(st.one_of(GOOD.map(lambda t: ["R", *t]), BAD), max_size=40)


@hypothesis_settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=ROWS, batch=st.integers(1, 7))
def test_streamed_counts_equal_row_by_row_counts(
    rows: list[list[str]], batch: int, tmp_path: Path
) -> None:
    path = tmp_path / "export.csv"
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["respondent", "role", "power-shared", "aims-shared"])
        writer.writerows(rows)
    index = BankIndex([fixture_bank()])
    streamed = Ingest(index, batch_rows=batch)
    if not any(row and row != ["", "", "", ""] for row in rows):
        with pytest.raises(InputError, match="header row but no respondent rows"):
            streamed.read_csv(path, "export.csv")
        return
    streamed.read_csv(path, "export.csv")
    expected = Ingest(index)
    expected_bad: list[int] = []
    labels = {"agree": "agree", "strongly agree": "strongly-agree", "disagree": "disagree"}
    labels |= {"don't know": "dont-know", "neither agree nor disagree": "neither", "": None}
    for number, row in enumerate(rows, start=2):
        if not row or row == ["", "", "", ""]:
            continue
        if len(row) != 4 or row[2].strip().lower() not in labels:
            expected_bad.append(number)
            continue
        expected.add_respondent(
            row[1],
            {
                "power-shared": labels[row[2].strip().lower()],
                "aims-shared": labels[row[3].strip().lower()],
            },
        )
    assert streamed.tally.respondents == expected.tally.respondents
    assert streamed.tally.counts == expected.tally.counts
    assert [p.row for p in streamed.problems] == expected_bad[:20]
    assert streamed.problem_count == len(expected_bad)


MALFORMED_CASES = {
    "empty.csv": (2, ["coprod-check: error: empty.csv:1: the file is empty (no header row)"]),
    "header-only.csv": (
        2,
        [
            "coprod-check: error: header-only.csv:1: the file has a header row but no "
            "respondent rows"
        ],
    ),
    "undecodable.csv": (
        2,
        [
            "coprod-check: error: undecodable.csv:3: not valid Windows-1252 (byte 0x81); give "
            "the right one with --encoding, or save the export as 'CSV UTF-8'"
        ],
    ),
    "nul-byte.csv": (
        2,
        [
            "coprod-check: error: nul-byte.csv:3: binary content (a NUL byte): not a CSV text "
            "file (a spreadsheet, or a UTF-16 'Unicode text' export?); save it as 'CSV UTF-8'"
        ],
    ),
    "no-questions.csv": (
        2,
        [
            "coprod-check: error: no-questions.csv:1: no column is a question: headers should "
            "be question ids, or give a mapping file (draft one with 'coprod-check mapping "
            "draft')"
        ],
    ),
    "duplicate-column.csv": (
        2,
        [
            "coprod-check: error: duplicate-column.csv:1: columns 'power-shared' and "
            "'power-shared' are both question 'power-shared'; keep one"
        ],
    ),
    "ragged.csv": (
        1,
        [
            "coprod-check: skipped: ragged.csv:3: this row has 6 cells but the header has 5; is "
            "a comma or a line break inside a cell missing its quotes?",
            "coprod-check: skipped: ragged.csv:4: this row has 4 cells but the header has 5; is "
            "a comma or a line break inside a cell missing its quotes?",
        ],
    ),
    "unknown-label.csv": (
        1,
        [
            "coprod-check: skipped: unknown-label.csv:4: unknown answer 'Strongly agre' to "
            "'power-shared'; expected one of: 'Strongly disagree', 'Disagree', 'Neither agree "
            "nor disagree', 'Agree', 'Strongly agree', \"Don't know\" (or map the label in a "
            "mapping file's answers:)",
            "coprod-check: skipped: unknown-label.csv:5: unknown answer 'Totally' to "
            "'power-hierarchy'; expected one of: 'Strongly disagree', 'Disagree', 'Neither "
            "agree nor disagree', 'Agree', 'Strongly agree', \"Don't know\" (or map the label in "
            "a mapping file's answers:)",
        ],
    ),
}


@pytest.fixture
def in_malformed(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(MALFORMED)
    return MALFORMED


def test_every_malformed_fixture_has_an_expectation() -> None:
    names = sorted(path.name for path in MALFORMED.iterdir() if path.name != "blank-rows.csv")
    assert names == sorted(MALFORMED_CASES)


@pytest.mark.parametrize("name", sorted(MALFORMED_CASES))
def test_malformed_csv_is_named_with_its_row_and_exit_code(name: str, in_malformed: Path) -> None:
    code, out, err = invoke(name, "--bank", BANK_PATH, "-f", "json")
    expected_code, expected_lines = MALFORMED_CASES[name]
    assert code == expected_code
    assert err.splitlines() == expected_lines
    if code == 2:
        assert out == ""


def test_skipped_rows_are_counted_in_the_report(in_malformed: Path) -> None:
    code, out, _ = invoke("unknown-label.csv", "--bank", BANK_PATH)
    assert code == 1
    assert "Respondents: 2 from 1 file; 2 bad rows skipped (unknown-label.csv rows 4, 5)" in out
    assert "unknown-label.csv:4: unknown answer 'Strongly agre' to 'power-shared'" in out


@pytest.mark.parametrize(("name", "row"), [("ragged.csv", 3), ("unknown-label.csv", 4)])
def test_on_error_fail_stops_at_the_first_bad_row(name: str, row: int, in_malformed: Path) -> None:
    code, out, err = invoke(name, "--bank", BANK_PATH, "--on-error", "fail")
    assert (code, out) == (1, "")
    assert err.startswith(f"coprod-check: error: {name}:{row}: ")
    assert err.rstrip().endswith("(stopped at the first bad row: --on-error fail)")
    assert len(err.splitlines()) == 1


def test_every_row_bad_is_an_error_not_an_empty_report(tmp_path: Path) -> None:
    path = tmp_path / "all-bad.csv"
    path.write_text("respondent,power-shared\nR1,Nope\nR2,Nah\n", encoding="utf-8")
    code, out, err = invoke(path, "--bank", BANK_PATH)
    assert (code, out) == (1, "")
    # Nothing else is printed, so the one line names the first bad row itself.
    assert err.splitlines() == [
        f"coprod-check: error: {path}:2: unknown answer 'Nope' to 'power-shared'; expected one "
        "of: 'Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly "
        "agree', \"Don't know\" (or map the label in a mapping file's answers:) (no respondent "
        "could be counted; bad rows or files: 2)"
    ]


def test_blank_rows_are_ignored_and_counted(in_malformed: Path) -> None:
    code, out, err = invoke("blank-rows.csv", "--bank", BANK_PATH, "-f", "json")
    assert (code, err) == (0, "")
    import json

    data = json.loads(out)
    assert data["respondents"] == 3
    assert data["inputs"][0]["blank_rows"] == 2


def test_semicolon_csv_and_bom_are_read(tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    text = (
        "respondent;role;power-shared\r\nR1;Carer;Agree\r\nR2;Carer;Disagree\r\nR3;Carer;Agree\r\n"
    )
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    code, out, err = invoke(path, "--bank", BANK_PATH, "-f", "json")
    assert (code, err) == (0, "")
    import json

    data = json.loads(out)
    carers = next(q for q in data["questions"])["groups"][1]
    assert (carers["group"], carers["n"], carers["typical"]) == ("carer", 3, "agree")


def test_unusable_inputs_are_usage_errors(tmp_path: Path) -> None:
    sheet = tmp_path / "export.ods"
    sheet.write_bytes(b"PK")
    assert invoke(sheet)[0] == 2
    assert invoke(sheet)[2] == (
        f"coprod-check: error: {sheet}: aggregate reads Excel .xlsx workbooks and CSV exports, "
        "not .ods files; save it as .xlsx or 'CSV UTF-8'\n"
    )
    assert invoke(tmp_path)[2].startswith(f"coprod-check: error: {tmp_path} is a folder")
    missing = tmp_path / "missing.csv"
    assert invoke(missing) == (2, "", f"coprod-check: error: {missing}: no such file\n")
    code, _, err = invoke(WORKSHOP, WORKSHOP, "--bank", BANK_PATH)
    assert code == 2 and "is given twice" in err


def test_bad_answers_file_is_a_skipped_row(tmp_path: Path) -> None:
    good = tmp_path / "a.yaml"
    good.write_text(
        "answers_version: 1\nbanks:\n  - id: aggregate-fixture\nrespondent:\n  role: carer\n"
        "answers:\n  power-shared: agree\n",
        encoding="utf-8",
    )
    bad = tmp_path / "b.yaml"
    bad.write_text(
        "answers_version: 1\nbanks:\n  - id: aggregate-fixture\nanswers:\n"
        "  power-shared: yes-please\n",
        encoding="utf-8",
    )
    code, _, err = invoke(good, bad, "--bank", BANK_PATH, "-f", "json")
    assert code == 1
    assert err.startswith(f"coprod-check: skipped: {bad}:5:")
    with pytest.raises(InvalidFileError):
        ingest = Ingest(BankIndex([fixture_bank()]), on_error="fail")
        ingest.read_answers(bad, str(bad))
