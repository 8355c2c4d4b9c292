"""Explicit marks of the writer's own stance, outside any quotation.

The classifier weighs many weak signals; these few are strong enough on
their own when the writer, not a source, uses them: speculation ("which
is likely what he meant"), certainty the facts do not supply ("clearly"),
prescription ("should"), a denied inference ("the actions do not suggest
..."), and the writer's inference from appearances ("investors seem to be
worried", "he went on, as if he had not heard her"), unless someone else is
the one it seems to ("To the professor, his stare seemed to reflect sadness").
The first person is left to the classifier: in news it is mostly a source
speaking, quoted without marks.
"""
from __future__ import annotations

from typing import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..reporting import clause_verbs
from ..nlp import span_tokens
from .quoting import Region

SPECULATION = frozenset(
    "likely unlikely probably perhaps possibly maybe apparently seemingly presumably arguably "
    "supposedly ostensibly evidently surely clearly obviously undoubtedly doubtless".split()
)
PRESCRIPTION = frozenset({"should", "ought"})
INFERENCE_VERBS = frozenset("suggest mean show prove indicate imply".split())
# Verbs that report a clause (said, told, believes ...): the one reporting-verb lexicon.
REPORTING_HEADS = clause_verbs()
# Verbs of appearance: the writer infers a state ("seems to be weighing on investors").
APPEARANCE_VERBS = frozenset({"seem", "appear"})
APPEARANCE_COMPLEMENTS = frozenset({"xcomp", "acomp", "attr", "oprd", "ccomp"})
# What _cue_kind reads first: a token's form (speculation, prescription, "as if") or lemma.
CUE_FORMS = SPECULATION | PRESCRIPTION | {"if", "though"}
CUE_LEMMAS = INFERENCE_VERBS | APPEARANCE_VERBS


def stance_cues(sentence: SpacySpan, skip: Sequence[Region]) -> tuple[str, ...]:
    """Kinds of writer's-stance marks found in the sentence's unquoted words."""
    found = []
    for token in span_tokens(sentence):
        # Only a token with one of the cue words can be a cue: looked up first, as most are not.
        if token.lower_ not in CUE_FORMS and token.lemma_ not in CUE_LEMMAS:
            continue
        if skip and _quoted(token, skip):
            continue
        kind = _cue_kind(token)
        if kind:
            found.append(kind)
    return tuple(dict.fromkeys(found))


def _cue_kind(token: Token) -> str | None:
    word = token.lower_
    if word in SPECULATION and token.pos_ in ("ADV", "ADJ") and not _reported(token) and not _attributive(token):
        return "speculation"
    if word in PRESCRIPTION and token.tag_ == "MD" and not _reported(token) and not _conditional(token):
        return "prescription"
    if _denied_inference(token):
        return "denied inference"
    if _appearance(token) or _as_if(token):
        return "appearance"
    return None


def _denied_inference(token: Token) -> bool:
    """"The figures do not suggest ...", "does not mean ...": not a phrasal verb of another sense
    ("threatened not to show up")."""
    children = list(token.children)
    return (token.lemma_ in INFERENCE_VERBS and any(c.dep_ == "neg" for c in children)
            and not any(c.dep_ == "prt" for c in children))


def _conditional(modal: Token) -> bool:
    """"..., should they dare to vote": "should" before its own subject in a subordinate clause is
    the inverted "if", a condition, not a prescription (a question "Should the town ...?" is its
    sentence's main clause)."""
    verb = modal.head
    return verb.dep_ != "ROOT" and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > modal.i for c in verb.children)


def _attributive(token: Token) -> bool:
    """An adjective before its noun describes the thing: "unlikely supporters" are surprising ones,
    while "is likely to", "likely designed to" speculate."""
    return token.pos_ == "ADJ" and token.dep_ == "amod" and token.head.i > token.i


def _appearance(token: Token) -> bool:
    """"seems to be", "appears weaker": a verb of appearance with a complement, in the writer's voice,
    with no one named that it seems to ("seemed to the professor", "To her, it seemed ...")."""
    if token.pos_ not in ("VERB", "AUX") or token.lemma_ not in APPEARANCE_VERBS or _reported(token):
        return False
    if token.dep_ in ("ccomp", "xcomp") and token.head.lemma_ in REPORTING_HEADS:
        return False  # "officials said the party appears weaker"
    children = list(token.children)
    if not any(c.dep_ in APPEARANCE_COMPLEMENTS for c in children):
        return False
    return not any(c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in children)


def _as_if(token: Token) -> bool:
    """The conjunction of "as if" / "as though" opening a clause of the writer's inference."""
    return (token.lower_ in ("if", "though") and token.dep_ == "mark" and token.i > 0
            and token.nbor(-1).lower_ == "as" and not _reported(token))


def _reported(token: Token) -> bool:
    """True inside a clause that a reporting or thinking verb governs ("X said it is likely"), or
    inside the content clause of a noun ("her advice that Britain should remain", "the warning
    that it is likely to fail"): the content of someone's advice, claim or fear."""
    for ancestor in token.ancestors:
        if ancestor.dep_ in ("ccomp", "xcomp") and ancestor.head.pos_ == "VERB" and ancestor.head.lemma_ in REPORTING_HEADS:
            return True
        if _noun_content(ancestor):
            return True
    return False


def _noun_content(verb: Token) -> bool:
    """A "that" clause completing a noun (parsed acl with the mark "that"), not a relative clause; and
    not of a noun the parser made the sentence's root, which has swallowed the main verb ("The
    panel's advice Friday that the city sign it should end the feud": "should end" is the writer's)."""
    return verb.dep_ == "acl" and verb.head.pos_ == "NOUN" and verb.head.dep_ != "ROOT" and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


def _quoted(token: Token, skip: Sequence[Region]) -> bool:
    end = token.idx + len(token.text)
    return any(region.overlap(token.idx, end) for region in skip)
