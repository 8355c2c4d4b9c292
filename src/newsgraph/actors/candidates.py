"""The working unit of the actors stage: one candidate mention before clustering.

Candidates are internal and short-lived (built and refined within one call
of the stage); the stage returns immutable `records.Entity` objects.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..nlp import doc_text, tokens

# Mention kinds in the output contract's `kind` field.
NAME, TITLE, PRONOUN, METONYM, ABBREVIATION, DEMONYM, DESCRIPTION = (
    "name", "title", "pronoun", "metonym", "abbreviation", "demonym", "description")

# Prepositions after which a capital is the place, not its government.
LOCATIVE_PREPS = frozenset("in at near inside outside around across throughout within into via through "
                           "across over beyond off onto".split())
MOTION_VERBS = frozenset("go come travel fly return arrive move head visit flee send deploy drive sail "
                         "march walk bring take transfer deport evacuate relocate escape leave reach enter tour "
                         "shell bomb attack storm capture seize besiege".split())


def text_of(doc: Doc) -> str:
    """`doc.text`, which spaCy rebuilds on every access, made once per doc (nlp.doc_text)."""
    return doc_text(doc)


@dataclass
class Candidate:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    mention: str  # mention kind (NAME, TITLE, ...)
    etype: str  # entity kind: PERSON, ORG, GPE, LOC, NORP, FAC
    key: str | None  # cluster key once known ("state:RUS", "org:Tass", "person:Sergey Lavrov")
    country: str | None = None
    sector: str | None = None
    role: str | None = None  # as written
    role_key: str | None = None  # canonical, for matching titles to people
    source: str = "spacy"  # kb | memory | spacy | rule
    acting: bool = False  # a state acting as a government (metonym, subject, ...)
    definite: bool = True
    plural: bool = False
    gender: str | None = None
    describes: int | None = None  # token index of the name this description stands beside
    context: bool = False  # country/sector/role were read from the article's own words

    def chars(self, doc: Doc) -> tuple[int, int]:
        toks = tokens(doc)  # Token objects made once per doc, not three per call
        last = toks[self.end - 1]
        return toks[self.start].idx, last.idx + len(last.text)

    def text(self, doc: Doc) -> str:
        start, end = self.chars(doc)
        return text_of(doc)[start:end]

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def is_locative(doc: Doc, i: int) -> bool:
    """True when the name at token i is where something happens ('in Moscow')."""
    token = doc[i]
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "dobj":  # "visit Berlin", "left Kabul"
        return token.head.lemma_.lower() in MOTION_VERBS
    if token.dep_ != "pobj":
        return False
    prep = token.head.lower_
    if prep in LOCATIVE_PREPS:
        return True
    if prep in ("to", "from", "toward", "towards"):
        return token.head.head.lemma_.lower() in MOTION_VERBS
    return False


def is_modifier(doc: Doc, i: int) -> bool:
    """'Moscow residents', 'Russia-Ukraine tensions': the name only qualifies a noun."""
    return doc[i].dep_ in ("compound", "amod", "nmod", "npadvmod") and doc[i].head.i > i


def acts(doc: Doc, i: int) -> bool:
    return not is_locative(doc, i) and not is_modifier(doc, i)
