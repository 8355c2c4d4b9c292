"""Reading inputs: encodings, binary files, JSONL, directories, WARC."""
from __future__ import annotations

import gzip
import io
import json

import pytest
from hypothesis import given, settings, strategies as st

from newsgraph.article import RawInput
from newsgraph.errors import BinaryInput, EmptyInput, InputError, MalformedRecord, UndecodableInput
from newsgraph.inputs import decode_bytes, iter_inputs, read_jsonl, read_warc_stream

from .conftest import FIXTURES

STORY = "The council voted on Tuesday to close the old bridge for repairs, the mayor said. "


def test_utf8_with_bom_decodes():
    assert decode_bytes("Café news".encode("utf-8-sig"), "x") == "Café news"


def test_windows_1252_is_detected():
    text = "The café’s owner said the naïve plan cost €40,000 – “far too much”. " * 5
    assert decode_bytes(text.encode("cp1252"), "x") == text


def test_binary_is_refused():
    with pytest.raises(BinaryInput):
        decode_bytes(bytes(range(256)) * 4, "x")


def test_empty_bytes_are_refused():
    with pytest.raises(EmptyInput):
        decode_bytes(b"  \n", "x")


def test_jsonl_bad_line_is_reported_with_its_number_and_others_kept():
    text = json.dumps({"id": "a", "text": STORY}) + "\n{broken\n" + json.dumps({"id": "c", "text": STORY}) + "\n"
    items = list(read_jsonl(text, "f.jsonl"))
    assert [type(i) for i in items] == [RawInput, MalformedRecord, RawInput]
    assert items[1].source == "f.jsonl:2"
    assert items[2].meta["id"] == "c"


def test_jsonl_record_without_text_is_malformed():
    items = list(read_jsonl('{"id": "a", "body": "x"}\n[1, 2]\n', "f.jsonl"))
    assert len(items) == 2 and all(isinstance(i, MalformedRecord) for i in items)


def test_directory_walk_mixes_kinds_and_reports_bad_files(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text(f"<html><body><p>{STORY * 3}</p></body></html>")
    (tmp_path / "c.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tmp_path / "d.jsonl").write_text(json.dumps({"text": STORY}) + "\n")
    (tmp_path / "e.txt.gz").write_bytes(gzip.compress(STORY.encode()))
    items = list(iter_inputs([str(tmp_path)]))
    good = [i for i in items if isinstance(i, RawInput)]
    bad = [i for i in items if isinstance(i, InputError)]
    assert len(good) == 4 and len(bad) == 1
    assert isinstance(bad[0], BinaryInput) and bad[0].source.endswith("c.txt")


def test_missing_path_is_an_error_not_an_exception():
    (item,) = iter_inputs(["/no/such/file.txt"])
    assert isinstance(item, InputError) and "no such file" in str(item)


def _warc(records: list[tuple[str, bytes, str]], gzip: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip)
    for uri, payload, ctype in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers)
        writer.write_record(rec)
    return buf.getvalue()


def test_warc_takes_html_responses_with_uri_and_date():
    html = f"<html><body><article><p>{STORY * 3}</p></article></body></html>".encode()
    data = _warc([("https://news.example/a", html, "text/html; charset=utf-8"),
                  ("https://news.example/logo.png", b"\x89PNG", "image/png")])
    items = list(read_warc_stream(io.BytesIO(data), "x.warc.gz"))
    assert len(items) == 1
    assert items[0].meta["url"] == "https://news.example/a"
    assert items[0].meta["published"]


def test_broken_warc_record_is_reported_and_earlier_records_kept():
    html = f"<html><body><p>{STORY * 3}</p></body></html>".encode()
    one = _warc([("https://n.example/1", html, "text/html")], gzip=False)
    second = one.replace(b"WARC/1.0", b"WARC/1.0 broken", 1)
    second = second[: second.index(b"Content-Length")] + b"Content-Length: many\r\n\r\njunk"
    items = list(read_warc_stream(io.BytesIO(one + second), "x.warc"))
    assert isinstance(items[0], RawInput)
    assert [type(i) for i in items[1:]] == [MalformedRecord]
    assert items[1].source == "x.warc#2"


def test_non_warc_bytes_in_a_warc_file_are_an_error():
    items = list(read_warc_stream(io.BytesIO(b"this is not a web archive\n" * 5), "y.warc"))
    assert [type(i) for i in items] == [MalformedRecord]


def test_fixture_jsonl_reads_three_records():
    items = list(iter_inputs([str(FIXTURES / "wire.jsonl")]))
    assert [i.meta.get("id") for i in items] == ["w1", "w2", "w3"]
    assert items[2].html is not None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=60), st.dictionaries(st.sampled_from(["id", "text", "html", "title"]), st.one_of(st.text(max_size=30), st.integers(), st.none()))), max_size=8))
def test_jsonl_reader_never_raises(lines):
    text = "\n".join(json.dumps(x) if isinstance(x, dict) else x for x in lines)
    for item in read_jsonl(text, "h.jsonl"):
        assert isinstance(item, (RawInput, InputError))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_decoder_returns_text_or_a_clear_input_error(data):
    try:
        assert isinstance(decode_bytes(data, "b"), str)
    except (EmptyInput, BinaryInput, UndecodableInput):
        pass
