"""Reading inputs: files, directories, standard input, JSONL and WARC.

`iter_inputs` yields RawInput for each article found and an InputError for
each one that cannot be used, so callers can report a failure and go on.
"""
from __future__ import annotations

import gzip
import io
import json
import re
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator, Union

from .article import RawInput
from .errors import BinaryInput, EmptyInput, InputError, MalformedRecord, UndecodableInput

Item = Union[RawInput, InputError]
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
WARC_SUFFIXES = {".warc", ".arc"}
KNOWN = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES
META_KEYS = ("id", "title", "subtitle", "published", "date", "url", "publisher", "authors", "author")


def iter_inputs(paths: Iterable[str]) -> Iterator[Item]:
    for path in paths:
        if path == "-":
            yield from _from_bytes(sys.stdin.buffer.read(), "<stdin>", kind=None)
            continue
        p = Path(path)
        if p.is_dir():
            yield from _walk(p)
        elif p.is_file():
            yield from read_file(p)
        else:
            yield InputError(path, "no such file or directory")


def _walk(folder: Path) -> Iterator[Item]:
    files = sorted(f for f in folder.rglob("*") if f.is_file() and not f.name.startswith("."))
    for f in files:
        if _kind_of(f) is not None or _sniffable(f):
            yield from read_file(f)


def _sniffable(path: Path) -> bool:
    return path.suffix == ""


def _kind_of(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    for kind, known in (("text", TEXT_SUFFIXES), ("html", HTML_SUFFIXES), ("jsonl", JSONL_SUFFIXES), ("warc", WARC_SUFFIXES)):
        if last in known:
            return kind
    return None


def read_file(path: Path) -> Iterator[Item]:
    source = str(path)
    kind = _kind_of(path)
    if kind == "warc":
        yield from read_warc(path)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    if path.suffix.lower() == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            yield InputError(source, "not a valid gzip file")
            return
    yield from _from_bytes(data, source, kind)


def _from_bytes(data: bytes, source: str, kind: str | None) -> Iterator[Item]:
    if kind is None and data[:6] in (b"WARC/1", b"WARC/0") or data[:2] == b"\x1f\x8b":
        yield from read_warc_stream(io.BytesIO(data), source)
        return
    try:
        text = decode_bytes(data, source)
    except InputError as err:
        yield err
        return
    kind = kind or _sniff(text)
    if kind == "jsonl":
        yield from read_jsonl(text, source)
    elif kind == "html":
        yield RawInput(source, html=text)
    elif not text.strip():
        yield EmptyInput(source)
    else:
        yield RawInput(source, text=text)


def _sniff(text: str) -> str:
    head = text.lstrip()[:512].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith(("<!doctype html", "<html", "<?xml")) or re.search(r"<(body|article|p|div)\b", head):
        return "html"
    return "text"


def decode_bytes(data: bytes, source: str) -> str:
    """UTF-8 when it is; else a confident charset guess; else refuse."""
    if not data.strip():
        raise EmptyInput(source)
    if _looks_binary(data):
        raise BinaryInput(source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    legacy = _mostly_ascii_cp1252(data)
    if legacy is not None:
        return legacy
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None or best.chaos > 0.2:
        raise UndecodableInput(source)
    return data.decode(best.encoding, errors="replace")


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


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.05


def read_jsonl(text: str, source: str) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield MalformedRecord(where, f"not valid JSON ({exc.msg} at column {exc.colno}); line skipped")
            continue
        yield _record_input(record, where)


def _record_input(record: object, where: str) -> Item:
    if not isinstance(record, dict):
        return MalformedRecord(where, "a JSONL line must be an object with 'text' or 'html'")
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return MalformedRecord(where, "record has no 'text' or 'html' string field")
    meta = {k: record[k] for k in META_KEYS if record.get(k) not in (None, "")}
    return RawInput(where, text=text if isinstance(text, str) else None,
                    html=html if isinstance(html, str) else None, meta=meta)


def read_warc(path: Path) -> Iterator[Item]:
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        yield from read_warc_stream(stream, str(path))


def read_warc_stream(stream: IO[bytes], source: str) -> Iterator[Item]:
    """HTTP response records with an HTML payload, dated by WARC-Date."""
    from warcio.archiveiterator import ArchiveIterator
    index = 0
    try:
        for record in ArchiveIterator(stream, check_digests="raise"):
            index += 1
            if not _plausible_record(record):
                yield MalformedRecord(f"{source}#{index}", "not a WARC record; rest of file skipped")
                return
            item = _warc_item(record, f"{source}#{index}")
            if item is not None:
                yield item
    except Exception as exc:  # warcio raises many types (even AttributeError) on broken records
        yield MalformedRecord(f"{source}#{index + 1}", f"broken WARC record ({_short(exc)}); rest of file skipped")
        return
    if index == 0:  # warcio only warns when nothing parses
        yield MalformedRecord(source, "no WARC records found; is this a WARC file?")
    elif stream.read(1):  # the iterator stops quietly on some truncations
        yield MalformedRecord(f"{source}#{index + 1}", "unreadable data after the last WARC record; skipped")


def _plausible_record(record) -> bool:
    """warcio reads almost any text as ARC records; real ones name a URL."""
    if record.format == "warc":
        return True
    uri = record.rec_headers.get_header("uri") or ""
    return uri.startswith(("http://", "https://", "dns:", "filedesc:"))


def _short(exc: Exception) -> str:
    return " ".join(str(exc).split())[:80].encode("ascii", "replace").decode()


def _warc_item(record, where: str) -> Item | None:
    if record.rec_type != "response":
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
    if "html" not in content_type.lower():
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    try:
        payload = record.content_stream().read()
        html = decode_bytes(payload, where)
    except InputError as err:
        return err
    except Exception as exc:  # broken chunking / compression inside one record
        return MalformedRecord(where, f"cannot read the record's payload ({exc})")
    meta = {"url": uri, "published": record.rec_headers.get_header("WARC-Date")}
    return RawInput(f"{where} {uri}", html=html, meta={k: v for k, v in meta.items() if v})
