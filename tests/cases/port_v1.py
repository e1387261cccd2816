"""Port an answers file written for the 1.x bundled banks to the 2.0.0 banks.

Usage: ``python tests/cases/port_v1.py OLD.yaml NEW.yaml``

Version 2 turned Malby's fourteen "don't do co-production if" statements and two negative Inett
statements round into positive ones, with new ids (an old answer means the opposite of the same
answer to the new statement). This script renames those questions and inverts their answers
(True <-> Not true; Strongly agree <-> Strongly disagree, Agree <-> Disagree); "partly true",
"neither" and "don't know" stay as they are. Every other answer, note and respondent detail is
copied unchanged, and the bank versions become 2.0.0.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MALBY = {"not-true": "fully-true", "fully-true": "not-true"}
AGREEMENT = {
    "strongly-disagree": "strongly-agree",
    "disagree": "agree",
    "agree": "disagree",
    "strongly-agree": "strongly-disagree",
}
#: old id -> (new id, how its answers invert)
RENAMED: dict[str, tuple[str, dict[str, str]]] = {
    "malby-dont-know-service-precisely": ("malby-open-about-service", MALBY),
    "malby-dont-not-prepared-to-fail": ("malby-prepared-to-fail", MALBY),
    "malby-dont-cannot-leave-agenda": ("malby-agenda-at-door", MALBY),
    "malby-dont-critics-not-resource": ("malby-critics-as-resource", MALBY),
    "malby-dont-outrage-not-important": ("malby-outrage-matters", MALBY),
    "malby-dont-no-access-all-levels": ("malby-access-all-levels", MALBY),
    "malby-dont-not-prepared-for-time": ("malby-prepared-for-time", MALBY),
    "malby-dont-cannot-afford-small-steps": ("malby-small-steps", MALBY),
    "malby-dont-cannot-spot-capabilities": ("malby-see-capabilities", MALBY),
    "malby-dont-no-connected-facilitator": ("malby-connected-facilitator", MALBY),
    "malby-dont-no-funders": ("malby-funders-behind", MALBY),
    "malby-dont-save-money": ("malby-better-not-cheaper", MALBY),
    "malby-dont-no-follow-through": ("malby-follow-through", MALBY),
    "malby-dont-ethics-closeness-reward": ("malby-close-and-reward", MALBY),
    "inett-authority-hierarchical-decisions": ("inett-authority-decide-together", AGREEMENT),
    "inett-aims-driven-solely": ("inett-aims-from-everyone", AGREEMENT),
}
BUNDLED = {"malby-do-dont", "right-circumstances", "needham-carr-levels"}


def port_text(text: str) -> str:
    """The 2.0.0 answers file for the text of a 1.x one, comments and layout kept.

    Works line by line: a renamed question's id is replaced and its answer inverted (short form
    ``id: answer`` or the ``answer:`` line of the long form); a bundled bank's ``version`` line
    becomes 2.0.0.
    """
    out: list[str] = []
    table: dict[str, str] | None = None
    bank: str | None = None
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\n")
        match = re.match(r"^(\s+)([a-z0-9-]+):(\s*)(.*)$", body)
        bank_match = re.match(r"^\s*- id: ([a-z0-9-]+)\s*$", body)
        if bank_match:
            bank = bank_match.group(1)
        elif bank and re.match(r"^\s+version:", body) and bank in BUNDLED:
            line = re.sub(r"version:.*", "version: 2.0.0", line)
            bank = None
        elif match and match.group(2) in RENAMED:
            indent, old, space, value = match.groups()
            new, table = RENAMED[old]
            value = table.get(value, value) if value else value
            line = f"{indent}{new}:{space}{value}\n"
            if value:
                table = None
        elif match and match.group(2) == "answer" and table is not None:
            indent, _, space, value = match.groups()
            line = f"{indent}answer:{space}{table.get(value, value)}\n"
            table = None
        elif match and not body.startswith("      "):
            table = None
        out.append(line)
    return "".join(out)


def main(argv: list[str]) -> int:
    source, target = Path(argv[0]), Path(argv[1])
    target.write_text(port_text(source.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
