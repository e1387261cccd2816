"""PyYAML, imported without compiling the regular expression only its pure-Python reader uses.

Importing ``yaml`` compiles ``yaml.reader.Reader.NON_PRINTABLE``, a character class spanning
all of Unicode: about 10 ms, a third of importing PyYAML and more than reading an answers file.
Only the pure-Python reader uses it, and coprod-check parses with libyaml first
(``yaml_source._compose``); PyYAML's own parser runs only to word an error. So while PyYAML is
imported, ``re``'s cache holds a stand-in for that pattern, which compiles the real one when it
is first used; the stand-in is taken out of the cache again at once, so nothing else can be
handed it. Where ``re`` keeps no such cache (another Python), the pattern is compiled as usual.
Every message and position is PyYAML's, whichever way the pattern was compiled.
"""

from __future__ import annotations

import re
import sys
from typing import Any

#: The pattern as ``yaml/reader.py`` writes it (PyYAML 3.x to 6.x); another text is simply
#: compiled at import, as before.
NON_PRINTABLE = "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"


class DeferredPattern:
    """Stands in for ``re.compile(source)`` and compiles it the first time it is used."""

    __slots__ = ("compiled", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        self.compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str) -> Any:
        compiled = self.compiled
        if compiled is None:
            compiled = self.compiled = re.compile(self.source)
        return getattr(compiled, name)


def _import_yaml() -> None:
    """Import PyYAML with :data:`NON_PRINTABLE` deferred (see the module docstring)."""
    cache = getattr(re, "_cache", None)
    key = (str, NON_PRINTABLE, 0)
    if "yaml" in sys.modules or not isinstance(cache, dict) or key in cache:
        return
    cache[key] = DeferredPattern(NON_PRINTABLE)
    try:
        import yaml  # noqa: F401 - kept in sys.modules
    finally:
        for name in ("_cache", "_cache2"):  # Python 3.12 on copies what it finds into _cache2
            held = getattr(re, name, None)
            if isinstance(held, dict) and isinstance(held.get(key), DeferredPattern):
                del held[key]


_import_yaml()

import yaml  # noqa: E402 - after PyYAML was imported above, with the pattern deferred

__all__ = ["DeferredPattern", "yaml"]
