"""An :class:`~.document.OfficeReport` as a Word document (python-docx).

Real Word structure, so an editor can change it and a screen reader can move through it: the
title and headings use Word's heading styles, lists its list styles, and tables are Word tables
whose first row is marked as a header row (repeated on each page, announced as headers). The
summary comes first and fits a page; the appendix starts on a new page. Pages are A4 with 2 cm
margins.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table as DocxTable

from coprod_check.render.office.document import (
    Block,
    Bullets,
    Heading,
    OfficeReport,
    Para,
    Table,
    cell_text,
    shade_colour,
)

APPENDIX = "Appendix: the detail"


def render_docx(report: OfficeReport) -> bytes:
    """The Word document's bytes."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    document.styles["Normal"].font.size = Pt(10.5)
    document.core_properties.title = report.title
    document.core_properties.author = "coprod-check"
    document.add_heading(report.title, level=0)
    document.add_heading("Summary", level=1)
    for block in report.summary:
        _add(document, block)
    if report.detail:
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        document.add_heading(APPENDIX, level=1)
        for block in report.detail:
            _add(document, block)
    if report.footer:
        document.add_paragraph(report.footer, style="Caption")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add(document: object, block: Block) -> None:
    from docx.document import Document as DocxDocument

    assert isinstance(document, DocxDocument)
    if isinstance(block, Heading):
        document.add_heading(block.text, level=min(block.level + 1, 9))
    elif isinstance(block, Para):
        paragraph = document.add_paragraph()
        if block.label:
            paragraph.add_run(f"{block.label}: ").bold = True
        paragraph.add_run(block.text)
    elif isinstance(block, Bullets):
        style = "List Number" if block.numbered else "List Bullet"
        for item in block.items:
            document.add_paragraph(item, style=style)
    else:
        _table(document, block)


def _table(document: object, block: Table) -> None:
    from docx.document import Document as DocxDocument

    assert isinstance(document, DocxDocument)
    caption = document.add_paragraph(block.caption, style="Caption")
    caption.paragraph_format.keep_with_next = True
    table = document.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    _header_row(table)
    for cell, title in zip(table.rows[0].cells, block.columns, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(title).bold = True
    for number, row in enumerate(block.rows):
        cells = table.add_row().cells
        for column, (cell, value) in enumerate(zip(cells, row, strict=True)):
            cell.text = cell_text(value)
            shade = block.shades[number][column] if block.shades else None
            colour = shade_colour(shade)
            if colour is not None:
                _fill(cell, colour)
    document.add_paragraph()


def _header_row(table: DocxTable) -> None:
    """Mark the first row as a header: repeated on each page, announced as column headers."""
    properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _fill(cell: object, colour: str) -> None:
    from docx.table import _Cell

    assert isinstance(cell, _Cell)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell._tc.get_or_add_tcPr().append(shading)


__all__ = ["APPENDIX", "render_docx"]
