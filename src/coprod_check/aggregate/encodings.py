"""Which text encoding a CSV export is in, for the four that form tools and Excel write.

Excel saves "CSV UTF-8" (UTF-8 with a byte-order mark), "Unicode text" (UTF-16 with a mark, tab
separated) and plain "CSV" in the Windows code page (Windows-1252 in the UK); online forms write
UTF-8. Those four are told apart without guessing: a byte-order mark says UTF-8 or UTF-16; NUL
bytes in every other place say UTF-16 without a mark; bytes that are valid UTF-8 are UTF-8
(Windows-1252 text with accented letters is almost never valid UTF-8); anything else is read as
Windows-1252. A statistical detector would add a dependency and still guess among these four.
``--encoding`` overrides the detection for anything else Python can decode.
"""

from __future__ import annotations

import codecs

from coprod_check.errors import UsageError

UTF8 = "utf-8"
UTF8_BOM = "utf-8-sig"
UTF16 = "utf-16"
WINDOWS_1252 = "cp1252"

#: How each encoding is named to people.
NAMES = {
    UTF8: "UTF-8",
    UTF8_BOM: "UTF-8",
    UTF16: "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
    WINDOWS_1252: "Windows-1252",
}
#: Bytes read to decide (the whole file when it is no larger).
DETECT_BYTES = 4 * 1024 * 1024


def check_encoding(name: str) -> str:
    """The codec name for ``--encoding NAME``; a usage error when Python has no such codec."""
    try:
        info = codecs.lookup(name.strip())
    except LookupError:
        raise UsageError(
            f"--encoding {name}: not an encoding Python knows; try utf-8, utf-16 or cp1252 "
            "(Windows-1252)"
        ) from None
    codec = info.name
    if codec == "utf-8":
        return UTF8_BOM  # a byte-order mark is never part of the first header
    return codec


def display_name(codec: str) -> str:
    """The encoding's name as people know it ("Windows-1252", not "cp1252")."""
    return NAMES.get(codec, codec)


def detect(start: bytes, whole: bool) -> str:
    """The encoding of a file that begins with ``start`` (all of it when ``whole``)."""
    if start.startswith(codecs.BOM_UTF8):
        return UTF8_BOM
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return UTF16
    sample = start[:4096]
    if len(sample) >= 4:
        even, odd = sample[0::2], sample[1::2]
        if odd.count(0) > len(odd) * 0.4 and even.count(0) < len(even) * 0.1:
            return "utf-16-le"
        if even.count(0) > len(even) * 0.4 and odd.count(0) < len(odd) * 0.1:
            return "utf-16-be"
    decoder = codecs.getincrementaldecoder(UTF8)(errors="strict")
    try:
        decoder.decode(start, final=whole)
    except UnicodeDecodeError:
        return WINDOWS_1252
    return UTF8


def is_utf8(codec: str) -> bool:
    return codec in (UTF8, UTF8_BOM)


__all__ = ["DETECT_BYTES", "check_encoding", "detect", "display_name", "is_utf8"]
