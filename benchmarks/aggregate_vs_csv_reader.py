"""Time ``coprod-check aggregate`` against a bare ``csv.reader`` pass over the same CSV.

The issue's target: aggregating a CSV of 1,000,000 respondents x 45 questions takes at most
twice as long as merely reading it with ``csv.reader``, with flat memory (peak well under
150 MiB). Run from the repository root::

    .venv/bin/python benchmarks/aggregate_vs_csv_reader.py               # 1,000,000 rows
    .venv/bin/python benchmarks/aggregate_vs_csv_reader.py --rows 100000 --repeats 5
    .venv/bin/python benchmarks/aggregate_vs_csv_reader.py --one-core  # both on one core

The CSV is generated once (seeded, so the same every time) into ``--path`` (default in the
system's temporary folder) and reused while its row count matches. Each run is a fresh process
(``python -c`` for the bare pass, the ``coprod-check`` command for aggregate, JSON to
/dev/null, no progress bar), the two alternate so that disk cache and machine load treat them
alike, and each process's wall time and peak resident memory are recorded (the memory of the
process tree is also sampled from ``/proc`` every 10 ms). Each run's CPU time is shown too, with
how many cores other work on the machine kept busy meanwhile (from ``/proc/stat``), since a
shared machine's load moves the wall times. Prints both medians, the ratio, the peak memory of
each, and the core count.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROLES = [
    "Person who uses services",
    "Carer",
    "Frontline staff",
    "Manager",
    "Commissioner",
]
BARE = """
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as stream:
    for row in csv.reader(stream):
        pass
"""


def questions(count: int) -> list[tuple[str, list[str]]]:
    """The first ``count`` bundled questions, with the labels of their scale's options."""
    from coprod_check.bank.loader import load_bundled_banks

    found: list[tuple[str, list[str]]] = []
    for bank in load_bundled_banks():
        scales = {scale.id: scale for scale in bank.scales}
        for section in bank.sections:
            for question in section.questions:
                labels = [option.label for option in scales[question.scale].options]
                found.append((question.id, labels))
    if len(found) < count:
        raise SystemExit(f"the bundled banks have only {len(found)} questions")
    return found[:count]


def generate(path: Path, rows: int, count: int, seed: int = 2026) -> None:
    """A realistic export: respondent id, role label, then answer labels (some blank)."""
    chosen = questions(count)
    rng = random.Random(seed)
    temporary = path.with_suffix(".partial")
    with temporary.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["respondent", "role", *(qid for qid, _ in chosen)])
        choices = [[*labels, ""] for _, labels in chosen]
        for number in range(rows):
            role = ROLES[rng.randrange(len(ROLES))]
            writer.writerow(
                [
                    f"R{number:07d}",
                    role,
                    *(options[rng.randrange(len(options))] for options in choices),
                ]
            )
    temporary.replace(path)


def tree_rss(pid: int) -> int:
    """Resident memory (KiB) of ``pid`` and all its descendants, from ``/proc`` (Linux)."""
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
        stack.extend(int(child) for child in children)
    return total


def busy_seconds() -> float:
    """CPU seconds all cores have spent busy since boot (``/proc/stat``; 0 without it)."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def run(command: list[str]) -> tuple[float, float, float, float, float]:
    """Wall time (s), peak resident memory of the largest process (MiB), the sampled peak of
    the process with all its children (MiB; 0 where ``/proc`` is missing), the CPU time of the
    process and its children (s), and the cores other work kept busy meanwhile (on average)."""
    busy_before = busy_seconds()
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_tree = 0
    finished = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not finished.wait(0.01):
            peak_tree = max(peak_tree, tree_rss(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    busy = busy_seconds() - busy_before
    finished.set()
    sampler.join()
    cpu = usage.ru_utime + usage.ru_stime
    others = max(busy - cpu, 0.0) / elapsed
    error = process.stderr.read().decode() if process.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(command)} exited {code}:\n{error}")
    return elapsed, usage.ru_maxrss / 1024, peak_tree / 1024, cpu, others  # Linux: KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--questions", type=int, default=45)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--one-core",
        action="store_true",
        help="run both commands on one core",
    )
    parser.add_argument(
        "--path",
        type=Path,
        default=Path(tempfile.gettempdir()) / "coprod-aggregate-bench.csv",
    )
    options = parser.parse_args()
    stamp = options.path.with_suffix(".rows")
    wanted = f"{options.rows} {options.questions}"
    if not options.path.exists() or not stamp.exists() or stamp.read_text() != wanted:
        print(f"generating {options.path} ({options.rows:,} rows x {options.questions} questions)")
        generate(options.path, options.rows, options.questions)
        stamp.write_text(wanted)
    size = options.path.stat().st_size / 1024 / 1024
    print(f"file: {options.path} ({size:,.0f} MiB)")

    executable = Path(sys.executable).with_name("coprod-check")
    aggregate = [
        str(executable),
        "aggregate",
        str(options.path),
        "--format",
        "json",
        "--no-progress",
    ]
    bare = [sys.executable, "-c", BARE, str(options.path)]
    times: dict[str, list[float]] = {"bare": [], "aggregate": []}
    peaks: dict[str, list[float]] = {"bare": [], "aggregate": []}
    trees: dict[str, list[float]] = {"bare": [], "aggregate": []}
    available = sorted(os.sched_getaffinity(0))
    if options.one_core:
        os.sched_setaffinity(0, {available[0]})  # the commands inherit it
    used = len(os.sched_getaffinity(0))
    print(f"cores available: {len(available)}; used: {used}")
    for repeat in range(1, options.repeats + 1):
        for name, command in (("bare", bare), ("aggregate", aggregate)):
            seconds, peak, tree, cpu, others = run(command)
            times[name].append(seconds)
            peaks[name].append(peak)
            trees[name].append(tree)
            print(
                f"run {repeat} {name:9}: {seconds:6.2f} s (CPU {cpu:5.2f} s; other work "
                f"{others:3.1f} cores), peak {peak:5.1f} MiB (all processes {tree:5.1f} MiB)"
            )
    bare_median = statistics.median(times["bare"])
    aggregate_median = statistics.median(times["aggregate"])
    for name, median in (("bare csv.reader", bare_median), ("aggregate", aggregate_median)):
        key = "bare" if name.startswith("bare") else "aggregate"
        print(
            f"{name + ' median:':24}{median:.2f} s (peak {max(peaks[key]):.1f} MiB, "
            f"all processes {max(trees[key]):.1f} MiB)"
        )
    print(f"ratio aggregate / bare: {aggregate_median / bare_median:.2f}x (target: at most 2x)")


if __name__ == "__main__":
    main()
