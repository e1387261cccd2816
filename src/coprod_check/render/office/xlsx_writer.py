"""An :class:`~.document.OfficeReport` as an Excel workbook (openpyxl): one sheet per view.

The first sheet is the summary (the same words as the report's first page); then one sheet per
table (sections, questions, groups, gaps, ...), each with a bold, frozen header row, typed
cells (numbers are numbers, so they sort, sum and chart) and, for a heat map, a fill colour
beside the number. Every text cell is neutralised (:mod:`.cells`): nothing a respondent typed
can run as a formula.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from coprod_check.render.office.cells import neutralise
from coprod_check.render.office.document import (
    Block,
    Bullets,
    Cell,
    Heading,
    Number,
    OfficeReport,
    Para,
    Table,
    cell_text,
    shade_colour,
)

_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_MAX_WIDTH = 80


def render_xlsx(report: OfficeReport) -> bytes:
    """The workbook's bytes."""
    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = "Summary"
    _summary(summary, report)
    for sheet in report.sheets:
        _table_sheet(book.create_sheet(_sheet_name(sheet.name)), sheet.table)
    book.properties.title = report.title
    book.properties.creator = "coprod-check"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_name(name: str) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\."""
    for character in "[]:*?/\\":
        name = name.replace(character, " ")
    return name[:31]


def _summary(sheet: Worksheet, report: OfficeReport) -> None:
    sheet.append([neutralise(report.title)])
    sheet["A1"].font = Font(bold=True, size=14)
    for block in report.summary:
        _block(sheet, block)
    if report.footer:
        sheet.append([])
        sheet.append([neutralise(report.footer)])
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 100
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = _WRAP


def _block(sheet: Worksheet, block: Block) -> None:
    if isinstance(block, Heading):
        sheet.append([])
        sheet.append([neutralise(block.text)])
        sheet.cell(sheet.max_row, 1).font = _BOLD
    elif isinstance(block, Para):
        sheet.append([neutralise(block.label or ""), neutralise(block.text)])
        sheet.cell(sheet.max_row, 1).font = _BOLD
    elif isinstance(block, Bullets):
        for number, item in enumerate(block.items, start=1):
            sheet.append([number if block.numbered else None, neutralise(item)])
    else:
        sheet.append([])
        sheet.append([neutralise(block.caption)])
        sheet.cell(sheet.max_row, 1).font = _BOLD
        sheet.append([neutralise(title) for title in block.columns])
        for cell in sheet[sheet.max_row]:
            cell.font = _BOLD
        start = sheet.max_row + 1
        for row in block.rows:
            sheet.append([_value(value) for value in row])
        _shade(sheet, block, start)


def _table_sheet(sheet: Worksheet, table: Table) -> None:
    sheet.append([neutralise(title) for title in table.columns])
    for cell in sheet[1]:
        cell.font = _BOLD
    sheet.freeze_panes = "A2"
    for row in table.rows:
        sheet.append([_value(value) for value in row])
    _shade(sheet, table, 2)
    for column, title in enumerate(table.columns, start=1):
        values = [len(cell_text(row[column - 1] or "")) for row in table.rows[:200]]
        width = min(max([len(title), *values]) + 2, _MAX_WIDTH)
        sheet.column_dimensions[get_column_letter(column)].width = width
        if width == _MAX_WIDTH:
            for (cell,) in sheet.iter_rows(min_col=column, max_col=column, min_row=2):
                cell.alignment = _WRAP


def _value(value: Cell) -> str | int | float | None:
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, Number):
        return value.value
    return value


def _shade(sheet: Worksheet, table: Table, first_row: int) -> None:
    if table.shades is None:
        return
    for offset, shades in enumerate(table.shades):
        for column, score in enumerate(shades, start=1):
            colour = shade_colour(score)
            if colour is not None:
                cell = sheet.cell(first_row + offset, column)
                cell.fill = PatternFill("solid", start_color=colour, end_color=colour)


__all__ = ["render_xlsx"]
