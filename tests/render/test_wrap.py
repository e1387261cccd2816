"""``render.wrap.wrap_line`` makes the lines rich's ``Text.wrap`` makes, for any one line of
printable text and any width: ASCII and wide characters, runs of spaces, words longer than the
line, text that just fits."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from coprod_check.render.wrap import Justify, wrap_line

CONSOLE = Console(width=200, color_system=None)
WORDS = st.sampled_from(
    ["co-production", "a", "people", "who", "services", "carers'", "x" * 30, "é", "日本", "–", "…"]
)
SPACES = st.sampled_from([" ", " ", " ", "  ", "   "])
LINE = st.lists(st.tuples(WORDS, SPACES), min_size=1, max_size=30).map(
    lambda pairs: "".join(word + space for word, space in pairs)
)
TEXT = st.tuples(SPACES | st.just(""), LINE, st.booleans()).map(
    lambda parts: parts[0] + (parts[1] if parts[2] else parts[1].rstrip())
)


def _rich(text: str, width: int, justify: Justify = "left") -> list[str]:
    lines = Text(text).wrap(CONSOLE, width, justify=justify, overflow="ellipsis")
    return [line.plain for line in lines]


@settings(max_examples=1000, deadline=None)
@given(TEXT, st.integers(min_value=1, max_value=120), st.sampled_from(["left", "right"]))
def test_wrap_line_makes_rich_s_lines(text: str, width: int, justify: Justify) -> None:
    assert wrap_line(text, width, justify) == _rich(text, width, justify)


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.characters(min_codepoint=32, max_codepoint=0x2FFF), max_size=200), st.integers(1, 90)
)
def test_wrap_line_makes_rich_s_lines_for_any_printable_text(text: str, width: int) -> None:
    assume(text.isprintable())
    assert wrap_line(text, width) == _rich(text, width)
    assert wrap_line(text, width, "right") == _rich(text, width, "right")


def test_a_word_longer_than_the_line_is_cut_with_an_ellipsis() -> None:
    assert wrap_line("see https://example.org/a/long/path now", 12) == [
        "see         ",
        "https://exa…",
        "now         ",
    ]
