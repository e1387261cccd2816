"""Load ``coprod-check serve`` with simulated participants and check no answer is lost.

A real server (the ``coprod-check serve`` command, its own process) on 127.0.0.1 with the
bundled banks (12 pages, 69 statements), and ``--participants`` simulated people (default 200),
all at once, each with their own cookies: welcome, start, about you, every page (a random
option per statement, a note on some), the summary, finish. Between pages each waits a random
"think time" (default 0.5-1.5 s; ``--think 0`` makes it a stress test with no pause). Bounded:
at most ``--timeout`` seconds in all.

Prints p50 / p95 / p99 latency of page requests (each GET and POST), the errors (any status
other than the one expected), the same figures for the server's static stylesheet fetched
alongside as the baseline (the cheapest request this server answers, under the same load), the
ratio of the two p99s, each page request's time inside the server (its ``Server-Timing``
header, which the server sends when started with ``COPROD_SERVE_TIMING=1``: what the client
measures beyond it is the network, and waiting for a core, in the server or in this generator),
the machine's load, the CPU time the server and this load generator
each used (they share the machine's cores, so the generator's share is time the server did not
have), and then checks the database holds exactly every
answer sent: every statement of every participant, option and note. Target: 0 errors, 0 lost
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
from html import unescape
from pathlib import Path
from urllib.parse import urlencode

import httpx2

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from serve_process import start_serve

FORM = {"content-type": "application/x-www-form-urlencoded"}


def hidden(html: str, name: str) -> str:
    found = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', html)
    if not found:
        raise LookupError(name)
    return unescape(found.group(1))


class Stats:
    def __init__(self) -> None:
        self.pages: list[float] = []
        self.by_method: dict[str, list[float]] = {"GET": [], "POST": []}
        #: The server's own time for each page request (its Server-Timing header), seconds.
        self.in_server: dict[str, list[float]] = {"GET": [], "POST": []}
        self.baseline: list[float] = []
        self.errors: list[str] = []


async def timed(
    stats: Stats,
    client: httpx2.AsyncClient,
    method: str,
    url: str,
    expect: int,
    data: list[tuple[str, str]] | None = None,
) -> httpx2.Response | None:
    start = time.perf_counter()
    try:
        if data is None:
            reply = await client.request(method, url)
        else:
            reply = await client.request(method, url, content=urlencode(data), headers=FORM)
    except httpx2.HTTPError as error:
        stats.errors.append(f"{method} {url}: {type(error).__name__}")
        return None
    stats.pages.append(time.perf_counter() - start)
    stats.by_method[method].append(stats.pages[-1])
    timing = re.search(r"app;dur=([0-9.]+)", reply.headers.get("server-timing", ""))
    if timing:
        stats.in_server[method].append(float(timing.group(1)) / 1000)
    if reply.status_code != expect:
        stats.errors.append(f"{method} {url}: {reply.status_code} (expected {expect})")
        return None
    return reply


async def participant(
    number: int,
    base: str,
    welcome: str,
    think: float,
    stats: Stats,
    sent: dict[str, dict[tuple[str, str], tuple[str | None, str | None]]],
    rng: random.Random,
) -> None:
    async def pause() -> None:
        if think > 0:
            await asyncio.sleep(rng.uniform(think * 0.5, think * 1.5))

    name = f"bench-{number:03d}"
    mine: dict[tuple[str, str], tuple[str | None, str | None]] = {}
    async with httpx2.AsyncClient(base_url=base, timeout=30) as client:
        await pause()
        page = await timed(stats, client, "GET", welcome, 200)
        if page is None:
            return
        start = await timed(
            stats, client, "POST", f"{welcome}/start", 303, [("csrf", hidden(page.text, "csrf"))]
        )
        if start is None:
            return
        home = start.headers["location"].removesuffix("/about")
        about = await timed(stats, client, "GET", f"{home}/about", 200)
        if about is None:
            return
        role = rng.choice(["carer", "person who uses services", "frontline staff", "manager"])
        await pause()
        saved = await timed(
            stats,
            client,
            "POST",
            f"{home}/about",
            303,
            [("csrf", hidden(about.text, "csrf")), ("pseudonym", name), ("role", role)],
        )
        number_of_page = 1
        while saved is not None and "/page/" in saved.headers["location"]:
            url = saved.headers["location"]
            shown = await timed(stats, client, "GET", url, 200)
            if shown is None:
                return
            fields = [
                ("csrf", hidden(shown.text, "csrf")),
                ("seen", hidden(shown.text, "seen")),
                ("go", "next"),
            ]
            for field in dict.fromkeys(re.findall(r'type="radio" name="([^"]+)"', shown.text)):
                bank, question = field.removeprefix("answer:").split("/")
                options = [
                    unescape(v)
                    for v in re.findall(rf'name="{re.escape(field)}" value="([^"]*)"', shown.text)
                ]
                choice = rng.choice([*options, None])
                note = f"note {number}/{question}" if rng.random() < 0.1 else None
                if choice is not None:
                    fields.append((field, choice))
                if note:
                    fields.append((field.replace("answer:", "note:", 1), note))
                mine[(bank, question)] = (choice or None, note)
            await pause()
            saved = await timed(stats, client, "POST", url, 303, fields)
            number_of_page += 1
        if saved is None:
            return
        summary = await timed(stats, client, "GET", f"{home}/summary", 200)
        if summary is None:
            return
        finished = await timed(
            stats, client, "POST", f"{home}/finish", 303, [("csrf", hidden(summary.text, "csrf"))]
        )
        if finished is not None:
            await timed(stats, client, "GET", f"{home}/done", 200)
    sent[name] = mine


async def baseline_probe(base: str, stats: Stats, stop: asyncio.Event) -> None:
    async with httpx2.AsyncClient(base_url=base, timeout=30) as client:
        while not stop.is_set():
            start = time.perf_counter()
            try:
                reply = await client.get("/assets/serve.css")
            except httpx2.HTTPError as error:
                stats.errors.append(f"baseline GET /assets/serve.css: {type(error).__name__}")
                continue
            if reply.status_code == 200:
                stats.baseline.append(time.perf_counter() - start)
            await asyncio.sleep(0.05)


async def run(base: str, welcome: str, people: int, think: float, timeout: float, seed: int):  # type: ignore[no-untyped-def]
    stats = Stats()
    sent: dict[str, dict[tuple[str, str], tuple[str | None, str | None]]] = {}
    stop = asyncio.Event()
    probe = asyncio.create_task(baseline_probe(base, stats, stop))
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
    await probe
    return stats, sent, time.perf_counter() - started, len(pending)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
    return ordered[index]


def check_database(
    db: Path, sent: dict[str, dict[tuple[str, str], tuple[str | None, str | None]]]
) -> tuple[int, int, int]:
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
        stats, sent, elapsed, unfinished = asyncio.run(
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
    for method, values in stats.in_server.items():
        part = [value * 1000 for value in values]
        print(
            f"  {method} inside the server (Server-Timing: from its headers' arrival to the "
            f"response, reading the body included): p50 {percentile(part, 50):.1f}  "
            f"p95 {percentile(part, 95):.1f}  p99 {percentile(part, 99):.1f}"
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
