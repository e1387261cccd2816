"""Where a command's report goes: ``-o FILE`` or standard output, ``--force``, ``--format``.

Every command that writes something takes these three options and does the same with them:
picks the format (from ``--format`` or the file's name), refuses to write over its inputs,
draws for a file as for a plain 100-column page, and turns its findings into exit 1. That
plumbing lives here once, so a command says only what is its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from coprod_check.errors import EXIT_FINDINGS, EXIT_OK, Outcome

#: Width of a text report written to a file: a file is not the terminal.
FILE_WIDTH = 100


class Destination:
    """``output`` (None: standard output), whether it may replace a file, and the format asked
    for (None: the one the file's name says, else text). A plain class: every command imports
    this module, and a dataclass costs a millisecond to define."""

    __slots__ = ("fmt", "force", "output")

    def __init__(
        self, output: Path | None = None, force: bool = False, fmt: str | None = None
    ) -> None:
        self.output = output
        self.force = force
        self.fmt = fmt

    def format(self, formats: Sequence[str]) -> str:
        """The format to write, one of ``formats`` (``render.output_format``'s rules)."""
        from coprod_check.render.output_format import output_format

        return output_format(self.fmt, self.output, formats)

    def guard(
        self,
        inputs: Sequence[Path],
        banks: Sequence[str] | None = None,
        refusal: str = "refusing to write the report over an input file",
    ) -> None:
        """Refuse, before any work, to write over ``inputs`` or a ``--bank`` file, or over an
        existing file without ``--force``."""
        if self.output is None:  # standard output: nothing to guard, and no tempfile to import
            return
        from coprod_check.files.atomic import guard_output

        guard_output(self.output, self.force, inputs, banks, refusal)

    @property
    def color(self) -> bool | None:
        """No colour in a file; on standard output, as the terminal and NO_COLOR say."""
        return False if self.output else None

    @property
    def width(self) -> int | None:
        """:data:`FILE_WIDTH` for a file; on standard output, the terminal's."""
        return FILE_WIDTH if self.output else None

    def outcome(
        self,
        report: str | bytes,
        *,
        notes: Sequence[str] = (),
        findings: Sequence[str] = (),
    ) -> Outcome:
        """``report`` to deliver here; any finding makes the command exit 1."""
        return Outcome(
            report,
            self.output,
            self.force,
            notes=list(notes),
            findings=list(findings),
            exit_code=EXIT_FINDINGS if findings else EXIT_OK,
        )
