"""The plain drawer (``render.plain``) writes exactly what rich prints without colour, for any
block of the kit: paragraphs, heading rules, grids and tables with any of the column options the
reports use, padded blocks and hanging lists; texts with long words, wide characters, several
lines or none; at any width. And a report drawn without colour never imports rich."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from rich._wrap import divide_line
from rich.text import Text as RichText

from coprod_check.render.console import console_text, string_console
from coprod_check.render.kit import Block, Hanging, Heading, Padded, Para, Table, draw
from coprod_check.render.plain import draw_plain
from coprod_check.render.plain_text import NARROW, _divide_narrow, wrap
from coprod_check.render.rich_kit import to_rich

WORDS = st.sampled_from(
    [
        "co-production",
        "a",
        "people",
        "who",
        "use",
        "services",
        "x" * 25,
        "y" * 70,
        "é",
        "日本",
        "“quoted”",
        "–",
        "12.5",
        "█░░",
        "",
    ]
)
SPACES = st.sampled_from([" ", " ", " ", "  "])
LINE = st.lists(st.tuples(WORDS, SPACES), max_size=14).map(
    lambda pairs: "".join(word + space for word, space in pairs).rstrip(" ")
)
WORDING = st.lists(LINE, min_size=1, max_size=3).map("\n".join) | LINE
STYLE = st.sampled_from(["", "", "bold", "dim", "green"])
PARA = st.builds(
    lambda runs, style, no_wrap: Para(runs, style, no_wrap),
    st.lists(st.tuples(WORDING, STYLE), max_size=3),
    STYLE,
    st.sampled_from([None, None, None, True]),
)
WRAPPING_PARA = st.builds(
    lambda runs, style: Para(runs, style), st.lists(st.tuples(WORDING, STYLE), max_size=3), STYLE
)
COLUMN = st.fixed_dictionaries(
    {
        "justify": st.sampled_from(["left", "right"]),
        "ratio": st.sampled_from([None, None, 1, 2]),
        "min_width": st.sampled_from([None, None, 12, 14]),
        "max_width": st.sampled_from([None, None, None, 12]),
        "width": st.sampled_from([None, None, None, 5, 11]),
        "no_wrap": st.sampled_from([False, False, True]),
        "overflow": st.sampled_from(["ellipsis", "ellipsis", "fold"]),
        "style": st.sampled_from(["", "bold"]),
    }
)


@st.composite
def tables(draw_: st.DrawFn) -> Table:
    count = draw_(st.integers(1, 7))
    grid = draw_(st.booleans())
    title = None if grid else draw_(st.none() | LINE)
    table = Table(grid=grid, expand=draw_(st.booleans()), title=title)
    for _ in range(count):
        table.add_column(draw_(LINE), **draw_(COLUMN))
    for _ in range(draw_(st.integers(0, 6))):
        table.add_row(*draw_(st.lists(PARA, min_size=count, max_size=count)))
    return table


HANGING = st.builds(
    Hanging,
    st.lists(
        st.tuples(st.sampled_from(["•", "1.", "10.", "-"]), st.lists(WRAPPING_PARA, max_size=4)),
        min_size=1,
        max_size=5,
    ),
    st.integers(0, 4),
)
HEADING = st.builds(Heading, LINE, st.booleans())
BLOCK: st.SearchStrategy[Block] = st.recursive(
    PARA | HEADING | HANGING | tables(),
    lambda inner: st.builds(Padded, inner, st.integers(0, 6)),
    max_leaves=2,
)


def _rich(blocks: list[Block], width: int) -> str:
    console = string_console(False, width)
    for block in blocks:
        console.print(to_rich(block))
    return console_text(console)


def _plain(blocks: list[Block], width: int) -> str:
    return draw_plain(blocks, width)


@settings(max_examples=500, deadline=None)
@given(st.lists(BLOCK, min_size=1, max_size=3), st.integers(min_value=40, max_value=160))
def test_plain_drawer_draws_what_rich_draws(blocks: list[Block], width: int) -> None:
    assert _plain(blocks, width) == _rich(blocks, width)


def test_a_list_paragraph_of_line_breaks_only_is_drawn_as_rich_draws_it() -> None:
    """Found by the test above (a review, 2026-12-02): rich draws '•\n•', not '•\n\n•'."""
    for breaks in ("\n", "\n\n"):
        blocks: list[Block] = [Hanging([("•", [Para([(breaks, "")], "")]), ("•", [])], 0)]
        assert _plain(blocks, 40) == _rich(blocks, 40) == "•\n•\n"


@settings(max_examples=300, deadline=None)
@given(BLOCK, st.integers(min_value=1, max_value=39))
def test_plain_drawer_draws_what_rich_draws_when_narrow(block: Block, width: int) -> None:
    assert _plain([block], width) == _rich([block], width)


@settings(max_examples=200, deadline=None)
@given(tables(), st.integers(min_value=10, max_value=160))
def test_tables_are_laid_out_as_rich_lays_them_out(table: Table, width: int) -> None:
    assert _plain([table], width) == _rich([table], width)


@settings(max_examples=1000, deadline=None)
@given(
    WORDING,
    st.integers(min_value=1, max_value=60),
    st.sampled_from(["default", "left", "right"]),
    st.sampled_from(["ellipsis", "fold"]),
    st.booleans(),
)
def test_wrap_makes_rich_s_lines(
    words: str, width: int, justify: str, overflow: str, no_wrap: bool
) -> None:
    console = string_console(False, 200)
    lines = RichText(words).wrap(
        console,
        width,
        justify=justify,
        overflow=overflow,
        no_wrap=no_wrap,  # type: ignore[arg-type]
    )
    assert wrap(words, width, justify, overflow, no_wrap) == [line.plain for line in lines]  # type: ignore[arg-type]


NARROW_WORDS = st.sampled_from(["a", "bb", "co-production", "x" * 25, "y" * 9, "é", "“q”", "-"])
NARROW_LINE = st.tuples(
    SPACES | st.just(""), st.lists(st.tuples(NARROW_WORDS, SPACES), min_size=1, max_size=30)
).map(lambda parts: parts[0] + "".join(word + space for word, space in parts[1]))


@settings(max_examples=2000, deadline=None)
@given(NARROW_LINE | NARROW_LINE.map(str.rstrip), st.integers(1, 40), st.booleans())
def test_lines_of_one_cell_characters_break_where_rich_breaks_them(
    line: str, width: int, fold: bool
) -> None:
    assert _divide_narrow(line, width, fold) == divide_line(line, width, fold)


def test_text_the_plain_drawer_leaves_to_rich_is_still_drawn() -> None:
    """Tabs and control characters (rich expands or strips them) are drawn by rich."""
    blocks: list[Block] = [
        Para([("tab\there", ""), ("bell\x07", "bold")]),
        Padded(Para([("carriage\rreturn", "")]), 2),
    ]
    assert _plain(blocks, 40) == _rich(blocks, 40)


def test_colour_is_drawn_by_rich() -> None:
    blocks: list[Block] = [Para([("Verdict: ", "bold"), ("ready", "green")])]
    assert draw(blocks, color=True, width=40) == "\x1b[1mVerdict: \x1b[0m\x1b[32mready\x1b[0m\n"
    assert draw(blocks, color=False, width=40) == "Verdict: ready\n"


def test_narrow_characters_are_one_cell_in_every_unicode_version() -> None:
    from rich._unicode_data._versions import VERSIONS
    from rich.cells import get_character_cell_size

    for version in VERSIONS:
        wide = [c for c in NARROW if get_character_cell_size(c, version) != 1]
        assert not wide, (version, wide[:5])


def test_score_text_without_colour_never_imports_rich() -> None:
    script = (
        "import sys, contextlib, io\n"
        "from coprod_check.cli import main\n"
        "sys.argv = ['coprod-check', 'score', 'examples/borough-wide-redesign.yaml']\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        "    try:\n"
        "        main()\n"
        "    except SystemExit as stop:\n"
        "        assert not stop.code, stop.code\n"
        "assert 'Detail' in out.getvalue()\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'rich'))\n"
    )
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
