"""Bytes to text: UTF-8 or a BOM's encoding, stray bytes repaired, else a confident guess.

Shared by the file readers (inputs.py) and the WARC reader (warc.py), which both
import it; it imports neither.
"""
from __future__ import annotations

import codecs
import logging
import re

from .errors import BinaryInput, EmptyInput, UndecodableInput

log = logging.getLogger("newsgraph")

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Share of a file's non-ASCII bytes that may be invalid UTF-8 for it still to be
# read as UTF-8 with the stray bytes repaired (a paste from a Windows-1252 source).
MIXED_SHARE = 0.2
_STRAY = re.compile("[\udc80-\udcff]")


def decode_bytes(data: bytes, source: str) -> str:
    """UTF-8 (or a BOM's encoding) when it is; a few stray bytes repaired; else a confident guess."""
    if not data.strip():
        raise EmptyInput(source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise UndecodableInput(source) from None
    if looks_binary(data):
        raise BinaryInput(source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    mixed = _mostly_utf8(data, source)
    if mixed is not None:
        return mixed
    legacy = _mostly_ascii_cp1252(data)
    if legacy is not None:
        return legacy
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None or best.chaos > 0.2:
        raise UndecodableInput(source)
    return data.decode(best.encoding, errors="replace")


def _mostly_utf8(data: bytes, source: str) -> str | None:
    """UTF-8 with a few invalid bytes: keep the UTF-8 and read the strays as Windows-1252.

    Decoding the whole file as a legacy charset instead would garble every
    curly quote; the repair is reported so it is never silent."""
    text = data.decode("utf-8", errors="surrogateescape")
    strays = _STRAY.findall(text)
    high = sum(1 for b in data if b > 127)
    if not strays or high == 0 or len(strays) > high * MIXED_SHARE:
        return None
    log.warning("%s: mixed encoding: %d byte(s) are not UTF-8; read them as Windows-1252", source, len(strays))
    return _STRAY.sub(lambda m: bytes([ord(m.group()) - 0xDC00]).decode("cp1252", errors="replace"),
                      text).lstrip("\ufeff")


def _mostly_ascii_cp1252(data: bytes) -> str | None:
    """Windows-1252 is by far the commonest legacy encoding of English news;
    guessers confuse it with its neighbours when only a few bytes are non-ASCII."""
    high = sum(1 for b in data[:200_000] if b > 127)
    if high > len(data) * 0.15:
        return None
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return None


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.05
