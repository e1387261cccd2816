"""``coprod-check serve`` as a real process on 127.0.0.1, started and stopped the same way by
the tests and by ``benchmarks/serve_load.py``."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx2


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Served:
    """A running server: its process, port, start-up banner and the two links it printed."""

    process: subprocess.Popen[str]
    port: int
    banner: str
    participant: str
    facilitator: str

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self, timeout: float = 30) -> None:
        """Ctrl-C, as a facilitator stops it, and wait for it to end."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            self.process.wait(timeout=timeout)


def start_serve(db: Path, *options: str, env: dict[str, str] | None = None) -> Served:
    """Start ``coprod-check serve --db DB --port (free) OPTIONS`` (``env``: added to the
    environment); return once it answers."""
    port = free_port()
    command = [sys.executable, "-m", "coprod_check", "serve", "--db", str(db), "--port", str(port)]
    process = subprocess.Popen(
        [*command, *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
    )
    assert process.stdout is not None
    lines: list[str] = []
    while not any(line.startswith("Press Ctrl-C") for line in lines):
        line = process.stdout.readline()
        if not line:
            error = process.stderr.read() if process.stderr else ""
            raise RuntimeError(f"the server ended before it started: {error}")
        lines.append(line)
    banner = "".join(lines)
    participant = re.search(r"Participants: (\S+)", banner)
    facilitator = re.search(r"Facilitator \(keep private\): (\S+)", banner)
    assert participant and facilitator, banner
    for _ in range(100):
        try:
            httpx2.get(participant.group(1), timeout=1)
            break
        except httpx2.TransportError:
            time.sleep(0.1)
    return Served(process, port, banner, participant.group(1), facilitator.group(1))
