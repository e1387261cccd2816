"""A cache of the bundled banks' checked data, so a short command does not read them afresh.

Reading the six bundled banks (YAML with every position kept, then the whole-bank checks) took
a tenth of ``score``'s time, on every run, for files that only change when coprod-check does.
Once a bundled bank has passed every check, the bank as the models gave it (text trimmed,
defaults filled in) is kept as JSON in the user's cache folder under a name made from a hash of
the bank's text, coprod-check's version and the checking code's files; the next run checks that
data with :func:`coprod_check.bank.shape.certainly_valid` (what the strict models accept) and
builds the records from it, skipping the YAML, the checks and pydantic.

Only bundled banks are cached: they are public text, not anyone's answers. A bank file given
with ``--bank`` is always read afresh, so every message about it keeps its file and line. A
cache that cannot be read or written is simply not used; entries are written atomically.

``COPROD_CHECK_CACHE_DIR`` names another folder; set to an empty value, it turns the cache off.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path
from typing import Any

from coprod_check import __version__

try:  # hashlib's own BLAKE2, without hashlib loading OpenSSL (a tenth of a score's imports)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

#: Changes when what an entry holds changes, so older entries are never read (2: the bank as
#: the models gave it, where 1 held the file's data).
CACHE_FORMAT = 2
_HERE = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    """Where entries go: ``COPROD_CHECK_CACHE_DIR`` if set (empty: no cache), else the
    platform's cache folder for the user (``$XDG_CACHE_HOME`` or ``~/.cache`` on Linux)."""
    chosen = os.environ.get("COPROD_CHECK_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen.strip() else None
    try:
        home = Path.home()
    except (KeyError, RuntimeError):  # no home folder to cache in
        home = None
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        base = Path(local) if local else (home / "AppData" / "Local" if home else None)
        return base / "coprod-check" / "Cache" if base else None
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "coprod-check" if home else None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg and os.path.isabs(xdg):  # the XDG rule: a relative path is ignored
        return Path(xdg) / "coprod-check"
    return home / ".cache" / "coprod-check" if home else None


@functools.cache
def _code_stamp() -> str:
    """Which checking code made an entry: a change to the models or checks (an edited source
    checkout) gives new names, so no entry outlives the rules it passed. Read once a run (each
    bundled bank asks)."""
    parts = []
    # the bank's models and checks, and the problem wording and YAML reading they use
    package = _HERE.parent
    for folder in (_HERE, _HERE / "checks", package / "problems", package / "files"):
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(".py"):
                info = entry.stat()
                parts.append(f"{entry.name}:{info.st_mtime_ns}:{info.st_size}")
    try:  # and the records an entry becomes
        info = (package / "records.py").stat()
        parts.append(f"records.py:{info.st_mtime_ns}:{info.st_size}")
    except OSError:
        pass
    return ";".join(parts)


def _entry(text: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = blake2b(f"{CACHE_FORMAT}\0{__version__}\0{_code_stamp()}\0".encode(), digest_size=32)
    digest.update(text.encode("utf-8", "surrogatepass"))
    return folder / "banks" / f"{digest.hexdigest()}.json"


def cached_data(text: str) -> Any | None:
    """The data a bank with this text had when it passed every check, or ``None``."""
    entry = _entry(text)
    if entry is None:
        return None
    try:
        return json.loads(entry.read_bytes())
    except (OSError, ValueError, RecursionError):  # unreadable, damaged or nested too deep
        return None


def remember(text: str, data: Any) -> None:
    """Keep ``data`` (a bank that passed every check) for the next run, if JSON holds it
    exactly; any failure to write leaves things as they were."""
    entry = _entry(text)
    if entry is None:
        return
    try:
        blob = json.dumps(data, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):  # not plain JSON data: read it afresh each time
        return
    if json.loads(blob) != data:  # such as a number used as a key
        return
    from coprod_check.errors import CoprodError
    from coprod_check.files.atomic import write_atomic

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(entry, blob, overwrite=True)
    except (OSError, CoprodError):
        return
