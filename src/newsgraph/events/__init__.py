"""Events stage: who did what to whom, when and where, coded in PLOVER v2.0.

Per sentence: `detect` finds triggers with the lexicon over the dependency
parse, `modality` codes tense/negation and the manual's tense rules,
`arguments` maps actors and recipients to actor-stage entities, and
`location` finds the place and the date phrase, which `dates` resolves
against the publication date. An event claimed only inside a quotation
points at that quote. The shipped classifier (`model`, over `features`)
then weighs each proposed event: it gives the event's `confidence` (the
probability of its type's penta class) and drops the events it reads as no
event at all (word senses without a political reading, statements).
"""
from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple, Sequence

import numpy as np
from spacy.tokens import Span

from ..nlp import children
from ..records import Event, EventDate, Quote, Span as TextSpan
from .arguments import arguments
from .dates import resolve, warm
from .detect import Candidate, content_mode, detect, elaborates
from .features import entity_kind, event_names, vector
from .lexicon import Lexicon, load_lexicon
from .location import anchor, clause_tokens, consult_setting, date_entities, date_phrases, location
from .model import EventModel, load_model
from .referents import first_person
from .modality import code
from .repeats import merge_repeats
from .yields import conceded_point, thing_allowed
from .senses import (doerless, domestic_rally, eventive_subject, figure_movement, has_political_reading,
                     indirect_question, labelled_attack, legislative_threat, unowned_prospect, political_attack, political_contest, praise, released_thing,
                     thing_asked, home_visit, own_pledge, private_appeal,
                     verbal_reading)


class Proposal(NamedTuple):
    """An event as the rules code it, with what the classifier sees of it."""

    event: Event
    features: list[tuple[str, float]]
    # An event noun the rules read on its own for the party it names ("the senator's allegations"):
    # the penta sentences the classifier learnt from label such background nouns "no event".
    owned_noun: bool = False


class EventsStage:
    name = "events"

    def __init__(self, lexicon: Lexicon | None = None, model: EventModel | None = None, min_confidence: float = 0.0):
        self.lexicon = lexicon or load_lexicon()
        self.model = model
        self.min_confidence = min_confidence

    def __call__(self, ctx) -> tuple[Event, ...]:
        proposals = self.propose(ctx)
        if self.model is None or not proposals:
            return merge_repeats([p.event for p in proposals], _countries(ctx))
        probs = self.model.probabilities(np.stack([vector(p.features) for p in proposals]))
        kept: list[Event] = []
        for proposal, row in zip(proposals, probs):
            event = self._weighed(proposal.event, row, proposal.owned_noun)
            if event is not None and event.confidence >= self.min_confidence:
                kept.append(event)
        return merge_repeats(kept, _countries(ctx))

    def _weighed(self, event: Event, row: np.ndarray, owned_noun: bool = False) -> Event | None:
        """The event with its confidence, re-typed or dropped (None) as the classifier reads it."""
        if row[0] >= self.model.drop_threshold and row[0] >= row.max() and not owned_noun:
            return None  # no event: a statement, or a sense without a political reading
        new_type = self.model.retyped(event.type, row)
        if new_type is not None:
            event = replace(event, type=new_type, mode=None, cameo=self.lexicon.cameo_roots[new_type])
        confidence = round(float(row[self.lexicon.quad[event.type]]), 4)
        if not self.model.confirms(event.type, confidence):
            return None
        return replace(event, confidence=confidence)

    def propose(self, ctx) -> list[Proposal]:
        """Every event the rules find, in text order, before the classifier weighs them."""
        out: list[Proposal] = []
        entities = ctx.layer("actors")
        quotes = ctx.layer("quotes")
        dated = date_entities(ctx.doc)
        for index, sent in enumerate(ctx.sentences):
            coded: list[tuple[Candidate, Event]] = []
            for cand, date in self._sentence(sent, dated):
                event = self._event(f"V{len(out) + len(coded) + 1}", cand, index, date, ctx, entities, quotes)
                event = _sense_checked(cand, event, entities, self.lexicon)
                if event is not None:
                    coded.append((cand, event))
            out += [Proposal(event, self._features(sent, cand, event, entities),
                             cand.nominal and cand.verb is cand.trigger and bool(event.actors))
                    for cand, event in _untold(coded)]
        return out

    def _features(self, sent: Span, cand: Candidate, event: Event, entities: Sequence) -> list[tuple[str, float]]:
        by_id = {e.id: e for e in entities}
        return event_names(
            sent, cand.trigger, cand.verb, cand.patient, event.type, self.lexicon.quad[event.type], event.mode,
            event.modality, cand.nominal, cand.inner.type if cand.inner is not None else None,
            [entity_kind(by_id.get(i)) for i in event.actors], [entity_kind(by_id.get(i)) for i in event.recipients])

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
        quote = _quote_for(cand, quotes)
        # "We met with X": the speaker's side takes part beside the partner the parse found.
        actors = args.actors if args.doer_named else tuple(dict.fromkeys(
            _speaker_as_actor(cand, quote, quotes, entities) + args.actors))
        return Event(
            id=event_id, type=coded.type, mode=mode, actors=actors, recipients=args.recipients,
            trigger=_trigger_span(ctx.text, cand.verb if coded.at_verb else cand.trigger),
            sentence=index, modality=coded.modality,
            date=_event_date(date, ctx.article.published, ctx.text),
            location=location(cand, entities, exclude=args.actors + (() if args.placed else args.recipients)),
            quote=quote,
            cameo=coded.cameo_override or self.lexicon.cameo(cand.sense, coded.type),
        )


def _trigger_span(text: str, tok) -> TextSpan:
    return TextSpan.of(text, tok.idx, tok.idx + len(tok.text))


def _countries(ctx) -> dict[str, str | None]:
    return {e.id: e.country for e in ctx.layer("actors")}


def _sense_checked(cand: Candidate, event: Event, entities: Sequence, lexicon: Lexicon) -> Event | None:
    """The event as its arguments read it: None without a political reading (senses.py)."""
    if not has_political_reading(cand, event.actors, event.recipients, entities, lexicon.quantity_nouns,
                                 lexicon.groups.get("natural_causes", frozenset()), lexicon.discourse_objects):
        return None
    if doerless(cand, event.actors, event.recipients, event.type) or eventive_subject(cand, lexicon.nouns):
        return None
    if unowned_prospect(cand, event.actors, event.modality):
        return None
    if released_thing(cand, entities, lexicon.groups.get("captive", frozenset())):
        return None
    if political_contest(cand, event.type, event.actors, event.recipients, entities):
        return None
    if domestic_rally(cand, event.type, event.mode, event.actors, entities) or figure_movement(cand, event.type) \
            or home_visit(event.type, event.mode, event.actors, event.recipients, entities):
        return None
    if legislative_threat(cand, event.type, lexicon.legislative_verbs) or indirect_question(cand, event.type) \
            or thing_asked(cand, entities) or private_appeal(event.type, event.actors, event.recipients, entities):
        return None
    if conceded_point(cand, event.type) or thing_allowed(cand, event.type, entities) \
            or own_pledge(cand, event.type, event.recipients, event.actors, entities):
        return None
    if praise(cand, lexicon.praise_words):
        return replace(event, type="SUPPORT", mode=None, cameo="05")
    if verbal_reading(cand, event.type, lexicon.discourse_objects) or labelled_attack(cand, event.type) \
            or political_attack(cand, event.type, event.actors, event.recipients, entities):
        return replace(event, type="ACCUSE", mode="disapprove", cameo="11")
    return event


def _untold(coded: list[tuple[Candidate, Event]]) -> list[tuple[Candidate, Event]]:
    """A sentence's events less those that tell another's act again in a participle clause on its
    verb ("condemned the plan, calling it a disgrace"); their triggers become its mentions."""
    kept = list(coded)
    for cand, event in coded:
        head = next((k for k, (c, e) in enumerate(kept) if e.type == event.type and elaborates(cand, c)), None)
        if head is not None:
            c, e = kept[head]
            kept[head] = (c, replace(e, mentions=(*e.mentions, event.trigger)))
            kept = [pair for pair in kept if pair[1] is not event]
    return kept


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


def _speaker_as_actor(cand: Candidate, quote_id: str | None, quotes: Sequence[Quote],
                      entities: Sequence) -> tuple[str, ...]:
    """Inside a quotation, the first person doing the act (referents.first_person)."""
    if quote_id is None:
        return ()
    speaker = next((q.speaker for q in quotes if q.id == quote_id), None)
    words = [c for c in (*children(cand.trigger), *children(cand.verb)) if c.dep_ in ("poss", "nsubj")]
    return first_person(words, speaker, entities)


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
    """The rules with the shipped classifier (the rules alone when it has not been built), its date
    parser loaded with it."""
    warm()
    return EventsStage(model=load_model(), min_confidence=getattr(config, "min_confidence", 0.0) or 0.0)
