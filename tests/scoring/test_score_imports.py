"""What ``score`` of a bundled example imports: only what a text report on standard output needs.

Start-up is most of a short command's time (issue 14), so modules needed only on a rarer path
(writing a file, pydantic's errors, a package in a zip file, a cache entry to write) are
imported where that path starts. A fresh process shows what a user's run imports.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

#: Each with the path that needs it.
RARER = (
    "tempfile",  # writing a file (-o, a new cache entry)
    "coprod_check.files.atomic",  # the same
    "_hashlib",  # hashlib's OpenSSL: the bank cache names entries with _blake2
    "importlib.resources",  # a package that is not a folder on disk
    "zipfile",  # the same
    "coprod_check.problems.schema_errors",  # pydantic's errors in a file
    "pydantic",  # a file that is not certainly well-formed, a bank given with --bank, JSON
    "rich",  # colour on a terminal
)

CODE = """\
import sys
from coprod_check.cli import main
sys.argv = ["coprod-check", "score", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
rarer = [name for name in {rarer!r} if name in sys.modules]
print(rarer, file=sys.stderr)
"""


def _run() -> str:
    example = REPO / "examples" / "borough-wide-redesign.yaml"
    done = subprocess.run(
        [sys.executable, "-c", CODE.format(rarer=RARER), str(example)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout.startswith("Co-production readiness report"), done.stderr
    return done.stderr.strip().splitlines()[-1]


def test_score_imports_nothing_a_rarer_path_needs() -> None:
    _run()  # the first run may fill the bank cache (and so write files)
    assert _run() == "[]"
