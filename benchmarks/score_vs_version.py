"""Time ``coprod-check score`` of a bundled example (text report) against ``--version``.

``--version`` is the least a coprod-check process can do (start Python, import the command
line, print), so the ratio says how much of ``score`` is start-up (target: at most 2). Runs
alternate, a fresh process each; prints medians of wall-clock and CPU time and their ratio.

    python benchmarks/score_vs_version.py                 # 10 runs each
    python benchmarks/score_vs_version.py --runs 20 --example examples/many-dont-knows.yaml
"""

from __future__ import annotations

import argparse

from measure import REPO, add_keep_env, apply, interleave, machine, ratio_line, table, tool


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each (default 10)")
    parser.add_argument(
        "--example",
        default=str(REPO / "examples" / "borough-wide-redesign.yaml"),
        help="the answers file to score (default: examples/borough-wide-redesign.yaml)",
    )
    add_keep_env(parser)
    options = parser.parse_args()
    apply(options)
    coprod = tool("coprod-check")
    samples = interleave(
        {
            "coprod-check score": [coprod, "score", options.example],
            "coprod-check --version": [coprod, "--version"],
        },
        options.runs,
    )
    print(f"runs: {options.runs} each; {machine()}")
    print(table(samples))
    print(ratio_line("score / --version", *samples.values()))


if __name__ == "__main__":
    main()
