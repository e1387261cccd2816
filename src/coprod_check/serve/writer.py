"""One thread makes every change to the workshop store, each change its own transaction, and
reports a change saved only once it is on the disk.

Why a thread of its own: a change is durable only once the disk has confirmed it (an fsync),
which on this project's shared disk took 0.3 ms at the median when idle and 4-16 ms while the
other sessions' tests ran. On the event loop that wait would hold up every other participant's
page; on this thread it holds up only the changes queued behind it. Reads stay on the loop
(:mod:`coprod_check.serve.context`).

Why one transaction per submission with a shared flush: each submission is its own
``BEGIN IMMEDIATE`` ... ``COMMIT`` (whole or not at all, alone), committed without waiting for
the disk (``synchronous=NORMAL`` on this thread's connection); then one flush of the write-ahead
log (:meth:`~coprod_check.serve.sqlite_file.SqliteFile.sync`, what ``synchronous=FULL`` does after
every commit) makes durable every submission committed since the last one, and only then does
each request hear "saved". With a flush per commit (``synchronous=FULL``), under
``benchmarks/serve_load.py`` the flushes queued behind each other whenever the disk was busy:
see ``docs/serve.md`` for the figures of each design.

If a change fails it rolls back whole and alone (its request gets an error page; what was saved
before is kept). If the flush fails, no change it covered is reported saved.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import functools
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

from coprod_check.serve.records import WorkshopStore

P = ParamSpec("P")
T = TypeVar("T")

#: At most this many changes wait for one flush (a bound on how long the first one waits).
MOST_PER_FLUSH = 64


@dataclass(frozen=True, slots=True)
class _Change:
    call: Callable[[], Any]
    future: concurrent.futures.Future[Any]


class StoreWriter:
    """Runs store changes on one thread (started at the first change), one transaction each."""

    def __init__(self, store: WorkshopStore, most: int = MOST_PER_FLUSH) -> None:
        self.store = store
        self.most = most
        self._queue: queue.SimpleQueue[_Change] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()

    async def run(self, change: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Make one change and wait until it is committed and on the disk (or has failed)."""
        item = _Change(functools.partial(change, *args, **kwargs), concurrent.futures.Future())
        self._start()
        self._queue.put(item)
        result: T = await asyncio.wrap_future(item.future)
        return result

    def _start(self) -> None:
        with self._start_lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._serve, name="coprod-serve-writer", daemon=True
                )
                self._thread.start()

    def _serve(self) -> None:
        # Should this fail, each commit flushes itself (synchronous=FULL) and the changes
        # report their own errors: the thread must live on, or every save would hang.
        with contextlib.suppress(Exception):
            self.store.defer_sync()
        while True:
            self.commit(self._queue.get())

    def commit(self, first: _Change) -> None:
        """Make ``first``, then each change that arrives meanwhile (up to ``most``), each in its
        own transaction; flush them to the disk together; then settle each one's future."""
        outcomes: list[tuple[_Change, Any, BaseException | None]] = []
        item: _Change | None = first
        taken = 0
        while item is not None:
            taken += 1
            if item.future.set_running_or_notify_cancel():
                try:
                    outcomes.append((item, item.call(), None))
                except Exception as error:
                    outcomes.append((item, None, error))
            item = None
            if taken < self.most:
                with contextlib.suppress(queue.Empty):
                    item = self._queue.get_nowait()
        try:
            self.store.sync()
        except Exception as error:  # committed, but not known to be on the disk: not "saved"
            outcomes = [(item, None, failure or error) for item, _, failure in outcomes]
        for done, value, failure in outcomes:
            if failure is None:
                done.future.set_result(value)
            else:
                done.future.set_exception(failure)
