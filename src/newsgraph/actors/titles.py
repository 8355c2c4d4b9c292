"""Role words around names: "Russian Foreign Minister Sergey Lavrov", "Jordan's King Abdullah".

`title_before(doc, i, ...)` reads the title left of a name starting at token
i: the role phrase, its modifiers ("Deputy", "former") and the country word
or possessive before it. `role_ending_at` finds the longest role phrase of
the knowledge base that ends at a token.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..nlp import tokens as doc_tokens
from .candidates import text_of
from .kb import NON_STATE_CODES, KnowledgeBase, Role, norm

MAX_ROLE_TOKENS = 5  # "editor-in-chief" is five tokens
MODIFIERS = frozenset("deputy acting former senior top chief executive junior then then- ex ex- interim first new "
                      "outgoing incoming late vice assistant permanent ousted deposed exiled toppled disgraced "
                      "jailed".split())
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady madam".split())
FORMER = frozenset({"former", "ex", "ex-", "then", "then-", "late", "ousted", "deposed", "exiled", "toppled"})


@dataclass(frozen=True)
class Title:
    start: int  # first token of the whole title (country word included)
    role_start: int  # first token of the role words (modifiers included)
    end: int  # token after the role phrase
    role: Role
    former: bool = False
    country_start: int | None = None
    country: str | None = None  # ISO3 or PLOVER code read from the words before the role
    mention_end: int | None = None  # where the title's mention ends when it is not just before the name
    body_sector: str | None = None  # the sector of the role word naming the body after 'of' ('of Police' COP)


def role_ending_at(doc: Doc, j: int, kb: KnowledgeBase) -> tuple[int, Role] | None:
    """The longest knowledge-base role phrase whose last token is j."""
    if doc[j].lower_ not in kb.role_last_words:
        return None
    for n in range(min(MAX_ROLE_TOKENS, j + 1), 0, -1):
        first = doc[j - n + 1]
        if first.is_space or first.lower_ == "the" or any(t.is_space for t in doc[j - n + 1:j + 1]):
            continue
        role = kb.role(text_of(doc)[first.idx:doc[j].idx + len(doc[j].text)])
        if role is not None:
            return j - n + 1, role
    return None


def title_before(doc: Doc, i: int, kb: KnowledgeBase, country_at) -> Title | None:
    """The title written just before a name at token i, if any.

    `country_at(j)` returns (first_token, code) when a country or
    organisation name ends at token j (gazetteer-backed), else None.
    """
    j = i - 1
    while j >= 0 and norm(doc[j].text) in HONORIFICS:
        j -= 1
    found = role_ending_at(doc, j, kb) if j >= 0 else None
    if found is None or found[1].type != "person":
        return None
    role_start, role = found
    inside = _name_into_role(doc, role_start, j, kb, country_at)
    if inside is not None:  # "Fox News anchor X": the outlet's name, then the role "anchor"
        (first, code), k, role = inside
        return Title(first, k, j + 1, role, False, first, code) if role is not None else None
    role_start = _modifiers_before(doc, role_start)
    former = any(norm(t.text) in FORMER for t in doc[role_start:found[0]])
    country = _country_before(doc, role_start, country_at)
    if country and country[1] in NON_STATE_CODES:
        # "European Commission Executive Vice-President X": the organisation stays an actor of its own
        return Title(role_start, role_start, j + 1, role, former, country[0], country[1])
    if country:
        return Title(country[0], role_start, j + 1, role, former, country[0], country[1])
    return Title(role_start, role_start, j + 1, role, former)


def _name_into_role(doc: Doc, role_start: int, j: int, kb: KnowledgeBase, country_at):
    """((name start, code), role start, role) when a state's or organisation's name that began before the role
    phrase ends inside it ('Fox News' in 'Fox News anchor', read as the role 'news anchor'); the role is the
    words after the name (None when they are no role)."""
    for k in range(role_start, j):
        hit = country_at(k)
        if hit and hit[0] < role_start:
            words = doc[k + 1:j + 1]
            return hit, k + 1, kb.role(words.text)
    return None


def _modifiers_before(doc: Doc, k: int) -> int:
    while k > 0 and (norm(doc[k - 1].text) in MODIFIERS or doc[k - 1].text == "-" and k > 1):
        k -= 1
    return k


def _country_before(doc: Doc, k: int, country_at) -> tuple[int, str] | None:
    j = k - 1
    if j >= 0 and doc[j].text in ("'s", "\u2019s", "'"):
        j -= 1  # "Jordan's King Abdullah"
    elif j >= 0 and doc[j].text == "-":
        j -= 1  # "US-backed"
    return country_at(j) if j >= 0 else None


def of_country_after(doc: Doc, end: int, country_at) -> tuple[int, str] | None:
    """'President of Armenia', 'King Hassan of Morocco': the country after 'of'."""
    if end < len(doc) and doc[end].lower_ == "of":
        for j in range(end + 1, min(len(doc), end + 6)):
            found = country_at(j)
            if found and found[0] == end + 1 or (found and doc[end + 1].lower_ == "the" and found[0] == end + 2):
                # 'a man of Chinese origin': a demonym modifying the object is no 'of <country>'
                return (j + 1, found[1]) if doc[j].dep_ not in ("amod", "compound") else None
    return None


def is_head_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and token.dep_ not in ("compound",)


def title_apposed(doc: Doc, i: int, kb: KnowledgeBase) -> Title | None:
    """'President of the Senate, Bukola Saraki', 'the Inspector-General of Police, Ibrahim Idris': a
    capitalised title with its body after 'of', set off by a comma before a name at token i, is the
    person's title; the body inside names the office, not an actor of its own."""
    comma = i - 1
    if comma < 3 or doc[comma].text != ",":
        return None
    k = comma - 1
    while k > comma - 5 and doc[k].is_title and doc[k].lower_ not in ("of", "the"):
        k -= 1  # the body's capitalised words
    if k == comma - 1 or doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].lower_ != "of":
        return None
    found = role_ending_at(doc, k - 1, kb)
    if found is None or found[1].type != "person" or not doc[found[0]].is_title:
        return None
    start = _modifiers_before(doc, found[0])
    if start > 0 and not (doc[start - 1].lower_ in ("the", "a", "and") or doc[start - 1].is_punct
                          or doc[start - 1].is_space):
        return None  # inside a longer phrase: 'a former President of the Senate, ...' has its own reading
    former = any(norm(t.text) in FORMER for t in doc[start:found[0]])
    body = kb.role(doc[k + 1:comma].text)
    return Title(start, start, comma, found[1], former, mention_end=comma, body_sector=body.sector if body else None)


PERSON_NAME_LABELS = frozenset({"", "PERSON"})
_MISREAD_LABELS = frozenset({"ORG", "GPE", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART"})


def names_after_titles(doc: Doc, kb: KnowledgeBase, country_at, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'chief executive Hugo Barrantes', 'executive chairman Rolando Verazzi': two or three capitalised proper
    nouns after a person's title in lower case name a person, where spaCy missed them or took them for an
    organisation or an event. Names the knowledge base knows (`known`) are left to it."""
    spans = []
    for token in doc_tokens(doc):  # the doc's Token objects, made once for all its passes
        if token.i == 0 or not _name_word(token) or _name_word(doc[token.i - 1]) or not doc[token.i - 1].is_lower:
            continue
        end = _name_end(doc, token.i)
        if end - token.i < 2 or any(s < end and token.i < e for s, e in known) or _labelled_other(doc, token.i, end):
            continue
        if kb.role(doc[end - 1].text) is None and title_before(doc, token.i, kb, country_at) is not None:
            spans.append((token.i, end))
    return spans


def _name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.is_title and token.is_alpha


def _name_end(doc: Doc, start: int) -> int:
    end = start
    while end < len(doc) and end - start < 3 and _name_word(doc[end]):
        end += 1
    return end if end >= len(doc) or not _name_word(doc[end]) else start


def _labelled_other(doc: Doc, start: int, end: int) -> bool:
    """A name spaCy labelled a date, a number, a law...: not read as a person here."""
    return any(t.ent_type_ not in PERSON_NAME_LABELS | _MISREAD_LABELS for t in doc[start:end])
