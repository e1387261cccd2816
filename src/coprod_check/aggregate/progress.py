"""A rich progress bar on standard error, for long aggregations; nothing when it is not a terminal.

The core reports progress through a plain callback (``ingest.Progress``), so it never imports
rich or knows about terminals; this module turns those calls into a bar, redrawn from those
calls (at most ten times a second) rather than by rich's refresh thread.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from coprod_check.aggregate.ingest import Progress


def wants_progress(choice: bool | None) -> bool:
    """``True``/``False`` are explicit; ``None`` means only when standard error is a terminal."""
    if choice is not None:
        return choice
    stream = sys.stderr
    return bool(getattr(stream, "isatty", None)) and stream.isatty()


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Progress | None]:
    """A callback that drives a bar per input (bytes for CSV files, files for answers files)."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        TaskID,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.progress import (
        Progress as RichProgress,
    )

    console = Console(stderr=True)
    bar = RichProgress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
        auto_refresh=False,
    )
    tasks: dict[str, TaskID] = {}
    drawn = 0.0

    def update(label: str, done: int, total: int) -> None:
        nonlocal drawn
        task = tasks.get(label)
        if task is None:
            task = tasks[label] = bar.add_task(label, total=total or None)
        bar.update(task, completed=done, total=total or None)
        now = time.monotonic()
        if now - drawn >= 0.1 or done >= total:
            drawn = now
            bar.refresh()

    with bar:
        yield update
