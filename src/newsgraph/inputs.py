"""Reading inputs: files, directories, standard input, JSONL and WARC.

`iter_inputs` yields RawInput for each article found and an InputError for
each one that cannot be used, so callers can report a failure and go on.
"""
from __future__ import annotations

import gzip
import io
import json
import logging
import os
import re
import sys
from pathlib import Path
from typing import IO, Iterable, Iterator, Union

from .article import RawInput
from .decoding import decode_bytes, looks_binary
from .errors import BinaryInput, EmptyInput, InputError, MalformedRecord, short_reason
from .warc import peekable, read_warc_stream

log = logging.getLogger("newsgraph")
Item = Union[RawInput, InputError]
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
WARC_SUFFIXES = {".warc", ".arc"}
KNOWN = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES
META_KEYS = ("id", "title", "subtitle", "published", "date", "url", "publisher", "authors", "author")


# Bytes a file may have before it is refused unread: far above any article (the
# character limit is checked again on the parsed text), far below memory trouble.
MAX_FILE_BYTES = 64 * 1024 * 1024


def iter_inputs(paths: Iterable[str], max_bytes: int = MAX_FILE_BYTES) -> Iterator[Item]:
    """Every article under `paths` as RawInput, every unusable input as InputError; never raises
    for one bad path, file or record."""
    ids = DuplicateIds()
    for path in paths:
        for item in _path_items(path, max_bytes):
            yield ids.check(item)


def _path_items(path: str, max_bytes: int) -> Iterator[Item]:
    if path == "-":
        yield from items_from_bytes(sys.stdin.buffer.read(), "<stdin>", kind=None)
        return
    p = Path(path)
    try:
        is_dir, is_file = p.is_dir(), p.is_file()
    except OSError as exc:  # e.g. a path under a folder we may not enter
        yield InputError(path, f"cannot read: {exc.strerror or exc}")
        return
    if is_dir:
        yield from _walk(p, max_bytes)
    elif is_file:
        yield from read_file(p, max_bytes)
    else:
        yield InputError(path, "no such file or directory")


def _walk(folder: Path, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Item]:
    """Files below `folder` in name order; unreadable folders are reported, links never followed
    into loops (os.walk does not follow directory links)."""
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        while unreadable:
            err = unreadable.pop(0)
            yield InputError(str(err.filename or root), f"cannot read this folder: {err.strerror or err}")
        for name in sorted(files):
            f = Path(root, name)
            if name.startswith(".") or not f.is_file():
                continue
            if kind_of(f) is not None or _sniffable(f):
                yield from read_file(f, max_bytes)
    for err in unreadable:
        yield InputError(str(err.filename or folder), f"cannot read this folder: {err.strerror or err}")


class DuplicateIds:
    """Two records of one run with the same explicit id are both kept: the later one gets
    a suffixed id and a warning, so neither overwrites the other in a store."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def check(self, item: Item) -> Item:
        if isinstance(item, InputError) or "id" not in item.meta:
            return item
        key = str(item.meta["id"])
        count = self.seen.get(key, 0) + 1
        self.seen[key] = count
        if count == 1:
            return item
        new_id = f"{key}~{count}"
        log.warning("%s: id %r was already used in this run; this record is kept as %r", item.source, key, new_id)
        return RawInput(item.source, item.text, item.html, {**item.meta, "id": new_id})


def _sniffable(path: Path) -> bool:
    return path.suffix == ""


def kind_of(path: Path) -> str | None:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    for kind, known in (("text", TEXT_SUFFIXES), ("html", HTML_SUFFIXES), ("jsonl", JSONL_SUFFIXES), ("warc", WARC_SUFFIXES)):
        if last in known:
            return kind
    return None


def read_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Item]:
    source = str(path)
    kind = kind_of(path)
    if kind == "warc":
        yield from read_warc(path)
        return
    if kind == "jsonl" and path.suffix.lower() != ".gz":
        yield from _read_jsonl_file(path)
        return
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield InputError(source, f"file has {size:,} bytes, over the limit of {max_bytes:,}; "
                             "split it, or give it as JSON Lines (read line by line)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    if path.suffix.lower() == ".gz":
        try:
            data = _gunzip(data, max_bytes)
        except (OSError, EOFError, ValueError) as exc:
            yield InputError(source, f"not a valid gzip file ({short_reason(exc)})")
            return
    yield from items_from_bytes(data, source, kind)


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress, refusing output past max_bytes (a small .gz can hold gigabytes)."""
    import zlib

    inflater = zlib.decompressobj(wbits=31)
    out = inflater.decompress(data, max_bytes + 1)
    if len(out) > max_bytes:
        raise ValueError(f"more than {max_bytes:,} bytes once decompressed")
    if not inflater.eof:
        raise EOFError("the file is truncated")
    return out


def _read_jsonl_file(path: Path) -> Iterator[Item]:
    """JSON Lines read line by line: memory stays flat however large the file."""
    source = str(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield InputError(source, f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        yield from read_jsonl_stream(stream, source)


def read_jsonl_stream(stream: IO[bytes], source: str) -> Iterator[Item]:
    """JSON Lines (plain or gzip) from any binary stream, line by line: memory stays flat however
    large the file; a zip or image named .jsonl is one report, not one per line."""
    buffered = peekable(stream)
    head = buffered.peek(8192)[:8192]
    if head[:2] == b"\x1f\x8b":
        buffered = io.BufferedReader(gzip.GzipFile(fileobj=buffered))
        head = buffered.peek(8192)[:8192]
    if looks_binary(head):
        yield BinaryInput(source)
        return
    for number, raw in enumerate(buffered, start=1):
        if not raw.strip():
            continue
        where = f"{source}:{number}"
        try:
            yield jsonl_line(decode_bytes(raw, where), where)
        except InputError as err:
            yield err


def items_from_bytes(data: bytes, source: str, kind: str | None) -> Iterator[Item]:
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


def read_jsonl(text: str, source: str) -> Iterator[Item]:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield jsonl_line(line, f"{source}:{number}")


def jsonl_line(line: str, where: str) -> Item:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return MalformedRecord(where, f"not valid JSON ({exc.msg} at column {exc.colno}); line skipped")
    except RecursionError:
        return MalformedRecord(where, "JSON nested too deeply; line skipped")
    return record_input(record, where)


def record_input(record: object, where: str) -> Item:
    """One JSON record (a JSONL line, a Spark row, an API body) -> RawInput or MalformedRecord."""
    if not isinstance(record, dict):
        return MalformedRecord(where, "a JSONL line must be an object with 'text' or 'html'")
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return MalformedRecord(where, "record has no 'text' or 'html' string field")
    meta = {k: record[k] for k in META_KEYS if record.get(k) not in (None, "")}
    wrong = [k for k, v in meta.items() if not _meta_value_ok(k, v)]
    if wrong:
        return MalformedRecord(where, f"field(s) {', '.join(wrong)} must be strings"
                               + (" (authors: a string or a list of strings)" if "authors" in wrong else ""))
    if "id" in meta:
        meta["id"] = str(meta["id"])
    return RawInput(where, text=text if isinstance(text, str) else None,
                    html=html if isinstance(html, str) else None, meta=meta)


def _meta_value_ok(key: str, value: object) -> bool:
    if key == "id":
        return isinstance(value, (str, int)) and not isinstance(value, bool)
    if key in ("authors", "author") and isinstance(value, list):
        return all(isinstance(v, str) for v in value)
    return isinstance(value, str)


def read_warc(path: Path) -> Iterator[Item]:
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield InputError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with stream:
        yield from read_warc_stream(stream, str(path))
