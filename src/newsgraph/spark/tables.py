"""The Parquet tables a Spark job writes, with explicit schemas matching the store.

Column names follow src/newsgraph/corpus/migrations.py, so `newsgraph load`
maps them one to one. Where the store keeps a list of strings as JSON text
(authors) the Parquet column is a native list; objects (meta, attrs, via,
loaded, data) stay JSON text, as in the store. Rows point at their article
by `content_hash` (the SHA-1 of the analysed text, the store's unique key):
unique however many partitions or files the job has, unlike a row number.
Entities, quotes and events keep the article's local ids (E1, Q1, V1).
"""
from __future__ import annotations

import json
import re
from typing import Any, Iterable

import pyarrow as pa

from ..article import content_hash
from ..corpus.codes import QUAD_CLASS, event_day
from ..errors import InputError
from ..records import Analysis, Entity

_S, _I, _F = pa.string(), pa.int32(), pa.float64()
_LIST = pa.list_(pa.string())
UNKNOWN_MONTH = "unknown"

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("content_hash", _S), ("doc_id", _S), ("input_hash", _S), ("url", _S), ("title", _S), ("subtitle", _S),
        ("authors", _LIST), ("publisher", _S), ("published", _S), ("source", _S), ("text", _S), ("meta", _S),
        ("input_file", _S), ("ingested_at", _S)]),
    "entities": pa.schema([
        ("content_hash", _S), ("local_id", _S), ("merge_key", _S), ("name", _S), ("kind", _S), ("country", _S),
        ("sector", _S), ("role", _S), ("attrs", _S)]),
    "mentions": pa.schema([
        ("content_hash", _S), ("entity_local_id", _S), ("start_char", _I), ("end_char", _I), ("text", _S),
        ("kind", _S)]),
    "quotes": pa.schema([
        ("content_hash", _S), ("local_id", _S), ("kind", _S), ("content", _S), ("start_char", _I),
        ("end_char", _I), ("speaker_local_id", _S), ("speaker_name", _S), ("speaker_country", _S),
        ("speaker_sector", _S), ("speaker_text", _S), ("cue", _S), ("cue_class", _S), ("addressee_local_id", _S),
        ("via", _S), ("data", _S)]),
    "events": pa.schema([
        ("content_hash", _S), ("local_id", _S), ("type", _S), ("mode", _S), ("modality", _S),
        ("quad_class", _I), ("sentence", _I), ("trigger_text", _S), ("trigger_start", _I), ("trigger_end", _I),
        ("date_text", _S), ("date_start", _S), ("date_end", _S), ("event_date", _S),
        ("location_local_id", _S), ("location_name", _S), ("quote_local_id", _S), ("cameo", _S),
        ("confidence", _F),
        ("actor_ids", _LIST), ("actor_names", _LIST), ("actor_countries", _LIST), ("actor_sectors", _LIST),
        ("recipient_ids", _LIST), ("recipient_names", _LIST), ("recipient_countries", _LIST),
        ("recipient_sectors", _LIST), ("data", _S)]),
    "sentences": pa.schema([
        ("content_hash", _S), ("idx", _I), ("start_char", _I), ("end_char", _I), ("voice", _S),
        ("opinion_score", _F), ("opinion_probability", _F), ("loaded", _S)]),
    "errors": pa.schema([
        ("source", _S), ("kind", _S), ("reason", _S), ("input_file", _S), ("first_seen", _S)]),
    # One row per finished input file: what a rerun skips and what `newsgraph load` trusts.
    "_done": pa.schema([
        ("input_file", _S), ("file_key", _S), ("status", _S), ("records", pa.int64()), ("articles", pa.int64()),
        ("errors", pa.int64()), ("seconds", _F), ("cpu_seconds", _F), ("finished_at", _S)]),
}
# Tables partitioned by the article's publication month (month=YYYY-MM or month=unknown).
ARTICLE_TABLES = ("articles", "entities", "mentions", "quotes", "events", "sentences")
TABLES = (*ARTICLE_TABLES, "errors")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def month_of(published: str | None) -> str:
    """The partition of an article: YYYY-MM of its publication date, or 'unknown'."""
    if published and re.match(r"\d{4}-\d{2}", published):
        return published[:7]
    return UNKNOWN_MONTH


class Rows:
    """Rows of every table for one input file, grouped by month, ready to write."""

    def __init__(self, input_file: str, stamp: str):
        self.input_file, self.stamp = input_file, stamp
        self.by_month: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.errors: list[dict[str, Any]] = []
        self.articles = self.failed = 0
        self.pending = 0  # outcomes since the last drain

    def add_error(self, err: InputError) -> None:
        self.failed += 1
        self.pending += 1
        self.errors.append({"source": err.source, "kind": type(err).__name__, "reason": err.reason,
                            "input_file": self.input_file, "first_seen": self.stamp})

    def add_analysis(self, analysis: Analysis, input_hash: str | None) -> None:
        self.articles += 1
        self.pending += 1
        key = content_hash(analysis.article.text)
        month = month_of(analysis.article.published)
        for table, rows in analysis_rows(analysis, key, input_hash, self.input_file, self.stamp).items():
            self.by_month.setdefault((table, month), []).extend(rows)

    def drain(self) -> Iterable[tuple[str, str | None, pa.Table]]:
        """(table, month or None, Arrow table) for the rows gathered since the last drain."""
        for (table, month), rows in sorted(self.by_month.items()):
            if rows:
                yield table, month, pa.Table.from_pylist(rows, schema=SCHEMAS[table])
        if self.errors:
            yield "errors", None, pa.Table.from_pylist(self.errors, schema=SCHEMAS["errors"])
        self.by_month, self.errors, self.pending = {}, [], 0


def analysis_rows(analysis: Analysis, key: str, input_hash: str | None, input_file: str,
                  stamp: str) -> dict[str, list[dict[str, Any]]]:
    """One analysis as rows of the article tables."""
    from ..corpus.store import merge_key

    art = analysis.article
    entities = {e.id: e for e in analysis.entities}
    return {
        "articles": [{
            "content_hash": key, "doc_id": analysis.id, "input_hash": input_hash, "url": art.url or None,
            "title": art.title, "subtitle": art.subtitle, "authors": list(art.authors), "publisher": art.publisher,
            "published": art.published, "source": art.source, "text": art.text,
            "meta": _json(dict(analysis.meta)) if analysis.meta else None, "input_file": input_file,
            "ingested_at": stamp}],
        "entities": [{
            "content_hash": key, "local_id": e.id, "merge_key": merge_key(e), "name": e.name, "kind": e.kind,
            "country": e.country, "sector": e.sector, "role": e.role,
            "attrs": _json(dict(e.attrs)) if e.attrs else None} for e in analysis.entities],
        "mentions": [{
            "content_hash": key, "entity_local_id": e.id, "start_char": m.start, "end_char": m.end,
            "text": m.text, "kind": m.kind} for e in analysis.entities for m in e.mentions],
        "quotes": [_quote_row(key, q, entities) for q in analysis.quotes],
        "events": [_event_row(key, ev, entities, art.published) for ev in analysis.events],
        "sentences": [{
            "content_hash": key, "idx": i, "start_char": s.start, "end_char": s.end, "voice": s.voice,
            "opinion_score": s.score, "opinion_probability": s.probability,
            "loaded": _json([x.as_dict() for x in s.loaded])}
            for i, s in enumerate(analysis.sentences)],
    }


def _quote_row(key: str, q, entities: dict[str, Entity]) -> dict[str, Any]:
    speaker = entities.get(q.speaker or "")
    return {"content_hash": key, "local_id": q.id, "kind": q.kind, "content": q.content, "start_char": q.start,
            "end_char": q.end, "speaker_local_id": q.speaker, "speaker_name": speaker.name if speaker else None,
            "speaker_country": speaker.country if speaker else None,
            "speaker_sector": speaker.sector if speaker else None,
            "speaker_text": q.speaker_mention.text if q.speaker_mention else None,
            "cue": q.cue.text if q.cue else None, "cue_class": q.cue_class, "addressee_local_id": q.addressee,
            "via": _json([v.as_dict() for v in q.via]), "data": _json(q.as_dict())}


def _event_row(key: str, ev, entities: dict[str, Entity], published: str | None) -> dict[str, Any]:
    def side(ids: tuple[str, ...], attr: str) -> list:
        return [getattr(entities[i], attr) if i in entities else None for i in ids]

    location = entities.get(ev.location or "")
    return {
        "content_hash": key, "local_id": ev.id, "type": ev.type, "mode": ev.mode, "modality": ev.modality,
        "quad_class": QUAD_CLASS.get(ev.type), "sentence": ev.sentence, "trigger_text": ev.trigger.text,
        "trigger_start": ev.trigger.start, "trigger_end": ev.trigger.end,
        "date_text": ev.date.text if ev.date else None, "date_start": ev.date.start if ev.date else None,
        "date_end": ev.date.end if ev.date else None,
        "event_date": event_day(ev.date.start if ev.date else None, published),
        "location_local_id": ev.location, "location_name": location.name if location else None,
        "quote_local_id": ev.quote, "cameo": ev.cameo, "confidence": ev.confidence,
        "actor_ids": list(ev.actors), "actor_names": side(ev.actors, "name"),
        "actor_countries": side(ev.actors, "country"), "actor_sectors": side(ev.actors, "sector"),
        "recipient_ids": list(ev.recipients), "recipient_names": side(ev.recipients, "name"),
        "recipient_countries": side(ev.recipients, "country"), "recipient_sectors": side(ev.recipients, "sector"),
        "data": _json(ev.as_dict()),
    }


# -- back from rows to records (for `newsgraph load`) ------------------------------

def rebuild_analysis(article: dict[str, Any], children: dict[str, list[dict[str, Any]]]) -> Analysis:
    """The Analysis that analysis_rows() turned into these rows (its contract form is unchanged)."""
    from ..records import Article, Mention, Sentence

    text = article["text"]
    mentions: dict[str, list] = {}
    for m in children.get("mentions", ()):
        mentions.setdefault(m["entity_local_id"], []).append(Mention(m["start_char"], m["end_char"], m["text"], m["kind"]))
    entities = tuple(
        Entity(e["local_id"], e["name"], e["kind"], tuple(mentions.get(e["local_id"], ())), e["country"],
               e["sector"], e["role"], tuple(json.loads(e["attrs"]).items()) if e["attrs"] else ())
        for e in children.get("entities", ()))
    # .get: output folders written before opinion_probability have no such column.
    sentences = tuple(
        Sentence(s["start_char"], s["end_char"], s["voice"], tuple(_loaded(x) for x in json.loads(s["loaded"] or "[]")),
                 s["opinion_score"], s.get("opinion_probability"))
        for s in sorted(children.get("sentences", ()), key=lambda s: s["idx"]))
    return Analysis(
        article=Article(id=article["doc_id"], text=text, title=article["title"], subtitle=article["subtitle"],
                        authors=tuple(article["authors"] or ()), publisher=article["publisher"],
                        published=article["published"], url=article["url"], source=article["source"]),
        entities=entities,
        quotes=tuple(_quote(json.loads(q["data"])) for q in children.get("quotes", ())),
        events=tuple(_event(json.loads(e["data"]), text) for e in children.get("events", ())),
        sentences=sentences,
        meta=tuple(json.loads(article["meta"]).items()) if article["meta"] else (),
    )


def _span(d: dict | None):
    from ..records import Span

    return Span(d["start"], d["end"], d["text"]) if d else None


def _loaded(d: dict):
    from ..records import LoadedSpan

    return LoadedSpan(d["start"], d["end"], d["text"], tuple(d.get("basis", ())))


def _quote(d: dict):
    from ..records import Quote, Via

    return Quote(d["id"], d["kind"], d["content"], d["start"], d["end"], d["speaker"], _span(d["speaker_mention"]),
                 _span(d["cue"]), tuple(Via(v["text"], v.get("entity"), v.get("start"), v.get("end")) for v in d["via"]),
                 d.get("addressee"), _span(d.get("addressee_mention")), d.get("cue_class"))


def _event(d: dict, text: str):
    from ..records import Event, EventDate, Span

    date = d.get("date")
    if date:
        offset = date.get("offset")
        date = EventDate(date["text"], date["start"], date["end"], date.get("granularity"),
                         Span.of(text, offset["start"], offset["end"]) if offset else None)
    return Event(d["id"], d["type"], d["mode"], tuple(d["actors"]), tuple(d["recipients"]), _span(d["trigger"]),
                 d["sentence"], d["modality"], date, d.get("location"), d.get("quote"), d.get("cameo"),
                 d.get("confidence"), tuple(_span(m) for m in d.get("mentions", ())))
