"""Plans exported to Word and Excel (``plan status -o plan.docx`` / ``plan.xlsx``), read back
with python-docx and openpyxl: the summary (where the actions stand, the Model for
Improvement's three questions, what is overdue) before the appendix, every action on the Actions
sheet with typed cells, and no formula injection from what people typed into the plan."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from typer.testing import CliRunner

from coprod_check.cli import app
from coprod_check.plan.model import AIM_QUESTION, CHANGES_QUESTION, MEASURES_QUESTION

CYCLES = Path(__file__).parents[1] / "fixtures" / "plan" / "cycles"
BANK = CYCLES.parent / "bank.yaml"

runner = CliRunner()


def export(plan: Path, target: Path) -> tuple[int, str]:
    result = runner.invoke(
        app,
        ["plan", "status", str(plan), "-b", str(BANK), "--today", "2026-10-01", "-o", str(target)],
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


def test_word_summary_first_then_the_appendix(tmp_path: Path) -> None:
    target = tmp_path / "plan.docx"
    assert export(CYCLES / "plan.yaml", target) == (0, f"coprod-check: wrote {target}\n")
    document = docx.Document(str(target))
    headings = [
        p.text for p in document.paragraphs if p.style is not None and "Heading" in p.style.name
    ]
    assert headings[:4] == [
        "Summary",
        "The Model for Improvement",
        "Overdue",
        "Appendix: the detail",
    ]
    assert headings[4:] == ["Overdue (2)", "Planned (1)", "Done (4)", "Dropped (1)", "Cycles"]
    texts = [p.text for p in document.paragraphs]
    assert document.paragraphs[0].text == "Action plan: Community falls service"
    assert (
        "On 2026-10-01: 8 actions: 1 being done, 2 planned, 4 done, 1 dropped; 2 overdue." in texts
    )
    assert f"{AIM_QUESTION}: People who use the falls service shape it with us by October." in texts
    assert any(text.startswith(f"{MEASURES_QUESTION}: Every criterion met") for text in texts)
    assert any(text.startswith(f"{CHANGES_QUESTION}: Funders on board") for text in texts)
    overdue = document.tables[0]
    assert [cell.text for cell in overdue.rows[0].cells] == [
        "Action",
        "Recommendation",
        "Owner",
        "Due",
        "Measure",
        "Cycle",
    ]
    assert [row.cells[0].text for row in overdue.rows[1:]] == ["a3", "a6"]


def test_excel_has_every_action_with_typed_cells(tmp_path: Path) -> None:
    target = tmp_path / "plan.xlsx"
    assert export(CYCLES / "plan.yaml", target)[0] == 0
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Summary", "Actions", "Cycles"]
    rows = list(book["Actions"].iter_rows(values_only=True))
    assert rows[0][:4] == ("Action", "Status", "Overdue (days)", "Recommendation")
    assert [row[0] for row in rows[1:]] == ["a3", "a6", "a8", "a1", "a2", "a4", "a7", "a5"]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Overdue (days)"] == 174 and first["Cycle"] == 1
    assert first["Due"] == "2026-04-10" and first["Owner"] == "Service manager"
    assert isinstance(first["Overdue (days)"], int)
    cycles = list(book["Cycles"].iter_rows(values_only=True))
    assert [row[0] for row in cycles[1:]] == [1, 2, 3]


@pytest.mark.parametrize("text", ['=HYPERLINK("http://example.invalid","x")', "+1", "@sum"])
def test_text_people_typed_never_runs_as_a_formula(tmp_path: Path, text: str) -> None:
    plan = (CYCLES / "plan.yaml").read_text(encoding="utf-8")
    mine = tmp_path / "plan.yaml"
    mine.write_text(plan.replace("owner: Commissioning lead", f"owner: '{text}'"), "utf-8")
    target = tmp_path / "plan.xlsx"
    assert export(mine, target)[0] == 0
    rows = list(openpyxl.load_workbook(target)["Actions"].iter_rows(values_only=True))
    owners = {row[0]: row[5] for row in rows[1:]}
    assert owners["a1"] == "'" + text


def test_the_plan_itself_is_never_overwritten(tmp_path: Path) -> None:
    mine = tmp_path / "plan.yaml"
    mine.write_text((CYCLES / "plan.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    before = mine.read_bytes()
    result = runner.invoke(
        app,
        ["plan", "status", str(mine), "-b", str(BANK), "-f", "text", "-o", str(mine), "--force"],
    )
    assert result.exit_code == 2
    assert result.stderr == f"coprod-check: error: {mine}: refusing to write over the plan\n"
    assert mine.read_bytes() == before


def test_an_output_name_that_contradicts_the_format_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "plan",
            "status",
            str(CYCLES / "plan.yaml"),
            "-b",
            str(BANK),
            "-f",
            "xlsx",
            "-o",
            str(tmp_path / "plan.docx"),
        ],
    )
    assert result.exit_code == 2
    assert "which is docx, but --format is xlsx" in result.stderr


def test_compare_with_a_plan_exports_each_cycles_actions(tmp_path: Path) -> None:
    target = tmp_path / "progress.xlsx"
    names = ["jan.yaml", "apr.yaml", "jul.yaml", "oct.yaml", "plan.yaml"]
    result = runner.invoke(
        app,
        ["compare", *(str(CYCLES / name) for name in names), "-b", str(BANK), "-o", str(target)],
    )
    assert result.exit_code == 0, result.stderr
    book = openpyxl.load_workbook(target)
    assert book.sheetnames[-1] == "Plan"
    rows = list(book["Plan"].iter_rows(values_only=True))
    assert rows[0] == ("Cycle", "Points", "Action", "Recommendation", "Owner", "Status", "Outcome")
    by_id = {row[2]: row for row in rows[1:]}
    assert by_id["a2"][0] == 1 and by_id["a2"][1] == "1 to 2"
    assert by_id["a2"][6] == "done, but the question did not improve (Disagree → Disagree)"
    assert by_id["a7"][6] == "done, but the question got worse (Agree → Disagree)"
    word = tmp_path / "progress.docx"
    result = runner.invoke(
        app, ["compare", *(str(CYCLES / name) for name in names), "-b", str(BANK), "-o", str(word)]
    )
    assert result.exit_code == 0
    headings = [p.text for p in docx.Document(str(word)).paragraphs if "Heading" in p.style.name]
    assert "Action plan: Community falls service" in headings
