"""One way to open any table of respondents: a CSV (any of the encodings) or an Excel workbook.

Everything after opening (the column plan, counting, problems with their row numbers) works on
the rows a source gives, whichever kind of file they came from: both kinds offer ``header``,
``header_row``, ``batches()``, ``bytes_read`` and ``size``. openpyxl is imported only for a
workbook.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coprod_check.aggregate.csv_source import CsvSource

if TYPE_CHECKING:
    from coprod_check.aggregate.xlsx_source import XlsxSource

#: File name endings read as tables, besides .csv and .tsv.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
TABLE_SUFFIXES = (".csv", ".tsv", *WORKBOOK_SUFFIXES)


def open_rows(path: Path, name: str, encoding: str | None = None) -> CsvSource | XlsxSource:
    """The source for ``path``, by its name's ending; ``encoding`` applies to CSVs only."""
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        from coprod_check.aggregate.xlsx_source import XlsxSource

        return XlsxSource(path, name)
    return CsvSource(path, name, encoding)


__all__ = ["TABLE_SUFFIXES", "WORKBOOK_SUFFIXES", "open_rows"]
