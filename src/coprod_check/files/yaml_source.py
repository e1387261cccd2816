"""Read a user's YAML file safely and remember where every value came from.

PyYAML's loaders forget line numbers and silently keep the last of duplicate keys. Here we
compose the node tree with the *safe* loader, then build plain Python data ourselves so that:

- every mapping key and sequence item keeps its ``(line, column)``, so schema errors found
  later (by pydantic, on the plain data) can be mapped back to the YAML node;
- duplicate keys are reported, not dropped;
- alias expansion is bounded, so a "billion laughs" file is refused instead of eating memory;
- files that are too large, binary or not UTF-8 are refused with a one-line message;
- every scalar, key and tag the parser can produce becomes a plain value or a located
  :class:`InputError`: tags that do not fit their text (``!!bool maybe``), impossible dates,
  integers too long to convert or beyond 15 digits, text with a lone surrogate or a control
  character (from an escape such as ``"\\x1b"``; the reader refuses raw ones), and keys that
  are not plain text, numbers or true/false.

So whatever the file holds, the data handed on holds only ``str`` (valid UTF-8, no control
character but tab and newline), ``int`` (at most 15 digits), ``float``, ``bool``,
``None``, dates, ``bytes``, lists and dicts with such keys; and no message can fail to print.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from coprod_check.errors import InputError, Location
from coprod_check.files.input_files import open_input
from coprod_check.problems import Problem
from coprod_check.problems.codes import Code
from coprod_check.problems.wording import shorten

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NODES = 200_000
MAX_DEPTH = 100
#: Integers beyond 15 digits are refused: no coprod-check number is that large, and they stay
#: exact as floats (a weight of 10**400 cannot become a float at all).
MAX_INT = 10**15 - 1
#: Files at least this large are counted event by event before the node tree is built, so a
#: file of millions of tiny values is refused in a moment instead of after seconds and a gigabyte.
PRESCAN_BYTES = 256 * 1024

_BAD_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

PathKey = tuple[str | int, ...]


class YamlDocument:
    """Plain data loaded from one YAML file, with the position of every value."""

    __slots__ = ("data", "path", "positions", "problems")

    def __init__(
        self,
        path: str,
        data: Any,
        positions: dict[PathKey, tuple[int, int]] | None = None,
        problems: list[Problem] | None = None,
    ) -> None:
        self.path, self.data = path, data
        self.positions = {} if positions is None else positions
        self.problems = [] if problems is None else problems

    def locate(self, loc: Sequence[str | int]) -> Location:
        """The position of the value at ``loc`` or, failing that, of its nearest parent."""
        key: PathKey = tuple(loc)
        while key not in self.positions and key:
            key = key[:-1]
        line, column = self.positions.get(key, (1, 1))
        return Location(self.path, line, column)

    def problem(self, loc: Sequence[str | int], code: Code, message: str, **kw: Any) -> Problem:
        """A :class:`Problem` placed at ``loc`` in this document."""
        where = self.locate(loc)
        return Problem(self.path, where.line, where.column, code, message, **kw)


def read_text(path: Path, display: str | None = None) -> str:
    """The file's text, or an :class:`InputError` saying in one line why it cannot be read.

    Only regular files are read (a pipe would block; see :mod:`coprod_check.files.input_files`), and
    never more than the size limit, even from a file that grows while it is read.
    """
    name = display or str(path)
    with open_input(path, name) as stream:
        try:
            size = os.fstat(stream.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise InputError(
                    f"file is too large ({size / 1024 / 1024:.1f} MiB; the limit is "
                    f"{MAX_FILE_BYTES // 1024 // 1024} MiB)",
                    Location(name),
                )
            raw = stream.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror or error}", Location(name)) from None
    return decode(raw, name)


_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def decode(raw: bytes, name: str) -> str:
    """Decode UTF-8 (with or without a byte-order mark); refuse binary content."""
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(
            f"file is too large (the limit is {MAX_FILE_BYTES // 1024 // 1024} MiB)",
            Location(name),
        )
    for bom, encoding in _WIDE_BOMS:
        if raw.startswith(bom):
            raise InputError(
                f"the file is saved as {encoding} text; save it as UTF-8", Location(name, 1)
            )
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise InputError("binary content (a NUL byte): not a text file", Location(name, line))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{raw[error.start]:02x}); save the file as UTF-8",
            Location(name, line),
        ) from None
    return text.replace("\r\n", "\n")


def load_yaml(path: Path, display: str | None = None) -> YamlDocument:
    """Read and parse ``path``; see :func:`parse_yaml`."""
    name = display or str(path)
    return parse_yaml(read_text(path, name), name)


def parse_yaml(text: str, name: str) -> YamlDocument:
    """Parse YAML text into a :class:`YamlDocument`.

    Raises :class:`InputError` for anything that is not one readable YAML document.
    Duplicate keys are not fatal: they are recorded in ``problems``.
    """
    if not text.strip():
        raise InputError("the file is empty", Location(name, 1))
    try:
        if len(text) >= PRESCAN_BYTES:
            _count_values(text, name)
        node = _compose(text)
        if node is None:
            raise InputError("the file holds no YAML document", Location(name, 1))
        builder = _Builder(name)
        data = builder.build(node, ())
    except yaml.MarkedYAMLError as error:
        raise _syntax_error(error, name) from None
    except yaml.reader.ReaderError as error:
        raise _character_error(error, text, name) from None
    except yaml.YAMLError as error:
        raise InputError(f"YAML error: {error}", Location(name)) from None
    except RecursionError:
        raise InputError(
            f"the data is nested too deeply (more than {MAX_DEPTH} levels)", Location(name)
        ) from None
    return YamlDocument(name, data, builder.positions, builder.problems)


def _compose(text: str) -> yaml.Node | None:
    """The node tree, by libyaml when it is available (fast), else by PyYAML's own parser.

    On any error we parse again with PyYAML's parser, whose messages and marks we word for users.
    Both are the *safe* loaders: no tags construct Python objects.
    """
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            loader = fast(text)
            try:
                return loader.get_single_node()  # type: ignore[no-any-return]
            finally:
                loader.dispose()
        except yaml.YAMLError:
            pass
    loader = yaml.SafeLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _count_values(text: str, name: str) -> None:
    """Refuse, from a quick pass over the parser's events, a file of too many values.

    Syntax errors are left to the full parse, which words them.
    """
    loader_class = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_class(text)
    count = 0
    try:
        while True:
            event = loader.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return
            if isinstance(
                event, yaml.ScalarEvent | yaml.MappingStartEvent | yaml.SequenceStartEvent
            ):
                count += 1
                if count > MAX_NODES:
                    mark = event.start_mark
                    raise InputError(
                        f"the file holds more than {MAX_NODES:,} values (keys, items and "
                        "values); a coprod-check file has far fewer, so it is not read",
                        Location(name, mark.line + 1 if mark else None),
                    )
    except yaml.YAMLError:
        return
    finally:
        loader.dispose()


def _character_error(error: yaml.reader.ReaderError, text: str, name: str) -> InputError:
    """A character YAML does not allow (a control character such as ESC), with its place."""
    position = min(max(error.position, 0), len(text))
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    code = error.character if isinstance(error.character, int) else None
    shown = f" (U+{code:04X})" if code is not None else ""
    return InputError(
        f"a control character{shown} that YAML does not allow; remove it",
        Location(name, line, column),
    )


def _syntax_error(error: yaml.MarkedYAMLError, name: str) -> InputError:
    mark = error.problem_mark or error.context_mark
    problem_text = error.problem or ""
    if error.context_mark is not None and (
        "end of stream" in problem_text or "<stream end>" in problem_text
    ):
        mark = error.context_mark  # an unclosed quote or bracket: point at where it opened
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    problem = (error.problem or "").strip()
    if "'\\t'" in problem or "\\t" in problem or "tab" in problem:
        message = "a tab character is used for indentation; YAML needs spaces"
    elif "expected a single document" in str(error):
        message = "the file holds more than one YAML document; put one per file"
    else:
        context = f" {error.context}" if error.context else ""
        message = f"YAML syntax error: {problem}{context}".strip()
    return InputError(message, Location(name, line, column))


class _Builder:
    """Turn a composed node tree into plain data, recording positions and duplicate keys."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.positions: dict[PathKey, tuple[int, int]] = {}
        self.problems: list[Problem] = []
        self.count = 0
        self.constructor = yaml.constructor.SafeConstructor()

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        self.count += 1
        if len(path) > MAX_DEPTH:
            raise InputError(
                f"the data is nested too deeply (more than {MAX_DEPTH} levels)",
                Location(self.name, node.start_mark.line + 1, node.start_mark.column + 1),
            )
        if self.count > MAX_NODES:
            raise InputError(
                f"the document expands to more than {MAX_NODES:,} values through YAML "
                "aliases (*name repeats what &name marks); refusing to load it",
                Location(self.name, node.start_mark.line + 1, node.start_mark.column + 1),
            )
        self.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
        return self.scalar(node)

    def scalar(self, node: yaml.Node) -> Any:
        """The value of a scalar node, checked (see the module docstring), or an InputError."""
        where = Location(self.name, node.start_mark.line + 1, node.start_mark.column + 1)
        try:
            value = self.constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as error:
            mark = error.problem_mark or node.start_mark
            raise InputError(
                f"YAML error: {error.problem}",
                Location(self.name, mark.line + 1, mark.column + 1),
            ) from None
        except (ValueError, OverflowError, KeyError, AttributeError, TypeError, IndexError):
            # A standard tag on text it does not fit (``!!bool maybe``, ``!!int x``), an
            # impossible date, or a number too long for Python to convert.
            raise InputError(_unreadable(node), where) from None
        return _checked(value, node, where)

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict[Any, Any]:
        try:
            self.constructor.flatten_mapping(node)  # resolves "<<" merge keys
        except yaml.MarkedYAMLError as error:  # point at the mapping that merges, not the anchor
            mark = error.context_mark or error.problem_mark or node.start_mark
            raise InputError(
                f"YAML error: {error.problem or error}".strip(),
                Location(self.name, mark.line + 1, mark.column + 1),
            ) from None
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise InputError(
                    "a mapping key must be a plain value, not a list or mapping",
                    Location(
                        self.name, key_node.start_mark.line + 1, key_node.start_mark.column + 1
                    ),
                )
            key = self.scalar(key_node)
            if not isinstance(key, str | int | float | bool) and key is not None:
                key = str(key_node.value)  # a date, or bytes: the text as written
            line, column = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if key in result:
                first = self.positions.get((*path, key), (None, None))[0]
                self.problems.append(
                    Problem(
                        self.name,
                        line,
                        column,
                        Code.DUPLICATE_KEY,
                        f"duplicate key {key!r} (first given on line {first}); "
                        "YAML would silently keep only the last one",
                    )
                )
            self.positions[(*path, key)] = (line, column)
            result[key] = self.build(value_node, (*path, key))
        return result


_TAG_NAMES = {
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:null": "empty",
    "tag:yaml.org,2002:binary": "base64 data",
}


def _unreadable(node: yaml.Node) -> str:
    """Why a scalar's text cannot be the value its tag (given or implied) asks for."""
    text = str(node.value)
    tag = node.tag
    if tag == "tag:yaml.org,2002:timestamp":
        return (
            f"{shorten(text)} is not a real date; write dates as YYYY-MM-DD "
            "(or put the value in quotes if it is not a date)"
        )
    if tag == "tag:yaml.org,2002:int" and len(text) > 40 and text.lstrip("+-").isdigit():
        return f"a number with {len(text):,} digits is too long; numbers have at most 15"
    wanted = _TAG_NAMES.get(tag)
    short = tag.replace("tag:yaml.org,2002:", "!!")
    if wanted is not None:
        return f"the value {shorten(text)!r} is tagged {short} but is not {wanted}"
    return f"the value {shorten(text)!r} cannot be read as {short}"


def _checked(value: Any, node: yaml.Node, where: Location) -> Any:
    """``value`` if it is safe to hand on, else an InputError saying why not."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        if abs(value) > MAX_INT:
            raise InputError(
                f"the number {shorten(str(node.value))} is too large (at most 15 digits)", where
            )
        return value
    # Floats stay as they are, infinities and NaN included: the models refuse them with a
    # located problem among the others (``not-finite``), which is more use than one error.
    if isinstance(value, str):
        bad = _BAD_TEXT.search(value)
        if bad is not None:
            code = ord(bad.group())
            if 0xD800 <= code <= 0xDFFF:
                raise InputError(
                    f"text with a lone surrogate (U+{code:04X}, from an escape such as "
                    f'"\\u{code:04x}"), which is not a character; remove it',
                    where,
                )
            raise InputError(
                f"a control character (U+{code:04X}) in the text; remove it (only tab and "
                "new line are allowed)",
                where,
            )
    return value  # dates, bytes (!!binary): plain values the models accept or refuse
