"""``yaml_source``: safe YAML with positions, duplicate keys and limits on hostile input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_check.errors import EXIT_USAGE, InputError
from coprod_check.files.yaml_source import MAX_FILE_BYTES, decode, load_yaml, parse_yaml, read_text


def _error(text: str) -> InputError:
    with pytest.raises(InputError) as caught:
        parse_yaml(text, "f.yaml")
    return caught.value


def test_positions_of_keys_and_items() -> None:
    doc = parse_yaml("a: 1\nb:\n  - x\n  - c: 2\n    d: 3\n", "f.yaml")
    assert doc.data == {"a": 1, "b": ["x", {"c": 2, "d": 3}]}
    assert doc.positions[("a",)] == (1, 1)
    assert doc.positions[("b",)] == (2, 1)
    assert doc.positions[("b", 0)] == (3, 5)
    assert doc.positions[("b", 1)] == (4, 5)
    assert doc.positions[("b", 1, "d")] == (5, 5)


def test_locate_falls_back_to_the_nearest_parent() -> None:
    doc = parse_yaml("a:\n  b: 1\n", "f.yaml")
    assert str(doc.locate(("a", "b", "missing"))) == "f.yaml:2:3"
    assert str(doc.locate(("nowhere",))) == "f.yaml:1:1"


def test_duplicate_keys_are_problems_and_the_last_value_is_kept() -> None:
    doc = parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert doc.data == {"a": 3, "b": 2}
    assert [str(p) for p in doc.problems] == [
        "f.yaml:3:1: error: duplicate key 'a' (first given on line 1); "
        "YAML would silently keep only the last one [duplicate-key]"
    ]


def test_bom_and_crlf_decode_to_plain_text() -> None:
    assert decode(b"\xef\xbb\xbfa: 1\r\nb: 2\r\n", "f.yaml") == "a: 1\nb: 2\n"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"a: 1\n\x00", "f.yaml:2: binary content (a NUL byte): not a text file"),
        (b"a: 1\nb: \xff\n", "f.yaml:2: not valid UTF-8 (byte 0xff); save the file as UTF-8"),
    ],
)
def test_binary_and_non_utf8_are_unreadable(raw: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        decode(raw, "f.yaml")
    assert str(caught.value) == message
    assert caught.value.exit_code == EXIT_USAGE


def test_too_large_a_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as stream:
        stream.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(InputError, match=r"file is too large \(5\.0 MiB; the limit is 5 MiB\)"):
        read_text(big)


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("", "f.yaml:1", "the file is empty"),
        ("   \n\n", "f.yaml:1", "the file is empty"),
        ("# just a comment\n", "f.yaml:1", "the file holds no YAML document"),
        (
            "a:\n\tb: 1\n",
            "f.yaml:2:1",
            "a tab character is used for indentation; YAML needs spaces",
        ),
        (
            "a: 1\n---\nb: 2\n",
            "f.yaml:2:1",
            "the file holds more than one YAML document; put one per file",
        ),
        (
            "? [a, b]\n: 1\n",
            "f.yaml:1:3",
            "a mapping key must be a plain value, not a list or mapping",
        ),
        (
            "a: !custom x\n",
            "f.yaml:1:4",
            "YAML error: could not determine a constructor for the tag '!custom'",
        ),
    ],
)
def test_unparseable_text(text: str, where: str, message: str) -> None:
    error = _error(text)
    assert str(error) == f"{where}: {message}"


def test_billion_laughs_is_refused() -> None:
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    error = _error("\n".join(lines) + "\n")
    assert "expands to more than 200,000 values" in error.message


def test_python_tags_never_run_code(tmp_path: Path) -> None:
    error = _error("a: !!python/name:os.system\n")
    assert "could not determine a constructor" in error.message
    marker = tmp_path / "ran"
    doc = parse_yaml(f"a: !!python/object/apply:os.system ['touch {marker}']\n", "f.yaml")
    assert doc.data == {"a": [f"touch {marker}"]}  # the tag on a list is ignored, not obeyed
    assert not marker.exists()


def test_load_yaml_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text("a: [1\n")
    with pytest.raises(InputError) as caught:
        load_yaml(path, "shown.yaml")
    assert str(caught.value).startswith("shown.yaml:1:4: YAML syntax error: ")


# --- values PyYAML recognises but cannot build, and errors found only at the end ------------


def test_impossible_date_is_an_input_error() -> None:
    error = _error("date: 2026-13-01\n")
    assert str(error) == (
        "f.yaml:1:7: 2026-13-01 is not a real date; write dates as YYYY-MM-DD "
        "(or put the value in quotes if it is not a date)"
    )


def test_very_deep_nesting_is_an_input_error() -> None:
    assert "nested too deeply" in str(_error("a: " + "[" * 3000 + "]" * 3000 + "\n"))
    assert str(_error("a: " + "[" * 150 + "]" * 150 + "\n")).startswith("f.yaml:1:")


def test_merging_a_scalar_is_an_input_error() -> None:
    assert str(_error("a: &a text\nb:\n  <<: *a\n")) == (
        "f.yaml:3:3: YAML error: expected a mapping or list of mappings for merging, "
        "but found scalar"
    )


def test_unclosed_quote_points_at_its_line() -> None:
    assert _error('a: 1\nb: "open\nc: 2\n').location.line == 2  # type: ignore[union-attr]


# --- property: data equals PyYAML's own reading, and every key's position shows that key -----

KEYS = st.text(alphabet="abcxyz_", min_size=1, max_size=6)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-1000, 1000),
    st.text(alphabet="abc xyz-:#'\"é", max_size=10),
)
DATA = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, min_size=1, max_size=4)
    ),
    max_leaves=20,
)


def _key_paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = []
    if isinstance(node, dict):
        for key, value in node.items():
            found.append((*path, key))
            found += _key_paths(value, (*path, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found += _key_paths(item, (*path, index))
    return found


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(KEYS, DATA, min_size=1, max_size=5), st.booleans())
def test_data_and_positions_match_pyyaml(data: dict[str, Any], flow: bool) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow, allow_unicode=True, width=60)
    doc = parse_yaml(text, "f.yaml")
    assert doc.data == yaml.safe_load(text)
    assert doc.problems == []
    lines = text.splitlines()
    for path in _key_paths(data):
        line, column = doc.positions[path]
        key = str(path[-1])
        assert lines[line - 1][column - 1 :].lstrip("'\"").startswith(key), (path, text)


# -- every scalar, key and tag becomes a plain value or a located error (issue 15) ----------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "a: !!bool maybe\n",
            "f.yaml:1:4: the value 'maybe' is tagged !!bool but is not true or false",
        ),
        ("a: !!timestamp soon\n", "f.yaml:1:4: soon is not a real date; write dates as YYYY-MM-DD"),
        ("a: !!int x\n", "f.yaml:1:4: the value 'x' is tagged !!int but is not a whole number"),
        ("a: !!float x\n", "f.yaml:1:4: the value 'x' is tagged !!float but is not a number"),
        ("a: !!null x\n", None),  # PyYAML reads any text tagged !!null as null
        ("a: !!binary 'a'\n", "f.yaml:1:4: YAML error: failed to decode base64 data"),
        ("!!int banks2: x\n", "f.yaml:1:1: the value 'banks2' is tagged !!int but is not a whole"),
        ("!!float banks: []\n", "f.yaml:1:1: the value 'banks' is tagged !!float but is not a num"),
        ("!!bool banks: []\n", "f.yaml:1:1: the value 'banks' is tagged !!bool but is not true"),
        ("2026-02-30: x\n", "f.yaml:1:1: 2026-02-30 is not a real date"),
        ("a:\n  2026-02-30: x\n", "f.yaml:2:3: 2026-02-30 is not a real date"),
        ("a: " + "1" * 5000 + "\n", "f.yaml:1:4: a number with 5,000 digits is too long"),
        (
            "a: 1" + "0" * 400 + "\n",
            "f.yaml:1:4: the number 1000000000000000000000000000000000000...",
        ),
        ("a: -1" + "0" * 15 + "\n", "f.yaml:1:4: the number -1000000000000000 is too large"),
        ('a: "\\udfff"\n', "f.yaml:1:4: text with a lone surrogate (U+DFFF"),
        ('"\\ud800": 1\n', "f.yaml:1:1: text with a lone surrogate (U+D800"),
        ('a: "\\e[31mred"\n', "f.yaml:1:4: a control character (U+001B) in the text"),
        ('a: "\\x9b2J"\n', "f.yaml:1:4: a control character (U+009B) in the text"),
        ('a: "one\\rtwo"\n', "f.yaml:1:4: a control character (U+000D) in the text"),
    ],
)
def test_scalars_keys_and_tags_become_values_or_located_errors(
    text: str, message: str | None
) -> None:
    if message is None:
        assert parse_yaml(text, "f.yaml").data == {"a": None}
        return
    assert str(_error(text)).startswith(message)


def test_plain_values_that_stay_values() -> None:
    doc = parse_yaml(
        'a: "tab\\there"\nb: 999999999999999\nc: 2026-02-28\n'
        "2026-01-01: d\n1: e\ny: !!binary aGk=\n",
        "f.yaml",
    )
    assert doc.data["a"] == "tab\there" and doc.data["b"] == 999_999_999_999_999
    assert str(doc.data["c"]) == "2026-02-28"
    assert doc.data["2026-01-01"] == "d" and doc.data[1] == "e" and doc.data["y"] == b"hi"


def test_a_file_of_millions_of_tiny_values_is_refused_early_naming_the_cause() -> None:
    text = "a: [" + "1," * 250_000 + "1]\n"
    error = _error(text)
    assert "holds more than 200,000 values" in str(error)
    assert "alias" not in str(error)
