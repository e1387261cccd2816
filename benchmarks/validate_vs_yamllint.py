"""Time ``coprod-check validate`` against ``yamllint`` on the bundled banks.

Both run as a pre-commit hook would: a fresh process per run, on the same files, in turn
(coprod-check, yamllint, coprod-check, ...) so that a busy machine slows both alike. Prints the
median wall-clock and CPU time of each and their ratio (target: at most 0.5).

    python benchmarks/validate_vs_yamllint.py            # 10 runs each
    python benchmarks/validate_vs_yamllint.py --runs 30
"""

from __future__ import annotations

import argparse
import os

from measure import REPO, add_keep_env, apply, interleave, machine, ratio_line, table, tool


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each tool (default 10)")
    parser.add_argument("files", nargs="*", help="files to check (default: the bundled banks)")
    add_keep_env(parser)
    options = parser.parse_args()
    apply(options)
    files = options.files or sorted(str(p) for p in (REPO / "questionnaires").glob("*.yaml"))
    samples = interleave(
        {
            "coprod-check validate": [tool("coprod-check"), "validate", *files],
            "yamllint": [tool("yamllint"), *files],
        },
        options.runs,
    )
    note = "; in GitHub Actions" if "GITHUB_ACTIONS" in os.environ else ""
    print(f"files: {len(files)}; runs: {options.runs} each; {machine()}{note}")
    print(table(samples))
    print(ratio_line("coprod-check / yamllint", *samples.values()))


if __name__ == "__main__":
    main()
