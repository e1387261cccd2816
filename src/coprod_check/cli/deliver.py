"""The one error path: print or write a command's outcome, turn a ``CoprodError`` into one line
and its exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import NoReturn

import typer

from coprod_check.errors import CoprodError, Outcome


def deliver(command: Callable[[], Outcome]) -> NoReturn:
    """The one error path: run ``command``, print or write its outcome, exit with its code; a
    ``CoprodError`` becomes ``coprod-check: error: <message>`` and the error's exit code."""
    try:
        outcome = command()
        for note in outcome.notes:
            say(str(note))
        if outcome.output is not None:
            from coprod_check.files.atomic import write_atomic  # tempfile: only to write a file

            write_atomic(outcome.output, outcome.report, overwrite=outcome.overwrite)
            say(f"wrote {outcome.output}")
        else:
            _print(outcome.report)
    except CoprodError as error:
        for note in error.notes:
            say(str(note))
        say(f"error: {error}")
        raise typer.Exit(error.exit_code) from None
    for finding in outcome.findings:
        say(str(finding))
    raise typer.Exit(outcome.exit_code)


def say(text: str) -> None:
    """One line on standard error; control characters from user text shown, never sent raw."""
    from coprod_check.render.safe_text import neutralise

    typer.echo(f"coprod-check: {neutralise(text)}", err=True)


def _print(report: str | bytes) -> None:
    """Write a report to standard output now; a full disk is a one-line error, exit 2.

    Control characters (from user text) are shown as escapes; colour codes stay. Bytes (an
    office file sent down a pipe) go out as they are."""
    from coprod_check.render.safe_text import neutralise_coloured

    try:
        if isinstance(report, bytes):
            sys.stdout.buffer.write(report)
        else:
            typer.echo(neutralise_coloured(report), nl=False)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        from coprod_check.errors import InputError

        reason = (error.strerror or str(error)).rstrip(".")
        reason = reason[:1].lower() + reason[1:]
        raise InputError(f"cannot write to standard output: {reason}") from None
