"""Time one coprod-check command from an earlier checkout and from this one, interleaved.

On a shared machine only figures from one run can be compared, so a change is measured by
running the same command from both source trees in turn (after one warm-up run of each), each
as a fresh process with this virtual environment's Python and libraries, plus ``--version``
from this tree as the baseline the targets name. The earlier tree is any checkout with its
``questionnaires/`` and ``templates/`` beside ``src/``, e.g.::

    git worktree add /tmp/before 3799bea
    python benchmarks/before_after.py --before /tmp/before -- score examples/many-dont-knows.yaml
    python benchmarks/before_after.py --before /tmp/before --runs 3 -- compare a.yaml b.yaml -f text
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from measure import REPO, add_keep_env, apply, interleave, machine, ratio_line, table

ENTRY = (
    "import sys; from coprod_check.cli import main; "
    "sys.argv = ['coprod-check', *sys.argv[1:]]; main()"
)


def from_tree(tree: Path, arguments: list[str]) -> list[str]:
    """``coprod-check ARGUMENTS`` run from the sources in ``tree`` (``env`` execs Python, so the
    process measured is Python itself)."""
    return ["env", f"PYTHONPATH={tree / 'src'}", sys.executable, "-c", ENTRY, *arguments]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="the earlier checkout")
    parser.add_argument("--runs", type=int, default=10, help="runs of each (default 10)")
    add_keep_env(parser)
    parser.add_argument("command", nargs="+", help="the coprod-check arguments, after --")
    options = parser.parse_args()
    apply(options)
    if not (options.before / "src" / "coprod_check").is_dir():
        sys.exit(f"{options.before}: no src/coprod_check here")
    samples = interleave(
        {
            "before": from_tree(options.before, options.command),
            "after": from_tree(REPO, options.command),
            "--version (after)": from_tree(REPO, ["--version"]),
        },
        options.runs,
    )
    before, after, version = samples.values()
    print(f"command: {' '.join(options.command)}; runs: {options.runs} each; {machine()}")
    print(table(samples))
    print(ratio_line("after / before", after, before))
    print(ratio_line("before / --version", before, version))
    print(ratio_line("after / --version", after, version))


if __name__ == "__main__":
    main()
