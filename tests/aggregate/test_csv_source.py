"""Reading a CSV quickly gives exactly what reading it plainly gives.

``split_plain`` must split lines as ``csv.reader`` does, and ``CsvSource.batches`` must give the
rows, row numbers and error lines of one plain ``csv.reader`` pass.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from coprod_check.aggregate.csv_source import FIELD_LIMIT, CsvSource, split_plain
from coprod_check.errors import InputError

many_examples = hypothesis_settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def lines_of(text: str) -> list[str]:
    """Lines as the CSV source reads them (a text file in ``newline=""`` mode)."""
    return list(io.StringIO(text, newline=""))


# -- split_plain --------------------------------------------------------------------------

ANY_TEXT = st.text(
    alphabet=st.sampled_from(
        ["a", "b", " ", ",", ";", "\t", '"', "\r", "\n", "\x00", "é", "\u2028", "\x85"]
    ),
    max_size=60,
)
DELIMITERS = st.sampled_from([",", ";", "\t"])


@many_examples
@given(text=ANY_TEXT, delimiter=DELIMITERS)
def test_split_plain_gives_what_csv_reader_gives(text: str, delimiter: str) -> None:
    lines = lines_of(text)
    assume(lines)
    rows = split_plain(lines, delimiter, FIELD_LIMIT)
    if rows is not None:
        assert rows == list(csv.reader(lines, delimiter=delimiter))


@many_examples
@given(
    cells=st.lists(
        st.lists(st.text(alphabet=st.sampled_from(["a", " ", ",", ";", "é"]), max_size=4)),
        min_size=1,
        max_size=12,
    ),
    ending=st.sampled_from(["\n", "\r\n", "\r"]),
    last_ending=st.booleans(),
)
def test_split_plain_splits_every_unquoted_batch(
    cells: list[list[str]], ending: str, last_ending: bool
) -> None:
    text = ending.join(",".join(row) for row in cells) + (ending if last_ending else "")
    lines = lines_of(text)
    assume(lines)
    assert split_plain(lines, ",", FIELD_LIMIT) == list(csv.reader(lines))


def test_split_plain_leaves_quotes_mixed_line_breaks_and_long_lines_to_the_csv_module() -> None:
    assert split_plain(['a,"b"\n'], ",", FIELD_LIMIT) is None
    assert split_plain(["a\r\n", "b\n"], ",", FIELD_LIMIT) is None
    assert split_plain(["a\n", "b\r"], ",", FIELD_LIMIT) is None
    assert split_plain(["a\x00b\n"], ",", FIELD_LIMIT) is None
    assert split_plain(["abcdef\n"], ",", 4) is None
    assert split_plain(["ab\n", "\n", "c,d"], ",", 4) == [["ab"], [], ["c", "d"]]


# -- CsvSource.batches ----------------------------------------------------------------------

CELLS = st.sampled_from(["", "a", "b c", "x,y", 'say "hi"', "two\nlines", "cr\r\nlf", "é"])


@st.composite
def csv_texts(draw: st.DrawFn) -> str:
    """A CSV file's text: a header, then rows written by ``csv.writer`` or typed by hand."""
    ending = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=ending)
    writer.writerow(["respondent", "role", "power-shared"])
    for _ in range(draw(st.integers(0, 30))):
        kind = draw(st.sampled_from(["row", "row", "row", "blank", "typed"]))
        if kind == "row":
            writer.writerow(draw(st.lists(CELLS, min_size=1, max_size=4)))
        elif kind == "blank":
            buffer.write(ending)
        else:
            buffer.write(draw(st.sampled_from(["a,b,c", 'a,"b', 'x"y,z', "p;q"])) + ending)
    return buffer.getvalue()


@many_examples
@given(text=csv_texts(), size=st.integers(1, 6), bom=st.booleans())
@example(text="respondent,role,power-shared\rp;q\rp;q\rp;q\r", size=1, bom=False)
def test_batches_give_the_rows_and_numbers_of_one_csv_reader_pass(
    text: str, size: int, bom: bool, tmp_path: Path
) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(b"\xef\xbb\xbf" * bom + text.encode("utf-8"))
    expected = list(csv.reader(lines_of(text)))
    got: list[list[str]] = []
    with CsvSource(path) as source:
        for first_row, batch in source.batches(size):
            assert first_row == 2 + len(got)
            assert 0 < len(batch) <= size
            got.extend(batch)
    assert [source.header, *got] == [[cell.strip() for cell in expected[0]], *expected[1:]]


def test_a_csv_error_after_plain_batches_names_the_line_a_csv_reader_would(
    tmp_path: Path,
) -> None:
    plain = "".join(f"R{number},Carer,Agree\n" for number in range(7))
    text = "respondent,role,power-shared\n" + plain + 'R8,"two\nlines",x' + "y" * FIELD_LIMIT
    path = tmp_path / "huge.csv"
    path.write_text(text, encoding="utf-8")
    reader = csv.reader(lines_of(text))
    with pytest.raises(csv.Error):
        list(reader)
    assert reader.line_num == 10
    with pytest.raises(InputError) as raised, CsvSource(path, "huge.csv") as source:
        for _ in source.batches(3):
            pass
    assert str(raised.value) == (
        "huge.csv:10: a cell is larger than 1024 KiB; is this really a CSV export?"
    )


def test_a_csv_error_before_a_bad_byte_in_the_same_batch_is_the_one_named(
    tmp_path: Path,
) -> None:
    # Reading row by row meets the huge cell on line 2 before the byte on line 500 is decoded
    # (the encoding is given: a small file with a bad byte would be read as Windows-1252).
    plain = b"".join(b"R%d,Carer,Agree\n" % number for number in range(3, 500))
    data = b"respondent,role,power-shared\n" + b"x" * (FIELD_LIMIT + 1) + b",Carer,Agree\n"
    path = tmp_path / "both.csv"
    path.write_bytes(data + plain + b"R500,Carer,Don\x92t know\n")
    with pytest.raises(InputError) as raised, CsvSource(path, "both.csv", "utf-8-sig") as source:
        for _ in source.batches(512):
            pass
    assert str(raised.value) == (
        "both.csv:2: a cell is larger than 1024 KiB; is this really a CSV export?"
    )
    path.write_bytes(data.replace(b"x" * (FIELD_LIMIT + 1), b"R2") + plain + b"R500,\x92\n")
    with pytest.raises(InputError) as raised, CsvSource(path, "both.csv", "utf-8-sig") as source:
        for _ in source.batches(512):
            pass
    assert str(raised.value).startswith("both.csv:500: not valid UTF-8 (byte 0x92)")
