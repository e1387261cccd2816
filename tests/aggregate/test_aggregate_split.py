"""Reading a CSV quickly, or in two processes, gives exactly what reading it plainly gives.

``split_plain`` must split lines as ``csv.reader`` does; ``CsvSource.batches`` must give the
rows, row numbers and error lines of one plain ``csv.reader`` pass; and an ``Ingest`` that hands
the rest of a file to a forked helper must end in the same state (counts, problems, warnings,
notes, errors) as one that reads the file alone, wherever the file is cut.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, example, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from aggregate_samples import BANK_PATH, HERE, fixture_bank
from coprod_check.aggregate import forked
from coprod_check.aggregate.bank_index import BankIndex
from coprod_check.aggregate.csv_source import FIELD_LIMIT, CsvSource, split_plain
from coprod_check.aggregate.ingest import SPLIT_BYTES, Ingest
from coprod_check.aggregate.mapping import load_mapping
from coprod_check.cli import app
from coprod_check.errors import CoprodError, InputError

linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not hasattr(os, "fork"),
    reason="the helper process is forked, on Linux only",
)
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


# -- two processes --------------------------------------------------------------------------


@pytest.fixture
def helper_allowed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Let ``Ingest`` fork a helper on any Linux machine (one core too, slower), and count how
    often a helper's counts were used."""
    monkeypatch.setattr(forked, "available", lambda: True)
    merged: list[int] = []
    merge = Ingest._merge

    def counting_merge(self: Ingest, *args: Any) -> int:
        merged.append(1)
        return merge(self, *args)

    monkeypatch.setattr(Ingest, "_merge", counting_merge)
    yield merged


def outcome(path: Path, mapping: Path | None = None, **options: Any) -> tuple[object, ...]:
    """Everything an ``Ingest`` ends with after reading ``path`` (or the error it raised)."""
    index = BankIndex([fixture_bank()])
    loaded = load_mapping(mapping, index) if mapping is not None else None
    ingest = Ingest(index, mapping=loaded, **options)
    error: tuple[str, str] | None = None
    try:
        ingest.read_csv(path, path.name)
    except CoprodError as raised:
        error = (type(raised).__name__, str(raised))
    return (
        error,
        ingest.tally.respondents,
        ingest.tally.counts,
        ingest.problems,
        ingest.problem_count,
        ingest.warnings,
        ingest.warning_count,
        ingest.inputs,
        ingest.notes,
        ingest.note_count,
    )


def write_rows(path: Path, rows: list[list[str]], ending: str = "\r\n", bom: bool = False) -> None:
    with path.open("w", newline="", encoding="utf-8-sig" if bom else "utf-8") as stream:
        writer = csv.writer(stream, lineterminator=ending)
        writer.writerow(["respondent", "role", "power-shared", "aims-shared", "note"])
        writer.writerows(rows)


@linux_only
def test_the_helpers_counts_are_used_for_a_plain_file(
    helper_allowed: list[int], tmp_path: Path
) -> None:
    path = tmp_path / "plain.csv"
    roles = ["Carer", "Staff", "Manager", "", "Patient"]
    labels = ["Agree", "Disagree", "", "Strongly agree", "Don't know"]
    write_rows(
        path,
        [[f"R{n}", roles[n % 5], labels[n % 5], labels[n % 3], ""] for n in range(40)],
    )
    alone = outcome(path, batch_rows=4, split_bytes=None)
    assert helper_allowed == []
    assert outcome(path, batch_rows=4, split_bytes=0, split_after=0) == alone
    assert helper_allowed == [1]
    assert alone[0] is None and alone[4] == 0
    assert sum(alone[1].values()) == 40  # type: ignore[attr-defined]


FIXTURE_CSVS = sorted(HERE.rglob("*.csv"))


@linux_only
@pytest.mark.parametrize("path", FIXTURE_CSVS, ids=[path.name for path in FIXTURE_CSVS])
@pytest.mark.parametrize("split_at", [0.0, 0.3, 0.5, 0.9])
@pytest.mark.parametrize("batch_rows", [1, 2, 512])
def test_fixtures_read_the_same_with_a_helper(
    path: Path, split_at: float, batch_rows: int, helper_allowed: list[int]
) -> None:
    mapping = HERE / "mappings" / "valid.yaml" if path.parent.name == "forms" else None
    for on_error in ("skip", "fail"):
        for include_notes in (False, True):
            options: dict[str, Any] = {
                "batch_rows": batch_rows,
                "on_error": on_error,
                "include_notes": include_notes,
            }
            alone = outcome(path, mapping, split_bytes=None, **options)
            split = outcome(
                path, mapping, split_bytes=0, split_after=0, split_at=split_at, **options
            )
            assert split == alone


ROLES = ["Carer", "carer", "Staff", "Patient", "Manager", "", "Volunteer"]
ANSWERS = ["Agree", "agree ", "Strongly agree", "Disagree", "Don't know", "", "Agreed"]
NOTES = ["", "", "plain", "café", "with, comma", "two\nlines", 'say "hi"', "cr\r\nlf"]
ROW = st.tuples(
    st.sampled_from(ROLES),
    st.sampled_from(ANSWERS),
    st.sampled_from(ANSWERS),
    st.sampled_from(NOTES),
).map(lambda row: ["R", *row])
ODD_ROW = st.sampled_from(
    [
        [],  # an empty line
        ["", "", "", "", ""],  # a row of empty cells
        ["R", "Carer", "Agree"],  # too few cells
        ["R", "Carer", "Agree", "Agree", "", "x"],  # too many
    ]
)


@linux_only
@many_examples
@given(
    rows=st.lists(st.one_of(ROW, ROW, ROW, ODD_ROW), max_size=40),
    ending=st.sampled_from(["\r\n", "\n", "\r"]),
    bom=st.booleans(),
    batch_rows=st.integers(1, 7),
    split_at=st.floats(0, 1),
    on_error=st.sampled_from(["skip", "fail"]),
    include_notes=st.booleans(),
)
def test_generated_files_read_the_same_with_a_helper(
    rows: list[list[str]],
    ending: str,
    bom: bool,
    batch_rows: int,
    split_at: float,
    on_error: str,
    include_notes: bool,
    tmp_path: Path,
) -> None:
    path = tmp_path / "export.csv"
    write_rows(path, rows, ending, bom)
    options: dict[str, Any] = {
        "batch_rows": batch_rows,
        "on_error": on_error,
        "include_notes": include_notes,
    }
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(forked, "available", lambda: True)
        alone = outcome(path, split_bytes=None, **options)
        assert outcome(path, split_bytes=0, split_after=0, split_at=split_at, **options) == alone


@linux_only
def test_a_bad_row_before_the_cut_and_a_blank_row_after_it_read_the_same(
    helper_allowed: list[int], tmp_path: Path
) -> None:
    # Read alone, the batch of 4 rows holds the bad row and the blank one, and is gone through
    # row by row before any role is read: 'Patient', only on the bad row, is never warned about.
    # Cut after the bad row, the first two rows would be counted as a batch of their own, in
    # which 'Patient' is read (and warned about) before the bad answer is found.
    path = tmp_path / "edge.csv"
    write_rows(
        path,
        [
            ["R1", "Carer", "Agree", "Agree", ""],
            ["R2", "Patient", "Agreed", "Agree", ""],
            ["", "", "", "", ""],
            *[[f"R{n}", "Carer", "Disagree", "", ""] for n in range(3, 12)],
        ],
    )
    cut = len("respondent,role,power-shared,aims-shared,note\r\nR1,Carer,Agree,Agree,\r\n")
    cut += len("R2,Patient,Agreed,Agree,\r\n")
    split_at = (cut - 1 - 47) / (path.stat().st_size - 47)  # the line after row 3 (R2)
    alone = outcome(path, batch_rows=4, split_bytes=None)
    assert alone[5] == []  # no warning about 'Patient'
    assert outcome(path, batch_rows=4, split_bytes=0, split_after=0, split_at=split_at) == alone
    assert helper_allowed == []  # the helper's counts were not taken
    # With no bad row before the cut, they are.
    path.write_text(path.read_text().replace("Agreed", "Agree"))
    assert outcome(path, batch_rows=4, split_bytes=0, split_after=0, split_at=split_at) == outcome(
        path, batch_rows=4, split_bytes=None
    )
    assert helper_allowed == [1]


@linux_only
@pytest.mark.parametrize("spare", [1.0, 0.2])
def test_a_large_export_gives_the_same_report_with_a_helper_or_without(
    spare: float, helper_allowed: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A helper is forked only when a core was seen to be spare while reading the first rows
    # (here: decided after the first batch).
    monkeypatch.setattr(forked.Load, "elapsed", lambda self: 60.0)
    monkeypatch.setattr(forked.Load, "spare_cores", lambda self: spare)
    path = tmp_path / "large.csv"
    roles = ["Carer", "Frontline staff", "Manager", "Person who uses services"]
    labels = ["Agree", "Disagree", "", "Strongly agree", "Don't know", "Neither agree nor disagree"]
    rows = [
        [f"R{n}", roles[n % 4], labels[n % 6], labels[n * 7 % 6], "x" * (n % 200)]
        for n in range(SPLIT_BYTES // 120)
    ]
    write_rows(path, rows)
    assert path.stat().st_size > SPLIT_BYTES + 1000  # so the command splits it by default
    runner = CliRunner()
    command = ["aggregate", str(path), "-b", str(BANK_PATH), "-f", "json"]
    with_helper = runner.invoke(app, command)
    assert with_helper.exit_code == 0, with_helper.stderr
    assert helper_allowed == ([1] if spare >= 0.5 else [])
    monkeypatch.setattr(forked, "available", lambda: False)
    alone = runner.invoke(app, command)
    assert alone.exit_code == 0, alone.stderr
    assert len(helper_allowed) == (1 if spare >= 0.5 else 0)
    assert with_helper.stdout == alone.stdout
    assert json.loads(alone.stdout)["respondents"] == len(rows)


# -- the forked process ---------------------------------------------------------------------


def test_spare_cores_are_those_neither_this_process_nor_other_work_kept_busy() -> None:
    # 2 cores for 0.5 s: this process busy throughout, other work for 0.1 s.
    assert forked.spare_cores(2, 0.5, busy=0.6, own=0.5) == pytest.approx(0.8)
    # Other work took the whole second core.
    assert forked.spare_cores(2, 0.5, busy=1.0, own=0.5) == pytest.approx(0.0)
    assert forked.spare_cores(4, 1.0, busy=1.0, own=1.0) == pytest.approx(3.0)
    assert forked.spare_cores(2, 0.0, busy=0.0, own=0.0) == 0.0


@linux_only
def test_the_load_is_measured_from_proc_stat() -> None:
    load = forked.Load()
    deadline = time.monotonic() + 0.2
    while time.monotonic() < deadline:
        pass  # keep one core busy
    spare = load.spare_cores()
    assert load.elapsed() >= 0.2
    assert -0.5 <= spare <= len(os.sched_getaffinity(0)) - 0.5


@linux_only
def test_a_forked_function_returns_its_result_or_none() -> None:
    assert forked.Forked(lambda: {"counts": [1, 2, 3]}).result() == {"counts": [1, 2, 3]}

    def fails() -> int:
        raise ValueError("no")

    assert forked.Forked(fails).result() is None
    assert forked.Forked(lambda: os._exit(0)).result() is None


@linux_only
def test_closing_a_running_helper_stops_it() -> None:
    helper = forked.Forked(lambda: time.sleep(60))
    pid = helper._pid
    assert pid is not None
    started = time.monotonic()
    helper.close()
    assert time.monotonic() - started < 10
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # stopped and reaped: no such process


@linux_only
def test_a_failing_run_stops_its_helper(
    helper_allowed: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bad-first.csv"
    write_rows(path, [["R1", "Carer", "Agreed", "", ""], *[["R", "Carer", "Agree", "", ""]] * 30])
    helpers: list[forked.Forked[Any]] = []
    start = forked.Forked.__init__

    def recording_init(self: forked.Forked[Any], work: Any) -> None:
        start(self, work)
        helpers.append(self)

    monkeypatch.setattr(forked.Forked, "__init__", recording_init)
    with pytest.raises(CoprodError, match=r"bad-first.csv:2: unknown answer 'Agreed'"):
        Ingest(
            BankIndex([fixture_bank()]), on_error="fail", batch_rows=2, split_bytes=0, split_after=0
        ).read_csv(path, "bad-first.csv")
    assert len(helpers) == 1 and helpers[0]._pid is None  # reaped
