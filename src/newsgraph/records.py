"""Immutable records that every stage produces, and their contract form.

`as_dict()` on each record yields exactly the shape required by
`analysis.schema.json`; extra fields are allowed by the contract and are
added only where they help users (e.g. a mention's ``kind``).
"""
from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any, Iterable


@dataclass(frozen=True)
class Span:
    """A stretch of `article.text`: start inclusive, end exclusive."""

    start: int
    end: int
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])


@dataclass(frozen=True)
class LoadedSpan(Span):
    """Loaded wording, and what found it: "lexicon" (the word lists) and/or
    "classifier" (a modifier the opinion classifier leans on)."""

    basis: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {**super().as_dict(), "basis": list(self.basis)}


@dataclass(frozen=True)
class Mention(Span):
    """One mention of an entity: a name, a title, a pronoun or a metonym."""

    kind: str = "name"

    def as_dict(self) -> dict[str, Any]:
        return {**super().as_dict(), "kind": self.kind}


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    kind: str
    mentions: tuple[Mention, ...]
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    # Free-form extras (e.g. the knowledge-base id, "is a news outlet").
    attrs: tuple[tuple[str, Any], ...] = ()

    def as_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
            "mentions": [m.as_dict() for m in self.mentions],
        }
        out.update(dict(self.attrs))
        return out

    def mentioned_at(self, start: int, end: int) -> bool:
        return any(m.overlaps(start, end) for m in self.mentions)


@dataclass(frozen=True)
class Via:
    """One link of a quote's source chain (an outlet, a document, a statement)."""

    text: str
    entity: str | None = None
    start: int | None = None
    end: int | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "entity": self.entity}
        if self.start is not None:
            out.update(start=self.start, end=self.end)
        return out


@dataclass(frozen=True)
class Quote:
    id: str
    kind: str  # direct | indirect | mixed
    content: str
    start: int
    end: int
    speaker: str | None
    speaker_mention: Span | None
    cue: Span | None
    via: tuple[Via, ...] = ()
    addressee: str | None = None
    addressee_mention: Span | None = None
    # What the cue reports: speech | writing | thought | intention | perception (None without a cue).
    cue_class: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "cue_class": self.cue_class,
            "content": self.content,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "speaker_mention": _span_or_none(self.speaker_mention),
            "cue": _span_or_none(self.cue),
            "addressee": self.addressee,
            "addressee_mention": _span_or_none(self.addressee_mention),
            "via": [v.as_dict() for v in self.via],
        }


@dataclass(frozen=True)
class EventDate:
    """A resolved date expression: ISO start/end (equal for a single day)."""

    text: str
    start: str | None
    end: str | None
    granularity: str | None = None
    span: Span | None = None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end}
        if self.granularity:
            out["granularity"] = self.granularity
        if self.span is not None:
            out["offset"] = {"start": self.span.start, "end": self.span.end}
        return out


@dataclass(frozen=True)
class Event:
    id: str
    type: str
    mode: str | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    trigger: Span
    sentence: int
    modality: str = "asserted"
    date: EventDate | None = None
    location: str | None = None
    quote: str | None = None
    cameo: str | None = None
    confidence: float | None = None
    # The same act reported again in the article (their trigger spans), coded once.
    mentions: tuple[Span, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "actors": list(self.actors),
            "recipients": list(self.recipients),
            "trigger": self.trigger.as_dict(),
            "sentence": self.sentence,
            "modality": self.modality,
            "date": self.date.as_dict() if self.date else None,
            "location": self.location,
            "quote": self.quote,
            "cameo": self.cameo,
            "confidence": self.confidence,
            "mentions": [m.as_dict() for m in self.mentions],
        }


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    voice: str = "reporting"
    loaded: tuple[Span, ...] = ()
    score: float | None = None        # the opinion classifier's raw probability for the sentence alone
    probability: float | None = None  # P(opinion) calibrated, in the article's context (voice/calibration.py)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "voice": self.voice,
            "loaded": [s.as_dict() for s in self.loaded],
        }
        if self.score is not None:
            out["opinion_score"] = round(self.score, 4)
        if self.probability is not None:
            out["opinion_probability"] = round(self.probability, 4)
        return out


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None  # where it came from: a path, "path:line", a WARC record

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "title": self.title,
            "subtitle": self.subtitle,
            "authors": list(self.authors),
            "publisher": self.publisher,
            "published": self.published,
            "url": self.url,
            "source": self.source,
        }


@dataclass(frozen=True)
class Analysis:
    """Everything newsgraph says about one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    meta: tuple[tuple[str, Any], ...] = field(default=())

    @property
    def id(self) -> str:
        return self.article.id

    def as_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id,
            "article": self.article.as_dict(),
            "entities": [e.as_dict() for e in self.entities],
            "quotes": [q.as_dict() for q in self.quotes],
            "events": [e.as_dict() for e in self.events],
            "sentences": [s.as_dict() for s in self.sentences],
        }
        if self.meta:
            out["meta"] = dict(self.meta)
        return out

    def entity(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)


@dataclass(frozen=True)
class KnownActor:
    """An actor known before this article (e.g. from the corpus store).

    The actors stage uses these to code a bare "Lavrov" in a later article.
    """

    name: str
    kind: str = "PERSON"
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    aliases: tuple[str, ...] = ()


def entity_at(entities: Iterable[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention overlapping [start, end), tightest mention first (the first
    entity's, then the first mention's, among equally tight ones)."""
    if isinstance(entities, tuple):  # an actors layer: immutable, so its index can be kept
        return _mention_index(entities).entity_at(start, end)
    return _scan(entities, start, end)


def _scan(entities: Iterable[Entity], start: int, end: int) -> Entity | None:
    best: tuple[int, Entity] | None = None
    for ent in entities:
        for m in ent.mentions:
            if m.start < end and start < m.end:  # m.overlaps(start, end), inlined
                width = m.end - m.start
                if best is None or width < best[0]:
                    best = (width, ent)
    return best[1] if best else None


class _MentionIndex:
    """Every mention of a tuple of entities sorted by start, so a lookup (made per token by the
    quotes and events stages) bisects to the few mentions that can overlap instead of scanning
    every mention of every entity."""

    def __init__(self, entities: tuple[Entity, ...]):
        rows = sorted((m.start, order, m.end, ent) for order, (ent, m) in
                      enumerate((ent, m) for ent in entities for m in ent.mentions))
        self.starts = [row[0] for row in rows]
        self.rows = rows
        self.longest = max((row[2] - row[0] for row in rows), default=0)

    def entity_at(self, start: int, end: int) -> Entity | None:
        # A mention overlaps when m.start < end and start < m.end; m.end <= m.start + longest.
        lo, hi = bisect_right(self.starts, start - self.longest), bisect_left(self.starts, end)
        best: tuple[int, int, Entity] | None = None
        for m_start, order, m_end, ent in self.rows[lo:hi]:
            if start < m_end and (best is None or (m_end - m_start, order) < best[:2]):
                best = (m_end - m_start, order, ent)
        return best[2] if best else None


_LAST_INDEX = threading.local()  # per thread: the web server may analyse in several threads


def _mention_index(entities: tuple[Entity, ...]) -> _MentionIndex:
    """The index of the entities tuple in hand (an article's actors layer, looked up many times);
    the tuple itself is held, so its id cannot be reused while it is the one compared."""
    held = getattr(_LAST_INDEX, "entities", None)
    if held is not entities:
        _LAST_INDEX.entities, _LAST_INDEX.index = entities, _MentionIndex(entities)
    return _LAST_INDEX.index


def _span_or_none(span: Span | None) -> dict[str, Any] | None:
    return span.as_dict() if span is not None else None
