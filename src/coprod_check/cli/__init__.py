"""The command line: parse options, call one function per command, deliver its outcome.

Only wiring lives here. Each command's work is a function in its package that returns an
:class:`~coprod_check.errors.Outcome` (or raises a ``CoprodError``); :func:`deliver` is the one
place that prints, writes ``-o`` files and exits. Commands import their package inside their own
body, so ``coprod-check validate`` never pays for jinja2, rich or the scoring code.
"""

from __future__ import annotations

import os
import sys

import typer

from coprod_check.cli import commands  # noqa: F401  (importing it registers the commands)
from coprod_check.cli.app import app
from coprod_check.cli.deliver import deliver, say
from coprod_check.errors import EXIT_USAGE, CoprodError

__all__ = ["app", "deliver", "main", "say"]


def main() -> None:
    """Console-script entry point: run the app, never show a traceback for a user's mistake."""
    try:
        app(standalone_mode=True)
    except CoprodError as error:  # raised outside a command body (should not happen)
        say(f"error: {error}")
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        typer.echo("coprod-check: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(EXIT_USAGE)
    except Exception as error:  # a bug, not a user's mistake: one line, the traceback on request
        if os.environ.get("COPROD_CHECK_DEBUG"):
            raise
        say(
            f"internal error, please report it: {type(error).__name__}: {error} "
            "(set COPROD_CHECK_DEBUG=1 to see the traceback)"
        )
        sys.exit(EXIT_USAGE)
