"""Which inputs aggregate reads, and one way to open any table of respondents: a CSV (any of
the encodings) or an Excel workbook.

Everything after opening (the column plan, counting, problems with their row numbers) works on
the rows a source gives, whichever kind of file they came from: both kinds offer ``header``,
``header_row``, ``batches()``, ``bytes_read`` and ``size``. openpyxl is imported only for a
workbook.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coprod_check.aggregate.csv_source import CsvSource
from coprod_check.errors import InputError, Location, UsageError
from coprod_check.files.kinds import TABLE_SUFFIXES, WORKBOOK_SUFFIXES, YAML_SUFFIXES

if TYPE_CHECKING:
    from coprod_check.aggregate.xlsx_source import XlsxSource

#: File name endings read as tables, besides .csv and .tsv.
ANSWERS_SUFFIXES = YAML_SUFFIXES
#: Spreadsheets aggregate cannot read (it says how to save them instead).
OTHER_SPREADSHEETS = (".xls", ".ods", ".numbers")


def open_rows(path: Path, name: str, encoding: str | None = None) -> CsvSource | XlsxSource:
    """The source for ``path``, by its name's ending; ``encoding`` applies to CSVs only."""
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        from coprod_check.aggregate.xlsx_source import XlsxSource

        return XlsxSource(path, name)
    return CsvSource(path, name, encoding)


def check_input(path: Path) -> None:
    """Refuse, in one line, an input that aggregate cannot read at all."""
    suffix = path.suffix.lower()
    if path.is_dir():
        raise UsageError(f"{path} is a folder; give its files (for example {path}/*.yaml)")
    if suffix in OTHER_SPREADSHEETS:
        raise UsageError(
            f"{path}: aggregate reads Excel .xlsx workbooks and CSV exports, not {suffix} files; "
            "save it as .xlsx or 'CSV UTF-8'"
        )
    if suffix == ".json":
        raise UsageError(
            f"{path}: aggregate takes answers files (.yaml) and CSV exports (.csv), "
            "not saved JSON results"
        )
    if suffix not in TABLE_SUFFIXES + ANSWERS_SUFFIXES:
        raise UsageError(
            f"{path}: not a .csv, .tsv or .xlsx export or a .yaml answers file; aggregate "
            "tells them apart by their file name ending"
        )
    if not path.exists():
        if path.is_symlink():
            raise InputError("a symbolic link to nothing (or round in a loop)", Location(str(path)))
        raise InputError("no such file", Location(str(path)))


__all__ = [
    "ANSWERS_SUFFIXES",
    "TABLE_SUFFIXES",
    "WORKBOOK_SUFFIXES",
    "check_input",
    "open_rows",
]
