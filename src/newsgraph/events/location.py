"""Where an event happened, and which date expression belongs to it.

Both are read from the trigger's clause. A place is a GPE/LOC/FAC entity in
a locative phrase hanging off the verb or the event noun, possibly nested
("on the sidelines of the Arctic Council Ministerial in Reykjavik"); the
object of a visit ("visited Moscow") is its place too. A date expression
belongs to the nearest verb above it; an event takes its own clause's date,
else the sentence's only date that no other event claims.
"""
from __future__ import annotations

from collections import deque
from typing import Sequence

from spacy.tokens import Span, Token

from ..nlp import children, span_tokens
from ..records import Entity
from .arguments import entity_of
from .detect import Candidate

LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "around",
                      "within", "along", "off", "into", "onto"})
MAX_DEPTH = 4
DATE_LABELS = frozenset({"DATE", "TIME"})
NOT_DATES = ("-year-old", "year-old", "years old", "hours", "minutes", "long")
RECENT = frozenset({"recently", "lately"})
MULTILATERAL = frozenset({"sideline", "sidelines", "summit", "ministerial", "conference", "forum",
                          "assembly", "council", "g7", "g20", "nato", "asean"})


def location(cand: Candidate, entities: Sequence[Entity], exclude: Sequence[str] = ()) -> str | None:
    """The entity id of the place the event happened in, if the clause names one."""
    if cand.mode == "visit" and cand.patient is not None:
        place = entity_of(cand.patient, entities, places=True)
        if place is not None:
            return place.id
    starts = [cand.verb] if cand.trigger == cand.verb else [cand.trigger, cand.verb]
    return _search(starts, entities, set(exclude))


def _search(starts: list[Token], entities: Sequence[Entity], exclude: set[str]) -> str | None:
    queue = deque((tok, 0) for tok in starts)
    while queue:
        tok, depth = queue.popleft()
        for prep in (c for c in children(tok) if c.dep_ == "prep"):  # children(nlp): Tokens made once
            for obj in (c for c in children(prep) if c.dep_ == "pobj"):
                if prep.lemma_.lower() in LOCATIVE:
                    place = entity_of(obj, entities, places=True)
                    if place is not None and place.id not in exclude:
                        return place.id
                if depth < MAX_DEPTH:
                    queue.append((obj, depth + 1))
    return None


def consult_setting(cand: Candidate, event_type: str) -> str | None:
    """CONSULT mode from where a meeting took place ("on the sidelines of the summit")."""
    if event_type != "CONSULT":
        return None
    for tok in cand.verb.subtree:
        if tok.lemma_.lower() in MULTILATERAL and tok.dep_ in ("pobj", "compound", "nmod"):
            return "multilateral"
        if tok.lemma_.lower() == "host" and tok.dep_ == "agent" or (tok.dep_ == "agent" and tok.head.lemma_ == "host"):
            return "third-party"
    return None


def date_entities(doc) -> list[Span]:
    """The document's DATE/TIME entities, read once (Span.ents rescans the whole Doc)."""
    return [e for e in doc.ents if e.label_ in DATE_LABELS]


def date_phrases(sent: Span, dated: list[Span]) -> list[Span]:
    """The sentence's date expressions: DATE/TIME entities and "recently"-type adverbs."""
    out = [e for e in dated if sent.start <= e.start and e.end <= sent.end and _is_date(e)]
    doc = sent.doc
    for tok in span_tokens(sent):  # the doc's Tokens made once (nlp.tokens)
        if tok.lower_ in RECENT and not any(e.start <= tok.i < e.end for e in out):
            out.append(doc[tok.i:tok.i + 1])
    return sorted(_with_preposition(e) for e in out)


def _is_date(ent: Span) -> bool:
    text = ent.text.lower()
    if any(marker in text for marker in NOT_DATES):
        return False
    if in_name(ent):
        return False
    # Durations ("for two years") are not when something happened.
    head = ent.root.head
    return not (head.dep_ == "prep" and head.lower_ == "for")


def in_name(ent: Span) -> bool:
    """A bare number that is part of a name ("Fund 21", "Charter 77", "Group of 20"), not a date."""
    if not all(t.like_num or t.is_punct for t in ent):
        return False
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ == "of" and ent.start > 1:
        before = doc[ent.start - 2]  # "Group of 20"
    return (before is not None and before.is_title and before.pos_ == "PROPN" and before.ent_type_ not in DATE_LABELS
            and before.lower_[:3] not in MONTHS)


MONTHS = frozenset({"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"})


def _with_preposition(ent: Span) -> Span:
    """Keep "in" of "in recent months": it decides the reading of the phrase."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.lower_ in ("in", "since", "during", "over") and before.i >= ent.sent.start:
        return ent.doc[ent.start - 1:ent.end]
    return ent


def anchor(phrase: Span) -> Token:
    """The verb (or event noun) a date phrase modifies."""
    tok = phrase.root
    for _ in range(8):
        if tok.head is tok:
            return tok
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            return tok
    return tok


def clause_tokens(cand: Candidate) -> set[int]:
    """Token indices whose dates count as the event's own."""
    own = {cand.trigger.i, cand.verb.i}
    tok = cand.verb
    while tok.dep_ in ("xcomp", "conj", "acomp") and tok.head is not tok:
        tok = tok.head
        own.add(tok.i)
    if cand.inner is not None:
        own |= {cand.inner.verb.i, cand.inner.trigger.i}
    return own
