"""Third-person pronouns (he, his, him, she, her; they, their) to the actor they stand for.

Precision over recall: a pronoun is attached only when one compatible person
is in view: earlier in its own sentence, or else in the nearest earlier
sentence (up to three back) that mentions a person. When several people are
in view, a gender known from the knowledge base, a title (Mr, Ms, spokeswoman)
or a common first name decides; among several of the right gender, the
subject of that sentence wins. Otherwise the pronoun stays unresolved. Pronouns inside quotation marks are left alone
(they belong to the quoted speaker's world, not the article's). "They" goes
to a plural group ("Iraqi troops", "the rebels") only when that group is the
one subject group in view in the same or the previous sentence; "their" and
"them" are left alone.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..nlp import tokens
from .candidates import DESCRIPTION, PRONOUN, Candidate
from .kb import NON_STATE_CODES, KnowledgeBase

LOOKBACK_SENTENCES = 3
GROUP_KEYS = frozenset({"group", "people", "norp"})
STATE_NOUNS = frozenset({"country", "nation", "government", "homeland", "motherland"})
_OPEN = {"\u201c": "\u201d", "\u2018": "\u2019", '"': '"'}


def genders(kb: KnowledgeBase, cands: list[Candidate], date: str | None) -> dict[str, str]:
    """The known gender of each person cluster (honorific, gendered title or knowledge base)."""
    found: dict[str, str] = {}
    for cand in cands:
        if cand.etype == "PERSON" and cand.key and cand.gender and cand.mention != PRONOUN:
            found.setdefault(cand.key, cand.gender)
        if cand.key and cand.key.startswith("person:") and cand.key not in found:
            office = kb.person(cand.key[len("person:"):], date)
            gender = office.gender if office is not None else kb.gender_of_name(cand.key[len("person:"):])
            if gender:
                found[cand.key] = gender
    return found


def resolve(doc: Doc, cands: list[Candidate], genders: dict[str, str]) -> None:
    """Give each pronoun candidate the key of its person (or group, for 'they'), or leave it None."""
    quoted = quoted_tokens(doc)
    people = [c for c in cands if c.etype == "PERSON" and c.mention != PRONOUN and c.key]
    groups = [c for c in cands if c.plural and c.mention != PRONOUN and c.key and c.key.split(":")[0] in GROUP_KEYS]
    sentences = list(doc.sents)
    sent_of = {s.start: n for n, s in enumerate(sentences)}
    for cand in cands:
        if cand.mention != PRONOUN or cand.key is not None or cand.start in quoted:
            continue
        if cand.gender == "p":
            subject_they = doc[cand.start].lower_ == "they"  # 'their' and 'them' too often mean others
            cand.key = _group_antecedent(doc, cand, groups, sentences, sent_of) if subject_they else None
        else:
            resolved = [c for c in cands if c.mention == PRONOUN and c.key and c.gender in ("m", "f")]
            bound = _clause_subjects(doc, cand, people + resolved)
            cand.key = _antecedent(doc, cand, people, genders, sentences, sent_of, quoted, bound)
            if cand.key and _owns_state(doc, cand):
                _to_state(doc, cand, cands)


def _owns_state(doc: Doc, pron: Candidate) -> bool:
    """'her country', 'his government': the possessive names the person's state, not the person."""
    token = doc[pron.start]
    return token.dep_ == "poss" and token.head.i == pron.start + 1 and token.head.lower_ in STATE_NOUNS


def _to_state(doc: Doc, pron: Candidate, cands: list[Candidate]) -> None:
    """The pronoun and its noun become a mention of the person's country (none known: no mention)."""
    country = next((c.country for c in cands if c.key == pron.key and c.country and c.mention != PRONOUN), None)
    if country is None or country in NON_STATE_CODES:
        pron.key = None
        return
    pron.end, pron.key, pron.mention, pron.etype = pron.start + 2, f"state:{country}", DESCRIPTION, "GPE"
    pron.country, pron.gender = country, None
    pron.acting = doc[pron.start + 1].dep_ in ("nsubj", "nsubjpass")


def _group_antecedent(doc, pron, groups, sentences, sent_of) -> str | None:
    """'they' for the one group named earlier in its sentence or the sentence before; else nothing."""
    index = sent_of[doc[pron.start].sent.start]
    groups = [g for g in groups if _is_subject(doc, g)]
    same = {g.key for g in groups if sentences[index].start <= g.start < pron.start}
    if same:
        return same.pop() if len(same) == 1 else None
    if index == 0:
        return None
    before = {g.key for g in groups if sentences[index - 1].start <= g.start < sentences[index - 1].end}
    return before.pop() if len(before) == 1 else None


def _antecedent(doc, pron, people, genders, sentences, sent_of, quoted, bound=frozenset()) -> str | None:
    index = sent_of[doc[pron.start].sent.start]
    compatible = [p for p in people if genders.get(p.key, pron.gender) == pron.gender and p.start not in quoted
                  and p.key not in bound]
    same = [p for p in compatible if sentences[index].start <= p.start < pron.start]
    if same:
        return _pick(doc, same, sentences[index], genders, pron.gender)
    for back in range(1, LOOKBACK_SENTENCES + 1):
        if index - back < 0:
            break
        sent = sentences[index - back]
        seen = [p for p in compatible if sent.start <= p.start < sent.end]
        if seen:
            return _pick(doc, seen, sent, genders, pron.gender)
        if any(sent.start <= p.start < sent.end for p in people):
            return None  # an incompatible person intervenes
    return None


OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "obj"})


def _clause_subjects(doc: Doc, pron: Candidate, people: list[Candidate]) -> set[str]:
    """The people an object pronoun cannot be: its own clause's subject ("Lavrov told him", "Baxter spoke
    with him": him is neither; that would be "himself"). A possessive ("Lavrov told his aides") may be."""
    token = doc[pron.start]
    if token.dep_ in OBJECT_DEPS:
        verb = token.head
    elif token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ in ("VERB", "AUX"):
        verb = token.head.head
    else:
        return set()
    return {p.key for p in people
            if any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i for t in doc[p.start:p.end])}


def _pick(doc: Doc, seen: list[Candidate], sent, genders: dict[str, str], gender: str) -> str | None:
    keys = {p.key for p in seen}
    if len(keys) == 1:
        return keys.pop()
    known = {k for k in keys if genders.get(k) == gender}
    if len(known) == 1 and all(k in known or k in genders for k in keys):
        return known.pop()  # the others are known to be of the other gender
    if len(known) > 1:
        subjects = {p.key for p in seen if p.key in known and _is_subject(doc, p)}
        return subjects.pop() if len(subjects) == 1 else None
    return None


def _is_subject(doc: Doc, cand: Candidate) -> bool:
    return any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[cand.start:cand.end])


def quoted_tokens(doc: Doc) -> set[int]:
    """Indices of tokens between quotation marks (curly or straight)."""
    inside: set[int] = set()
    closing: str | None = None
    for token in tokens(doc):  # made once per doc
        text = token.text
        if closing is not None and text == closing:
            closing = None
        elif closing is None and text in ("\u201c", '"'):
            closing = _OPEN[text]
        elif closing is not None:
            inside.add(token.i)
        if "\n" in text:
            closing = None if closing == '"' else closing
    return inside
