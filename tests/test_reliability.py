"""Bad input, faults and limits: every input path keeps the good articles and reports
each bad one once, on one line, with no traceback and a non-zero exit.

The corpus below is built from synthetic files: each bad kind sits beside good
articles in one run of `analyze` and of `ingest`.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import sqlite3
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.cli import main
from newsgraph.errors import InputError
from newsgraph.inputs import decode_bytes, iter_inputs

from .test_store import db_url  # noqa: F401  (the SQLite + PostgreSQL store fixture)

pytestmark = pytest.mark.slow

GOOD = [
    "Ministers from nine countries met in Lisbon on Tuesday to discuss fishing quotas, the "
    "ministry said. Officials expect an agreement before the end of the year.\n",
    "The central bank raised its main interest rate by a quarter point on Thursday, citing "
    "prices that rose faster than expected in the spring.\n",
    "Farmers blocked roads into the capital for a second day on Friday, demanding lower fuel "
    "taxes, and the police said they had detained twelve people.\n",
    "The two governments signed a trade agreement on Monday after months of talks, the "
    "foreign minister told reporters at a news conference.\n",
]
PLACES = ["Lisbon", "Oslo", "Quito", "Hanoi", "Dakar", "Lima", "Riga", "Accra", "Manila", "Tunis", "Sofia",
          "Bogota", "Nairobi", "Hobart", "Tallinn", "Vienna"]


def good_text(i: int) -> str:
    """A distinct article (the store keeps one copy of identical texts)."""
    return GOOD[i % len(GOOD)].rstrip("\n") + f" The next meeting will be held in {PLACES[i]}.\n"


CURLY = "“We will not give up,” the mayor said of the plan, which has been debated for years. "


def _warc(records: list[bytes], gz: bool, site: str) -> tuple[bytes, list[int]]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    offsets = []
    for i, body in enumerate(records):
        offsets.append(buf.tell())
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"http://{site}.example.org/{i}", "response", payload=io.BytesIO(body), http_headers=headers))
    offsets.append(buf.tell())
    return buf.getvalue(), offsets


def _page(text: str) -> bytes:
    return f"<html><body><article><h1>Report</h1><p>{text}</p></article></body></html>".encode()


def build_corpus(root: Path) -> tuple[int, list[str]]:
    """Write good and bad inputs under root; return (good article count, bad file names)."""
    good = 0
    for i in range(4):
        (root / f"good{i}.txt").write_text(good_text(i), encoding="utf-8")
        good += 1
    # Good articles in awkward encodings: read, not refused.
    (root / "utf16.txt").write_bytes(good_text(4).encode("utf-16"))
    (root / "latin1.txt").write_bytes(("Café owners in the city said on Monday that sales fell. " + good_text(5)).encode("latin-1"))
    (root / "cp1252.txt").write_bytes(("The minister’s “plan” was approved. " + good_text(6)).encode("cp1252"))
    (root / "mixed.txt").write_bytes((CURLY * 5 + good_text(7)).encode("utf-8") + b" caf\xe9 \x93ok\x94.\n")
    good += 4
    bad = []

    def bad_file(name: str, data: bytes) -> None:
        (root / name).write_bytes(data)
        bad.append(name)

    bad_file("empty.txt", b"")
    bad_file("blank.txt", b"  \n\n ")
    bad_file("binary.txt", bytes(range(256)) * 8)
    bad_file("image.txt", b"\x89PNG\r\n\x1a\n" + b"\x00\x01\x02" * 200)
    bad_file("doc.html", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + b"\x00" * 300)
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("a.txt", GOOD[0])
    bad_file("archive.jsonl", zipped.getvalue())
    bad_file("french.txt", ("Le gouvernement a annoncé mardi que les impôts seront réduits l'année prochaine, "
                            "a déclaré un porte-parole du ministère dans un communiqué publié à Paris. " * 3).encode())
    bad_file("huge.txt", ("The council met again. " * 2000).encode())  # over --max-chars below
    bad_file("truncated.txt.gz", gzip.compress(GOOD[0].encode())[:-12])
    deep = "<div>" * 10_000 + "x" + "</div>" * 10_000
    bad_file("deep.html", f"<html><body>{deep}</body></html>".encode())
    # JSON Lines: one good record among bad ones, and a duplicate id that is kept.
    lines = [json.dumps({"id": "j1", "text": good_text(8)}), "[1, 2]", "42", "null", "{not json",
             json.dumps({"id": "j2", "text": 7}), json.dumps({"id": "j3", "title": ["x"], "text": good_text(9)}),
             json.dumps({"id": "j1", "text": good_text(10)})]
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    good += 2
    bad += ["feed.jsonl:2", "feed.jsonl:3", "feed.jsonl:4", "feed.jsonl:5", "feed.jsonl:6", "feed.jsonl:7"]
    # WARCs: a truncated last record, a corrupt gzip member between good ones.
    pages = [_page(good_text(11 + i)) for i in range(2)] + [_page(good_text(0))]
    plain, offsets = _warc(pages, gz=False, site="plain")
    (root / "cut.warc").write_bytes(plain[: offsets[2] + (offsets[3] - offsets[2]) // 2])
    good += 2
    bad.append("cut.warc#3")
    pages = [_page(good_text(13)), _page(good_text(1)), _page(good_text(14))]
    zipped_warc, offsets = _warc(pages, gz=True, site="zipped")
    broken = bytearray(zipped_warc)
    middle = offsets[1] + (offsets[2] - offsets[1]) // 2
    broken[middle:middle + 16] = b"\x00" * 16
    (root / "broken.warc.gz").write_bytes(bytes(broken))
    good += 2
    bad.append("broken.warc.gz#2")
    loop = root / "loop"
    loop.mkdir()
    os.symlink(root, loop / "back")  # a link back up: never followed into a loop
    return good, bad


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    good, bad = build_corpus(root)
    return root, good, bad


def _run(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _assert_reported_once(stderr: str, bad: list[str]) -> None:
    assert "Traceback" not in stderr
    errors = [line for line in stderr.splitlines() if line.startswith("newsgraph: error:")]
    for name in bad:
        hits = [line for line in errors if f"/{name}:" in line or f"/{name} " in line]
        assert len(hits) == 1, (name, hits, errors)


def test_analyze_keeps_every_good_article_and_reports_each_bad_one(corpus):
    root, good, bad = corpus
    code, out, err = _run("analyze", "--json", "--stages", "actors", "--max-chars", "20000",
                          "--no-progress", str(root), str(root / "missing.txt"))
    analyses = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert len(analyses) == good
    _assert_reported_once(err, bad + ["missing.txt"])
    texts = " ".join(a["article"]["text"] for a in analyses)
    assert "Café owners" in texts and "minister’s “plan”" in texts  # decoded, not garbled
    assert "mixed encoding" in err and "was already used" in err
    ids = [a["id"] for a in analyses]
    assert "j1" in ids and "j1~2" in ids


def _counts(url: str) -> tuple[int, int]:
    from newsgraph.corpus.db import open_database

    with open_database(url, create=False) as db:
        return db.scalar("SELECT COUNT(*) FROM articles"), db.scalar("SELECT COUNT(*) FROM errors")


def test_ingest_stores_every_good_article_records_each_failure_and_exits_1(corpus, db_url):
    """On SQLite and on PostgreSQL (NEWSGRAPH_TEST_PG)."""
    root, good, bad = corpus
    args = ("ingest", str(root), "--db", db_url, "--stages", "actors", "--max-chars", "20000", "--no-progress")
    code, _, err = _run(*args)
    assert code == 1 and "Traceback" not in err
    assert _counts(db_url) == (good, len(bad))
    _run(*args)
    assert _counts(db_url)[0] == good  # nothing stored twice


def test_unreadable_paths_are_reported_not_raised(tmp_path, monkeypatch):
    # The suite runs as root in CI, where permissions do not stop reads: simulate them.
    good = tmp_path / "ok.txt"
    good.write_text(GOOD[0], encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "inner.txt").write_text(GOOD[1], encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    real_stat = Path.stat

    def stat(self, *args, **kwargs):
        if self.name == "hidden.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    items = list(iter_inputs([str(tmp_path), str(locked / "sub" / "hidden.txt")]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert sum(not isinstance(i, InputError) for i in items) == 1
    assert len(errors) == 2 and all("Permission denied" in e.reason for e in errors)


def test_a_stage_crash_costs_only_its_article(monkeypatch):
    from newsgraph.pipeline import Pipeline

    pipeline = Pipeline(stages=("actors",))
    real = pipeline.stages[0]

    class Exploding:
        name = "actors"

        def __call__(self, ctx):
            if "explode" in ctx.text:
                raise IndexError("list index out of range")
            return real(ctx)

    pipeline.stages = (Exploding(),)
    from newsgraph.article import RawInput

    outcomes = list(pipeline.analyze_many([RawInput("a", text=GOOD[0]), RawInput("b", text="Please explode now. " + GOOD[1]),
                                           RawInput("c", text=GOOD[2])]))
    kinds = [type(o).__name__ for o in outcomes]
    assert kinds == ["Analysis", "StageFailed", "Analysis"]
    assert "the actors stage failed (IndexError" in str(outcomes[1])


def test_max_chars_above_spacy_limit_is_honoured():
    from newsgraph.pipeline import Pipeline

    pipeline = Pipeline(stages=(), max_chars=3_000_000)
    assert pipeline.nlp.max_length > 3_000_000


def test_unpunctuated_text_is_cut_into_bounded_sentences():
    from newsgraph.nlp import MAX_SENTENCE_TOKENS
    from newsgraph.pipeline import Pipeline

    pipeline = Pipeline(stages=())
    text = " ".join(["officials"] + ["met and talked"] * 400)
    analysis = pipeline.analyze(text)
    doc = pipeline.nlp(text)
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS
    assert len(analysis.sentences) >= len(doc) // MAX_SENTENCE_TOKENS


@pytest.mark.parametrize("args", [
    ("events", "--since", "notadate"), ("events", "--until", "notadate"), ("events", "--since", "2016-13-45"),
    ("quotes", "--since", "2021-02-30"), ("dyad", "USA", "RUS", "--since", "yesterday"),
    ("events", "--type", "BOGUS"),
])
def test_query_commands_refuse_bad_dates_and_types(tmp_path, args):
    db = tmp_path / "q.db"
    _run("ingest", str(_one_article(tmp_path)), "--db", str(db), "--stages", "none", "--no-progress")
    code, _, err = _run(*args, "--db", str(db))
    assert code == 2 and "error:" in err and "Traceback" not in err


def _one_article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(GOOD[0], encoding="utf-8")
    return path


def test_store_and_export_faults_are_one_line_errors(tmp_path):
    not_db = tmp_path / "notes.db"
    not_db.write_text("these are my notes, not a database\n" * 50)
    code, _, err = _run("search", "minister", "--db", str(not_db))
    assert code == 1 and "not a newsgraph store" in err and "Traceback" not in err
    db = tmp_path / "ok.db"
    _run("ingest", str(_one_article(tmp_path)), "--db", str(db), "--stages", "none", "--no-progress")
    for target in (tmp_path / "missing" / "out.csv", tmp_path):
        code, _, err = _run("export", "--table", "articles", "--format", "csv", "-o", str(target), "--db", str(db))
        assert code == 2 and "cannot write" in err and "Traceback" not in err
    code, _, err = _run("search", "-tariffs", "ministers", "--db", str(db))
    assert code == 0 and "Traceback" not in err


def test_read_only_store_is_a_one_line_error(tmp_path):
    db = tmp_path / "ro.db"
    _run("ingest", str(_one_article(tmp_path)), "--db", str(db), "--stages", "none", "--no-progress")
    uri = f"file:{db}?mode=ro"
    from newsgraph.corpus.db import Database

    conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    conn.row_factory = sqlite3.Row
    store = Database(conn, "sqlite", str(db))
    from newsgraph.errors import StoreError

    with pytest.raises(StoreError, match="cannot be written"):
        with store.transaction():
            store.execute("DELETE FROM articles")


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_decoding_never_raises_anything_but_input_errors(data):
    try:
        text = decode_bytes(data, "x")
    except InputError:
        return
    assert isinstance(text, str)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=40), st.binary(max_size=40).map(lambda b: b.decode("latin-1"))),
                max_size=6))
def test_jsonl_lines_never_raise(lines):
    from newsgraph.inputs import read_jsonl

    for item in read_jsonl("\n".join(lines), "x.jsonl"):
        assert isinstance(item, InputError) or item.text is not None or item.html is not None


def test_a_name_of_punctuation_alone_does_not_crash_the_actors_stage():
    from newsgraph.pipeline import Pipeline

    analysis = Pipeline(stages=("actors",)).analyze("“” said the “” minister. ‚Äú ‚Äù met Lavrov in Oslo.")
    assert analysis.entities and all(any(ch.isalpha() for ch in e.name) for e in analysis.entities)
