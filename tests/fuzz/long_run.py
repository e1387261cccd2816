"""The long fuzz run: ``python tests/fuzz/long_run.py --cases 10000`` (see docs/fuzzing.md).

Each case is a real bank, answers file, mapping file, CSV export or saved JSON result, changed
at random in one to four hostile ways, run through one of the commands that read it (chosen
at random, so every command is covered across the cases). Prints the number of cases and of
failures; each failing input is written to ``tests/fuzz/found/`` with a note of the command and
what went wrong, to be made a regression fixture (``tests/fuzz/regressions/``). Exit 1 when
anything failed.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from fuzz_core import SUFFIX, Tally, mutate, prepare, run_case  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0, help="first seed (cases use seed+i)")
    parser.add_argument("--found", type=Path, default=HERE / "found")
    options = parser.parse_args()
    kinds = list(SUFFIX)
    tally = Tally()
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="coprod-fuzz-") as folder:
        work = Path(folder)
        prepare(work)
        for number in range(options.cases):
            seed = options.seed + number
            kind = kinds[number % len(kinds)]
            chance = random.Random(seed)
            run_case(kind, mutate(kind, chance), work, seed, tally, pick=chance)
            if (number + 1) % 500 == 0:
                print(
                    f"fuzz: {number + 1} cases, {len(tally.failures)} failures "
                    f"({time.monotonic() - start:.0f} s)",
                    flush=True,
                )
    for failure in tally.failures:
        options.found.mkdir(parents=True, exist_ok=True)
        name = f"{failure.kind}-{failure.seed}"
        (options.found / f"{name}{SUFFIX[failure.kind]}").write_bytes(failure.content)
        (options.found / f"{name}.txt").write_text(
            f"{' '.join(failure.args)}\n{failure.why}\n", encoding="utf-8"
        )
    print(
        f"fuzz: {tally.cases} cases, {tally.runs} command runs, {len(tally.failures)} failures "
        f"in {time.monotonic() - start:.0f} s"
    )
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
