"""``render.table.ReportTable`` draws exactly what rich's ``Table`` draws, for any table of the
kinds the reports lay out: columns justified left or right, with ratios, fixed and least
widths, no wrapping or folding; cells of plain, styled, two-line or long text; tables that fill
the width or not; at widths from 12 columns, with and without colour."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box
from rich.table import Table
from rich.text import Text

from coprod_check.render.console import console_text, string_console
from coprod_check.render.table import ReportTable

WORDS = st.sampled_from(
    ["co-production", "a", "people", "who", "use", "services", "x" * 25, "é", "日本", "–", "12.5"]
)
CELL = st.tuples(
    st.lists(WORDS, min_size=0, max_size=12).map(" ".join),
    st.sampled_from(["", "bold", "green"]),
    st.sampled_from([None, None, None, True]),  # a cell that must not wrap
    st.booleans(),  # a second line
)
COLUMN = st.fixed_dictionaries(
    {
        "justify": st.sampled_from(["left", "right"]),
        "ratio": st.sampled_from([None, None, 1]),
        "min_width": st.sampled_from([None, None, 12, 14]),
        "width": st.sampled_from([None, None, None, 5, 11]),
        "no_wrap": st.sampled_from([False, False, True]),
        "overflow": st.sampled_from(["ellipsis", "ellipsis", "fold"]),
    }
)
TABLE = st.integers(1, 6).flatmap(
    lambda columns: st.tuples(
        st.lists(COLUMN, min_size=columns, max_size=columns),
        st.lists(st.lists(CELL, min_size=columns, max_size=columns), max_size=6),
        st.booleans(),
    )
)


def _text(words: str, style: str, no_wrap: bool | None, second: bool) -> Text:
    text = Text(words + ("\nand more" if second else ""), style=style)
    text.no_wrap = no_wrap
    return text


def _draw(table: Table, width: int, colour: bool) -> str:
    console = string_console(colour, width)
    console.print(table)
    return console_text(console)


def _build(kind: type[Table], raw: tuple[list[dict], list[list[tuple]], bool]) -> Table:
    columns, rows, expand = raw
    table = kind(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=expand)
    for number, column in enumerate(columns):
        table.add_column(f"Column {number}", **column)
    for row in rows:
        table.add_row(*(_text(*cell) for cell in row))
    return table


@settings(max_examples=400, deadline=None)
@given(TABLE, st.integers(min_value=12, max_value=160), st.booleans())
def test_report_table_draws_what_rich_drew(
    raw: tuple[list[dict], list[list[tuple]], bool], width: int, colour: bool
) -> None:
    assert _draw(_build(ReportTable, raw), width, colour) == _draw(
        _build(Table, raw), width, colour
    )


def test_numbers_stay_right_justified_and_long_text_wraps() -> None:
    table = ReportTable(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("Section")
    table.add_column("Score", justify="right")
    table.add_row(Text("The right scale for the work"), Text("7.5"))
    assert _draw(table, 20, False) == (
        "Section        Score\n────────────────────\nThe right        7.5\nscale for\nthe work\n"
    )
