"""Who did it and to whom: actors and recipients as actor-stage entity ids.

Arguments are read off the dependency parse around the trigger: the subject
(climbing through "is expected to", conjoined verbs and relative clauses),
the passive "by" agent, the object and the directional prepositions. Each
argument word is mapped to an entity with `records.entity_at`, so pronouns,
titles and metonyms resolve as well as the actors stage resolves them.
PLOVER conventions: compound arguments become lists; in a reciprocal
meeting every participant is an actor and there is no recipient; in a
hosted visit the visitor is the actor and the host the recipient.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from spacy.tokens import Token

from ..records import Entity, entity_at
from .detect import Candidate

RECIPIENT_PREPS = frozenset({"to", "against", "on", "toward", "towards", "at", "into", "upon", "from"})
NOUN_RECIPIENT_PREPS = frozenset({"to", "against", "on", "toward", "towards", "with", "at", "for"})
CLIMB = frozenset({"xcomp", "conj", "acomp"})
# Types whose object is what is moved or given (troops, aid, hostages), not the recipient.
INSTRUMENT_OBJECT = frozenset({"MOBILIZE", "AID", "RETREAT", "PROTEST", "AGREE", "CONCEDE"})
PLACE_KINDS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class Arguments:
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    host: str | None = None


def arguments(cand: Candidate, entities: Sequence[Entity]) -> Arguments:
    """Actor and recipient entity ids for one candidate event."""
    subjects, agentive = subject_tokens(cand.verb)
    actors = _ids(subjects, entities)
    recipients = _ids(_recipient_tokens(cand, agentive), entities)
    if cand.nominal and not actors:
        actors = _ids(_owner_tokens(cand.trigger), entities)
    if cand.sense.reciprocal:
        actors = _dedupe(actors + recipients + _ids(_partner_tokens(cand), entities))
        recipients = ()
    elif cand.sense.host:
        actors, recipients = recipients, actors
    recipients = tuple(r for r in recipients if r not in actors)
    return Arguments(actors, recipients)


def subject_tokens(verb: Token) -> tuple[list[Token], Token | None]:
    """The verb's subject words (with conjuncts) and, for a passive, its patient."""
    tok = verb
    for _ in range(6):
        agent = _agent(tok)
        passive = _child(tok, "nsubjpass")
        if agent is not None:
            return _conjuncts(agent), passive
        subj = _child(tok, "nsubj", "csubj")
        if subj is not None:
            return _conjuncts(subj), None
        if passive is not None:
            # Raising: "Putin is expected to meet" -> Putin meets.
            return (_conjuncts(passive), None) if tok is not verb else ([], passive)
        if tok.dep_ in ("relcl", "acl"):
            return _conjuncts(tok.head), None
        if tok.dep_ not in CLIMB and not _participle_clause(tok):
            break
        tok = tok.head
    return [], None


def _participle_clause(tok: Token) -> bool:
    """"..., killing dozens" shares the main clause's subject."""
    return tok.dep_ == "advcl" and tok.tag_ in ("VBG", "VBN") and _child(tok, "mark") is None


def _recipient_tokens(cand: Candidate, passive_patient: Token | None) -> list[Token]:
    out: list[Token] = []
    if passive_patient is not None:
        out += _conjuncts(passive_patient)
    if not cand.nominal:
        obj = _child(cand.verb, "dobj")
        if obj is not None and cand.type not in INSTRUMENT_OBJECT:
            out += _conjuncts(obj) + _appositions(obj)
        out += _prep_objects(cand.verb, RECIPIENT_PREPS)
    else:
        out += _prep_objects(cand.trigger, NOUN_RECIPIENT_PREPS)
        out += _prep_objects(cand.verb, RECIPIENT_PREPS - {"on"})
    dative = _child(cand.verb, "dative")
    if dative is not None and dative.pos_ != "ADP":
        out += _conjuncts(dative)  # "gave Ukraine aid"
    if cand.inner is not None:
        out += _recipient_tokens(cand.inner, None)
    if cand.sense.governs == "request" and cand.patient is not None and cand.patient.dep_.startswith("nsubj"):
        out += _conjuncts(cand.patient)  # "said Libya must hand over": Libya is asked
    return out


def _partner_tokens(cand: Candidate) -> list[Token]:
    """Co-participants of reciprocal events: "met with X", "talks between X and Y"."""
    out = _prep_objects(cand.verb, {"with"})
    if cand.nominal:
        out += _prep_objects(cand.trigger, {"with", "between", "among"})
    return out


def _owner_tokens(noun: Token) -> list[Token]:
    """"Russia's sanctions", "US sanctions": the noun's possessor or name modifier."""
    return [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]


def _ids(tokens: Iterable[Token], entities: Sequence[Entity]) -> tuple[str, ...]:
    out: list[str] = []
    for tok in tokens:
        ent = entity_of(tok, entities)
        if ent is not None and ent.id not in out:
            out.append(ent.id)
    return tuple(out)


def entity_of(tok: Token, entities: Sequence[Entity], places: bool = False) -> Entity | None:
    """The entity an argument word names: the word itself, else its noun phrase before it."""
    ent = entity_at(entities, tok.idx, tok.idx + len(tok.text))
    if ent is None and tok.n_lefts:
        ent = entity_at(entities, tok.left_edge.idx, tok.idx + len(tok.text))
    if ent is None or (places and ent.kind not in PLACE_KINDS):
        return None
    return ent


def _prep_objects(tok: Token, preps: Iterable[str]) -> list[Token]:
    wanted = set(preps)
    out: list[Token] = []
    for prep in tok.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lemma_.lower() in wanted:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    out += _conjuncts(obj) + _appositions(obj)
    return out


def _agent(tok: Token) -> Token | None:
    agent = _child(tok, "agent")
    return _child(agent, "pobj") if agent is not None else None


def _conjuncts(tok: Token) -> list[Token]:
    return [tok, *tok.conjuncts]


def _appositions(tok: Token) -> list[Token]:
    out: list[Token] = []
    for appos in (c for c in tok.children if c.dep_ == "appos"):
        out += _conjuncts(appos)
    return out


def _child(tok: Token, *deps: str) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _dedupe(ids: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))
