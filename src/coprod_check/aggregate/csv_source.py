"""Read a CSV export a batch of rows at a time, numbering rows as a spreadsheet does.

Row numbers are spreadsheet rows: the header is row 1 and the first respondent row 2, which is
also the line number unless a cell holds a line break. Rows come in small batches (a few hundred)
so the work per row stays in C (see ``ingest``) while the batch still fits in the CPU cache.

Most exports quote few cells or none, and a batch of lines with no quote character in it is
split with ``str.split``, which gives exactly the cells ``csv.reader`` would (see
:func:`split_plain`) in well under its time. A batch with a quote (or anything else unusual) is
read by ``csv.reader``, from the same lines and with the same row and line numbers, so the
result never depends on which way a batch was read.

The encoding is UTF-8 (with or without the byte-order mark Excel writes for "CSV UTF-8"),
UTF-16 or Windows-1252, told apart by :mod:`.encodings`, or the one given (``--encoding``); a
byte the encoding cannot read stops with its row. The delimiter is a comma unless the header
row holds more semicolons or tabs (Excel in some languages saves with semicolons).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator
from itertools import chain, islice, repeat
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from coprod_check.aggregate.encodings import (
    DETECT_BYTES,
    UTF8_BOM,
    detect,
    display_name,
    is_utf8,
)
from coprod_check.errors import InputError, Location
from coprod_check.files.input_files import open_sized

BATCH_ROWS = 512
_SNIFF_BYTES = 64 * 1024
_DELIMITERS = (",", ";", "\t")
# Large free-text cells are allowed, within reason (the csv module's default is 128 KiB).
FIELD_LIMIT = 1024 * 1024
#: No form export has anywhere near this many columns (the bundled banks have 69 questions);
#: a line with more is refused as soon as it is read, before it is split into cells.
MAX_COLUMNS = 10_000


class CsvSource:
    """An open CSV file: its header row, then its data rows in batches.

    Use as a context manager. Every problem reading the file raises :class:`InputError` (exit 2)
    naming the file and row.
    """

    def __init__(self, path: Path, display: str | None = None, encoding: str | None = None) -> None:
        """``encoding``: a codec name checked by :func:`.encodings.check_encoding`, or None to
        detect it."""
        self.path = path
        self.name = display or str(path)
        self.given_encoding = encoding
        self.encoding = encoding or UTF8_BOM
        self._raw: BinaryIO | None = None
        self._text: io.TextIOWrapper | None = None
        self._reader: Iterator[list[str]] | None = None
        self._lines = 0
        """Lines read before the current batch (for the line of a CSV error)."""
        self._field_limit = FIELD_LIMIT
        self.header: list[str] = []
        self.header_row = 1
        self.size = 0
        self.delimiter = ","

    def __enter__(self) -> CsvSource:
        self._raw, self.size = open_sized(self.path, self.name)  # refuses a folder or pipe
        self.delimiter = self._sniff()
        codec = UTF8_BOM if is_utf8(self.encoding) else self.encoding
        text = io.TextIOWrapper(self._raw, encoding=codec, errors="strict", newline="")
        self._text = text
        self._field_limit = max(csv.field_size_limit(), FIELD_LIMIT)
        csv.field_size_limit(self._field_limit)
        # The header's lines are checked as read (a "header" of a million commas is refused).
        reader = csv.reader(self._checked(text, 1), delimiter=self.delimiter)
        self._reader = reader
        self._read_header()
        # The csv module reads no further than the header's last line, so the batches start
        # right after it.
        self._lines = reader.line_num
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
        """Decide the encoding (unless given) and the delimiter from the start of the file."""
        assert self._raw is not None
        start = self._raw.read(DETECT_BYTES if self.given_encoding is None else _SNIFF_BYTES)
        self._raw.seek(0)
        if self.given_encoding is None:
            self.encoding = detect(start, whole=len(start) >= self.size)
        start = start[:_SNIFF_BYTES]
        if not is_utf8(self.encoding) and self.encoding != "cp1252":
            return self._delimiter(start.decode(self.encoding, errors="replace"))
        if b"\x00" in start:
            raise InputError(
                "binary content (a NUL byte): not a CSV text file (a spreadsheet, or a "
                "UTF-16 'Unicode text' export?); save it as 'CSV UTF-8'",
                Location(self.name, start[: start.index(b"\x00")].count(b"\n") + 1),
            )
        return self._delimiter(start.decode(self.encoding, errors="replace"))

    def _delimiter(self, start: str) -> str:
        if self.path.suffix.lower() == ".tsv":
            return "\t"
        first = re.split(r"[\r\n]", start.lstrip("\ufeff"), maxsplit=1)[0]
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
                raise self._undecodable(error) from None
            except csv.Error as error:
                raise self._csv_error(error) from None
            yield record

    def batches(self, size: int = BATCH_ROWS) -> Iterator[tuple[int, list[list[str]]]]:
        """``(row number of the first row, rows)`` after the header, ``size`` rows at a time.

        Each batch takes the next ``size`` lines; when they hold no quote character (nor
        anything else :func:`split_plain` leaves to the csv module) they are the next ``size``
        rows, split in C. Otherwise the csv module reads the next ``size`` rows, starting from
        those lines and reading on as far as a quoted line break needs.
        """
        assert self._text is not None
        text = self._text
        delimiter = self.delimiter
        row = self.header_row + 1
        while True:
            lines: list[str] = []
            try:
                # ``extend`` keeps the lines read before an undecodable one.
                lines.extend(islice(text, size))
            except UnicodeDecodeError as error:
                # Reading row by row would have met a CSV error in those lines first.
                self._parse(lines, size, read_on=False)
                raise self._undecodable(error) from None
            if not lines:
                return
            if max(map(len, lines)) > MAX_COLUMNS:  # only a long line can hold too many cells
                for number, line in enumerate(lines, start=self._lines + 1):
                    self._check_line(line, number)
            batch = split_plain(lines, delimiter, self._field_limit)
            if batch is None:
                batch = self._parse(lines, size, read_on=True)
            else:
                self._lines += len(lines)
            yield row, batch
            row += len(batch)

    def _parse(self, lines: list[str], size: int, *, read_on: bool) -> list[list[str]]:
        """Up to ``size`` rows read by the csv module from ``lines`` (then, when ``read_on``,
        from the rest of the file), as a reader that started at the header would read them."""
        assert self._text is not None
        source: Iterable[str] = chain(lines, self._text) if read_on else lines
        reader = csv.reader(source, delimiter=self.delimiter)
        try:
            batch = list(islice(reader, size))
        except UnicodeDecodeError as error:
            raise self._undecodable(error) from None
        except csv.Error as error:
            raise self._csv_error(error, self._lines + reader.line_num) from None
        self._lines += reader.line_num
        return batch

    def _checked(self, lines: Iterable[str], first: int) -> Iterator[str]:
        """``lines``, each checked by :meth:`_check_line` as it is read."""
        for number, line in enumerate(lines, start=first):
            self._check_line(line, number)
            yield line

    def _check_line(self, line: str, number: int) -> None:
        """Refuse a line with more cells than any export has (a file of commas, say)."""
        if len(line) > MAX_COLUMNS:
            cells = line.count(self.delimiter) + 1
            if cells > MAX_COLUMNS:
                raise InputError(
                    f"a line with {cells:,} columns; the limit is {MAX_COLUMNS:,} (is this "
                    "really a form export?)",
                    Location(self.name, number),
                )

    def _csv_error(self, error: csv.Error, line: int | None = None) -> InputError:
        if line is None:
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

    def _undecodable(self, error: UnicodeDecodeError) -> InputError:
        """Where the first byte the encoding cannot read is, found by reading the file again."""
        line, byte = _first_bad_byte(self.path, self.encoding)
        shown = f"0x{byte:02x}" if byte is not None else "?"
        name = display_name(self.encoding)
        if not is_utf8(self.encoding):
            advice = "give the right one with --encoding, or save the export as 'CSV UTF-8'"
        elif self.given_encoding is None:
            advice = (
                "the start of the file is UTF-8 but this is not: if it was saved by Excel as "
                "plain 'CSV', try --encoding cp1252, or save it as 'CSV UTF-8'"
            )
        else:
            advice = "save the export as 'CSV UTF-8' and try again"
        return InputError(f"not valid {name} (byte {shown}); {advice}", Location(self.name, line))


def split_plain(lines: list[str], delimiter: str, field_limit: int) -> list[list[str]] | None:
    """The rows of ``lines`` (each one line as a text file in ``newline=""`` mode reads it,
    ending with its line break) when they hold no quote character; None otherwise.

    Without a quote character the csv module's excel dialect has nothing to unquote: every
    line is one row, split at the delimiter, after its line break (``\\r\\n``, ``\\n`` or
    ``\\r``) is taken off, and an empty line is a row with no cells. Lines that could make the
    csv module raise (a NUL character, a line longer than its field limit) and batches that mix
    line breaks are left to it (None), as are quotes, so whatever this returns is what
    ``csv.reader`` returns for the same lines.
    """
    text = "".join(lines)
    if '"' in text or "\x00" in text:
        return None
    if len(text) > field_limit and max(map(len, lines)) > field_limit:
        return None
    if "\r" not in text:
        ending = "\n"
    elif "\n" not in text:
        ending = "\r"
    else:
        ending = "\r\n"
    # A line holds a line break only at its end, so ``text`` splits into one piece per line,
    # and one more (empty) piece when the last line has its line break too.
    pieces = text.split(ending)
    if len(pieces) == len(lines) + 1:
        pieces.pop()
    elif len(pieces) != len(lines) or lines[-1][-1] in "\r\n":
        return None  # mixed line breaks
    rows = list(map(str.split, pieces, repeat(delimiter)))
    if "" in pieces:
        rows = [row if piece else [] for row, piece in zip(rows, pieces, strict=True)]
    return rows


def _first_bad_byte(path: Path, encoding: str) -> tuple[int | None, int | None]:
    """The 1-based line and value of the first byte of ``path`` that ``encoding`` cannot read."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    line = 1
    with path.open("rb") as stream:
        while True:
            chunk = stream.read(1024 * 1024)
            if not chunk:
                return None, None
            try:
                line += decoder.decode(chunk).count("\n")
            except UnicodeDecodeError as error:
                # ``error.object`` is what the decoder held back from the previous chunk (no
                # text came of it yet) followed by this chunk.
                data = bytes(error.object)
                before = data[: error.start].decode(encoding, errors="replace")
                byte = data[error.start] if error.start < len(data) else None
                return line + before.count("\n"), byte
