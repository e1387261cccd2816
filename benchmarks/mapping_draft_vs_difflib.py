"""Time ``mapping draft`` on a 73-column form export with rapidfuzz against difflib.

The issue's target: a 73-column export (four metadata columns, the role, 67 questions and a
note; 200 respondents) drafts in under one second; with difflib's ``SequenceMatcher`` doing the
comparing it took 10.6 s. Both are timed in the same run on the same file, in this process
(the draft's own work: reading the export and matching; not Python's start-up), the comparing
function being the only difference. Run from the repository root::

    .venv/bin/python benchmarks/mapping_draft_vs_difflib.py
    .venv/bin/python benchmarks/mapping_draft_vs_difflib.py --repeats 5

Prints each median, the ratio difflib / rapidfuzz, and whether both drafts are the same text.
"""

from __future__ import annotations

import argparse
import difflib
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from coprod_check.aggregate import mapping_draft
from coprod_check.aggregate.bank_index import BankIndex
from coprod_check.answers.loader import available_banks
from forms_export import write_export


def difflib_ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--rows", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "forms-export.csv"
        header = write_export(path, rows=args.rows)
        index = BankIndex(available_banks([]))
        timings: dict[str, list[float]] = {"rapidfuzz": [], "difflib": []}
        drafts: dict[str, str] = {}
        functions = {"rapidfuzz": mapping_draft.RATIO, "difflib": difflib_ratio}
        for _ in range(args.repeats):
            for name, function in functions.items():
                mapping_draft.RATIO = function
                start = time.perf_counter()
                draft = mapping_draft.draft_mapping(path, path.name, index)
                timings[name].append(time.perf_counter() - start)
                drafts[name] = draft.text
        fast = statistics.median(timings["rapidfuzz"])
        slow = statistics.median(timings["difflib"])
        print(f"export: {len(header)} columns, {args.rows} respondents")
        print(f"rapidfuzz: {fast:.3f} s (median of {args.repeats})")
        print(f"difflib:   {slow:.3f} s (median of {args.repeats})")
        print(f"ratio difflib / rapidfuzz: {slow / fast:.1f}x")
        print(f"same draft: {drafts['rapidfuzz'] == drafts['difflib']}")


if __name__ == "__main__":
    main()
