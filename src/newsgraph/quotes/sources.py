"""Who the source really is: documents' issuers, gendered speakers, "it" for an organisation.

- A document is not a speaker: in "the central bank's survey showed" or "a
  report by the ministry found" the issuer (the possessor, the "by"/"from"
  phrase, the agent of a participle on it: "data released by the ministry",
  or an organisation noun before it: "police notes") is the speaker
  and the document joins the via chain.
- A gendered mention ("Mrs. Smith", "she") is never given to an entity whose
  other mentions say the opposite ("Mr. Smith", "his"): an actor cluster that
  merged a couple yields no speaker rather than the wrong spouse. An
  unresolved "he"/"she" takes the nearest person named before it whose
  gender does not conflict.
- An unresolved "it" after a reporting verb is the organisation named last
  before it ("The ministry ... Prices would rise, it said").
"""
from __future__ import annotations

from spacy.tokens import Token

from ..gender import words_gender
from ..records import Entity, Span, entity_at
from .lexicon import PERSON_NOUNS

# Things that publish what they say: their issuer is the source.
DOCUMENT_NOUNS = frozenset(
    "survey poll study report statement memo letter filing document documents ruling readout release "
    "notes note record records data figures minutes transcript analysis review audit assessment "
    "forecast projection estimate estimates paper brief complaint indictment lawsuit".split()
)
# Participles on a document that name its maker by their agent ("data released by the ministry", "a
# survey conducted by Gallup"); the agent of "received by", "obtained by" or "seen by" only holds it.
ISSUING_VERBS = frozenset({"release", "publish", "issue", "compile", "conduct", "produce", "prepare", "write",
                           "commission", "author", "file", "present"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
LOOKBACK_CHARS = 600   # how far back an unresolved pronoun looks for its person or organisation
ORG_KINDS = frozenset({"ORG", "NORP", "GPE"})


def document_issuer(head: Token | None) -> Token | None:
    """The issuer of a document speaker ("the bank's survey" -> "bank"), or None."""
    if head is None or head.lemma_.lower() not in DOCUMENT_NOUNS and head.lower_ not in DOCUMENT_NOUNS:
        return None
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return child
    phrases = [p for p in (_issuing_phrase(head, c) for c in head.children)
               if p is not None and (p.pos_ == "PROPN" or p.lemma_.lower() in PERSON_NOUNS)]
    # "a YouGov poll of American voters": a name before the document issued it, an "of" phrase after
    # it may be whom it asked; a "by"/"from" phrase or a participle's agent names the issuer first.
    for pobj in phrases:
        if pobj.head.lower_ != "of":
            return pobj
    compounds = [c for c in head.children if c.dep_ == "compound" and c.i < head.i]
    for child in reversed(compounds):
        if child.ent_type_ in ORG_KINDS or child.pos_ == "PROPN" or child.lemma_.lower() in PERSON_NOUNS:
            return child
    return phrases[0] if phrases else None


def _issuing_phrase(head: Token, child: Token) -> Token | None:
    """The object of "a report by/from/of X" or of the agent of a participle on the document
    ("data released by the ministry", "a study published by X"): who issued it."""
    if child.i < head.i:
        return None
    if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
        return next((c for c in child.children if c.dep_ == "pobj"), None)
    if child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in ISSUING_VERBS:
        agent = next((c for c in child.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    return None


def mention_gender(text: str, span: Span) -> str | None:
    """"Mrs. Smith" and "she" are female, "Mr. Smith" and "he" male; a plain name says nothing."""
    return words_gender(span.text.split())


def entity_gender(text: str, entity: Entity, besides: Span) -> str | None:
    """The gender the entity's other mentions agree on (pronouns, titles before names), or None."""
    votes = {"f": 0, "m": 0}
    for m in entity.mentions:
        if m.overlaps(besides.start, besides.end):
            continue
        words = m.text.split() + text[max(0, m.start - 5):m.start].split()[-1:]
        found = words_gender(words)
        if found:
            votes[found] += 1
    if votes["f"] == votes["m"]:
        return None
    return "f" if votes["f"] > votes["m"] else "m"


def conflicts(text: str, entity: Entity, span: Span) -> bool:
    wanted = mention_gender(text, span)
    have = entity_gender(text, entity, span) if wanted else None
    return wanted is not None and have is not None and have != wanted


def antecedent_entity(text: str, entities: tuple[Entity, ...], span: Span) -> Entity | None:
    """For an unresolved "he"/"she"/"it": the nearest fitting entity mentioned just before."""
    word = span.text.lower()
    if word not in PERSONAL_PRONOUNS and word != "it":
        return None
    kinds = ORG_KINDS - {"GPE", "NORP"} if word == "it" else {"PERSON"}
    best: tuple[int, Entity] | None = None
    for entity in entities:
        if entity.kind not in kinds or word != "it" and conflicts(text, entity, span):
            continue
        for m in entity.mentions:
            if m.kind == "pronoun" or not span.start - LOOKBACK_CHARS <= m.start < span.start:
                continue
            if best is None or m.start > best[0]:
                best = (m.start, entity)
    return best[1] if best else None


def speaker_entity(text: str, entities: tuple[Entity, ...], head: Token, span: Span) -> Entity | None:
    """The entity a speaker mention names, gender-checked, with pronoun fallbacks."""
    found = entity_at(entities, head.idx, head.idx + len(head))
    if found is not None and conflicts(text, found, span):
        return None
    if found is None:
        found = antecedent_entity(text, entities, span)
    return found
