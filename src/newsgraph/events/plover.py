"""Events as PLOVER JSON records (`newsgraph analyze --format plover`).

Field names follow the manual's "PLOVER JSON" and entity tables (id, date,
enddate, actor, recipient, event, mode, context, event_text, event_loc,
quad_code, text, text_info, cite_info, coder). Entity objects carry the
manual's `code`/`sector`/`entity_text` and, for readers of the issue, the
same values as `country` and `text`. Following the manual: negated events
are left out, events without a named actor are not coded, and the future
and hypothetical auxiliary modes go into `context`. Extra fields (`cameo`,
`modality`, `quote`, `newsgraph_event`) keep each record traceable.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .. import __version__
from ..records import Analysis, Entity, Event
from .lexicon import load_lexicon

CONTEXTS = Path(__file__).resolve().parents[1] / "data" / "events" / "contexts.yaml"
CODEBOOK = "plover-2.0"


def plover_records(analysis: Analysis) -> list[dict[str, Any]]:
    """One PLOVER record per coded event of the analysis."""
    sentences = _sentence_spans(analysis)
    return [_record(analysis, event, sentences) for event in analysis.events
            if event.modality != "negated" and event.actors]


def _record(analysis: Analysis, event: Event, sentences: list[tuple[int, int]]) -> dict[str, Any]:
    start, end = sentences[event.sentence] if event.sentence < len(sentences) else (event.trigger.start, event.trigger.end)
    text = analysis.article.text[start:end]
    record: dict[str, Any] = {
        "id": f"{analysis.id}-{event.id}",
        "date": _date(event, analysis),
        "actor": [_entity(analysis, e, event) for e in event.actors],
        "recipient": [_entity(analysis, e, event) for e in event.recipients],
        "event": [event.type],
        "mode": [event.mode] if event.mode else [],
        "context": contexts(text, event.modality),
        "event_text": [event.trigger.text],
        "quad_code": load_lexicon().quad[event.type],
        "text": text,
        "text_info": {"sequence": event.sentence, "start": start, "end": end},
        "cite_info": _cite(analysis),
        "coder": f"newsgraph {__version__}",
        "codebook": CODEBOOK,
        "cameo": event.cameo,
        "modality": event.modality,
        "quote": event.quote,
        "newsgraph_event": event.id,
    }
    if event.date is not None and event.date.end and event.date.end != event.date.start:
        record["enddate"] = event.date.end
    if event.location:
        record["event_loc"] = _place(analysis, event.location)
    return record


def _date(event: Event, analysis: Analysis) -> str | None:
    if event.date is not None and event.date.start:
        return event.date.start
    return analysis.article.published


def _entity(analysis: Analysis, entity_id: str, event: Event) -> dict[str, Any]:
    entity = analysis.entity(entity_id)
    if entity is None:
        return {"entity_id": entity_id}
    text = _mention_text(entity, event)
    return {
        "code": entity.country, "country": entity.country, "sector": entity.sector,
        "entity_text": text, "text": text, "identifier_text": entity.name, "entity_id": entity.id,
    }


def _mention_text(entity: Entity, event: Event) -> str:
    """The entity's mention nearest the trigger, names before titles and pronouns."""
    if not entity.mentions:
        return entity.name
    nearest = min(entity.mentions, key=lambda m: (m.kind != "name", abs(m.start - event.trigger.start)))
    return nearest.text


def _place(analysis: Analysis, entity_id: str) -> dict[str, Any]:
    entity = analysis.entity(entity_id)
    if entity is None:
        return {"entity_id": entity_id}
    return {"extracted_place": entity.mentions[0].text if entity.mentions else entity.name,
            "resolved_place": entity.name, "country_code": entity.country, "entity_id": entity.id}


def _cite(analysis: Analysis) -> dict[str, Any]:
    art = analysis.article
    return {key: value for key, value in (("url", art.url), ("title", art.title),
                                           ("publication", art.publisher), ("language", "en")) if value}


def _sentence_spans(analysis: Analysis) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in analysis.sentences]


def contexts(text: str, modality: str = "asserted") -> list[str]:
    """PLOVER contexts whose keywords occur in the text, plus the auxiliary mode."""
    lowered = f" {text.lower()} "
    found = [name for name, pattern in _context_patterns().items() if pattern.search(lowered)]
    if modality in ("future", "hypothetical"):
        found.append(modality)
    return found


@lru_cache(maxsize=1)
def _context_patterns() -> dict[str, re.Pattern[str]]:
    raw = yaml.safe_load(CONTEXTS.read_text(encoding="utf-8"))
    return {name: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")s?\b")
            for name, words in raw.items()}
