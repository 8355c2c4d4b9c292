"""Streaming export of a store table to CSV, JSON Lines, Parquet or PLOVER JSONL.

Rows are read in chunks from a server-side cursor (PostgreSQL) or a lazy
cursor (SQLite) and written chunk by chunk (Parquet as record batches), so
memory stays flat whatever the corpus size.
"""
from __future__ import annotations

import csv
import json
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO, Any, Callable, Iterator

import pyarrow as pa

from ..errors import ExportError
from .db import Database, Row
from .queries import participants
from .stories import story_counts

CHUNK = 2000
FORMATS = ("csv", "jsonl", "parquet", "plover")
STR, INT, FLOAT, STRS = pa.string(), pa.int64(), pa.float64(), pa.list_(pa.string())


@dataclass(frozen=True)
class TableSpec:
    sql: str
    columns: tuple[tuple[str, pa.DataType], ...]
    enrich: Callable[[Database, list[Row]], list[Row]] | None = None

    @property
    def schema(self) -> pa.Schema:
        return pa.schema(list(self.columns))


def _parse_lists(rows: list[Row], *names: str) -> list[Row]:
    for row in rows:
        for name in names:
            row[name] = json.loads(row[name]) if row.get(name) else []
    return rows


def _enrich_quotes(db: Database, rows: list[Row]) -> list[Row]:
    for row in _parse_lists(rows, "via"):
        row["via"] = [v.get("text") for v in row["via"]]
    return rows


def _enrich_sentences(db: Database, rows: list[Row]) -> list[Row]:
    for row in _parse_lists(rows, "loaded"):
        row["loaded"] = [w.get("text") for w in row["loaded"]]
    return rows


def _enrich_events(db: Database, rows: list[Row]) -> list[Row]:
    sides = participants(db, [r["event_id"] for r in rows])
    counts = story_counts(db, [r["story_id"] for r in rows])
    for row in rows:
        for role, key in (("actor", "actors"), ("recipient", "recipients")):
            people = sides.get((row["event_id"], role), [])
            row[key] = [p["name"] or "" for p in people]
            row[f"{role}_codes"] = [p["code"] or "" for p in people]
        story = counts.get(row["story_id"], {})
        row["story_articles"] = story.get("articles", 1)
        row["story_outlets"] = story.get("outlets", 0)
    return rows


TABLES: dict[str, TableSpec] = {
    "articles": TableSpec(
        "SELECT id, doc_id, url, title, subtitle, authors, publisher, published, source, content_hash, "
        "ingested_at, text FROM articles ORDER BY id",
        (("id", INT), ("doc_id", STR), ("url", STR), ("title", STR), ("subtitle", STR), ("authors", STRS),
         ("publisher", STR), ("published", STR), ("source", STR), ("content_hash", STR), ("ingested_at", STR),
         ("text", STR)),
        lambda db, rows: _parse_lists(rows, "authors")),
    "actors": TableSpec(
        "SELECT a.id, a.name, a.kind, a.country, a.sector, a.role, a.first_seen, "
        "(SELECT COUNT(DISTINCT en.article_id) FROM entities en WHERE en.actor_id = a.id) AS articles "
        "FROM actors a ORDER BY a.id",
        (("id", INT), ("name", STR), ("kind", STR), ("country", STR), ("sector", STR), ("role", STR),
         ("first_seen", STR), ("articles", INT))),
    "quotes": TableSpec(
        """SELECT q.id AS quote_id, a.doc_id, q.local_id, a.url, a.publisher, a.published, q.kind,
               s.name AS speaker, s.country AS speaker_country, q.speaker_text, q.cue, q.cue_class, q.content,
               q.start_char, q.end_char, r.name AS addressee, q.via
           FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actors s ON s.id = q.speaker_actor_id
           LEFT JOIN actors r ON r.id = q.addressee_actor_id ORDER BY q.id""",
        (("quote_id", INT), ("doc_id", STR), ("local_id", STR), ("url", STR), ("publisher", STR),
         ("published", STR), ("kind", STR), ("speaker", STR), ("speaker_country", STR), ("speaker_text", STR),
         ("cue", STR), ("cue_class", STR), ("content", STR), ("start_char", INT), ("end_char", INT), ("addressee", STR),
         ("via", STRS)),
        _enrich_quotes),
    "events": TableSpec(
        """SELECT e.id AS event_id, a.doc_id, e.local_id, a.url, a.title, a.publisher, a.published,
               e.event_date AS date, e.type, e.mode, e.modality, e.quad_class, e.trigger_text AS trigger,
               e.trigger_start, e.trigger_end, e.sentence, e.date_text, l.name AS location,
               e.quote_local_id AS quote_id, e.cameo, e.confidence, e.story_id
           FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN actors l ON l.id = e.location_actor_id
           ORDER BY e.id""",
        (("event_id", INT), ("doc_id", STR), ("local_id", STR), ("url", STR), ("title", STR),
         ("publisher", STR), ("published", STR), ("date", STR), ("type", STR), ("mode", STR),
         ("modality", STR), ("quad_class", INT), ("actors", STRS), ("actor_codes", STRS),
         ("recipients", STRS), ("recipient_codes", STRS), ("trigger", STR), ("trigger_start", INT),
         ("trigger_end", INT), ("sentence", INT), ("date_text", STR), ("location", STR), ("quote_id", STR),
         ("cameo", STR), ("confidence", FLOAT), ("story_id", INT), ("story_articles", INT),
         ("story_outlets", INT)),
        _enrich_events),
    # One row per sentence with its voice and the opinion classifier's raw score and
    # calibrated probability; the sentence's text is cut from the article's (offsets are
    # 0-based, substr is 1-based on both backends).
    "sentences": TableSpec(
        """SELECT a.doc_id, a.url, a.publisher, a.published, s.idx, s.start_char, s.end_char, s.voice,
               s.opinion_score, s.opinion_probability, substr(a.text, s.start_char + 1, s.end_char - s.start_char)
               AS text, s.loaded
           FROM sentences s JOIN articles a ON a.id = s.article_id ORDER BY s.article_id, s.idx""",
        (("doc_id", STR), ("url", STR), ("publisher", STR), ("published", STR), ("idx", INT), ("start_char", INT),
         ("end_char", INT), ("voice", STR), ("opinion_score", FLOAT), ("opinion_probability", FLOAT), ("text", STR),
         ("loaded", STRS)),
        _enrich_sentences),
    "errors": TableSpec(
        "SELECT source, kind, reason, first_seen, last_seen, attempts FROM errors ORDER BY id",
        (("source", STR), ("kind", STR), ("reason", STR), ("first_seen", STR), ("last_seen", STR),
         ("attempts", INT))),
}


def plover_record(row: Row) -> dict[str, Any]:
    """One event in the PLOVER JSON exchange format (manual, "PLOVER JSON")."""
    def entities(names: list[str], codes: list[str]) -> list[dict[str, Any]]:
        return [{"code": (code[:3] or None), "sector": (code[3:] or None), "entity_text": name}
                for name, code in zip(names, codes)]

    record = {
        "id": f"newsgraph-{row['doc_id']}-{row['local_id']}",
        "date": row["date"],
        "actor": entities(row["actors"], row["actor_codes"]),
        "recipient": entities(row["recipients"], row["recipient_codes"]),
        "event": [row["type"]],
        "mode": [row["mode"]] if row["mode"] else [],
        "context": [row["modality"]] if row["modality"] not in (None, "asserted") else [],
        "quad_code": row["quad_class"],
        "event_text": [row["trigger"]] if row["trigger"] else [],
        "link": str(row["story_id"]) if row["story_id"] is not None else None,
        "text_info": {"sequence": row["sentence"], "start": row["trigger_start"], "end": row["trigger_end"]},
        "cite_info": {"url": row["url"], "title": row["title"], "publication": row["publisher"]},
        "num_articles": row["story_articles"],
        "num_sources": row["story_outlets"],
        "coder": "newsgraph",
    }
    return record


def iter_chunks(db: Database, table: str) -> Iterator[list[Row]]:
    spec = TABLES[table]
    for chunk in db.stream(spec.sql, (), CHUNK):
        yield spec.enrich(db, chunk) if spec.enrich else chunk


def export(db: Database, table: str, fmt: str, output: str) -> int:
    """Write `table` to `output` ("-" for standard output) in `fmt`; returns the row count."""
    if table not in TABLES:
        raise ExportError(f"unknown table {table!r}; choose from {', '.join(TABLES)}")
    if fmt == "plover" and table != "events":
        raise ExportError("--format plover exports events only; use --table events")
    try:
        if fmt == "parquet":
            return _write_parquet(db, table, output)
        with _text_output(output) as stream:
            return _write_text(db, table, fmt, stream)
    except OSError as exc:  # missing folder, a directory, read-only place, full disk
        raise ExportError(f"cannot write {output}: {exc.strerror or exc}; "
                          "give -o a file in a writable folder with space left") from None


@contextmanager
def _text_output(output: str) -> Iterator[IO[str]]:
    if output == "-":
        yield sys.stdout
        return
    with open(output, "w", encoding="utf-8", newline="") as stream:
        yield stream


def _write_text(db: Database, table: str, fmt: str, stream: IO[str]) -> int:
    names = [name for name, _ in TABLES[table].columns]
    writer = csv.DictWriter(stream, fieldnames=names) if fmt == "csv" else None
    if writer:
        writer.writeheader()
    count = 0
    for chunk in iter_chunks(db, table):
        for row in chunk:
            if writer:
                writer.writerow({k: _csv_value(row.get(k)) for k in names})
            else:
                record = plover_record(row) if fmt == "plover" else {k: row.get(k) for k in names}
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += len(chunk)
    return count


def _csv_value(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list) else value


def _write_parquet(db: Database, table: str, output: str) -> int:
    import pyarrow.parquet as pq

    if output == "-":
        raise ExportError("Parquet needs a file: give -o FILE")
    spec = TABLES[table]
    count = 0
    with pq.ParquetWriter(output, spec.schema, compression="zstd") as writer:
        for chunk in iter_chunks(db, table):
            rows = [{name: row.get(name) for name, _ in spec.columns} for row in chunk]
            writer.write_batch(pa.RecordBatch.from_pylist(rows, schema=spec.schema))
            count += len(chunk)
    return count
