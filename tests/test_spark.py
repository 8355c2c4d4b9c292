"""The Spark job on a real local[2] session: a small WARC (a truncated record, a corrupt
gzip member, a non-HTML response) and a JSON Lines file built here, synthetic text only.

JVM start-up is slow, so the Spark tests share one session and stay few; the
tables, loading and commits are tested without Spark in test_spark_tables.py.
"""
from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

STORY = ("Ministers from Chile and Peru met in Lima on Monday and agreed to reopen the border crossing, "
         "officials said. \"We want trade to flow again,\" the Chilean minister told reporters.")


def _page(title: str, body: str) -> bytes:
    return (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>{body}</p><p>{body}</p></article></body></html>").encode()


def write_warc(path: Path) -> None:
    """Two HTML articles, an image, a corrupt gzip member between them, and a last record cut in half."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)

    def record(url: str, payload: bytes, ctype: str = "text/html; charset=utf-8") -> None:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            url, "response", payload=io.BytesIO(payload), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2024-06-12T10:00:00Z"}))

    record("https://example.org/a", _page("Border to reopen", STORY))
    buf.write(b"\x1f\x8b\x08\x00" + b"\xff" * 64)  # a gzip member with garbage inside
    record("https://example.org/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
    record("https://example.org/b", _page("Talks in Santiago", STORY.replace("Lima", "Santiago")))
    whole = len(buf.getvalue())
    record("https://example.org/c", _page("Cut short", STORY.replace("Lima", "Quito")))
    data = buf.getvalue()
    path.write_bytes(data[: whole + (len(data) - whole) // 2])


def write_jsonl(path: Path) -> None:
    rows = [json.dumps({"id": 0, "text": STORY, "published": "2023-05-02", "authors": ["A. Writer"],
                        "subtitle": "A standfirst"}),
            "{not json",
            json.dumps({"text": STORY.replace("Chile", "Bolivia")})]
    path.write_text("\n".join(rows) + "\n")


def write_inputs(folder: Path) -> Path:
    """The two inputs and a manifest naming them (relative paths)."""
    write_warc(folder / "crawl.warc.gz")
    write_jsonl(folder / "records.jsonl")
    manifest = folder / "paths.txt"
    manifest.write_text("# inputs\ncrawl.warc.gz\n\nrecords.jsonl\n")
    return manifest


def _java_missing() -> str | None:
    import os

    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "Java is not installed (Spark needs Java 17+; `make setup-test` installs it with apt where it can)"
    return None


def test_a_local_jvm_gets_the_light_settings_and_a_cluster_its_own(monkeypatch):
    pytest.importorskip("pyspark", reason="the spark extra is not installed (pip install 'newsgraph[spark]')")
    from newsgraph.spark.job import LOCAL_JAVA_OPTIONS, _launch_conf

    monkeypatch.delenv("PYSPARK_GATEWAY_PORT", raising=False)
    monkeypatch.delenv("PYSPARK_SUBMIT_ARGS", raising=False)
    monkeypatch.setenv("NEWSGRAPH_SPARK_CLASS_ARCHIVE", "off")
    assert _launch_conf("local[2]").get("spark.driver.extraJavaOptions") == LOCAL_JAVA_OPTIONS
    assert _launch_conf("local[2]").get("spark.ui.showConsoleProgress") == "false"
    assert _launch_conf("yarn").get("spark.driver.extraJavaOptions") is None
    assert _launch_conf("yarn").get("spark.ui.showConsoleProgress") is None
    monkeypatch.setenv("PYSPARK_SUBMIT_ARGS", "--conf spark.driver.extraJavaOptions=-Xmx2g pyspark-shell")
    assert _launch_conf("local[2]").get("spark.driver.extraJavaOptions") is None


def test_the_class_archive_is_written_once_then_mapped(monkeypatch, tmp_path):
    pytest.importorskip("pyspark", reason="the spark extra is not installed (pip install 'newsgraph[spark]')")
    from newsgraph.spark.job import ARCHIVE_ENV, class_archive

    archive = tmp_path / "cds" / "spark.jsa"
    monkeypatch.setenv(ARCHIVE_ENV, str(archive))
    assert class_archive().startswith(f"-XX:ArchiveClassesAtExit={archive} ") and archive.parent.is_dir()
    archive.write_bytes(b"x")  # what the first JVM leaves at exit
    assert class_archive().startswith(f"-XX:SharedArchiveFile={archive} ")
    monkeypatch.setenv(ARCHIVE_ENV, "off")
    assert class_archive() == ""


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark", reason="the spark extra is not installed (pip install 'newsgraph[spark]')")
    reason = _java_missing()
    if reason:
        pytest.skip(reason)
    from newsgraph.spark.job import spark_context

    # No class-data archive: the tests leave nothing in the user's cache.
    saved = os.environ.get("NEWSGRAPH_SPARK_CLASS_ARCHIVE")
    os.environ["NEWSGRAPH_SPARK_CLASS_ARCHIVE"] = "off"
    try:
        context = spark_context("local[2]", app_name="newsgraph-tests")
    finally:
        if saved is None:
            os.environ.pop("NEWSGRAPH_SPARK_CLASS_ARCHIVE")
        else:
            os.environ["NEWSGRAPH_SPARK_CLASS_ARCHIVE"] = saved
    yield context
    context.stop()


def _table(out: Path, name: str) -> list[dict]:
    import pyarrow.dataset as ds

    return ds.dataset(out / name, format="parquet", partitioning="hive").to_table().to_pylist()


def _counts(out: Path) -> dict[str, int]:
    from newsgraph.spark.tables import TABLES

    return {t: len(_table(out, t)) for t in (*TABLES, "_done")}


@pytest.mark.slow
def test_job_writes_every_table_and_a_rerun_adds_nothing(spark, tmp_path):
    from newsgraph.spark import run_job

    manifest = write_inputs(tmp_path)
    out = tmp_path / "out"
    report = run_job([], str(out), manifest=str(manifest), spark=spark)
    assert (report.files, report.processed, report.articles, report.errors) == (2, 2, 4, 3)

    articles = _table(out, "articles")
    assert len({a["content_hash"] for a in articles}) == 4
    assert sorted(a["month"] for a in articles) == ["2023-05", "2024-06", "2024-06", "unknown"]
    zero = next(a for a in articles if a["doc_id"] == "0")
    assert zero["authors"] == ["A. Writer"] and zero["subtitle"] == "A standfirst"
    assert {a["url"] for a in articles} >= {"https://example.org/a", "https://example.org/b"}  # not the image
    reasons = sorted(e["reason"].split(" (")[0] for e in _table(out, "errors"))
    assert reasons == ["corrupt gzip data", "not valid JSON", "the file ends inside this record"]
    events = _table(out, "events")
    assert events and all(e["content_hash"] in {a["content_hash"] for a in articles} for e in events)
    assert all(len(e["actor_ids"]) == len(e["actor_names"]) == len(e["actor_countries"]) for e in events)
    first = _counts(out)
    assert first["_done"] == 2 and first["sentences"] > 0 and first["quotes"] > 0 and first["mentions"] > 0

    again = run_job([], str(out), manifest=str(manifest), spark=spark)
    assert (again.processed, again.skipped) == (0, 2) and _counts(out) == first


@pytest.mark.slow
def test_a_file_killed_before_its_done_row_is_redone_once(spark, tmp_path):
    from newsgraph.spark import run_job
    from newsgraph.spark.files import file_key

    manifest = write_inputs(tmp_path)
    out = tmp_path / "out"
    run_job([], str(out), manifest=str(manifest), spark=spark)
    first = _counts(out)
    # What a kill leaves: the parts moved into place, no _done row, a staging folder.
    warc = str((tmp_path / "crawl.warc.gz").resolve())
    (out / "_done" / f"{file_key(warc)}.parquet").unlink()
    (out / "_staging" / f"{file_key(warc)}-99" / "articles").mkdir(parents=True)
    report = run_job([], str(out), manifest=str(manifest), spark=spark)
    assert (report.processed, report.skipped) == (1, 1)
    assert _counts(out) == first and not (out / "_staging").exists()
