"""Word and Excel reports, read back with python-docx and openpyxl; formats from -o names.

Every office report opens with the summary (verdict, why, level, the three actions) and keeps
the detail for an appendix on a later page; tables are real Word tables with a header row;
workbooks have one sheet per view with numbers stored as numbers; nothing a respondent typed
can run as a formula.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from typer.testing import CliRunner

from aggregate_samples import BANK_PATH
from coprod_check.cli import app

runner = CliRunner()


def _questions_answered_by(path: Path) -> int:
    """How many questions the banks an answers file lists hold (one row each)."""
    from coprod_check.answers.loader import available_banks, load_answers

    _, banks = load_answers(path, available_banks([]))
    return sum(len(section.questions) for bank in banks for section in bank.sections)


ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "consults-but-decides.yaml"
COMPARE = Path(__file__).parents[1] / "fixtures" / "compare" / "results"


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(arg) for arg in args])
    return result.exit_code, result.stdout, result.stderr


def workshop(tmp_path: Path) -> Path:
    """Five groups of three, one of whom wrote a note that looks like a formula."""
    rows = ["respondent,role,power-shared,power-hierarchy,aims-shared,note"]
    answers = {
        "Person who uses services": ("Disagree", "Strongly agree", "Disagree"),
        "Carer": ("Disagree", "Agree", "Neither agree nor disagree"),
        "Frontline staff": ("Agree", "Disagree", "Agree"),
        "Manager": ("Strongly agree", "Strongly disagree", "Strongly agree"),
        "Commissioner": ("Strongly agree", "Disagree", "Strongly agree"),
    }
    number = 0
    for role, (a, b, c) in answers.items():
        for _ in range(3):
            number += 1
            note = '"=HYPERLINK(""http://example.invalid"",""click"")"' if number == 1 else ""
            rows.append(f"R{number},{role},{a},{b},{c},{note}")
    path = tmp_path / "workshop.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def paragraphs(path: Path) -> list[tuple[str, str]]:
    return [(p.style.name if p.style else "", p.text) for p in Document(str(path)).paragraphs]


def test_score_docx_opens_with_the_summary_and_keeps_detail_for_the_appendix(
    tmp_path: Path,
) -> None:
    target = tmp_path / "report.docx"
    code, _, err = invoke("score", EXAMPLE, "-o", target)
    assert (code, err) == (0, f"coprod-check: wrote {target}\n")
    found = paragraphs(target)
    headings = [(style, text) for style, text in found if style.startswith(("Title", "Heading"))]
    assert headings[:3] == [
        ("Title", "Co-production readiness report: Outpatient physiotherapy booking and follow-up"),
        ("Heading 1", "Summary"),
        ("Heading 2", "The three most important actions"),
    ]
    assert ("Heading 1", "Appendix: the detail") in headings
    summary = [text for _, text in found[: found.index(("Heading 1", "Appendix: the detail"))]]
    assert summary[2] == "Verdict: Co-production is not the right approach for this work"
    assert summary[3].startswith("Why: Voice fits this work better")
    assert summary[4].startswith("Level: Descriptive")
    actions = [text for style, text in found if style == "List Number"][:3]
    # The first action gives its reason; the next two share it, so it is not repeated.
    assert len(actions) == 3
    assert [" Why: How to do voice well" in text for text in actions] == [True, False, False]
    document = Document(str(target))
    assert len(document.tables) >= 4
    for table in document.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    sections = document.tables[0]
    assert [cell.text for cell in sections.rows[0].cells][:5] == [
        "Bank",
        "Section",
        "Kind",
        "Score",
        "Status",
    ]
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


def test_score_xlsx_has_a_sheet_per_view_with_numbers_as_numbers(tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    assert invoke("score", EXAMPLE, "-o", target)[0] == 0
    book = load_workbook(target)
    assert book.sheetnames == ["Summary", "Sections", "Questions", "Levels", "Actions", "Red flags"]
    summary = book["Summary"]
    assert summary["A2"].value == "Verdict"
    assert summary["B2"].value == "Co-production is not the right approach for this work"
    sections = book["Sections"]
    assert [cell.value for cell in sections[1]][3:7] == ["Score", "Status", "Answered", "Questions"]
    # reasons to co-produce and the voice / choice rows have no score (empty cells)
    scores = [row[3].value for row in sections.iter_rows(min_row=2) if row[3].value is not None]
    assert scores and all(isinstance(score, int | float) for score in scores)
    assert sections.freeze_panes == "A2"
    questions = book["Questions"]
    assert questions.max_row == 1 + _questions_answered_by(EXAMPLE)


def test_aggregate_xlsx_and_docx_show_the_split_and_heat_map(tmp_path: Path) -> None:
    source = workshop(tmp_path)
    target = tmp_path / "workshop.xlsx"
    code, _, _ = invoke("aggregate", source, "-b", BANK_PATH, "--include-notes", "-o", target)
    assert code == 0
    book = load_workbook(target)
    assert book.sheetnames == [
        "Summary",
        "Sections",
        "Questions",
        "Groups",
        "Gaps",
        "Disagreement",
        "Notes",
    ]
    heat = book["Sections"]
    assert [cell.value for cell in heat[1]] == [
        "Section",
        "Everyone",
        "People who use services",
        "Carers",
        "Frontline staff",
        "Managers",
        "Commissioners",
    ]
    first = heat[2]
    assert all(isinstance(cell.value, int | float) for cell in first[1:])
    assert {cell.fill.start_color.rgb[-6:] for cell in first[1:]} <= {"F4C7C3", "FCE8B2", "B7E1CD"}
    # The note is text: shown as typed, never run as a formula.
    note = book["Notes"]["C2"]
    assert note.value == '\'=HYPERLINK("http://example.invalid","click")'
    assert note.data_type == "s"
    summary = [row[1].value for row in book["Summary"].iter_rows(min_row=2) if len(row) > 1]
    assert any(value and "the groups differ" in str(value) for value in summary)
    docx_target = tmp_path / "workshop.docx"
    assert invoke("aggregate", source, "-b", BANK_PATH, "-o", docx_target)[0] == 0
    found = paragraphs(docx_target)
    verdict = next(text for _, text in found if text.startswith("Verdict: "))
    assert "but the groups differ" in verdict
    assert ("Heading 2", "Where the groups disagree") in found
    tables = Document(str(docx_target)).tables
    heat_table = next(t for t in tables if t.rows[0].cells[0].text == "Section")
    fills = {
        cell._tc.tcPr.find(qn("w:shd")).get(qn("w:fill"))
        for row in heat_table.rows[1:]
        for cell in row.cells[1:]
        if cell._tc.tcPr is not None and cell._tc.tcPr.find(qn("w:shd")) is not None
    }
    assert fills and fills <= {"F4C7C3", "FCE8B2", "B7E1CD"}


def test_compare_office_reports(tmp_path: Path) -> None:
    inputs = [COMPARE / "jan.json", COMPARE / "apr-v2.json", "--allow-bank-change"]
    target = tmp_path / "progress.xlsx"
    assert invoke("compare", *inputs, "-o", target)[0] == 0
    book = load_workbook(target)
    assert book.sheetnames == ["Summary", "Points", "Sections", "Red flags", "Recommendations"]
    sections = book["Sections"]
    assert [cell.value for cell in sections[1]][-1] == "Change"
    assert any(isinstance(row[1].value, int | float) for row in sections.iter_rows(min_row=2))
    docx_target = tmp_path / "progress.docx"
    assert invoke("compare", *inputs, "-o", docx_target)[0] == 0
    found = paragraphs(docx_target)
    assert found[1] == ("Heading 1", "Summary")
    assert found[2][1].startswith("Verdict: Now: ")


# -- the format from -o's name ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("report.html", lambda text: text.startswith("<!DOCTYPE html>")),
        ("report.md", lambda text: text.startswith("# ")),
        ("report.json", lambda text: json.loads(text)["result_version"] >= 1),
        ("report.txt", lambda text: text.startswith("Co-production readiness report")),
    ],
)
def test_the_output_name_says_the_format(tmp_path: Path, name: str, check: object) -> None:
    target = tmp_path / name
    assert invoke("score", EXAMPLE, "-o", target)[0] == 0
    assert callable(check) and check(target.read_text(encoding="utf-8"))


def test_a_name_that_contradicts_the_format_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    assert invoke("score", EXAMPLE, "-f", "text", "-o", target) == (
        2,
        "",
        f"coprod-check: error: -o {target}: the name ends in .html, which is html, but "
        "--format is text; change one of them\n",
    )
    assert not target.exists()
    csv_target = tmp_path / "report.csv"
    assert invoke("score", EXAMPLE, "-o", csv_target) == (
        2,
        "",
        f"coprod-check: error: -o {csv_target}: this command cannot write csv; give --format, "
        "one of: text, json, markdown, html, docx, xlsx\n",
    )
    code, _, err = invoke(
        "aggregate", COMPARE / "jan.json", "-f", "docx", "-o", tmp_path / "a.xlsx"
    )
    assert code == 2 and "which is xlsx, but --format is docx" in err


def test_aggregate_csv_from_the_name(tmp_path: Path) -> None:
    target = tmp_path / "workshop.csv.out.csv"
    source = workshop(tmp_path)
    assert invoke("aggregate", source, "-b", BANK_PATH, "-o", target)[0] == 0
    assert target.read_text(encoding="utf-8").startswith("bank_id,section_id,question_id")


# -- what each office report says, pinned as text --------------------------------------------


def docx_text(path: Path) -> str:
    """A Word document as text in reading order: each paragraph with its style, each table as
    rows of cells; golden files pin it so a change in wording or rounding shows in a diff."""
    from docx.table import Table as DocxTable

    lines: list[str] = []
    for item in Document(str(path)).iter_inner_content():
        if isinstance(item, DocxTable):
            lines += [" | ".join(cell.text for cell in row.cells) for row in item.rows]
        elif item.text:
            lines.append(f"[{item.style.name if item.style else ''}] {item.text}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("name", "command"),
    [
        ("score", ["score", EXAMPLE]),
        ("aggregate", ["aggregate", "WORKSHOP", "-b", BANK_PATH]),
        ("compare", ["compare", "jan.json", "apr-v2.json", "--allow-bank-change"]),
    ],
)
def test_word_reports_say_what_the_golden_files_say(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    golden: object,
    name: str,
    command: list[str | Path],
) -> None:
    """Scores in Word are rounded by the one rule every other format uses (38.9, not 38.89)."""
    monkeypatch.chdir(COMPARE)  # compare names its points by the paths given
    target = tmp_path / f"{name}.docx"
    args = [workshop(tmp_path) if arg == "WORKSHOP" else arg for arg in command]
    assert invoke(*args, "-o", target)[0] == 0
    assert callable(golden)
    golden(f"office/{name}.docx.txt", docx_text(target))


def test_the_heat_map_rounds_alike_in_text_markdown_and_html(
    tmp_path: Path, golden: object
) -> None:
    """The summary's section x group heat map: one rounding rule in every format."""
    source = workshop(tmp_path)
    shown: list[str] = []
    for fmt in ("text", "markdown", "html"):
        code, out, _ = invoke("aggregate", source, "-b", BANK_PATH, "-f", fmt)
        assert code == 0
        if fmt == "html":
            out = out[
                out.index('<table class="heat">') : out.index(
                    "</table>", out.index('<table class="heat">')
                )
            ]
        elif fmt == "markdown":
            out = out[out.index("| Section |") : out.index("## Appendix")]
        else:
            out = out[out.index("Section scores (0-100) by group") : out.index("Detail")]
        shown.append(f"== {fmt}\n{out.rstrip()}\n")
    assert callable(golden)
    golden("office/heat-map.txt", "".join(shown))
