"""Reports whose source is not named: "the firm is reportedly under investigation", "it has
been reported that the mayor resigned".

The writer passes on what someone said without saying who: the clause is attributed (it is
not the writer's own claim) and its speaker is left empty. PolNeAR and the audit gold count
both shapes as attributions without a source.
- a hearsay adverb ("reportedly", "allegedly") marks the clause it modifies;
- an empty "it" as the passive subject of a verb of saying ("it was announced that ...") makes
  the that-clause the report; an agent ("by the Post") is its source.
A belief so reported ("Putin is expected to ...") stays the writer's: only speech cues count.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..nlp import span_tokens
from ..reporting import hearsay_adverbs
from .cues import Cue, lemma_of
from .draft import INDIRECT, Draft, clause_range
from .lexicon import SPEECH, cue_class

# Adverbs by which a writer says a clause is someone else's report: the one list, shared with the
# voice (newsgraph.reporting; "supposedly" is the writer's doubt, not hearsay: data/quotes/hearsay.txt).
HEARSAY_ADVERBS = hearsay_adverbs()
CLAUSE_HEADS = ("VERB", "AUX")  # the clause a hedge modifies has a verb and a subject


def hearsay_drafts(sentence: Span) -> list[Draft]:
    drafts: list[Draft] = []
    for token in span_tokens(sentence):
        if token.lower_ in HEARSAY_ADVERBS and token.dep_ == "advmod":
            drafts.extend(_adverb_report(token))
        elif token.pos_ == "VERB" and cue_class(lemma_of(token)) == SPEECH:
            drafts.extend(_impersonal_report(token))
    return drafts


def _adverb_report(adverb: Token) -> list[Draft]:
    """"WeWork is reportedly being investigated": the clause the adverb modifies, subject included."""
    verb = adverb.head
    if verb.pos_ not in CLAUSE_HEADS or not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []  # "the allegedly stolen car": a hedge on a word, no clause reported
    tokens = [t for t in verb.subtree if not _later_clause(t, verb)]
    bounds = clause_range(verb.doc, tokens)
    if bounds is None:
        return []
    cue = Cue(adverb, SPEECH, adverb.idx, adverb.idx + len(adverb))
    return [Draft(bounds[0], bounds[1], INDIRECT, cue, None, "hearsay")]


def _later_clause(token: Token, verb: Token) -> bool:
    """A clause joined after the hedged one ("..., and the firm said ...") is not hedged."""
    head = token
    while head.i != verb.i:
        if head.dep_ == "conj" and head.head.i == verb.i and any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            return True
        head = head.head
    return False


def _impersonal_report(verb: Token) -> list[Draft]:
    """"It has been reported that X": the that-clause, sourced by the agent if there is one."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or subject.lower_ != "it":
        return []
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None:
        return []
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    source = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    bounds = clause_range(verb.doc, list(clause.subtree))
    if bounds is None:
        return []
    cue = Cue(verb, SPEECH, verb.idx, verb.idx + len(verb))
    return [Draft(bounds[0], bounds[1], INDIRECT, cue, source, "hearsay")]
