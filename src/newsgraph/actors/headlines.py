"""Title-cased headlines, where spaCy reads capitalised words as names.

A headline capitalises its words ("Obama Power Plant Rules Face Key Test"), so
spaCy glues verbs to names and reads whole predicates as organisations. These
helpers repair what the detector takes from such a line: a name ends before
the first inflected verb, and a predicate opening with the clause's verb is no
name.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..reporting import reporting_verbs


def verb_phrase(doc: Doc, start: int, end: int) -> bool:
    """'Sanders To Release Medical Records After Pressure': a title-cased headline's predicate, read as an
    organisation, opens with the clause's verb (its root, or after an infinitive 'To'); no name does."""
    first = doc[start]
    if end - start < 2 or first.pos_ != "VERB" or first.tag_ not in ("VB", "VBD", "VBZ", "VBP"):
        return False
    return first.dep_ == "ROOT" or any(c.tag_ == "TO" and c.dep_ == "aux" for c in first.children)


def strip_headline_verb(doc: Doc, start: int, end: int) -> int:
    """'Haddad Vows to Fight On', 'Kovacs Slams Lind': in a title-cased headline spaCy glues the verb
    (and what follows it) to the name; the name ends before the first inflected verb."""
    if end - start < 2 or not headline_cased(doc[end - 1]):
        return end
    for k in range(start + 1, end):
        if doc[k].is_title and (_inflected_verb(doc[k].lower_) or doc[k].tag_ in ("VBZ", "VBD")):
            return k
    return end


def _inflected_verb(word: str) -> bool:
    from ..events.lexicon import load_lexicon

    lex = load_lexicon()
    lemma = lex.forms.get(word) or (word[:-1] if word.endswith("s") else word)
    return (lemma in lex.known or lemma in reporting_verbs()) and word != lemma


def headline_cased(token) -> bool:
    words = [t for t in token.sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) > 0.6 * len(words)
