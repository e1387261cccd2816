"""Write files atomically: a temporary file in the same folder, flushed, then renamed over.

A crash, a closed laptop or Ctrl-C part-way through leaves either the old file or the new one,
never half of each.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from coprod_check.errors import InputError, Location, OutputExistsError


def write_atomic(path: Path, text: str, *, overwrite: bool) -> None:
    """Write ``text`` to ``path`` atomically; refuse to replace an existing file unless told."""
    if path.exists() and not overwrite:
        raise OutputExistsError("already exists; use --force to replace it", Location(str(path)))
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise InputError(
            f"cannot write here: {error.strerror or error}", Location(str(path))
        ) from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(temporary, path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name the same file (used to refuse writing a report over answers)."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False
