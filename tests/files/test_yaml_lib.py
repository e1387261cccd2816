"""PyYAML imported with its reader's pattern deferred: the same findings, nothing else touched."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from coprod_check.errors import InputError
from coprod_check.files.yaml_lib import NON_PRINTABLE, DeferredPattern
from coprod_check.files.yaml_source import parse_yaml


def test_the_deferred_text_is_pyyamls_own() -> None:
    """If PyYAML words the pattern otherwise, nothing is deferred (and nothing breaks): this
    test says the saving is still there."""
    code = (
        "import re, sys\n"
        "from coprod_check.files.yaml_lib import yaml\n"
        "from coprod_check.files.yaml_lib import NON_PRINTABLE\n"
        "pattern = yaml.reader.Reader.NON_PRINTABLE\n"
        "print(type(pattern).__name__, pattern.compiled is None)\n"
        "print(type(re.compile(NON_PRINTABLE)).__name__)\n"
        "print(pattern.search('a\\x1bb').start(), pattern.compiled.pattern == NON_PRINTABLE)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.splitlines() == ["DeferredPattern True", "Pattern", "1 True"]


@given(st.text())
def test_the_stand_in_finds_what_the_pattern_finds(text: str) -> None:
    real = re.compile(NON_PRINTABLE).search(text)
    found = DeferredPattern(NON_PRINTABLE).search(text)
    assert (found and (found.start(), found.group())) == (real and (real.start(), real.group()))


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("a: b\nc: 'x\x1by'\n", ":2:6:"),
        ("a: \x07\n", ":1:4:"),
        ("list:\n  - ok\n  - \x7f\n", ":3:5:"),
        ("key: \x9f\n", ":1:6:"),
    ],
)
def test_the_pure_python_reader_still_refuses_control_characters(text: str, where: str) -> None:
    with pytest.raises(InputError, match="that YAML does not allow") as caught:
        parse_yaml(text, "f.yaml")
    assert where in str(caught.value)
    with pytest.raises(yaml.reader.ReaderError):
        yaml.safe_load(text)
