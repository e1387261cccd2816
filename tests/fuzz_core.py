"""The fuzz harness: hostile inputs for every command's core, run in-process, checked the same way.

Every case writes one mutated input file and runs each command that reads that kind of file
(``validate``, ``score``, ``template``/``questionnaire --bank``, ``compare``, ``aggregate``,
``mapping draft``) through the real command line in-process. The promise checked is the one
the README makes: exit 0, 1 or 2 only; never "internal error" or a traceback; a refusal names
the file (and its line where there is one); nothing printed holds a raw control character.

Inputs come from two sources: random mutations of real files (bytes, YAML tokens spliced in at
line starts and after keys, CSV cells and delimiters, JSON numbers) driven by a seed, and
structured generators of the bank, answers, mapping and plan formats (used by the hypothesis tests).
"""

from __future__ import annotations

import json
import random
import re
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from typer.testing import CliRunner

from coprod_check.cli import app

TESTS = Path(__file__).parent
ROOT = TESTS.parent
AGGREGATE = TESTS / "fixtures" / "aggregate"

#: Real files each kind of case starts from.
SEEDS: dict[str, list[Path]] = {
    "bank": [
        ROOT / "questionnaires" / "right-circumstances.yaml",
        ROOT / "questionnaires" / "needham-carr-levels.yaml",
        AGGREGATE / "bank.yaml",
    ],
    "answers": sorted((ROOT / "examples").glob("*.yaml")),
    "mapping": [AGGREGATE / "mappings" / "valid.yaml"],
    "csv": [AGGREGATE / "workshop.csv", *sorted((AGGREGATE / "forms").glob("*.csv"))],
    "json": [],  # score and aggregate JSON, made from the examples at start-up
    "plan": [
        TESTS / "fixtures" / "plan" / "cycles" / "plan.yaml",
        *sorted((TESTS / "golden" / "plan").glob("draft-*.yaml")),
    ],
}

#: YAML fragments that have broken, or could break, the reading layer.
YAML_TOKENS = [
    "!!bool maybe", "!!timestamp soon", "!!int x", "!!float y", "!!binary a", "!!null z",
    "!!str", "!!set {a, b}", "!!omap [a: 1]", "!!pairs [a: 1]", "!!python/object:os.system x",
    "!foo bar", "2026-02-30", "2026-13-01", "2026-02-28", "1" * 5000, "1" + "0" * 400, "-0",
    "1e400", "1.0e+400", ".nan", ".inf", "-.inf", "0x1F", "0o17", "1_000", "~", "null", "yes",
    "No", "on", "'\\udfff'", '"\\udfff"', '"\\ud800\\udc00"', '"\\e[2J"', '"\\x9b"', '"\\0"',
    '"\\x07bell"', "&a [1, 2]", "*a", "*missing", "<<: *a", "<<: 5", "? [a, b]", "[", "]",
    "{", "}", "|", ">", "- ", ": ", "'", '"', "#", "%YAML 1.2", "---", "...", "\t", "\u2028",
    "\u00a0", "\ufeff", "é", "🙂", "x" * 2000, "-" * 300, "[" * 200, "{a: " * 60,
]  # fmt: skip

CSV_TOKENS = [
    "", '"', '""', '"a,b"', "\r", "\n", "\r\n", ",", ";", "\t", "=HYPERLINK(\"x\")", "+1",
    "\x1b[2J", "\x07", "\x00", "\ufeff", "Don't know", "Strongly agree", "AGREE", "carer",
    "Manager", "service user", "x" * 5000, "é", "🙂", "\udcff",
]  # fmt: skip

JSON_VALUES = [
    "NaN", "Infinity", "-Infinity", "1e999", "-1", "4000", "0.5", "null", "true", '"x"',
    "[]", "{}", '"\\u001b[2J"', '"\\udfff"', "9" * 5000, "1e-400", "-0",
]  # fmt: skip

runner = CliRunner()
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


@dataclass
class Failure:
    kind: str
    seed: int
    args: list[str]
    why: str
    content: bytes


@dataclass
class Tally:
    cases: int = 0
    runs: int = 0
    failures: list[Failure] = field(default_factory=list)


def check_run(args: Sequence[str], names: Sequence[str]) -> str | None:
    """Run one command in-process; why it broke the promise, or None when it kept it."""
    result = runner.invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        return f"exception {type(result.exception).__name__}: {result.exception}"
    code = result.exit_code
    if code not in (0, 1, 2):
        return f"exit code {code}"
    out, err = result.stdout, result.stderr
    if "internal error" in err or "Traceback" in err + out:
        return f"internal error: {err.strip()[:300]}"
    if _CONTROL.search(err) or (args[0] != "aggregate" and _CONTROL.search(out)):
        return "a raw control character reached the terminal"
    if code != 0 and "error:" in err and not any(name in err for name in names):
        refusal = err.strip().splitlines()[-1]
        if not refusal.startswith(("Usage:", "Error:")) and "--bank" not in refusal:
            return f"the refusal does not name the file: {refusal[:300]}"
    return None


def commands(kind: str, path: str, work: Path) -> list[list[str]]:
    """Every command that reads a file of ``kind``, given the mutated file at ``path``."""
    bank = str(AGGREGATE / "bank.yaml")
    answers = str(work / "answers.yaml")
    if kind == "bank":
        return [
            ["validate", path],
            ["score", answers, "--bank", path],
            ["template", "--bank", path],
            ["questionnaire", "--bank", path, "-f", "html"],
        ]
    if kind == "answers":
        return [
            ["validate", path],
            ["score", path, "-f", "json"],
            ["score", path, "-f", "markdown"],
            ["compare", answers, path],
            ["aggregate", path, "-f", "csv"],
        ]
    if kind == "mapping":
        csv_file = str(AGGREGATE / "forms" / "microsoft-forms.csv")
        return [
            ["validate", path],
            ["aggregate", csv_file, "-b", bank, "--mapping", path, "-f", "json"],
        ]
    if kind == "csv":
        return [
            ["aggregate", path, "-b", bank],
            ["aggregate", path, "-b", bank, "-f", "markdown", "--include-notes"],
            ["mapping", "draft", path, "-b", bank],
        ]
    if kind == "json":
        return [["compare", answers, path], ["compare", answers, path, "-f", "json"]]
    if kind == "plan":
        return [
            ["validate", path],
            ["plan", "status", path, "--today", "2026-12-01"],
            ["plan", "status", path, "-f", "json"],
        ]
    raise ValueError(kind)


SUFFIX = {
    "bank": ".yaml",
    "answers": ".yaml",
    "mapping": ".yaml",
    "csv": ".csv",
    "json": ".json",
    "plan": ".yaml",
}


def prepare(work: Path) -> None:
    """The files every case needs beside its mutated input: an answers file, saved JSON."""
    shutil.copy(ROOT / "examples" / "neighbourhood-peer-support.yaml", work / "answers.yaml")
    saved = work / "seeds"
    saved.mkdir(exist_ok=True)
    for example in sorted((ROOT / "examples").glob("*.yaml"))[:2]:
        result = runner.invoke(app, ["score", str(example), "-f", "json"])
        (saved / f"{example.stem}.json").write_text(result.stdout, encoding="utf-8")
    result = runner.invoke(
        app, ["aggregate", str(AGGREGATE / "workshop.csv"), "-b", str(AGGREGATE / "bank.yaml"),
              "-f", "json"],
    )  # fmt: skip
    (saved / "aggregate.json").write_text(result.stdout, encoding="utf-8")
    SEEDS["json"] = sorted(saved.glob("*.json"))


def run_case(
    kind: str,
    content: bytes,
    work: Path,
    seed: int,
    tally: Tally,
    pick: random.Random | None = None,
) -> None:
    """Write ``content`` as a file of ``kind`` and run every command on it (or, with
    ``pick``, one of them chosen at random: the long run covers them all across its cases)."""
    path = work / f"input{SUFFIX[kind]}"
    path.write_bytes(content)
    tally.cases += 1
    chosen = commands(kind, str(path), work)
    if pick is not None:
        chosen = [pick.choice(chosen)]
    for args in chosen:
        tally.runs += 1
        names = [Path(arg).name for arg in args if Path(arg).suffix in (".yaml", ".csv", ".json")]
        why = check_run(args, names)
        if why is not None:
            tally.failures.append(Failure(kind, seed, args, why, content))


# -- random mutations of real files ---------------------------------------------------------------


def mutate(kind: str, chance: random.Random) -> bytes:
    """A real file of ``kind``, changed in one to four hostile ways."""
    source = chance.choice(SEEDS[kind])
    data = source.read_bytes()
    for _ in range(chance.randint(1, 4)):
        data = MUTATORS[kind](data, chance)
    return data


def _bytes(data: bytes, chance: random.Random) -> bytes:
    if not data:
        return bytes([chance.randrange(256)])
    where = chance.randrange(len(data))
    how = chance.randrange(4)
    if how == 0:  # flip a byte
        return data[:where] + bytes([chance.randrange(256)]) + data[where + 1 :]
    if how == 1:  # delete a run
        return data[:where] + data[where + chance.randint(1, 40) :]
    if how == 2:  # duplicate a run
        return data[:where] + data[where : where + chance.randint(1, 200)] + data[where:]
    return data[:where]  # cut short


def _yaml(data: bytes, chance: random.Random) -> bytes:
    if chance.random() < 0.25:
        return _bytes(data, chance)
    text = data.decode("utf-8", errors="surrogateescape")
    lines = text.split("\n")
    number = chance.randrange(len(lines))
    line = lines[number]
    token = chance.choice(YAML_TOKENS)
    how = chance.randrange(5)
    if how == 0 and ": " in line:  # replace a value
        key, _, _ = line.partition(": ")
        lines[number] = f"{key}: {token}"
    elif how == 1 and ":" in line:  # tag or replace a key
        indent = line[: len(line) - len(line.lstrip())]
        key, _, rest = line.lstrip().partition(":")
        lines[number] = f"{indent}{chance.choice([token, token + ' ' + key])}:{rest}"
    elif how == 2:  # a new line with a hostile key or item
        indent = line[: len(line) - len(line.lstrip())]
        lines.insert(number, f"{indent}{chance.choice([token + ': x', '- ' + token])}")
    elif how == 3 and line.strip():  # splice inside the line
        at = chance.randrange(len(line))
        lines[number] = line[:at] + token + line[at:]
    else:  # swap two lines
        other = chance.randrange(len(lines))
        lines[number], lines[other] = lines[other], lines[number]
    return "\n".join(lines).encode("utf-8", errors="surrogateescape")


def _csv(data: bytes, chance: random.Random) -> bytes:
    if chance.random() < 0.2:
        return _bytes(data, chance)
    text = data.decode("utf-8", errors="surrogateescape")
    lines = text.split("\n")
    number = chance.randrange(len(lines))
    cells = lines[number].split(",")
    token = chance.choice(CSV_TOKENS)
    how = chance.randrange(4)
    if how == 0:
        cells[chance.randrange(len(cells))] = token
    elif how == 1:
        cells.insert(chance.randrange(len(cells) + 1), token)
    elif how == 2 and len(cells) > 1:
        del cells[chance.randrange(len(cells))]
    else:
        lines.insert(number, chance.choice(["", ",,,", lines[0], lines[number]]))
    lines[number] = ",".join(cells)
    return "\n".join(lines).encode("utf-8", errors="surrogateescape")


_NUMBER = re.compile(rb"(?<=: )(-?\d+(?:\.\d+)?|null|true|false|\"[^\"]*\")")


def _json(data: bytes, chance: random.Random) -> bytes:
    if chance.random() < 0.2:
        return _bytes(data, chance)
    found = list(_NUMBER.finditer(data))
    if not found:
        return _bytes(data, chance)
    match = chance.choice(found)
    value = chance.choice(JSON_VALUES).encode("utf-8", errors="surrogateescape")
    return data[: match.start()] + value + data[match.end() :]


MUTATORS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    "bank": _yaml,
    "answers": _yaml,
    "mapping": _yaml,
    "csv": _csv,
    "json": _json,
    "plan": _yaml,
}


def dump(data: object) -> bytes:
    """YAML text of generated data (any Python value the safe dumper takes)."""
    try:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode(
            "utf-8", errors="surrogateescape"
        )
    except (yaml.YAMLError, UnicodeEncodeError):
        return json.dumps(data, default=str).encode("utf-8", errors="surrogateescape")
