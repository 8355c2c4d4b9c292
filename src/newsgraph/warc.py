"""Reading WARC files record by record, from any binary stream, never whole.

A `.warc.gz` is a series of gzip members, one record each. Members are
inflated one at a time, so a corrupt member costs that record only: reading
resumes at the next member header. A record cut short (its Content-Length
not reached, a member without its end) is reported, never emitted as a
complete article. HTML responses become RawInput, dated by WARC-Date.
"""
from __future__ import annotations

import io
import zlib
from typing import IO, Iterator, Union

from .article import RawInput
from .decoding import decode_bytes
from .errors import InputError, MalformedRecord, short_reason

Item = Union[RawInput, InputError]
GZIP_MAGIC = b"\x1f\x8b\x08"
CHUNK = 1 << 16
# A record larger than this once inflated is skipped (video, archives), unread.
MAX_RECORD_BYTES = 64 * 1024 * 1024


def peekable(stream: IO[bytes]) -> IO[bytes]:
    """The stream itself when it can peek (an open file), else a buffered reader over it."""
    return stream if hasattr(stream, "peek") else io.BufferedReader(stream)


def read_warc_stream(stream: IO[bytes], source: str) -> Iterator[Item]:
    """Every HTML response of a WARC (plain or gzip) as RawInput; every bad record as InputError."""
    stream = peekable(stream)
    if stream.peek(3)[:3] == GZIP_MAGIC:
        yield from _gzip_records(stream, source)
    else:
        yield from _plain_records(stream, source)


def _gzip_records(stream: IO[bytes], source: str) -> Iterator[Item]:
    index = 0
    for member in _gzip_members(stream):
        index += 1
        where = f"{source}#{index}"
        if isinstance(member, str):
            yield MalformedRecord(where, f"{member}; record skipped")
            continue
        yield from _records_in(io.BytesIO(member), where, single=True)
    if index == 0:
        yield MalformedRecord(source, "no WARC records found; is this a WARC file?")


def _gzip_members(stream: IO[bytes]) -> Iterator[bytes | str]:
    """Each gzip member inflated, or a message for one that is corrupt, truncated or too large."""
    pending = b""
    while True:
        if not pending:
            pending = stream.read(CHUNK)
            if not pending:
                return
        start = pending.find(GZIP_MAGIC)
        if start < 0:  # keep two bytes: the magic may straddle chunks
            pending = pending[-2:] if len(pending) > 2 else pending
            more = stream.read(CHUNK)
            if not more:
                return
            pending += more
            continue
        member, pending = _inflate_member(pending[start:], stream)
        yield member


def _inflate_member(data: bytes, stream: IO[bytes]) -> tuple[bytes | str, bytes]:
    """(member bytes or a problem, the bytes after it). `data` keeps every compressed byte
    read for the member, so that after a corrupt one the search resumes inside it."""
    inflater = zlib.decompressobj(wbits=31)
    parts: list[bytes] = []
    size = 0
    raw = data
    while True:
        try:
            out = inflater.decompress(raw)
        except zlib.error as exc:
            # Resume the search for the next member just after this one's header.
            return f"corrupt gzip data ({exc})", data[1:]
        size += len(out)
        if size <= MAX_RECORD_BYTES:
            parts.append(out)
        if inflater.eof:
            if size > MAX_RECORD_BYTES:
                return f"record larger than {MAX_RECORD_BYTES:,} bytes", inflater.unused_data
            return b"".join(parts), inflater.unused_data
        raw = stream.read(CHUNK)
        if not raw:
            return "the file ends inside this record (truncated)", b""
        if size <= MAX_RECORD_BYTES:
            data += raw


class _Counting(io.RawIOBase):
    """Counts the bytes read through it (warcio reads ahead, so the stream's own position lies)."""

    def __init__(self, stream: IO[bytes]):
        self.stream, self.count = stream, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.stream.read(len(buffer))
        buffer[:len(data)] = data
        self.count += len(data)
        return len(data)


def _plain_records(stream: IO[bytes], source: str) -> Iterator[Item]:
    yield from _records_in(_Counting(stream), source, single=False)


def _records_in(stream: IO[bytes], source: str, single: bool) -> Iterator[Item]:
    """The records of an uncompressed stream; `single`: the stream is one gzip member."""
    from warcio.archiveiterator import ArchiveIterator

    index = 0
    records = ArchiveIterator(stream, check_digests="raise")
    try:
        for record in records:
            index += 1
            where = source if single else f"{source}#{index}"
            if not _plausible_record(record):
                yield MalformedRecord(where, "not a WARC record; rest of file skipped")
                return
            item = _warc_item(record, where)
            if item is not None:
                yield item
    except Exception as exc:  # warcio raises many types (even AttributeError) on broken records
        where = source if single else f"{source}#{index + 1}"
        yield MalformedRecord(where, f"broken WARC record ({short_reason(exc)})" + ("" if single else "; rest of file skipped"))
        return
    if index == 0 and not single:  # warcio only warns when nothing parses
        yield MalformedRecord(source, "no WARC records found; is this a WARC file?")
    elif not single and _left_unread(stream, records.offset):  # warcio stops quietly on a cut record
        yield MalformedRecord(f"{source}#{index + 1}", "the file ends inside this record (truncated); skipped")


def _left_unread(stream: IO[bytes], parsed_up_to: int) -> bool:
    while stream.read(CHUNK):  # count the rest too
        pass
    # Records are followed by two CRLFs; anything beyond that was never parsed.
    return isinstance(stream, _Counting) and stream.count > parsed_up_to + 4


def _plausible_record(record) -> bool:
    """warcio reads almost any text as ARC records; real ones name a URL."""
    if record.format == "warc":
        return True
    uri = record.rec_headers.get_header("uri") or ""
    return uri.startswith(("http://", "https://", "dns:", "filedesc:"))


def _warc_item(record, where: str) -> Item | None:
    if record.rec_type != "response":
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
    if "html" not in content_type.lower():
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    try:
        payload = record.content_stream().read()
        if getattr(record.raw_stream, "limit", 0) > 0:
            return MalformedRecord(where, "record is truncated (shorter than its Content-Length); skipped")
        html = decode_bytes(payload, where)
    except InputError as err:
        return err
    except Exception as exc:  # broken chunking / compression inside one record
        return MalformedRecord(where, f"cannot read the record's payload ({short_reason(exc)})")
    meta = {"url": uri, "published": record.rec_headers.get_header("WARC-Date")}
    return RawInput(f"{where} {uri}", html=html, meta={k: v for k, v in meta.items() if v})
