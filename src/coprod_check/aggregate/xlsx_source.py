"""Read an Excel workbook (``.xlsx``, as Microsoft Forms exports it) like a CSV export.

The first worksheet is streamed with openpyxl in read-only mode (rows are parsed as they are
asked for, never all held), values only (a formula gives its saved result). Each row becomes
the cells a "CSV UTF-8" export of the same sheet would hold, so everything after reading (the
column plan, counting, problems) is the same as for a CSV: whole numbers without ".0", dates
as ``2026-03-01 10:04:40``, empty cells as blanks. Row numbers are the sheet's own.

A workbook is a zip of XML files: before openpyxl opens it, the zip's table of contents is
checked so that a "zip bomb" (a small file that unpacks to gigabytes) is refused, and openpyxl
parses the XML with defusedxml (installed with coprod-check), so entity tricks are refused too.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from coprod_check.errors import InputError, Location
from coprod_check.files.input_files import open_sized

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

#: Largest unpacked size accepted (a Forms export of thousands of answers is a few MB).
MAX_UNPACKED = 512 * 1024 * 1024
#: Largest ratio of unpacked to packed size (XML packs well, but not this well).
MAX_RATIO = 200


def cell_text(value: object) -> str:
    """A cell's value as the text a "CSV UTF-8" export would hold."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


class XlsxSource:
    """An open workbook's first sheet: its header row, then its data rows in batches.

    The same interface as :class:`~coprod_check.aggregate.csv_source.CsvSource`.
    """

    delimiter = ","

    def __init__(self, path: Path, display: str | None = None) -> None:
        self.path = path
        self.name = display or str(path)
        self.header: list[str] = []
        self.header_row = 1
        self.size = 0
        self._book: Workbook | None = None
        self._rows: Iterator[tuple[Any, ...]] | None = None
        self._done_rows = 0
        self._max_row = 0

    def __enter__(self) -> XlsxSource:
        from openpyxl import load_workbook

        stream, self.size = open_sized(self.path, self.name)  # refuses folders and pipes
        with stream:
            self._check_zip(stream)
        try:
            book = load_workbook(self.path, read_only=True, data_only=True, keep_links=False)
        except Exception as error:  # openpyxl raises many kinds for a broken workbook
            raise InputError(
                f"cannot read this Excel workbook ({_why(error)}); open it in Excel and save "
                "it again as .xlsx, or as 'CSV UTF-8'",
                Location(self.name),
            ) from None
        self._book = book
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise InputError("the workbook has no worksheet", Location(self.name))
        self._max_row = sheet.max_row or 0
        self._rows = iter(self._guard(sheet.iter_rows(values_only=True)))
        self._read_header()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._book is not None:
            self._book.close()

    @property
    def bytes_read(self) -> int:
        """An estimate from the rows read so far (the sheet's size in rows is known)."""
        if not self._max_row:
            return 0
        return min(self.size, self.size * self._done_rows // self._max_row)

    def _check_zip(self, stream: Any) -> None:
        try:
            with zipfile.ZipFile(stream) as archive:
                unpacked = sum(item.file_size for item in archive.infolist())
        except (zipfile.BadZipFile, OSError, ValueError):
            raise InputError(
                "not an Excel .xlsx workbook (it is not a zip file); an old .xls? save it as "
                ".xlsx or 'CSV UTF-8'",
                Location(self.name),
            ) from None
        if unpacked > MAX_UNPACKED or unpacked > MAX_RATIO * max(self.size, 1):
            raise InputError(
                f"the workbook unpacks to {unpacked // (1024 * 1024):,} MB; too large for a "
                "form export (save it as 'CSV UTF-8' if it is one)",
                Location(self.name),
            )

    def _guard(self, rows: Iterator[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
        """``rows``, with a broken sheet turned into a one-line error naming the row."""
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            except Exception as error:
                raise InputError(
                    f"cannot read this worksheet after row {self._done_rows} ({_why(error)})",
                    Location(self.name, self._done_rows + 1),
                ) from None
            self._done_rows += 1
            yield row

    def _read_header(self) -> None:
        assert self._rows is not None
        for row in self._rows:
            cells = [cell_text(value).strip() for value in row]
            if any(cells):
                while cells and not cells[-1]:
                    cells.pop()
                self.header = cells
                self.header_row = self._done_rows
                return
        raise InputError(
            "the workbook's first sheet is empty (no header row)",
            Location(self.name, max(self._done_rows, 1)),
        )

    def batches(self, size: int = 512) -> Iterator[tuple[int, list[list[str]]]]:
        """``(row number of the first row, rows)`` after the header, ``size`` rows at a time.

        Rows are as wide as the header: blank cells past their last value are filled in, and
        blank cells past the header's width dropped (a value there makes the row longer, and so
        a bad row)."""
        assert self._rows is not None
        width = len(self.header)
        row_number = self.header_row + 1
        while True:
            raw = list(islice(self._rows, size))
            if not raw:
                return
            batch: list[list[str]] = []
            for values in raw:
                cells = [cell_text(value) for value in values]
                if len(cells) > width:
                    extra = cells[width:]
                    cells = cells[:width] if not any(c.strip() for c in extra) else cells
                elif len(cells) < width:
                    cells += [""] * (width - len(cells))
                batch.append(cells)
            yield row_number, batch
            row_number += len(batch)


def _why(error: BaseException) -> str:
    text = " ".join(str(error).split())
    name = type(error).__name__
    return f"{name}: {text[:120]}" if text else name


__all__ = ["XlsxSource", "cell_text"]
