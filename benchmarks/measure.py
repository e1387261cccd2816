"""Shared by the start-up and scaling benchmarks: run commands as fresh processes, interleaved.

On a shared machine the wall-clock time of a short command depends on what else runs, so every
benchmark here runs its commands in turn (A, B, A, B, ...), takes medians, and prints ratios
against a baseline measured in the same run. Each process's own CPU time (user + system, from
``os.wait4``) is recorded beside its wall time: on a loaded machine the CPU ratio is the steadier
of the two, and the wall ratio is what a user waits. Peak resident memory comes from the same
``wait4`` call. The machine's load average is printed with every result.

Commands run as an installed coprod-check runs for a user: with Python's bytecode cache. An
environment that sets ``PYTHONDONTWRITEBYTECODE`` (as some sandboxes do) would make every run of
a source checkout compile coprod-check's modules again, about a third of a short command's
time, so the variable is removed for the commands measured (``--keep-env`` in the scripts keeps
it, to see that cost).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Sample:
    """One run of one command."""

    wall: float  # seconds
    cpu: float  # seconds, user + system, of the process and its children
    peak_kib: int  # peak resident set size of the process


def tool(name: str) -> str:
    """The console script ``name``, beside this Python first (the venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found: install coprod-check with its test extra")
    return found


ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def keep_environment() -> None:
    """Measure with the environment as it is (bytecode cache switched off if it is)."""
    ENV.clear()
    ENV.update(os.environ)


def run(command: Sequence[str], cwd: Path | None = None) -> Sample:
    """Run ``command`` once, output discarded, and measure it."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command), cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = 0  # reaped by wait4; stop Popen from waiting again
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


def interleave(
    commands: Mapping[str, Sequence[str]], runs: int, cwd: Path | None = None
) -> dict[str, list[Sample]]:
    """Run each command ``runs`` times, in turn, after one unmeasured warm-up run of each."""
    for command in commands.values():
        run(command, cwd)  # warm the file cache and the .pyc files
    samples: dict[str, list[Sample]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(run(command, cwd))
    return samples


def median_wall(samples: Sequence[Sample]) -> float:
    return statistics.median(sample.wall for sample in samples)


def median_cpu(samples: Sequence[Sample]) -> float:
    return statistics.median(sample.cpu for sample in samples)


def peak_kib(samples: Sequence[Sample]) -> int:
    return max(sample.peak_kib for sample in samples)


def machine() -> str:
    """Cores, load average and bytecode caching, to print beside every result."""
    one, five, _ = os.getloadavg()
    cache = "off" if ENV.get("PYTHONDONTWRITEBYTECODE") else "on"
    return (
        f"cores: {os.cpu_count()}; load average {one:.1f} (1 min), {five:.1f} (5 min); "
        f"bytecode cache {cache}"
    )


def add_keep_env(parser: argparse.ArgumentParser) -> None:
    """The ``--keep-env`` option every script shares."""
    parser.add_argument(
        "--keep-env",
        action="store_true",
        help="keep PYTHONDONTWRITEBYTECODE if it is set (default: run as installed, cached)",
    )


def apply(options: argparse.Namespace) -> None:
    """Act on the shared options."""
    if options.keep_env:
        keep_environment()


def table(samples: Mapping[str, Sequence[Sample]]) -> str:
    """One line per command: median wall and CPU time, peak memory."""
    width = max(len(name) for name in samples)
    lines = [
        f"{name:<{width}}  wall {median_wall(runs) * 1000:7.0f} ms   "
        f"cpu {median_cpu(runs) * 1000:7.0f} ms   peak {peak_kib(runs) / 1024:6.1f} MiB"
        for name, runs in samples.items()
    ]
    return "\n".join(lines)


def ratio_line(label: str, ours: Sequence[Sample], theirs: Sequence[Sample]) -> str:
    """``label = W (wall), C (cpu)``: medians of ours over medians of theirs."""
    wall = median_wall(ours) / median_wall(theirs)
    cpu = median_cpu(ours) / median_cpu(theirs)
    return f"{label} = {wall:.2f} (wall), {cpu:.2f} (cpu)"
