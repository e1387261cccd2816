"""Saving the answers file of ``assess`` after every change, never over another writer's answers.

Two things can write one answers file while a session runs: a second ``assess --resume`` of
the same file, or a person editing it by hand. Before each save the file is checked against
what this session last wrote (or read): a SHA-256 of its bytes, compared under an exclusive
lock on its folder so that two sessions cannot check and write at the same moment. When the
file has changed, it is left exactly as the other writer left it, and this session's answers
go to a new file beside it (``team.2.yaml``), every answer of the session included; the person
is told both names and how to merge. A file that has gone (moved or deleted) is written again.

When a save fails (a full disk, a permission removed) the answers stay in memory; the person
is told why and can try again, save to another file, or carry on and let the next answer try
again. Should the session end with answers not saved, they are printed so none is lost.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from coprod_check.answers.writer import plain_text, render_answers
from coprod_check.assess.prompts import Screen
from coprod_check.assess.session import Session
from coprod_check.errors import CoprodError
from coprod_check.files.atomic import write_atomic

RETRY_PROMPT = (
    "Press Enter to try again, type another file name to save there, or s to carry on "
    "(saving is tried again at your next answer): "
)


NOT_A_FILE = "not a regular file"


def digest(path: Path) -> str | None:
    """SHA-256 of the file's bytes; None when there is no file to read. A device or pipe
    (``-o /dev/null``) is never read: it has no content to take over."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return NOT_A_FILE
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def beside(path: Path) -> Path:
    """A name for a new file next to ``path`` that nothing uses yet: ``team.2.yaml``, ..."""
    number = 2
    while True:
        candidate = path.with_name(f"{path.stem}.{number}{path.suffix}")
        if not candidate.exists() and not candidate.is_symlink():
            return candidate
        number += 1


@contextlib.contextmanager
def folder_lock(path: Path) -> Iterator[None]:
    """An exclusive lock on the folder of ``path`` (POSIX ``flock``; none where unavailable).

    A lock on the file itself would not do: every save replaces the file with a new one.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        descriptor = os.open(path.parent if str(path.parent) else ".", os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


class Saver:
    """Writes the session's answers to :attr:`path`, which moves if the file is taken over."""

    def __init__(self, session: Session, path: Path, screen: Screen, *, exists: bool) -> None:
        self.session = session
        self.path = path
        self.screen = screen
        self.written = exists
        self.expected = digest(path) if exists else None
        self.unsaved = False

    def claim(self) -> None:
        """The first write of a new file; failing here ends the command (nothing typed yet)."""
        self._write()

    def save(self) -> None:
        """Save now; on failure keep the answers in memory and ask what to do."""
        while True:
            try:
                self._write()
            except CoprodError as error:
                if not self._after_failure(error):
                    self.unsaved = True
                    return
                continue
            self.unsaved = False
            return

    def rescue(self) -> None:
        """When the session ends with answers not saved: print them, so none is lost."""
        if not self.unsaved:
            return
        self.screen.warn(
            f"Your latest answers could not be saved to {self.path}. Here they are: copy them "
            "into a file (for example answers-rescued.yaml) to keep them."
        )
        self.screen.report(plain_text(self.session.to_answers_file(), "answers-rescued.yaml"))

    def _write(self) -> None:
        text = render_answers(self.session.to_answers_file(), self.session.banks, self.path.name)
        with folder_lock(self.path):
            if self.written:
                current = digest(self.path)
                if current != self.expected:
                    self._taken_over(current is None)
            write_atomic(self.path, text, overwrite=self.written)
        try:
            regular = stat.S_ISREG(os.stat(self.path).st_mode)
        except OSError:
            regular = True
        self.expected = hashlib.sha256(text.encode("utf-8")).hexdigest() if regular else NOT_A_FILE
        self.written = True

    def _taken_over(self, gone: bool) -> None:
        """The file changed since this session last saved it: never write over it."""
        if gone:
            self.screen.warn(
                f"{self.path} has gone (moved or deleted?) since this session last saved it. "
                f"Your answers are saved in {self.path} again, all of them."
            )
            self.written = False
            return
        other = self.path
        self.path = beside(other)
        self.written = False
        self.screen.warn(
            f"{other} was changed by something else (another coprod-check assess, or an "
            f"editor) since this session last saved it, so it is left as it is. Your answers "
            f"are saved in {self.path} from now on, every answer of this session included. "
            f"To merge them: compare the two files (for example: diff {other} {self.path}), "
            f"copy the answers you want into one of them, then carry on with: "
            f"coprod-check assess --resume {other}"
        )

    def _after_failure(self, error: CoprodError) -> bool:
        """Say why the save failed; True to try again (maybe elsewhere), False to carry on."""
        self.screen.warn(
            f"Could not save your answers to {self.path}: {error.message}. They are kept in "
            "memory, so nothing you typed is lost while this session runs."
        )
        while True:
            reply = self.screen.ask(RETRY_PROMPT).strip()
            if not reply:
                return True
            if reply.lower() == "s":
                return False
            target = Path(reply).expanduser()
            if target.exists() or target.is_symlink():
                self.screen.warn(f"{target} already exists; type a new file name.")
                continue
            self.path = target
            self.written = False
            self.expected = None
            return True
