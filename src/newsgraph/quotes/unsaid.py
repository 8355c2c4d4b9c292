"""Complements that report nothing: the thing taken, the source cited, the one addressed, the
person or topic that words were about (docs/annotation.md: a quote is a proposition given to
a source). `indirect` asks these before it makes a stance verb's object the content."""
from __future__ import annotations

from spacy.tokens import Token

from ..reporting import TOPIC_PREPS
from .cues import Cue, antecedent, is_animate
from .lexicon import OBJECT_ADDRESSEE, PERSON_NOUNS, SPEECH, channel_nouns

SOURCE_NOUNS = channel_nouns()


# Things one claims or cites that are taken or named, not said: "claim victory", "citing a source".
SOURCE_OBJECT = frozenset({"cite", "quote"})
TAKING_OBJECT = frozenset({"claim"})


# Verbs that with a bare object convene or reach rather than name: "called an emergency meeting".
CONVENING = frozenset({"call"})


def bare_object(verb: Token, obj: Token) -> bool:
    """One object and nothing said of it: no second object, predicate or quoted words."""
    second = [c for c in verb.children if c.i != obj.i and (c.dep_ in ("oprd", "attr", "acomp", "dative", "dobj")
                                                            or c.dep_ == "prep" and not circumstance(c))]
    return not second and not any(t.is_quote for t in obj.subtree) and not any(c.dep_ in ("oprd", "appos") for c in obj.children)


def object_not_said(cue: Cue, speaker: Token) -> bool:
    """A bare object that is no report: "claimed an easy victory" (took it), "citing an
    anonymous source" (the source, not what it said), "the decision emphasizes the stakes"
    (a thing stressing a topic: only someone's speech has a bare object as its content)."""
    obj = next((c for c in cue.token.children if c.dep_ == "dobj" and c.i > cue.token.i), None)
    if obj is None or any(c.dep_ in ("xcomp", "ccomp") for c in cue.token.children):
        return False
    if cue.lemma in TAKING_OBJECT or cue.lemma in CONVENING and bare_object(cue.token, obj):
        return True
    if cue.lemma in SOURCE_OBJECT:
        return obj.lemma_.lower() in PERSON_NOUNS or obj.ent_type_ in ("PERSON", "ORG") or obj.lower_ == "source"
    if cue.lemma in OBJECT_ADDRESSEE and bare_object(cue.token, obj) and someone_named(obj) \
            and not any(c.dep_ == "prep" and c.lower_ in TOPIC_PREPS for c in obj.children):
        return True  # "advised Mrs. Clinton", "warned Congress": who was addressed, nothing said
    return cue.cls == SPEECH and not (is_animate(antecedent(speaker)) or speaker.lemma_.lower() in SOURCE_NOUNS)


ADDRESSED_PRONOUNS = frozenset({"me", "us", "you", "him", "her", "them"})


def someone_named(token: Token) -> bool:
    """A person or body named or pointed at (not a thing: "urged restraint", "ordered a review")."""
    return (token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or token.pos_ == "PROPN"
            or token.lower_ in ADDRESSED_PRONOUNS or token.lemma_.lower() in PERSON_NOUNS)


def party(token: Token) -> bool:
    """A person or body by name, pronoun or role (a capitalised headline word alone is none)."""
    return (token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or token.lower_ in ADDRESSED_PRONOUNS
            or token.lemma_.lower() in PERSON_NOUNS)


def only_someone(part: Token) -> bool:
    """"praised Putin", "took a swipe at Trump": a person or body alone is whom the words were
    about, no proposition (docs/annotation.md); "praised Trump for speaking out" says one (a "for"
    phrase with nothing said in it is `only_topic`'s)."""
    head = next((c for c in part.children if c.dep_ == "pobj"), None) if part.dep_ == "prep" else part
    if head is None or part.dep_ not in ("dobj", "prep") or part.lower_ == "for" or not party(head):
        return False
    return not any(t.is_quote or t.pos_ in ("VERB", "AUX") or t.dep_ == "prep" for t in head.subtree)


# Prepositions naming what words were about, aimed at, asked for or agreed to: "complained about
# his mic", "railed against super PACs", "sparred over the budget", "called for a boycott",
# "agreed to a rescue". Not "of" ("spoke of the long fight" tells what was said, as the audit
# gold holds it) nor "as" or "with" ("sees it as a test").
TOPIC_OR_TARGET = frozenset({"about", "against", "on", "over", "for", "to"})


def only_topic(part: Token) -> bool:
    """A topic, target or thing asked for alone, with no verb or quoted words in it, is no
    proposition (docs/annotation.md): the audit's annotators leave it out ("called for a
    boycott"), though PolNeAR counts it. With a clause or infinitive in it ("called for the board
    to resign", "agreed to inject $6 billion") or quoted words ("warned of 'dangerous
    consequences'") it says something and stays."""
    return (part.dep_ == "prep" and part.lower_ in TOPIC_OR_TARGET
            and not any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in part.subtree))


# Determiners that point back at something already named: "denied the allegations", "defended his
# endorsement" refer to words or acts told elsewhere and say nothing of their own.
POINTING_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "his", "her", "its", "their",
                                  "our", "my", "your"})


def only_reference(part: Token) -> bool:
    """A bare object of a pointing determiner and a common noun ("rejected the accusation",
    "welcomed the exchange") names a thing the reader already knows; it carries no proposition
    (docs/annotation.md), unlike "denies any wrongdoing" or "reported earnings of $8"."""
    words = list(part.subtree)
    return (part.dep_ == "dobj" and part.pos_ == "NOUN" and len(words) == 2
            and words[0].lower_ in POINTING_DETERMINERS and words[0].dep_ in ("det", "poss"))


def circumstance(prep: Token) -> bool:
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return obj is None or obj.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC") or obj.lemma_.lower() in SOURCE_NOUNS
