"""``coprod-check validate``: check the files (or the bundled banks) and render the report."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from coprod_check.errors import Outcome


def validate_command(paths: Sequence[Path], fmt: str | None) -> Outcome:
    """The report; exit 0 all valid, 1 errors in some file, 2 some input unreadable."""
    from coprod_check.validate.output import render
    from coprod_check.validate.run import validate_bundled, validate_paths

    chosen = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    report = validate_paths(paths) if paths else validate_bundled()
    return Outcome(render(report, chosen), exit_code=report.exit_code)
