"""Write files atomically: a temporary file in the same folder, flushed, then renamed over.

A crash, a closed laptop or Ctrl-C part-way through leaves either the old file or the new one,
never half of each.

A process killed at the wrong moment (``kill -9``, a power cut) can leave its hidden temporary
file behind; the next write to the same file removes such leftovers of this tool, once they
are old enough that no other process can still be writing them.

Only regular files are replaced that way. A symbolic link is followed, so the file it points to
gets the new text and the link stays. A device or pipe named as the output (``-o /dev/null``,
``-o /dev/stdout``) is written into, never replaced: renaming over it would swap the device for
a plain file. Every failure is a one-line :class:`~coprod_check.errors.CoprodError`.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from coprod_check.errors import InputError, Location, OutputExistsError, UsageError

EXISTS = "already exists; use --force to replace it"
IS_FOLDER = "is a folder; give a file name to write to"
#: A temporary file of ours older than this is a leftover of a killed process (a write takes
#: milliseconds; a slow network disk, seconds).
STALE_SECONDS = 600


def check_output(
    output: Path,
    *,
    force: bool,
    inputs: Sequence[Path] = (),
    refusal: str = "refusing to write the report over an input file",
) -> None:
    """Refuse, before any work is done, to write over an input, a folder, a file in a folder
    that does not exist, or (without ``force``) an existing file."""
    where = Location(str(output))
    if any(same_file(output, path) for path in inputs):
        raise OutputExistsError(refusal, where)
    mode = _mode(output, where)
    if mode is not None and stat.S_ISDIR(mode):
        raise UsageError(IS_FOLDER, where)
    if mode is None:
        folder = _target(output).parent
        if not folder.is_dir():
            raise InputError(f"cannot write here: there is no folder {str(folder)!r}", where)
    elif stat.S_ISREG(mode) and not force:
        raise OutputExistsError(EXISTS, where)


def guard_output(
    output: Path | None,
    force: bool,
    inputs: Sequence[Path],
    banks: Sequence[str] | None = None,
    refusal: str = "refusing to write the report over an input file",
) -> None:
    """:func:`check_output` for a command's ``-o``: the inputs and any ``--bank`` file given are
    protected. Nothing to check when the output goes to standard output."""
    if output is None:
        return
    protected = [*inputs, *(Path(choice) for choice in banks or [] if Path(choice).exists())]
    check_output(output, force=force, inputs=protected, refusal=refusal)


def write_atomic(path: Path, text: str | bytes, *, overwrite: bool) -> None:
    """Write ``text`` (UTF-8 if ``str``) to ``path`` atomically; replace a file only if told."""
    where = Location(str(path))
    data = text.encode("utf-8") if isinstance(text, str) else text
    mode = _mode(path, where)
    if mode is not None and stat.S_ISDIR(mode):
        raise UsageError(IS_FOLDER, where)
    if mode is not None and not stat.S_ISREG(mode):
        _write_into(path, data, where)
        return
    if (mode is not None or path.is_symlink()) and not overwrite:
        raise OutputExistsError(EXISTS, where)
    target = _target(path)
    folder = target.parent if str(target.parent) else Path(".")
    remove_stale_temporaries(folder, target.name)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise InputError(f"cannot write here: {error.strerror or error}", where) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            with contextlib.suppress(OSError):
                os.chmod(temporary, mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise InputError(f"cannot write: {error.strerror or error}", where) from None
        raise


def remove_stale_temporaries(folder: Path, name: str, *, now: float | None = None) -> list[str]:
    """Remove the temporary files :func:`write_atomic` left for ``name`` in ``folder`` when
    a process was killed while writing, if older than :data:`STALE_SECONDS`; their names."""
    pattern = re.compile(rf"\.{re.escape(name)}\.[a-z0-9_]{{8}}\.tmp")
    cutoff = (time.time() if now is None else now) - STALE_SECONDS
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                os.unlink(entry.path)
                removed.append(entry.name)
    return removed


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name the same file (used to refuse writing a report over answers)."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except (OSError, RuntimeError):  # RuntimeError: a symbolic link loop (Python < 3.13)
        return False


def _mode(path: Path, where: Location) -> int | None:
    """The mode of what ``path`` names (links followed); None when nothing is there yet."""
    try:
        return os.stat(path).st_mode
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as error:
        raise InputError(f"cannot write here: {error.strerror or error}", where) from None


def _target(path: Path) -> Path:
    """The file a symbolic link points to (so the link survives), else ``path`` itself."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _write_into(path: Path, data: bytes, where: Location) -> None:
    """Write into a device or pipe; a pipe nobody reads from is an error, not a hang."""
    try:
        descriptor = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise InputError("a pipe with nothing reading from it", where) from None
        raise InputError(f"cannot write: {error.strerror or error}", where) from None
    try:
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        stream = os.fdopen(descriptor, "wb")
    except BaseException:
        os.close(descriptor)
        raise
    try:
        with stream:
            stream.write(data)
    except OSError as error:
        raise InputError(f"cannot write: {error.strerror or error}", where) from None
