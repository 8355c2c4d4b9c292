"""`newsgraph ingest`: resumable after SIGKILL, idempotent, failures recorded, on both backends.

Store-focused tests run the pipeline without stages (parse only, fast); one
end-to-end test runs the full pipeline and every query command.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.config import Config
from newsgraph.corpus.db import open_database
from newsgraph.corpus.ingest import ingest
from newsgraph.corpus.store import Store

from .test_store import db, db_url, geneva_analysis  # noqa: F401  (fixtures and helpers)

FIXTURES = Path(__file__).parent / "fixtures"
FAST = Config(stages=())  # parse and store only: these tests are about the store
TOWNS = ["Aldport", "Brenmoor", "Castlereach", "Dunmere", "Eastwick", "Fallowby", "Glenhaven", "Harrowgate"]
MAYORS = ["Maria Okafor", "Tomas Lindqvist", "Aisha Rahman", "Peter Nowak", "Elena Petrova", "James Whitfield"]


def article_text(number: int) -> str:
    """A short news-style article, different for every number."""
    town, mayor = TOWNS[number % len(TOWNS)], MAYORS[number % len(MAYORS)]
    return (f"{town} council backs harbour plan {number}\n\n"
            f"The city council of {town} voted on Tuesday to approve plan {number} for the old harbour, "
            f"the mayor's office said. Mayor {mayor} told reporters that work would start in the spring and "
            f"cost {number * 3 + 7} million dollars. Opposition members criticised the vote and asked for a "
            f"public inquiry into the contracts.\n")


def write_articles(folder: Path, count: int, start: int = 0) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(start, start + count):
        path = folder / f"story_{number:04d}.txt"
        path.write_text(article_text(number), encoding="utf-8")
        paths.append(path)
    return paths


def warc_bytes(pages: list[tuple[str, str]], broken_tail: bool = False) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for uri, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            uri, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-05-02T10:00:00Z"}))
    data = buf.getvalue()
    return data + gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\nshort") \
        if broken_tail else data


def html_page(number: int) -> str:
    body = article_text(number).split("\n\n", 1)[1]
    return (f"<html><head><title>Harbour plan {number}</title></head><body><article>"
            f"<h1>Harbour plan {number}</h1><p>{body}</p></article></body></html>")


def mixed_folder(root: Path) -> Path:
    """Good inputs of every kind plus a binary file, a broken WARC record and a bad JSON line."""
    write_articles(root / "text", 3)
    (root / "wire.jsonl").write_text(
        json.dumps({"id": "j1", "text": article_text(10), "url": "https://wire.example/j1"}) + "\n"
        "{this is not json\n" + json.dumps({"id": "j2", "text": article_text(11)}) + "\n", encoding="utf-8")
    (root / "crawl.warc.gz").write_bytes(warc_bytes(
        [("https://news.example/p20", html_page(20)), ("https://news.example/p21", html_page(21))],
        broken_tail=True))
    (root / "scan").write_bytes(bytes(range(256)) * 20)
    return root


def test_a_folder_with_malformed_inputs_stores_the_rest_and_records_the_errors(db, tmp_path):
    folder = mixed_folder(tmp_path / "in")
    report = ingest([str(folder)], db, FAST)
    store = Store(db)
    assert report.added == store.count("articles") == 7  # 3 text + 2 JSONL + 2 WARC
    errors = {r["source"]: r for r in db.rows("SELECT source, kind, reason FROM errors")}
    assert report.failed == len(errors) == 3
    kinds = sorted(r["kind"] for r in errors.values())
    assert kinds == ["BinaryInput", "MalformedRecord", "MalformedRecord"]
    assert any(s.endswith("wire.jsonl:2") for s in errors)
    assert any("crawl.warc.gz#" in s and "broken WARC" in r["reason"] for s, r in errors.items())
    urls = {r["url"] for r in db.rows("SELECT url FROM articles WHERE url IS NOT NULL")}
    assert urls == {"https://wire.example/j1", "https://news.example/p20", "https://news.example/p21"}
    assert db.scalar("SELECT published FROM articles WHERE url = 'https://news.example/p20'") == "2024-05-02"

    again = ingest([str(folder)], db, FAST)
    assert (again.added, again.already_stored) == (0, 7)
    assert store.count("articles") == 7
    assert db.scalar("SELECT MAX(attempts) FROM errors") == 2  # failures are retried, not duplicated


def test_ingest_feeds_stored_actors_to_the_actors_stage(db, tmp_path):
    from newsgraph.pipeline import Pipeline

    Store(db).write_batch([(geneva_analysis(), None)])
    seen = {}

    def spying_pipeline(config, known_actors=()):
        seen["known"] = tuple(known_actors)
        return Pipeline(config, known_actors=known_actors)

    write_articles(tmp_path / "in", 1)
    ingest([str(tmp_path / "in")], db, FAST, pipeline_factory=spying_pipeline)
    lavrov = next(k for k in seen["known"] if k.name == "Sergei Lavrov")
    assert (lavrov.country, lavrov.sector) == ("RUS", "GOV")


def test_two_workers_store_every_article_once(tmp_path):
    folder = tmp_path / "in"
    write_articles(folder, 6)
    with open_database(str(tmp_path / "w2.db")) as store_db:
        report = ingest([str(folder)], store_db, Config(stages=(), workers=2, batch_size=2))
        assert report.added == 6
        assert store_db.scalar("SELECT COUNT(DISTINCT content_hash) FROM articles") == 6


# -- SIGKILL: a real `newsgraph ingest` process killed mid-run, then rerun ---------

def newsgraph_command() -> list[str]:
    script = Path(sys.executable).with_name("newsgraph")
    return [str(script)] if script.exists() else [sys.executable, "-m", "newsgraph.cli"]


def stored_count(url: str) -> int:
    try:
        with open_database(url, create=False, migrate=False) as database:
            return int(database.scalar("SELECT COUNT(*) FROM articles"))
    except Exception:  # not created yet, or mid-migration
        return 0


def processes_reading(folder: Path) -> list[str]:
    """Pids of live processes whose command line names `folder` (Linux /proc)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if str(folder).encode() in cmdline.read_bytes():
                found.append(cmdline.parent.name)
        except OSError:
            continue
    return found


def wait_for_no_processes(folder: Path, seconds: float = 10) -> list[str]:
    deadline = time.monotonic() + seconds
    while (left := processes_reading(folder)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


def run_ingest(folder: Path, url: str, kill_after: int | None, workers: int = 1,
               timeout: float = 240) -> tuple[int, int]:
    """Run the CLI; with kill_after, SIGKILL it once that many articles are stored. (exit code, count)"""
    cmd = [*newsgraph_command(), "ingest", str(folder), "--db", url, "--stages", "none", "--batch", "3",
           "--no-progress", "--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + timeout
    while kill_after is not None and proc.poll() is None and time.monotonic() < deadline:
        if stored_count(url) >= kill_after:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.05)
    try:
        _, err = proc.communicate(timeout=max(1.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        proc.kill()
        raise
    assert proc.returncode in (0, -signal.SIGKILL), err.decode(errors="replace")[-2000:]
    return proc.returncode, stored_count(url)


@pytest.mark.slow  # subprocesses that each load spaCy
def test_sigkill_mid_ingest_then_rerun_stores_every_article_exactly_once(db_url, tmp_path):
    total = 240
    folder = tmp_path / "articles"
    paths = write_articles(folder, total)
    code, first = run_ingest(folder, db_url, kill_after=5)
    assert code == -signal.SIGKILL and 5 <= first < total, "the first run should die mid-way"
    code, second = run_ingest(folder, db_url, kill_after=first + 20, workers=2)
    assert code == -signal.SIGKILL and first <= second < total
    if Path("/proc/self/cmdline").exists():
        assert wait_for_no_processes(folder) == [], "worker processes outlived their killed parent"
    code, final = run_ingest(folder, db_url, kill_after=None)
    assert code == 0
    with open_database(db_url, create=False) as database:
        sources = [r["source"] for r in database.rows("SELECT source FROM articles")]
        distinct = database.scalar("SELECT COUNT(DISTINCT content_hash) FROM articles")
    assert final == len(sources) == distinct == total
    assert sorted(sources) == sorted(str(p) for p in paths)


@pytest.mark.slow  # the full pipeline
def test_end_to_end_full_pipeline_then_every_query_command(tmp_path):
    from click.testing import CliRunner

    from newsgraph.cli import main

    url = str(tmp_path / "e2e.db")
    runner = CliRunner()
    inputs = [str(FIXTURES / name) for name in ("trade_talks.txt", "flood_report.html", "wire.jsonl")]
    first = runner.invoke(main, ["ingest", *inputs, "--db", url, "--json", "--no-progress"])
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout.strip().splitlines()[-1])
    assert report["added"] >= 4 and report["failed"] == 0
    second = runner.invoke(main, ["ingest", *inputs, "--db", url, "--json", "--no-progress"])
    assert json.loads(second.stdout.strip().splitlines()[-1])["added"] == 0

    found = runner.invoke(main, ["search", "grain", "--db", url, "--json"])
    assert found.exit_code == 0 and "«" in json.loads(found.stdout.splitlines()[0])["snippet"]
    for args in (["search", "grain shipments"], ["quotes", "--since", "2000-01-01"], ["events", "--type", "AGREE"],
                 ["actors"], ["dyad", "USA", "RUS", "--by", "month"]):
        for fmt in ([], ["--json"]):
            result = runner.invoke(main, [*args, "--db", url, *fmt])
            assert result.exit_code == 0, (args, result.output)
    out = tmp_path / "articles.parquet"
    exported = runner.invoke(main, ["export", "--table", "articles", "--format", "parquet", "-o", str(out),
                                    "--db", url])
    assert exported.exit_code == 0 and out.stat().st_size > 0


def test_queries_on_a_missing_store_fail_with_a_clear_message(tmp_path):
    from click.testing import CliRunner

    from newsgraph.cli import main

    result = CliRunner().invoke(main, ["search", "x", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0 and "newsgraph ingest" in result.output
    assert not (tmp_path / "none.db").exists()
