"""The problem-code registry: one enum, each code with its meaning, and the README's table of
codes is exactly that registry (so the documentation cannot drift from the code)."""

from __future__ import annotations

import re
from pathlib import Path

from coprod_check.problems.codes import MEANINGS, Code

README = Path(__file__).resolve().parents[2] / "README.md"
ROW = re.compile(r"^\| `(?P<code>[a-z-]+)` \| (?P<meaning>.+) \|$")


def readme_table() -> dict[str, str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("Problem codes (", 1)[1].split("\n\n", 2)[1]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    found = {}
    for line in rows:
        match = ROW.match(line)
        assert match, f"README problem-code row not in the form | `code` | meaning |: {line}"
        found[match["code"]] = match["meaning"]
    return found


def test_every_code_has_a_meaning() -> None:
    assert set(MEANINGS) == set(Code)
    assert all(meaning.strip() for meaning in MEANINGS.values())


def test_codes_are_lower_case_words_joined_by_hyphens() -> None:
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", code) for code in Code)


def test_the_readme_table_is_the_registry() -> None:
    assert readme_table() == {code.value: meaning for code, meaning in MEANINGS.items()}


def test_no_problem_code_is_spelt_out_as_text_in_the_source() -> None:
    """Codes are named through :class:`Code` (a JSON key of the same spelling is not a code)."""
    source = Path(__file__).resolve().parents[2] / "src" / "coprod_check"
    spelt = [
        f"{path.relative_to(source)}: {code.value}"
        for path in sorted(source.rglob("*.py"))
        if path.name != "codes.py"
        for code in Code
        if re.search(f'"{code.value}"(?!\\s*:)', path.read_text(encoding="utf-8"))
    ]
    assert spelt == []
