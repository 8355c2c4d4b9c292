"""Scaling out on Apache Spark (optional extra: `pip install newsgraph[spark]`).

Each Spark partition builds one Pipeline (spaCy loads once per executor
process) and analyses its rows in batches, so the work spreads over a
cluster exactly as `--workers` spreads it over local cores.

    from newsgraph.spark import analyze_dataframe, events_table
    analyses = analyze_dataframe(spark.read.json("s3://bucket/news/*.jsonl"))
    events_table(analyses).write.parquet("events.parquet")

Or from the shell: `newsgraph spark INPUT.jsonl OUTPUT_DIR [--master local[2]]`.
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict
from typing import Any, Iterable, Iterator

from .article import RawInput
from .config import Config
from .errors import InputError, NewsgraphError

ANALYSIS_FIELDS = ("id", "analysis", "error")
EVENT_FIELDS = ("article_id", "event_id", "type", "mode", "modality", "actors", "recipients",
                "actor_countries", "recipient_countries", "trigger", "date_start", "date_end", "location")
QUOTE_FIELDS = ("article_id", "quote_id", "kind", "content", "speaker", "speaker_country", "cue", "via")


def _require_pyspark():
    try:
        import pyspark  # noqa: F401
    except ModuleNotFoundError:
        raise NewsgraphError("PySpark is not installed; run `pip install newsgraph[spark]` (needs Java 17+)") from None


def row_input(row: dict[str, Any], index: int) -> RawInput:
    """A Spark row (as a dict) in the JSONL record shape -> RawInput."""
    meta = {k: row[k] for k in ("id", "title", "published", "url", "publisher") if row.get(k)}
    meta.setdefault("id", f"row{index}")
    return RawInput(f"row {meta['id']}", text=row.get("text"), html=row.get("html"), meta=meta)


def analyze_rows(rows: Iterable[dict[str, Any]], config: dict[str, Any]) -> Iterator[tuple]:
    """Analyse one partition: yields (id, contract JSON or None, error or None)."""
    from .pipeline import Pipeline

    pipeline = Pipeline(Config(**config))
    inputs = (row_input(row, i) for i, row in enumerate(rows))
    for outcome in pipeline.analyze_many(inputs):
        if isinstance(outcome, InputError):
            yield (outcome.source.removeprefix("row "), None, outcome.reason)
        else:
            yield (outcome.id, json.dumps(outcome.as_dict(), ensure_ascii=False), None)


def analyze_dataframe(df, config: Config | None = None):
    """DataFrame with `text` or `html` (and optional id, title, published, url,
    publisher) -> DataFrame(id, analysis JSON, error)."""
    _require_pyspark()
    settings = _portable(config or Config.from_env())
    columns = df.columns
    rdd = df.rdd.mapPartitions(
        lambda part: analyze_rows(({c: r[c] for c in columns} for r in part), settings)
    )
    return df.sparkSession.createDataFrame(rdd, schema="id string, analysis string, error string")


def _portable(config: Config) -> dict[str, Any]:
    """Config as plain values that pickle to executors (paths become strings)."""
    values = asdict(config)
    values["stages"] = tuple(values["stages"])
    return values


def event_rows(analysis_json: str) -> Iterator[tuple]:
    record = json.loads(analysis_json)
    entities = {e["id"]: e for e in record["entities"]}
    for ev in record["events"]:
        date = ev.get("date") or {}
        yield (record["id"], ev["id"], ev["type"], ev.get("mode"), ev["modality"],
               [entities[a]["name"] for a in ev["actors"] if a in entities],
               [entities[r]["name"] for r in ev["recipients"] if r in entities],
               [entities[a].get("country") for a in ev["actors"] if a in entities],
               [entities[r].get("country") for r in ev["recipients"] if r in entities],
               ev["trigger"]["text"], date.get("start"), date.get("end"),
               entities.get(ev.get("location") or "", {}).get("name"))


def quote_rows(analysis_json: str) -> Iterator[tuple]:
    record = json.loads(analysis_json)
    entities = {e["id"]: e for e in record["entities"]}
    for q in record["quotes"]:
        speaker = entities.get(q.get("speaker") or "")
        yield (record["id"], q["id"], q["kind"], q["content"],
               speaker["name"] if speaker else None, speaker.get("country") if speaker else None,
               (q.get("cue") or {}).get("text"), [v["text"] for v in q.get("via", [])])


def events_table(analyses):
    """One row per event, with actor names and countries, from analyze_dataframe's output."""
    schema = ("article_id string, event_id string, type string, mode string, modality string, "
              "actors array<string>, recipients array<string>, actor_countries array<string>, "
              "recipient_countries array<string>, trigger string, date_start string, date_end string, location string")
    rdd = analyses.where("analysis is not null").rdd.flatMap(lambda r: event_rows(r["analysis"]))
    return analyses.sparkSession.createDataFrame(rdd, schema=schema)


def quotes_table(analyses):
    """One row per quote, with the speaker's name and country."""
    schema = ("article_id string, quote_id string, kind string, content string, speaker string, "
              "speaker_country string, cue string, via array<string>")
    rdd = analyses.where("analysis is not null").rdd.flatMap(lambda r: quote_rows(r["analysis"]))
    return analyses.sparkSession.createDataFrame(rdd, schema=schema)


def run_job(input_path: str, output_dir: str, master: str = "local[*]", config: Config | None = None) -> dict[str, int]:
    """Read JSONL, analyse, write analyses/events/quotes as Parquet; return counts."""
    _require_pyspark()
    from pyspark.sql import SparkSession

    if master.startswith("local"):
        # Local workers must run the interpreter that has newsgraph installed,
        # which need not be the `python3` on PATH (e.g. an unactivated venv).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master(master).appName("newsgraph").getOrCreate()
    try:
        analyses = analyze_dataframe(spark.read.json(input_path), config).cache()
        analyses.write.mode("overwrite").parquet(f"{output_dir}/analyses")
        events_table(analyses).write.mode("overwrite").parquet(f"{output_dir}/events")
        quotes_table(analyses).write.mode("overwrite").parquet(f"{output_dir}/quotes")
        return {"articles": analyses.where("analysis is not null").count(),
                "failed": analyses.where("error is not null").count()}
    finally:
        spark.stop()
