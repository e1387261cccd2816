"""``render.hanging.Hanging`` draws exactly what the two-column ``Table.grid`` it replaced drew.

The terminal reports' golden files prove it for the reports' own lists; this checks it for any
list: markers of different widths, several paragraphs per item, styled text, words longer than
the line, at widths from 20 columns, with and without colour. (Paragraphs are never blank in the
reports; the grid drew a blank one as a styled space.)
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from coprod_check.render.console import console_text, string_console
from coprod_check.render.hanging import Hanging

WORDS = st.sampled_from(
    [
        "co-production",
        "a",
        "people",
        "who",
        "use",
        "services",
        "carers'",
        "x" * 30,
        "é",
        "  ",
        "日本",
        "tab\there",
        "two\nlines",
    ]
)
PARAGRAPH = st.tuples(
    st.lists(WORDS, min_size=1, max_size=25).map(" ".join).filter(str.strip),
    st.sampled_from(["", "bold", "dim", "red"]),
    st.booleans(),
)
ITEMS = st.lists(
    st.tuples(
        st.sampled_from(["•", "1.", "10.", "-"]), st.lists(PARAGRAPH, min_size=1, max_size=4)
    ),
    min_size=1,
    max_size=6,
)


def _text(words: str, style: str, labelled: bool) -> Text:
    if labelled:
        return Text.assemble(("Why: ", "bold"), (words, style))
    return Text(words, style=style)


def _draw(renderable: object, width: int, colour: bool) -> str:
    console = string_console(colour, width)
    console.print(renderable)
    return console_text(console)


def _grid(items: list[tuple[str, list[Text]]]) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for marker, paragraphs in items:
        grid.add_row(Text(marker), Group(*paragraphs))
    return grid


@settings(max_examples=300, deadline=None)
@given(ITEMS, st.integers(min_value=20, max_value=130), st.booleans(), st.integers(0, 4))
def test_hanging_draws_what_the_grid_drew(
    raw: list[tuple[str, list[tuple[str, str, bool]]]], width: int, colour: bool, indent: int
) -> None:
    def items() -> list[tuple[str, list[Text]]]:
        return [(marker, [_text(*paragraph) for paragraph in body]) for marker, body in raw]

    expected = _draw(Padding(_grid(items()), (0, 0, 0, indent)), width, colour)
    assert _draw(Hanging(items(), indent), width, colour) == expected


def test_wrapped_lines_hang_under_the_text() -> None:
    drawn = _draw(
        Hanging([("1.", [Text("one two three four")]), ("10.", [Text("five")])]), 12, False
    )
    assert drawn == "1.  one two\n    three\n    four\n10. five\n"
