"""Events stage: who did what to whom, when and where, coded in PLOVER v2.0.

Per sentence: `detect` finds triggers with the lexicon over the dependency
parse, `modality` codes tense/negation and the manual's tense rules,
`arguments` maps actors and recipients to actor-stage entities, and
`location` finds the place and the date phrase, which `dates` resolves
against the publication date. An event claimed only inside a quotation
points at that quote.
"""
from __future__ import annotations

from typing import Sequence

from spacy.tokens import Span

from ..records import Event, EventDate, Quote, Span as TextSpan
from .arguments import arguments
from .dates import resolve
from .detect import Candidate, content_mode, detect
from .lexicon import Lexicon, load_lexicon
from .location import anchor, clause_tokens, consult_setting, date_entities, date_phrases, location
from .modality import code


class EventsStage:
    name = "events"

    def __init__(self, lexicon: Lexicon | None = None):
        self.lexicon = lexicon or load_lexicon()

    def __call__(self, ctx) -> tuple[Event, ...]:
        events: list[Event] = []
        entities = ctx.layer("actors")
        quotes = ctx.layer("quotes")
        dated = date_entities(ctx.doc)
        for index, sent in enumerate(ctx.sentences):
            for cand, date in self._sentence(sent, dated):
                events.append(self._event(f"V{len(events) + 1}", cand, index, date, ctx, entities, quotes))
        return tuple(events)

    def _sentence(self, sent: Span, dated: list[Span]) -> list[tuple[Candidate, Span | None]]:
        found = detect(sent, self.lexicon)
        if not found:
            return []
        return list(zip(found, _dates_for(found, date_phrases(sent, dated))))

    def _event(self, event_id: str, cand: Candidate, index: int, date: Span | None, ctx,
               entities: Sequence, quotes: Sequence[Quote]) -> Event:
        coded = code(cand, self.lexicon)
        mode = coded.mode or consult_setting(cand, coded.type)
        if mode is None and coded.type in ("REQUEST", "REJECT"):
            mode = content_mode(cand.patient, self.lexicon)
        args = arguments(cand, entities)
        return Event(
            id=event_id, type=coded.type, mode=mode, actors=args.actors, recipients=args.recipients,
            trigger=TextSpan.of(ctx.text, cand.trigger.idx, cand.trigger.idx + len(cand.trigger.text)),
            sentence=index, modality=coded.modality,
            date=_event_date(date, ctx.article.published, ctx.text),
            location=location(cand, entities, exclude=args.actors + (() if args.placed else args.recipients)),
            quote=_quote_for(cand, quotes),
            cameo=coded.cameo_override or self.lexicon.cameo(cand.sense, coded.type),
        )


def _dates_for(found: list[Candidate], phrases: list[Span]) -> list[Span | None]:
    """Each event's date phrase: its clause's own, else the sentence's unclaimed one."""
    anchors = [anchor(p).i for p in phrases]
    own: list[Span | None] = []
    claimed: set[int] = set()
    for cand in found:
        tokens = clause_tokens(cand)
        match = next((p for p, a in zip(phrases, anchors) if a in tokens), None)
        own.append(match)
        claimed |= {a for a in anchors if a in tokens}
    free = [p for p, a in zip(phrases, anchors) if a not in claimed]
    fallback = free[0] if len(free) == 1 else None
    return [d if d is not None else fallback for d in own]


def _event_date(phrase: Span | None, published: str | None, text: str) -> EventDate | None:
    if phrase is None:
        return None
    resolved = resolve(phrase.text, published)
    span = TextSpan.of(text, phrase.start_char, phrase.end_char)
    return EventDate(text=phrase.text, start=resolved.start, end=resolved.end,
                     granularity=resolved.granularity, span=span)


def _quote_for(cand: Candidate, quotes: Sequence[Quote]) -> str | None:
    """The quote whose content holds the trigger and its verb: the event is only claimed there.

    A scare-quoted noun ("expressed “deep concern”") is the narrator's event.
    """
    points = (cand.trigger.idx, cand.verb.idx)
    inside = [q for q in quotes if all(q.start <= p < q.end for p in points)]
    if not inside:
        return None
    return min(inside, key=lambda q: q.end - q.start).id


def build_stage(config) -> EventsStage:
    return EventsStage()
