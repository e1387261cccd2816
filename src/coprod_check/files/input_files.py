"""Open a user's input file for reading: regular files only, and never wait on a pipe.

Opening a named pipe (FIFO) for reading blocks until something writes to it, so a FIFO named
as an input, or lying in a folder given to ``validate``, would hang the command. The file is
opened non-blocking and checked with ``fstat`` on the open descriptor (no race between a check
and the open); a folder, pipe, socket or device is refused with a one-line :class:`InputError`.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from coprod_check.errors import InputError, Location

NOT_REGULAR = "not a regular file (a pipe, socket or device?)"


def open_input(path: Path, name: str | None = None) -> BinaryIO:
    """``path`` opened for binary reading, or an :class:`InputError` naming it in one line."""
    where = Location(name or str(path))
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError("no such file", where) from None
    except PermissionError:
        raise InputError("permission denied: cannot read this file", where) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file", where) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", where) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            raise InputError("is a directory, not a file", where)
        if not stat.S_ISREG(mode):
            raise InputError(NOT_REGULAR, where)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def open_sized(path: Path, name: str | None = None) -> tuple[BinaryIO, int]:
    """:func:`open_input`, and the size of the file opened (from the open descriptor, so it is
    the size of the very file read even if the name changes hands meanwhile)."""
    stream = open_input(path, name)
    return stream, os.fstat(stream.fileno()).st_size


def read_input(path: Path, name: str | None = None, limit: int | None = None) -> bytes:
    """The bytes of ``path``; with ``limit``, at most ``limit + 1`` of them (enough to tell
    that a file is too large without reading all of a huge one)."""
    with open_input(path, name) as stream:
        try:
            return stream.read() if limit is None else stream.read(limit + 1)
        except OSError as error:
            raise InputError(
                f"cannot read: {error.strerror or error}", Location(name or str(path))
            ) from None
