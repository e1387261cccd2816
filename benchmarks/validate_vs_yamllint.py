"""Time ``coprod-check validate`` against ``yamllint`` on the bundled banks.

Both run as a pre-commit hook would: a fresh process per run, on the same files. Runs alternate
(coprod-check, yamllint, coprod-check, ...) so that a busy machine slows both alike. Prints the
median wall-clock time of each and their ratio.

    python benchmarks/validate_vs_yamllint.py            # 10 runs each
    python benchmarks/validate_vs_yamllint.py --runs 30
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found: install coprod-check with its test extra")
    return found


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs of each tool (default 10)")
    parser.add_argument("files", nargs="*", help="files to check (default: the bundled banks)")
    options = parser.parse_args()
    files = options.files or sorted(str(p) for p in (REPO / "questionnaires").glob("*.yaml"))
    coprod = [_tool("coprod-check"), "validate", *files]
    yamllint = [_tool("yamllint"), *files]
    env_note = "GITHUB_ACTIONS" in os.environ
    _time(coprod), _time(yamllint)  # warm the file cache and the .pyc files
    ours: list[float] = []
    theirs: list[float] = []
    for _ in range(options.runs):
        ours.append(_time(coprod))
        theirs.append(_time(yamllint))
    ours_median, theirs_median = statistics.median(ours), statistics.median(theirs)
    print(
        f"files: {len(files)}; runs: {options.runs} each; cores: {os.cpu_count()}"
        + ("; in GitHub Actions" if env_note else "")
    )
    print(f"coprod-check validate: median {ours_median * 1000:.0f} ms")
    print(f"yamllint:              median {theirs_median * 1000:.0f} ms")
    print(f"coprod-check / yamllint = {ours_median / theirs_median:.2f}")


if __name__ == "__main__":
    main()
