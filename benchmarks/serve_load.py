"""Load ``coprod-check serve`` with simulated participants and check no answer is lost.

A real server (the ``coprod-check serve`` command, its own process) on 127.0.0.1 with the
bundled banks (15 pages, 88 statements), and ``--participants`` simulated people (default 200),
all at once, each with their own browser (one kept-alive connection, its own cookies): welcome,
start, about you, every page (a random option per statement, "don't know" or none, a note on
some), the summary, finish, done; every form with the CSRF code read from its page, as a
browser posts it. Between pages each waits a random "think time" (default 0.5-1.5 s; ``--think
0`` makes it a stress test with no pause). Bounded: at most ``--timeout`` seconds in all.

The participants run on a small HTTP/1.1 client (``serve_client.py``) on one event loop, not on
a general HTTP library: on this 2-core machine the generator shares the cores with the server,
and with httpx it used 79-84% of one core (the server 28-34%), so its own waiting for a core was
measured as page latency. This one uses about a tenth of a core; it still times each request
end to end, from just before it is written until the last byte of the reply is read, and prints
how late its own event loop ran (if that is large, the figures are the generator's, not the
server's).

Prints p50 / p95 / p99 latency of page requests (each GET and POST), the errors (any status
other than the one expected), each page request's time inside the server (its
``Server-Timing`` header, which the server sends when started with ``COPROD_SERVE_TIMING=1``:
all of it, reading the form, waiting for the change's commit), the same figures for the
server's static stylesheet fetched alongside as the baseline (the cheapest request this server
answers, under the same load), the ratio of the two p99s, the machine's load, the CPU time the
server and this generator each used, and then checks the database holds exactly every answer
sent: every statement of every participant, option and note. Target: 0 errors, 0 lost
answers, page p99 under 200 ms. Run from the repository root::

    .venv/bin/python benchmarks/serve_load.py
    .venv/bin/python benchmarks/serve_load.py --participants 50 --think 0

All simulated participants come from 127.0.0.1, so the server is started with a per-address
rate limit high enough for 200 people (a room behind one router looks the same).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_client import Connection, HttpError, Reply, form_fields

from serve_process import start_serve

_TIMING = re.compile(r"(\w+);dur=([0-9.]+)")
Sent = dict[str, dict[tuple[str, str], tuple[str | None, str | None]]]


class Stats:
    def __init__(self) -> None:
        self.pages: list[float] = []
        self.by_method: dict[str, list[float]] = {"GET": [], "POST": []}
        #: The server's own time for each page request (its Server-Timing header), seconds, by
        #: method and part: ``app`` all of it, ``body`` reading the form, ``db`` waiting for
        #: the change to be committed.
        self.in_server: dict[tuple[str, str], list[float]] = {}
        self.baseline: list[float] = []
        #: How late the generator's own event loop woke for a 10 ms timer, seconds: when this
        #: is small, the latency measured is the server's and the network's, not the generator's.
        self.lag: list[float] = []
        self.errors: list[str] = []


async def timed(
    stats: Stats,
    browser: Connection,
    method: str,
    path: str,
    expect: int,
    form: list[tuple[str, str]] | None = None,
) -> Reply | None:
    try:
        reply = await browser.request(method, path, form)
    except HttpError as error:
        stats.errors.append(f"{method} {path}: {error}")
        return None
    stats.pages.append(reply.seconds)
    stats.by_method[method].append(reply.seconds)
    for part, value in _TIMING.findall(reply.headers.get("server-timing", "")):
        stats.in_server.setdefault((method, part), []).append(float(value) / 1000)
    if reply.status != expect:
        stats.errors.append(f"{method} {path}: {reply.status} (expected {expect})")
        return None
    return reply


async def participant(
    number: int,
    base: str,
    welcome: str,
    think: float,
    stats: Stats,
    sent: Sent,
    rng: random.Random,
) -> None:
    async def pause() -> None:
        if think > 0:
            await asyncio.sleep(rng.uniform(think * 0.5, think * 1.5))

    name = f"bench-{number:03d}"
    mine: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    where = urlsplit(base)
    browser = Connection(where.hostname or "127.0.0.1", where.port or 80)
    try:
        await pause()
        page = await timed(stats, browser, "GET", welcome, 200)
        if page is None:
            return
        csrf = form_fields(page.text)[0]["csrf"]
        start = await timed(stats, browser, "POST", f"{welcome}/start", 303, [("csrf", csrf)])
        if start is None:
            return
        home = start.headers["location"].removesuffix("/about")
        about = await timed(stats, browser, "GET", f"{home}/about", 200)
        if about is None:
            return
        role = rng.choice(["carer", "person who uses services", "frontline staff", "manager"])
        await pause()
        csrf = form_fields(about.text)[0]["csrf"]
        fields = [("csrf", csrf), ("pseudonym", name), ("role", role)]
        saved = await timed(stats, browser, "POST", f"{home}/about", 303, fields)
        while saved is not None and "/page/" in saved.headers["location"]:
            url = saved.headers["location"]
            shown = await timed(stats, browser, "GET", url, 200)
            if shown is None:
                return
            hidden, radios = form_fields(shown.text)
            fields = [("csrf", hidden["csrf"]), ("seen", hidden["seen"]), ("go", "next")]
            for field, options in radios.items():
                bank, question = field.removeprefix("answer:").split("/")
                choice = rng.choice([*options, None])
                note = f"note {number}/{question}" if rng.random() < 0.1 else None
                if choice is not None:
                    fields.append((field, choice))
                if note:
                    fields.append((field.replace("answer:", "note:", 1), note))
                mine[(bank, question)] = (choice or None, note)
            await pause()
            saved = await timed(stats, browser, "POST", url, 303, fields)
        if saved is None:
            return
        summary = await timed(stats, browser, "GET", f"{home}/summary", 200)
        if summary is None:
            return
        csrf = form_fields(summary.text)[0]["csrf"]
        finished = await timed(stats, browser, "POST", f"{home}/finish", 303, [("csrf", csrf)])
        if finished is not None:
            await timed(stats, browser, "GET", f"{home}/done", 200)
    finally:
        await browser.close()
    sent[name] = mine


async def baseline_probe(base: str, stats: Stats, stop: asyncio.Event) -> None:
    where = urlsplit(base)
    browser = Connection(where.hostname or "127.0.0.1", where.port or 80)
    while not stop.is_set():
        try:
            reply = await browser.request("GET", "/assets/serve.css")
        except HttpError as error:
            stats.errors.append(f"baseline GET /assets/serve.css: {error}")
            continue
        if reply.status == 200:
            stats.baseline.append(reply.seconds)
        await asyncio.sleep(0.05)
    await browser.close()


async def lag_probe(stats: Stats, stop: asyncio.Event) -> None:
    while not stop.is_set():
        asked = time.perf_counter()
        await asyncio.sleep(0.01)
        stats.lag.append(max(0.0, time.perf_counter() - asked - 0.01))


async def run(base: str, welcome: str, people: int, think: float, timeout: float, seed: int):  # type: ignore[no-untyped-def]
    stats = Stats()
    sent: Sent = {}
    stop = asyncio.Event()
    probes = [
        asyncio.create_task(baseline_probe(base, stats, stop)),
        asyncio.create_task(lag_probe(stats, stop)),
    ]
    tasks = [
        asyncio.create_task(
            participant(n, base, welcome, think, stats, sent, random.Random(seed + n))
        )
        for n in range(people)
    ]
    started = time.perf_counter()
    _, pending = await asyncio.wait(tasks, timeout=timeout)
    for task in pending:
        task.cancel()
    stop.set()
    await asyncio.gather(*probes)
    return stats, sent, time.perf_counter() - started, len(pending)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
    return ordered[index]


def check_database(db: Path, sent: Sent) -> tuple[int, int, int]:
    """(answers sent, answers found equal, answers lost or different)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        stored: dict[str, dict[tuple[str, str], tuple[str | None, str | None]]] = {}
        for pseudonym, bank, question, option, note in connection.execute(
            "SELECT r.pseudonym, a.bank_id, a.question_id, a.option_id, a.note "
            "FROM answer a JOIN response r ON r.id = a.response_id"
        ):
            stored.setdefault(pseudonym, {})[(bank, question)] = (option, note)
    total = sum(len(answers) for answers in sent.values())
    equal = sum(
        1
        for name, answers in sent.items()
        for key, value in answers.items()
        if stored.get(name, {}).get(key) == value
    )
    extra = sum(len(answers) for name, answers in stored.items() if name not in sent)
    return total, equal, total - equal + extra


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def cpu_seconds(pid: int | None = None) -> float:
    """CPU time (user + system) of process ``pid`` (its threads included), or of this one."""
    if pid is None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_stack() -> str:
    """What uvicorn runs on in this environment (it picks httptools and uvloop when present)."""
    import importlib.util

    http = "httptools" if importlib.util.find_spec("httptools") else "h11"
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    return f"uvicorn, one worker process, {http} parser, {loop} event loop"


def loop_factory():  # type: ignore[no-untyped-def]
    """The generator's event loop: uvloop when installed (as the server uses), for less CPU."""
    try:
        import uvloop
    except ImportError:
        return None
    return uvloop.new_event_loop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between pages")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds for the whole run")
    parser.add_argument("--seed", type=int, default=16)
    options = parser.parse_args()
    if not 1 <= options.participants <= 2000:
        parser.error("--participants must be 1 to 2000")

    folder = Path(tempfile.mkdtemp(prefix="coprod-serve-load-"))
    db = folder / "load.db"
    served = start_serve(
        db, "--rate-limit", "1000000", "--title", "Load test", env={"COPROD_SERVE_TIMING": "1"}
    )
    server = served.process
    try:
        base = served.base
        path = served.participant.removeprefix(base)
        load_before = load_average()
        cpu_before = cpu_seconds(server.pid), cpu_seconds()
        with asyncio.Runner(loop_factory=loop_factory()) as runner:
            stats, sent, elapsed, unfinished = runner.run(
                run(
                    base,
                    path,
                    options.participants,
                    options.think,
                    options.timeout,
                    options.seed,
                )
            )
        load_after = load_average()
        server_cpu = cpu_seconds(server.pid) - cpu_before[0]
        client_cpu = cpu_seconds() - cpu_before[1]
    finally:
        served.stop()
    total, equal, lost = check_database(db, sent)

    ms = [value * 1000 for value in stats.pages]
    base_ms = [value * 1000 for value in stats.baseline]
    print(
        f"participants: {options.participants} (finished {len(sent)}, "
        f"cut off by the time bound {unfinished})"
    )
    print(
        f"think time: {options.think:g} s mean; wall time {elapsed:.1f} s; {len(ms)} page requests "
        f"({len(ms) / elapsed:.0f} a second)"
    )
    print(f"server: {server_stack()}")
    print(f"machine: {os.cpu_count()} cores; load average before {load_before}, after {load_after}")
    print(
        f"CPU during the run: server {server_cpu:.1f} s ({server_cpu / elapsed:.0%} of one core), "
        f"load generator {client_cpu:.1f} s ({client_cpu / elapsed:.0%} of one core)"
    )
    print(
        f"page latency ms: p50 {percentile(ms, 50):.1f}  p95 {percentile(ms, 95):.1f}  "
        f"p99 {percentile(ms, 99):.1f}  max {max(ms, default=float('nan')):.1f}"
    )
    for method, values in stats.by_method.items():
        part = [value * 1000 for value in values]
        print(
            f"  {method} ({len(part)}): p50 {percentile(part, 50):.1f}  "
            f"p95 {percentile(part, 95):.1f}  p99 {percentile(part, 99):.1f}"
        )
    print(
        "inside the server (Server-Timing; app: from the request's headers to its response, "
        "body: reading the form, db: waiting for the change's commit):"
    )
    for (method, part), values in sorted(stats.in_server.items()):
        part_ms = [value * 1000 for value in values]
        print(
            f"  {method} {part} ({len(part_ms)}): p50 {percentile(part_ms, 50):.1f}  "
            f"p95 {percentile(part_ms, 95):.1f}  p99 {percentile(part_ms, 99):.1f}"
        )
    print(
        "baseline (static stylesheet, same server, same time) ms: "
        f"p50 {percentile(base_ms, 50):.1f}  p95 {percentile(base_ms, 95):.1f}  "
        f"p99 {percentile(base_ms, 99):.1f}"
    )
    if base_ms and ms:
        print(
            f"page p99 / baseline p99: {percentile(ms, 99) / percentile(base_ms, 99):.2f}x; "
            f"page p99 / 200 ms target: {percentile(ms, 99) / 200:.2f}x"
        )
    lag = [value * 1000 for value in stats.lag]
    print(
        f"generator loop lag ms (how late a 10 ms timer fired): p50 {percentile(lag, 50):.1f}  "
        f"p99 {percentile(lag, 99):.1f}  max {max(lag, default=float('nan')):.1f}"
    )
    print(f"errors: {len(stats.errors)}")
    for error in stats.errors[:10]:
        print(f"  {error}")
    print(f"answers sent: {total}; in the database as sent: {equal}; lost or different: {lost}")
    print(f"median of per-request latency: {statistics.median(ms) if ms else float('nan'):.1f} ms")
    ok = not stats.errors and lost == 0 and unfinished == 0 and percentile(ms, 99) < 200
    print("target met" if ok else "target NOT met")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
