"""The audit gold set: offsets-only judgements of real articles (docs/annotation.md).

A gold file (`gold/audit/<id>.json`) names its article by a path under the
shared data folder and holds character offsets and labels only, never text:
the licences of the articles forbid copying them. The text is read back from
`../shared/data` the way newsgraph reads any input, and its SHA-1 and length
are checked so that a change in text extraction is reported, not mis-scored.

`convert()` makes a gold record from an annotator's work file (snippets; see
`snippets.py`); `scripts/build_audit_gold.py` runs it over a folder.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from ..errors import Drift
from ..plover import EVENT_TYPES
from .snippets import CUE_CLASSES, ENTITY_KINDS, ENTITY_TYPES, MODALITIES, QUOTE_KINDS, Resolver, iso

GOLD_DIR = Path(__file__).parent / "gold" / "audit"
FORMAT = "newsgraph-audit-gold/1"
SPLITS = ("dev", "test")


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


# -- work file -> gold record ------------------------------------------------
def convert(work: dict[str, Any], text: str, source: str | None = None) -> tuple[dict[str, Any], list[str], list[str]]:
    """(gold record, problems, warnings) for one work file resolved against its text."""
    res = Resolver(text)
    ids = {str(e.get("id")) for e in work.get("entities") or []}
    gold: dict[str, Any] = {
        "format": FORMAT,
        "id": work.get("id"),
        "source": source or work.get("source"),
        "split": work.get("split"),
        "published": iso(work.get("published")),
        "genre": work.get("genre"),
        "annotator": work.get("annotator"),
        "minutes": work.get("minutes"),
        "text": {"sha1": text_sha1(text), "length": len(text)},
        "entities": [_entity(res, e) for e in work.get("entities") or []],
        "quotes": [_quote(res, i, q, ids) for i, q in enumerate(work.get("quotes") or [])],
        "events": [_event(res, i, ev, ids) for i, ev in enumerate(work.get("events") or [])],
        "sentences": res.sentences(work.get("sentences") or []),
    }
    if gold["split"] not in SPLITS:
        res.warnings.append(f"split {gold['split']!r} is not dev or test")
    return gold, res.problems, res.warnings


def _entity(res: Resolver, ent: dict[str, Any]) -> dict[str, Any]:
    eid = ent.get("id")
    for key in ("kind", "type"):
        if key not in ent:
            res.problems.append(f"entity {eid}: missing {key}")
    res.label(ent.get("kind"), ENTITY_KINDS, f"entity {eid} kind")
    res.label(ent.get("type"), ENTITY_TYPES, f"entity {eid} type")
    mentions = [res.span(m, f"entity {eid} mention {j}") for j, m in enumerate(ent.get("mentions") or [])]
    return {"id": eid, "kind": ent.get("kind"), "type": ent.get("type"), "country": ent.get("country"),
            "sector": ent.get("sector"), "mentions": sorted(m for m in mentions if m)}


def _quote(res: Resolver, i: int, q: dict[str, Any], ids: set[str]) -> dict[str, Any]:
    rec: dict[str, Any] = {}
    for key in ("content", "speaker_span", "cue"):
        rec[key] = res.span(q[key], f"quote {i} {key}") if q.get(key) else None
    if q.get("speaker") and q["speaker"] not in ids:
        res.problems.append(f"quote {i}: unknown speaker id {q['speaker']!r}")
    res.label(q.get("kind"), QUOTE_KINDS, f"quote {i} kind")
    res.label(q.get("cue_class"), CUE_CLASSES, f"quote {i} cue_class", optional=True)
    via = []
    for v in q.get("via") or []:
        v = v if isinstance(v, dict) else {}
        via.append({"span": res.span(v["span"], f"quote {i} via") if v.get("span") else None,
                    "entity": v.get("entity")})
    rec.update(kind=q.get("kind"), speaker=q.get("speaker"), cue_class=q.get("cue_class"), via=via)
    return rec


def _event(res: Resolver, i: int, ev: dict[str, Any], ids: set[str]) -> dict[str, Any]:
    for role in ("actors", "recipients"):
        for eid in ev.get(role) or []:
            if eid not in ids:
                res.problems.append(f"event {i}: unknown {role} id {eid!r}")
    if ev.get("location") and ev["location"] not in ids:
        res.problems.append(f"event {i}: unknown location id {ev['location']!r}")
    res.label(ev.get("type"), EVENT_TYPES, f"event {i} type")
    res.label(ev.get("modality") or "asserted", MODALITIES, f"event {i} modality")
    also = [res.span(s, f"event {i} also", strict=False) for s in ev.get("also") or []]
    return {"trigger": res.span(ev.get("trigger"), f"event {i} trigger"), "type": ev.get("type"),
            "mode": ev.get("mode"), "actors": list(ev.get("actors") or []),
            "recipients": list(ev.get("recipients") or []), "modality": ev.get("modality") or "asserted",
            "date": iso(ev.get("date")), "location": ev.get("location"), "in_quote": bool(ev.get("in_quote")),
            "also": [a for a in also if a]}


def dumps(gold: dict[str, Any]) -> str:
    """JSON with one entity, quote, event or sentence a line, so that diffs stay readable."""
    lines = ["{"]
    items = list(gold.items())
    for n, (key, value) in enumerate(items):
        comma = "," if n < len(items) - 1 else ""
        if isinstance(value, list) and value:
            rows = [json.dumps(v, ensure_ascii=False) for v in value]
            lines.append(f" {json.dumps(key)}: [\n  " + ",\n  ".join(rows) + f"\n ]{comma}")
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}{comma}")
    return "\n".join(lines) + "\n}\n"


# -- reading gold files ----------------------------------------------------------
@dataclass(frozen=True)
class GoldArticle:
    """One gold file, and where its text is to be read from."""

    id: str
    source: str
    split: str
    published: str | None
    genre: str | None
    sha1: str
    length: int
    record: dict[str, Any]

    @classmethod
    def from_dict(cls, rec: dict[str, Any]) -> "GoldArticle":
        return cls(rec["id"], rec["source"], rec["split"], rec.get("published"), rec.get("genre"),
                   rec["text"]["sha1"], rec["text"]["length"], rec)


def load_gold(split: str = "all", folder: Path = GOLD_DIR) -> list[GoldArticle]:
    """The gold articles of a split (dev, test or all), in id order."""
    out = []
    for path in sorted(folder.glob("*.json")):
        gold = GoldArticle.from_dict(json.loads(path.read_text(encoding="utf-8")))
        if split == "all" or gold.split == split:
            out.append(gold)
    return out


def iter_sources(base: Path, source: str) -> Iterator[Path]:
    """The file a gold source names: exact, or a page named by its hash prefix."""
    exact = base / source
    if exact.is_file():
        yield exact
        return
    yield from sorted(exact.parent.glob(exact.name + "*"))[:1]


def read_article(gold: GoldArticle, base: Path, pipeline) -> Any:
    """The Article newsgraph makes of the gold's source, dated by the gold; Drift if it changed."""
    from ..errors import InputError
    from ..inputs import read_file

    path = next(iter_sources(base, gold.source), None)
    if path is None:
        raise Drift(f"{gold.id}: {gold.source} not found under {base}")
    raw = next(iter(read_file(path)), None)
    if raw is None or isinstance(raw, InputError):
        raise Drift(f"{gold.id}: cannot read {path}: {raw}")
    article = pipeline.prepare(raw, published=gold.published)
    if text_sha1(article.text) != gold.sha1:
        raise Drift(f"{gold.id}: the text newsgraph reads from {gold.source} changed "
                    f"({len(article.text)} chars, annotated {gold.length}); re-annotate or fix the reader")
    return article
