"""What the event classifier sees of one proposed event: hashed sparse features.

The rules propose a trigger, its reading and its arguments; the classifier
(model.py) weighs that reading against the words around it. Features are
names hashed into a fixed number of slots with a stable hash (crc32), so the
JSON weights mean the same in every process, and cost microseconds: the
events stage must stay a small share of the parse.

Kinds of features: the rules' reading (type, quad class, mode, modality,
nominal or verbal, wrapper and the type it absorbed), the trigger's and the
object's lemmas (with the type, so "struck a deal" and "struck a village"
differ), what kind of thing each argument is (a country, an organisation, a
person with a political role, or nothing coded), the words next to the
trigger, and the sentence's content lemmas (a bag of words, weighted down
by its length).
"""
from __future__ import annotations

import math
import zlib
from functools import lru_cache
from typing import Iterable, Sequence

import numpy as np
from spacy.tokens import Span, Token

from ..nlp import children, span_tokens

SLOTS = 1 << 13
NO_EVENT = "NONE"


@lru_cache(maxsize=1 << 16)  # the same names recur in every article; crc32 of each costs more than the lookup
def slot(name: str) -> int:
    return zlib.crc32(name.encode("utf-8")) & (SLOTS - 1)


def vector(names: Iterable[tuple[str, float]]) -> np.ndarray:
    """A dense float32 vector from (feature name, value) pairs; colliding names add up."""
    out = np.zeros(SLOTS, dtype=np.float32)
    for name, value in names:
        out[slot(name)] += value
    return out


def sentence_names(sent: Span) -> list[tuple[str, float]]:
    """The sentence's content lemmas, each weighted 1/sqrt(count of them)."""
    words = [t.lemma_.lower() for t in span_tokens(sent) if t.is_alpha and not t.is_stop]
    if not words:
        return []
    weight = 1.0 / math.sqrt(len(words))
    return [(f"w={w}", weight) for w in words]


def no_event_names(sent: Span) -> list[tuple[str, float]]:
    """Features of a sentence where the rules propose nothing."""
    return [(f"type={NO_EVENT}", 1.0), *sentence_names(sent)]


def event_names(sent: Span, trigger: Token, verb: Token, patient: Token | None, event_type: str, quad: int,
                mode: str | None, modality: str, nominal: bool, inner_type: str | None,
                actor_kinds: Sequence[str], recipient_kinds: Sequence[str]) -> list[tuple[str, float]]:
    """Features of one proposed event (see the module doc)."""
    lemma = trigger.lemma_.lower()
    names = [f"type={event_type}", f"quad={quad}", f"mode={event_type}:{mode}", f"modality={modality}",
             f"modality={modality}:{quad}", f"nominal={nominal}", f"trig={lemma}", f"trig={lemma}:{event_type}",
             f"verb={verb.lemma_.lower()}", f"inner={inner_type}"]
    if patient is not None:
        obj = patient.lemma_.lower()
        names += [f"obj={obj}", f"obj={obj}:{event_type}", f"objent={patient.ent_type_ or '-'}:{quad}"]
    for role, kinds in (("actor", actor_kinds), ("recipient", recipient_kinds)):
        for kind in kinds or ("none",):
            names += [f"{role}={kind}", f"{role}={kind}:{quad}"]
    political = any(k.startswith(("sector:", "country:")) and k != "sector:BUS" for k in (*actor_kinds, *recipient_kinds))
    names.append(f"political={political}:{quad}")
    for offset in (-2, -1, 1, 2):
        i = trigger.i + offset
        if sent.start <= i < sent.end:
            names.append(f"ctx{offset}={trigger.doc[i].lemma_.lower()}")
    if any(c.dep_ == "neg" for c in children(verb)):
        names.append(f"neg:{quad}")
    return [(n, 1.0) for n in names] + sentence_names(sent)


def entity_kind(entity) -> str:
    """What kind of party an actor-stage entity is, for the classifier's sense check."""
    if entity is None:
        return "none"
    if entity.sector:
        return f"sector:{entity.sector.upper()}"
    if entity.country:
        return f"country:{entity.kind}"
    return f"other:{entity.kind}"
