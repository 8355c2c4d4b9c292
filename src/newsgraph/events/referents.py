"""Pronoun arguments the actors stage left unlinked: "urged him", "his criticism", "accuses it".

The actors stage links a pronoun only when one person is clearly in view
(actors/pronouns.py), so an event whose only party is a pronoun often has
none. Here an argument pronoun with no entity of its own is read on the
entities layer alone, by the general rules of English reference:

- the referent agrees with the pronoun: he/him/his a person who is not known
  to be a woman, she/her one not known to be a man (known from the entity's
  own pronoun mentions and honorifics), it/its a state, organisation or
  group, never a person, they/them/their a group named in the plural;
- an object pronoun is not its own clause's subject ("He urged him"), nor the subject an
  infinitive or conjoined verb takes from above ("the police threatened to fire on them");
- a pronoun in a fronted subordinate clause points forward to the main
  clause's subject ("After he met her, the senator said");
- otherwise the nearest sentence (its own, before it, then up to LOOKBACK
  back) that names a compatible party as a noun phrase of its own ("American
  jobs" names no antecedent for "it"): its one such party, or of several the
  one that is a subject there. Two candidate subjects leave the pronoun
  unresolved: a wrong party is worse than none.
"""
from __future__ import annotations

from typing import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from ..gender import honorific_gender, pronoun_gender
from ..nlp import doc_text
from ..records import Entity, entity_at

PARTY_KINDS = frozenset({"GPE", "ORG", "NORP"})
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "oprd"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
LOOKBACK = 2


def referent(tok: Token, entities: Sequence[Entity]) -> Entity | None:
    """The entity an unlinked third-person pronoun stands for, or None when none agrees."""
    want = pronoun_class(tok)
    if want is None:
        return None
    barred = _bound_subject(tok, entities)
    forward = _cataphor(tok, entities, want)
    if forward is not None and forward.id != barred:
        return forward
    for sent, found in _earlier(tok, entities):
        fits = [e for e in found if e.id != barred and agrees(e, want, tok.doc)]
        if fits:
            return _unambiguous(fits, sent, entities)
    return None


def pronoun_class(tok: Token) -> str | None:
    """'m', 'f', 'n' (it) or 'p' (they) for a third-person pronoun; None for any other word."""
    if tok.pos_ not in ("PRON", "DET") and tok.tag_ not in ("PRP", "PRP$"):
        return None
    return pronoun_gender(tok.lower_)


def agrees(ent: Entity, want: str, doc: Doc) -> bool:
    if want in ("n", "p"):
        party = ent.kind in PARTY_KINDS and bool(ent.country or ent.sector)
        return party and (want == "n" or ent.kind == "NORP" or _plural(ent, doc))
    if ent.kind != "PERSON":
        return False
    gender = gender_of(ent, doc_text(doc))  # doc.text is rebuilt on every access
    return gender is None or gender == want


def _plural(ent: Entity, doc: Doc) -> bool:
    """A group named in the plural ("the rebels", "Chinese officials"): what "they" can be."""
    for m in ent.mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and m.kind != "pronoun" and span.root.tag_ in ("NNS", "NNPS"):
            return True
    return False


def gender_of(ent: Entity, text: str) -> str | None:
    """A person's gender as the text gives it: its linked pronouns, else an honorific before a name."""
    for m in ent.mentions:
        sex = pronoun_gender(m.text) if m.kind == "pronoun" else None
        if sex in ("m", "f"):
            return sex
    for m in ent.mentions:
        before = text[max(0, m.start - 6):m.start].split()
        if before and honorific_gender(before[-1]):
            return honorific_gender(before[-1])
    return None


def _bound_subject(tok: Token, entities: Sequence[Entity]) -> str | None:
    """The entity of the clause subject an object pronoun cannot be ("He urged him"); on a noun,
    its possessor ("the senator's allegations against him")."""
    if tok.dep_ not in OBJECT_DEPS:
        return None
    host = tok.head.head if tok.dep_ == "pobj" else tok.head
    deps = ("poss",) if host.pos_ in ("NOUN", "PROPN") else SUBJECT_DEPS
    subj = next((c for c in host.children if c.dep_ in deps), None)
    for _ in range(4):
        if subj is not None or not _inherits_subject(host):
            break
        # "the police threatened to use force on them": the infinitive's subject is the police.
        host = host.head
        subj = next((c for c in host.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or subj.i == tok.i:
        return None
    ent = entity_at(entities, subj.idx, subj.idx + len(subj.text))
    if ent is None and pronoun_class(subj) is not None:
        ent = referent(subj, entities)
    return ent.id if ent is not None else None


def _inherits_subject(verb: Token) -> bool:
    """A verb that takes its subject from the verb above: an infinitive complement, a conjoined
    verb, a bare participle clause ("..., pinning students inside")."""
    if verb.pos_ not in ("VERB", "AUX") or verb.head.i == verb.i:
        return False
    if verb.dep_ == "advcl":
        return not any(c.dep_ == "mark" for c in verb.children) and verb.tag_ in ("VBG", "VBN")
    return verb.dep_ in ("xcomp", "conj")


def _cataphor(tok: Token, entities: Sequence[Entity], want: str) -> Entity | None:
    """"Months after he savaged her, Smith said": a pronoun in a fronted clause is the main subject."""
    clause = _clause_of(tok)
    if clause is None or clause.dep_ != "advcl" or not any(c.dep_ == "mark" for c in clause.children):
        return None
    main = clause.head
    subj = next((c for c in main.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or subj.i < clause.i or not (clause.i < main.i):
        return None
    ent = entity_at(entities, subj.idx, subj.idx + len(subj.text))
    return ent if ent is not None and agrees(ent, want, tok.doc) else None


def _clause_of(tok: Token) -> Token | None:
    """The verb heading the pronoun's clause."""
    head = tok.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") else None


def _earlier(tok: Token, entities: Sequence[Entity]) -> Iterator[tuple[Span, list[Entity]]]:
    """(sentence, entities mentioned there before the pronoun, nearest first), its own sentence first."""
    sent = tok.sent
    for _ in range(LOOKBACK + 1):
        found = _mentioned(tok.doc, entities, sent.start_char, min(tok.idx, sent.end_char))
        if found:
            yield sent, found
        if sent.start == 0:
            return
        sent = tok.doc[sent.start - 1].sent


def _mentioned(doc: Doc, entities: Sequence[Entity], start: int, end: int) -> list[Entity]:
    """Entities named in [start, end) by a mention that is a noun phrase of its own, nearest first."""
    hits = [(m.start, e) for e in entities for m in e.mentions
            if start <= m.start and m.end <= end and not _modifier(doc, m.start, m.end)]
    out: list[Entity] = []
    for _, ent in sorted(hits, key=lambda h: -h[0]):
        if ent not in out:
            out.append(ent)
    return out


def _modifier(doc: Doc, start: int, end: int) -> bool:
    """"American jobs", "the Senate vote": a name modifying another noun refers to nothing itself."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ in ("amod", "compound", "nmod") and not (span.start <= root.head.i < span.end)


def _unambiguous(fits: list[Entity], sent: Span, entities: Sequence[Entity]) -> Entity | None:
    """The one compatible party in view; of several, the one that is a subject there; else none."""
    if len(fits) == 1:
        return fits[0]
    ids = {e.id for e in fits}
    subjects = {e.id for t in sent if t.dep_ in SUBJECT_DEPS
                for e in [entity_at(entities, t.idx, t.idx + len(t.text))] if e is not None and e.id in ids}
    return next((e for e in fits if e.id in subjects), None) if len(subjects) == 1 else None


FIRST_PERSON = frozenset({"i", "we", "my", "our", "me", "us"})
PLURAL_FIRST = frozenset({"we", "our", "us"})


def first_person(words: Sequence[Token], speaker: str | None, entities: Sequence[Entity]) -> tuple[str, ...]:
    """Inside a quotation, "we"/"our" doing the act is its speaker ("we confirmed our proposal"),
    the body the speaker has just named as the doer of a clause joined to it ("The United
    States opposes ..., and we call for ..."), or for a "we" that does the act the state an
    official speaker speaks for."""
    word = next((w for w in words if w.lower_ in FIRST_PERSON), None)
    if word is None or speaker is None:
        return ()
    body = _named_body(word, entities) if word.lower_ in PLURAL_FIRST else None
    if body is None and word.lower_ == "we":
        body = _state_of(speaker, entities)  # "our proposal" stays the speaker's own, as the seed wants
    return (body.id,) if body is not None else (speaker,)


# Sectors of office holders whose "we" is their state's: ministers, officers, secretaries.
STATE_VOICES = frozenset({"GOV", "MIL", "ELI"})


def _state_of(speaker: str, entities: Sequence[Entity]) -> Entity | None:
    """"We will not accept ...," the defence secretary said: an official's "we" is the state he
    speaks for (PLOVER codes the government), when the article names that one state."""
    person = next((e for e in entities if e.id == speaker), None)
    if person is None or person.kind != "PERSON" or person.sector not in STATE_VOICES or not person.role:
        return None
    states = [e for e in entities if e.kind == "GPE" and e.sector == "GOV" and e.country == person.country]
    return states[0] if len(states) == 1 else None


def _named_body(word: Token, entities: Sequence[Entity]) -> Entity | None:
    verb = word.head
    if verb.dep_ != "conj":
        return None
    subj = next((c for c in verb.head.children if c.dep_ in SUBJECT_DEPS), None)
    ent = entity_at(entities, subj.idx, subj.idx + len(subj.text)) if subj is not None else None
    return ent if ent is not None and agrees(ent, "n", word.doc) else None
