"""Does ``coprod-check validate`` stay linear in the number of files, with flat memory?

Generates valid banks (copies of the bundled Malby bank, each with ids of its own, so no two
clash) into folders of 1, ``--small`` (100) and ``--large`` (2000) files, and validates each
folder in turn, a fresh process per run. The cost per file at N files is
``(time(N) - time(1)) / (N - 1)``, so start-up is left out; the script prints it for both sizes
and their ratio (target: at most 1.5), with the peak memory of each run (target: flat).

    python benchmarks/validate_scaling.py                 # 3 runs each
    python benchmarks/validate_scaling.py --runs 5 --large 1000
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from measure import (
    REPO,
    Sample,
    add_keep_env,
    apply,
    interleave,
    machine,
    median_cpu,
    median_wall,
    peak_kib,
    tool,
)

TEMPLATE = REPO / "questionnaires" / "malby-do-dont.yaml"
PREFIX = "malby-"  # every id of the template starts with it, and no prose uses it


def generate(folder: Path, count: int) -> Path:
    """``count`` valid banks in ``folder``, with ids ``g0000-...``, ``g0001-...``."""
    folder.mkdir(parents=True, exist_ok=True)
    text = TEMPLATE.read_text(encoding="utf-8")
    for number in range(count):
        prefix = f"g{number:04d}-"
        (folder / f"{prefix}bank.yaml").write_text(text.replace(PREFIX, prefix), encoding="utf-8")
    return folder


def per_file(large: list[Sample], one: list[Sample], count: int, key: str) -> float:
    median = median_wall if key == "wall" else median_cpu
    return (median(large) - median(one)) / (count - 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each size (default 3)")
    parser.add_argument("--small", type=int, default=100, help="the smaller folder (100)")
    parser.add_argument("--large", type=int, default=2000, help="the larger folder (2000)")
    add_keep_env(parser)
    options = parser.parse_args()
    apply(options)
    coprod = tool("coprod-check")
    with tempfile.TemporaryDirectory(prefix="coprod-scaling-") as temp:
        root = Path(temp)
        sizes = {1: generate(root / "one", 1)}
        sizes[options.small] = generate(root / "small", options.small)
        sizes[options.large] = generate(root / "large", options.large)
        samples = interleave(
            {f"{n} files": [coprod, "validate", str(path)] for n, path in sizes.items()},
            options.runs,
        )
    one = samples["1 files"]
    print(f"runs: {options.runs} of each size; {machine()}")
    for count in (options.small, options.large):
        runs = samples[f"{count} files"]
        print(
            f"{count:>5} files: wall {median_wall(runs):6.2f} s, cpu {median_cpu(runs):6.2f} s; "
            f"per file {per_file(runs, one, count, 'wall') * 1000:5.1f} ms wall, "
            f"{per_file(runs, one, count, 'cpu') * 1000:5.1f} ms cpu; "
            f"peak {peak_kib(runs) / 1024:6.1f} MiB"
        )
    print(f"    1 file:  wall {median_wall(one):6.2f} s; peak {peak_kib(one) / 1024:6.1f} MiB")
    small, large = samples[f"{options.small} files"], samples[f"{options.large} files"]
    for key in ("wall", "cpu"):
        ratio = per_file(large, one, options.large, key) / per_file(small, one, options.small, key)
        print(f"per-file cost, {options.large} / {options.small} files = {ratio:.2f} ({key})")
    print(
        f"peak memory, {options.large} / {options.small} files = "
        f"{peak_kib(large) / peak_kib(small):.2f}"
    )


if __name__ == "__main__":
    main()
