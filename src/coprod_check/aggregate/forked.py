"""Run a function in a forked copy of this process and get its result back.

Counting a CSV is CPU-bound Python, so one process keeps one core busy. On Linux, when a
second core is idle, ``Ingest`` has a forked copy of itself count the second half of a large
CSV while it counts the first (see ``ingest``). A fork starts at once and shares the banks and
column plan already loaded, with nothing to pickle on the way in; the copy sends back only its
counts (a few kilobytes), pickled through a pipe. It touches none of the parent's open files or
output streams and leaves with ``os._exit``, so nothing of the parent's is flushed twice.

A helper pays only on a core nobody else is using: two processes taking turns on one core
(while other work has the other) evict each other's data from the caches and together take
about half as long again as one process alone. :class:`Load` measures how many cores are
spare while the parent starts reading.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Generic, NoReturn, TypeVar

T = TypeVar("T")


def available() -> bool:
    """Whether a forked helper can run here, safely and on a core of its own: on Linux, with
    two cores or more, and with no other thread running (a fork copies only the thread that
    forks, and any lock another thread holds stays locked in the copy)."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    if threading.active_count() > 1:
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1
    except (AttributeError, OSError):
        return False


def spare_cores(cores: int, wall: float, busy: float, own: float) -> float:
    """Cores left idle over ``wall`` seconds in which the machine's ``cores`` were busy for
    ``busy`` CPU seconds in all, ``own`` of them this process's."""
    if wall <= 0:
        return 0.0
    others = max(busy - own, 0.0)
    return cores - max(own, 0.0) / wall - others / wall


class Load:
    """Measures, from now on, how busy the machine's cores are (Linux ``/proc/stat``)."""

    def __init__(self) -> None:
        self.wall = time.monotonic()
        self.own = time.process_time()
        self.busy = _busy_seconds()

    def elapsed(self) -> float:
        return time.monotonic() - self.wall

    def spare_cores(self) -> float:
        """Cores that were idle since this was made (on average; 0 if it cannot be told)."""
        busy = _busy_seconds()
        if busy <= 0 or self.busy <= 0:
            return 0.0
        return spare_cores(
            len(os.sched_getaffinity(0)),
            self.elapsed(),
            busy - self.busy,
            time.process_time() - self.own,
        )


def _busy_seconds() -> float:
    """CPU seconds all cores have been busy since boot; 0 when ``/proc/stat`` cannot be read."""
    try:
        first = Path("/proc/stat").read_text().split("\n", 1)[0].split()
        ticks = [int(field) for field in first[1:9]]
    except (OSError, ValueError):
        return 0.0
    if len(ticks) < 8 or first[0] != "cpu":
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = ticks
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


class Forked(Generic[T]):
    """``work()`` running in a forked process; :meth:`result` waits for what it returned.

    Always :meth:`close` it (the helper is killed if it is still running).
    """

    def __init__(self, work: Callable[[], T]) -> None:
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            raise
        if pid == 0:
            _run_child(work, read_end, write_end)
        os.close(write_end)
        self._pid: int | None = pid
        self._pipe = os.fdopen(read_end, "rb")
        self._status: int | None = None

    def result(self) -> T | None:
        """What ``work()`` returned, or None when it raised or its process died."""
        data = b""
        with suppress(OSError):
            data = self._pipe.read()
        self._reap(kill=False)
        self.close()
        if not data or self._status is None or os.waitstatus_to_exitcode(self._status) != 0:
            return None
        try:
            found: T = pickle.loads(data)  # from our own child, through our own pipe
        except Exception:
            return None
        return found

    def close(self) -> None:
        """Stop the helper if it is still running, and free its pipe."""
        self._reap(kill=True)
        self._pipe.close()

    def _reap(self, *, kill: bool) -> None:
        if self._pid is None:
            return
        if kill:
            with suppress(ProcessLookupError):
                os.kill(self._pid, signal.SIGKILL)
        _, self._status = os.waitpid(self._pid, 0)
        self._pid = None


def _run_child(work: Callable[[], T], read_end: int, write_end: int) -> NoReturn:
    """The helper's whole life: run ``work``, send its result, leave without cleaning up the
    parent's objects (they are the parent's)."""
    code = 1
    try:
        os.close(read_end)
        payload = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
        code = 0
    except BaseException:
        pass  # any failure means "no result": the parent reads on itself
    finally:
        os._exit(code)


__all__ = ["Forked", "Load", "available", "spare_cores"]
