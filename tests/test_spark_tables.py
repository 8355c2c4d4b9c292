"""Spark's tables without a JVM: rows and their round trip, the manifest, per-file commits
(process_file is the task body, run here in-process) and `newsgraph load` into the store."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgraph.records import (Analysis, Article, Entity, Event, EventDate, LoadedSpan, Mention, Quote, Sentence,
                               Span, Via)
from newsgraph.spark.files import expand, file_key, read_manifest
from newsgraph.spark.tables import SCHEMAS, analysis_rows, month_of, rebuild_analysis

TEXT = "Chile and Peru agreed on Monday. \"Good,\" said Ana Diaz."


def _analysis() -> Analysis:
    chile = Entity("E1", "Chile", "GPE", (Mention(0, 5, "Chile"),), "CHL", "GOV", None, (("kb_id", "Q298"),))
    peru = Entity("E2", "Peru", "GPE", (Mention(10, 14, "Peru"),), "PER")
    ana = Entity("E3", "Ana Diaz", "PERSON", (Mention(46, 54, "Ana Diaz", "name"),))
    quote = Quote("Q1", "direct", "Good", 34, 38, "E3", Span(46, 54, "Ana Diaz"), Span(41, 45, "said"),
                  (Via("Reuters", None, 1, 2),), cue_class="speech")
    date = EventDate("Monday", "2024-06-10", "2024-06-10", "day", Span(25, 31, "Monday"))
    event = Event("V1", "AGREE", None, ("E1",), ("E2",), Span(15, 21, "agreed"), 0, "asserted", date, None, None,
                  "03", 0.8, (Span(15, 21, "agreed"),))
    sentences = (Sentence(0, 32, "reporting", (LoadedSpan(15, 21, "agreed", ("lexicon",)),), 0.25, 0.125),
                 Sentence(33, 55))
    article = Article("a1", TEXT, "Title", None, ("A. Writer",), "Paper", "2024-06-12", "https://x.org/a", "f#1")
    return Analysis(article, (chile, peru, ana), (quote,), (event,), sentences, (("lang", "en"),))


def test_rows_round_trip_to_the_same_analysis():
    analysis = _analysis()
    rows = analysis_rows(analysis, "hash", "ihash", "f", "2024-06-13T00:00:00+00:00")
    for table, table_rows in rows.items():
        assert all(set(r) == set(SCHEMAS[table].names) for r in table_rows), table
    (event,) = rows["events"]
    assert event["actor_names"] == ["Chile"] and event["recipient_countries"] == ["PER"]
    assert event["confidence"] == 0.8 and event["event_date"] == "2024-06-10"
    children = {t: r for t, r in rows.items() if t != "articles"}
    assert rebuild_analysis(rows["articles"][0], children).as_dict() == analysis.as_dict()


def test_rows_carry_probability_cue_class_and_confidence_and_older_rows_still_load():
    rows = analysis_rows(_analysis(), "hash", None, "f", "2024-06-13T00:00:00+00:00")
    assert [r["opinion_probability"] for r in rows["sentences"]] == [0.125, None]
    assert rows["quotes"][0]["cue_class"] == "speech" and rows["events"][0]["confidence"] == 0.8
    # A folder written before opinion_probability existed has no such column.
    for row in rows["sentences"]:
        del row["opinion_probability"]
    children = {t: r for t, r in rows.items() if t != "articles"}
    rebuilt = rebuild_analysis(rows["articles"][0], children)
    assert [s.probability for s in rebuilt.sentences] == [None, None]
    assert rebuilt.sentences[0].score == 0.25


def test_month_partition():
    assert month_of("2024-06-12") == "2024-06"
    assert month_of(None) == month_of("June 2024") == "unknown"


def test_manifest_paths_relative_to_it_or_a_prefix(tmp_path):
    (tmp_path / "a.jsonl").write_text("{}\n")
    (tmp_path / "b.jsonl").write_text("{}\n")
    manifest = tmp_path / "m.txt"
    manifest.write_text("# comment\n\n a.jsonl \n/abs/x.warc.gz\ns3a://bucket/k.warc.gz\n")
    assert read_manifest(str(manifest)) == [str(tmp_path / "a.jsonl"), "/abs/x.warc.gz", "s3a://bucket/k.warc.gz"]
    assert read_manifest(str(manifest), prefix="s3://commoncrawl/")[0] == "s3://commoncrawl/a.jsonl"
    assert expand([str(tmp_path / "*.jsonl"), str(tmp_path / "a.jsonl")]) == [str(tmp_path / "a.jsonl"),
                                                                             str(tmp_path / "b.jsonl")]


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Zl", "Zp", "Cc")), max_size=20),
                max_size=8))
def test_manifest_parser_keeps_every_listed_path(tmp_path_factory, names):
    manifest = tmp_path_factory.mktemp("m") / "m.txt"
    manifest.write_text("\n".join(names), encoding="utf-8")
    kept = [n.strip() for n in names if n.strip() and not n.strip().startswith("#")]
    paths = read_manifest(str(manifest), prefix="s3://b/")
    assert len(paths) == len(kept)
    assert all(p.endswith(k) for p, k in zip(paths, kept))


@pytest.fixture(scope="module")
def committed(tmp_path_factory):
    """Both test inputs run through the task body, as one Spark task each would."""
    from newsgraph.config import Config
    from newsgraph.spark.job import portable
    from newsgraph.spark.task import process_file

    from .test_spark import write_inputs

    folder = tmp_path_factory.mktemp("job")
    manifest = write_inputs(folder)
    out = folder / "out"
    settings = portable(Config())
    done = [process_file(p, file_key(p), settings, str(out)) for p in read_manifest(str(manifest))]
    return folder, out, settings, done


def _rows(out: Path, table: str) -> list[dict]:
    import pyarrow.dataset as ds

    return ds.dataset(out / table, format="parquet", partitioning="hive").to_table().to_pylist()


@pytest.mark.slow
def test_a_file_done_again_replaces_its_parts(committed):
    from newsgraph.spark.task import process_file

    folder, out, settings, done = committed
    assert [d["status"] for d in done] == ["ok", "ok"] and sum(d["articles"] for d in done) == 4
    before = {t: len(_rows(out, t)) for t in ("articles", "events", "errors")}
    jsonl = str(folder / "records.jsonl")
    stale = out / "articles" / "month=1999-01" / f"{file_key(jsonl)}.parquet"
    stale.parent.mkdir()
    (out / "articles" / "month=2023-05" / f"{file_key(jsonl)}.parquet").rename(stale)  # an earlier attempt's
    process_file(jsonl, file_key(jsonl), settings, str(out))
    assert not stale.exists()
    assert {t: len(_rows(out, t)) for t in before} == before
    assert not list((out / "_staging").glob("*"))


@pytest.mark.slow
def test_load_into_the_store_is_idempotent_and_searchable(committed, pipeline, tmp_path):
    from newsgraph.corpus.db import open_database
    from newsgraph.corpus.load import load
    from newsgraph.corpus.queries import search
    from newsgraph.corpus.store import Store
    from newsgraph.inputs import iter_inputs

    folder, out, _, _ = committed
    with open_database(str(tmp_path / "s.db")) as db:
        first = load(str(out), db)
        again = load(str(out), db)
        found = search(db, "Santiago", 10)
        counts = {t: Store(db).count(t) for t in ("articles", "errors", "events")}
        stored = [json.loads(r["data"]) for r in db.rows(
            "SELECT q.data FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.doc_id = '0' ORDER BY q.id")]
        classes = [r["cue_class"] for r in db.rows(
            "SELECT q.cue_class FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.doc_id = '0' ORDER BY q.id")]
        probabilities = [r["opinion_probability"] for r in db.rows(
            "SELECT s.opinion_probability FROM sentences s JOIN articles a ON a.id = s.article_id "
            "WHERE a.doc_id = '0' ORDER BY s.idx")]
    assert (first.files, first.added, first.errors) == (2, 4, 3)
    assert (again.added, again.already_stored) == (0, 4) and counts["articles"] == 4 and counts["errors"] == 3
    assert [r["title"] for r in found] == ["Talks in Santiago"]
    # The loaded rows are what the pipeline says about the same input.
    expected = next(a for a in pipeline.analyze_many(iter_inputs([str(folder / "records.jsonl")]))
                    if not isinstance(a, Exception))
    assert expected.id == "0" and stored == [q.as_dict() for q in expected.quotes]
    assert classes == [q.cue_class for q in expected.quotes]
    assert probabilities == [s.probability for s in expected.sentences] and None not in probabilities


def test_remote_files_are_streamed_through_the_same_readers(tmp_path, monkeypatch):
    """A remote path (s3a://, hdfs://) is read from a pyarrow stream: here a local one."""
    import pyarrow.fs as pafs

    from newsgraph.spark import files

    from .test_spark import write_inputs

    write_inputs(tmp_path)
    local = pafs.LocalFileSystem()
    monkeypatch.setattr(files, "open_input", lambda uri: local.open_input_stream(
        uri.replace("s3a://bucket", str(tmp_path)), compression=None))
    kinds = {name: [type(i).__name__ for i in files.read_input(f"s3a://bucket/{name}")]
             for name in ("crawl.warc.gz", "records.jsonl")}
    assert kinds == {"crawl.warc.gz": ["RawInput", "MalformedRecord", "RawInput", "MalformedRecord"],
                     "records.jsonl": ["RawInput", "MalformedRecord", "RawInput"]}


@pytest.mark.slow
def test_a_profiled_task_writes_its_profile_and_cpu_by_phase(committed, tmp_path, monkeypatch):
    import pstats

    from newsgraph.spark.task import PROFILE_ENV, process_partition

    folder, out, settings, done = committed
    assert all(d["cpu_seconds"] > 0 for d in done)
    jsonl = str(folder / "records.jsonl")
    monkeypatch.setenv(PROFILE_ENV, str(tmp_path / "prof"))
    [row] = process_partition([(jsonl, file_key(jsonl))], settings, str(out))
    phases = json.loads((tmp_path / "prof" / f"{file_key(jsonl)}.json").read_text())
    assert phases["articles"] == row["articles"] > 0
    assert phases["analysis"] > 0 and {"read", "rows", "parquet writes", "commit"} <= set(phases)
    # The phases split the task's CPU; only the profiler's own bookkeeping falls outside them.
    assert sum(v for k, v in phases.items() if k not in ("input_file", "articles")) <= row["cpu_seconds"] + 0.05
    assert pstats.Stats(str(tmp_path / "prof" / f"{file_key(jsonl)}.prof")).total_calls > 0
