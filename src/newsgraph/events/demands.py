"""Demands told through a clause rather than by a verb of demanding (CAMEO 10, REQUEST).

"X said Y must drop barriers", "X suggested that Y resign", "X told Y to leave": the
verb is one of saying (`newsgraph.reporting`), so it is no event of its own, but the
clause makes it an order to Y; what Y is to do is absorbed (`detect._absorb`) and only
sets the mode.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..nlp import child, children
from ..reporting import SPEECH, reporting_verbs
from .candidate import Candidate
from .lexicon import Lexicon, Sense

OBJECTS = ("dobj", "obj")
OBLIGATION = frozenset({"must", "should"})
FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})
SINGULAR_PRONOUNS = frozenset({"he", "she", "it"})


def obligation(verb: Token, lex: Lexicon) -> Candidate | None:
    """"X said Y must drop barriers", "X suggested that Y resign": a demand by X on Y (CAMEO 10),
    whatever Y must do."""
    if not _said(verb, lex):
        return None
    for clause in (c for c in children(verb) if c.dep_ == "ccomp" and not _copular(c)):
        must = next((a for a in children(clause) if a.dep_ == "aux" and a.lower_ in OBLIGATION), None)
        must = must or (verb if _subjunctive(clause) else None)  # "suggested that X resign": the verb
        # "should be governed by honest people": how things ought to be, no demand on a party;
        # "said we must rebuild": the speaker's own resolve, no demand on another party.
        if must is not None and not any(c.dep_ in ("neg", "auxpass") for c in children(clause)) \
                and not _first_person_subject(clause):
            sense = Sense(type="REQUEST", governs="request")
            return Candidate(must, verb, sense, "REQUEST", None, patient=child(clause, "nsubj", "nsubjpass"))
    return None


def _said(verb: Token, lex: Lexicon) -> bool:
    """A demand is told by a verb of speech: "they think X should ..." is an opinion of how
    things ought to be, put to no one (thought verbs report no order)."""
    entry = reporting_verbs().get(lex.lemma_of(verb.text, verb.lemma_))
    return entry is not None and entry.cls == SPEECH


def _copular(clause: Token) -> bool:
    """"said X should be Muslim", "must be a priority": a judgement of what X ought to be, no act
    asked of a party (a copula is no doing)."""
    return clause.lemma_.lower() == "be" and child(clause, "attr", "acomp") is not None


def _subjunctive(clause: Token) -> bool:
    """"suggested that the governor resign": a bare verb with a singular third-person subject and no
    auxiliary can only be the mandative subjunctive, a demand however softly put. Only after "that":
    a bare verb after a verb of perception is its infinitive ("saw the rebels leave")."""
    subject, mark = child(clause, "nsubj", "nsubjpass"), child(clause, "mark")
    if subject is None or mark is None or mark.lower_ != "that":
        return False
    if clause.tag_ not in ("VB", "VBP") or clause.lower_ != clause.lemma_.lower():
        return False
    if any(c.dep_ in ("aux", "neg") or (c.dep_ == "auxpass" and c.lower_ != "be") for c in children(clause)):
        return False
    return subject.tag_ in ("NN", "NNP") or subject.lower_ in SINGULAR_PRONOUNS


def directive(verb: Token, lex: Lexicon) -> Candidate | None:
    """"told the mayor to leave", "instructing its members to hold off": a verb of speech with an
    addressee and an infinitive is an order to the addressee (REQUEST), absorbing what is ordered.
    Verbs of thought ("expected them to win") report no order."""
    entry = reporting_verbs().get(lex.lemma_of(verb.text, verb.lemma_))
    if entry is None or entry.cls != SPEECH:
        return None
    addressee = child(verb, *OBJECTS)
    if addressee is None:
        return None
    clause = next((c for c in children(verb) if c.dep_ == "xcomp" and c.i > addressee.i
                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in children(c))), None)
    if clause is None:
        return None
    return Candidate(verb, verb, Sense(type="REQUEST", governs="request"), "REQUEST", None, patient=addressee)


def _first_person_subject(clause: Token) -> bool:
    subj = child(clause, "nsubj", "nsubjpass")
    return subj is not None and subj.lower_ in FIRST_PERSON_SUBJECTS

