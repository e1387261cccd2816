"""Read a CSV export a batch of rows at a time, numbering rows as a spreadsheet does.

Row numbers are spreadsheet rows: the header is row 1 and the first respondent row 2, which is
also the line number unless a cell holds a line break. Rows come in small batches (a few hundred)
so the work per row stays in C (see ``ingest``) while the batch still fits in the CPU cache.

Files must be UTF-8 (with or without the byte-order mark Excel writes for "CSV UTF-8"); anything
else stops with the row of the first byte that is not UTF-8. The delimiter is a comma unless the
header row holds more semicolons or tabs (Excel in some languages saves with semicolons).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from coprod_check.errors import InputError, Location

BATCH_ROWS = 512
_SNIFF_BYTES = 64 * 1024
_DELIMITERS = (",", ";", "\t")
# Large free-text cells are allowed, within reason (the csv module's default is 128 KiB).
FIELD_LIMIT = 1024 * 1024


class CsvSource:
    """An open CSV file: its header row, then its data rows in batches.

    Use as a context manager. Every problem reading the file raises :class:`InputError` (exit 2)
    naming the file and row.
    """

    def __init__(self, path: Path, display: str | None = None) -> None:
        self.path = path
        self.name = display or str(path)
        self._raw: BinaryIO | None = None
        self._reader: Iterator[list[str]] | None = None
        self.header: list[str] = []
        self.header_row = 1
        self.size = 0
        self.delimiter = ","

    def __enter__(self) -> CsvSource:
        try:
            if self.path.is_dir():
                raise InputError("is a directory, not a file", Location(self.name))
            self._raw = self.path.open("rb")
            self.size = self.path.stat().st_size
        except FileNotFoundError:
            raise InputError("no such file", Location(self.name)) from None
        except PermissionError:
            raise InputError(
                "permission denied: cannot read this file", Location(self.name)
            ) from None
        except OSError as error:
            raise InputError(
                f"cannot read: {error.strerror or error}", Location(self.name)
            ) from None
        self.delimiter = self._sniff()
        text = io.TextIOWrapper(self._raw, encoding="utf-8-sig", errors="strict", newline="")
        csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
        self._reader = csv.reader(text, delimiter=self.delimiter)
        self._read_header()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._raw is not None:
            self._raw.close()

    @property
    def bytes_read(self) -> int:
        """How far into the file reading has got (for progress bars; read-ahead included)."""
        if self._raw is None or self._raw.closed:
            return self.size
        return min(self._raw.tell(), self.size)

    def _sniff(self) -> str:
        assert self._raw is not None
        start = self._raw.read(_SNIFF_BYTES)
        self._raw.seek(0)
        if b"\x00" in start:
            raise InputError(
                "binary content (a NUL byte): not a CSV text file (a spreadsheet, or a "
                "UTF-16 'Unicode text' export?); save it as 'CSV UTF-8'",
                Location(self.name, start[: start.index(b"\x00")].count(b"\n") + 1),
            )
        if self.path.suffix.lower() == ".tsv":
            return "\t"
        first = start.split(b"\n", 1)[0].decode("utf-8", errors="replace")
        unquoted = "".join(first.split('"')[0::2])
        counts = {delimiter: unquoted.count(delimiter) for delimiter in _DELIMITERS}
        best = max(_DELIMITERS, key=lambda d: (counts[d], d == ","))
        return best if counts[best] else ","

    def _read_header(self) -> None:
        row = 0
        for record in self._records():
            row += 1
            if any(cell.strip() for cell in record):
                self.header = [cell.strip() for cell in record]
                self.header_row = row
                return
        raise InputError("the file is empty (no header row)", Location(self.name, max(row, 1)))

    def _records(self) -> Iterator[list[str]]:
        assert self._reader is not None
        while True:
            try:
                record = next(self._reader)
            except StopIteration:
                return
            except UnicodeDecodeError as error:
                raise self._not_utf8(error) from None
            except csv.Error as error:
                raise self._csv_error(error) from None
            yield record

    def batches(self, size: int = BATCH_ROWS) -> Iterator[tuple[int, list[list[str]]]]:
        """``(row number of the first row, rows)`` after the header, ``size`` rows at a time."""
        assert self._reader is not None
        reader = self._reader
        row = self.header_row + 1
        while True:
            try:
                batch = list(islice(reader, size))
            except UnicodeDecodeError as error:
                raise self._not_utf8(error) from None
            except csv.Error as error:
                raise self._csv_error(error) from None
            if not batch:
                return
            yield row, batch
            row += len(batch)

    def _csv_error(self, error: csv.Error) -> InputError:
        line = getattr(self._reader, "line_num", None)
        text = str(error)
        if "NUL" in text:
            message = "binary content (a NUL byte): not a CSV text file"
        elif "field larger than field limit" in text:
            message = (
                f"a cell is larger than {FIELD_LIMIT // 1024} KiB; is this really a CSV export?"
            )
        else:
            message = f"cannot read this CSV: {text}"
        return InputError(message, Location(self.name, line or None))

    def _not_utf8(self, error: UnicodeDecodeError) -> InputError:
        """Where the first byte that is not UTF-8 is, found by reading the file again."""
        line, byte = _first_bad_byte(self.path)
        shown = f"0x{byte:02x}" if byte is not None else "?"
        return InputError(
            f"not valid UTF-8 (byte {shown}); save the export as 'CSV UTF-8' and try again",
            Location(self.name, line),
        )


def _first_bad_byte(path: Path) -> tuple[int | None, int | None]:
    """The 1-based line and value of the first byte that is not UTF-8 in ``path``."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    line = 1
    with path.open("rb") as stream:
        while True:
            chunk = stream.read(1024 * 1024)
            if not chunk:
                return None, None
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as error:
                # The decoder may hold back up to 3 bytes of an unfinished character from the
                # previous chunk; they hold no newline, so counting in this chunk is exact.
                start = max(error.start - len(error.object) + len(chunk), 0)
                return line + chunk[:start].count(b"\n"), chunk[start] if start < len(
                    chunk
                ) else None
            line += chunk.count(b"\n")
