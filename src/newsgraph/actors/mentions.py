"""The mention filter: names that are no actor (documents, events, market indices, works).

"the Paris Agreement", "the Treaty of Lisbon", "the Voting Rights Act", "the COP26
summit", "the FTSE 100", "the Nikkei rose", "the Boeing 737 MAX" and spaCy's LAW / EVENT / WORK_OF_ART /
PRODUCT names are claimed before any actor is looked for, so neither they nor the
places inside them ("Paris", "Lisbon") become actors. The words are data
(`data/kb/non_actors.psv`); a knowledge-base organisation's own name ("Arab League",
"Collective Security Treaty Organization") is never claimed.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc

from ..nlp import tokens as doc_tokens
from .kb import KnowledgeBase, norm

NON_ACTOR_LABELS = frozenset({"LAW", "EVENT", "WORK_OF_ART", "PRODUCT"})
_COMPLEMENT = frozenset({"of", "on", "de", "du"})


def non_actor_spans(doc: Doc, ents, kb: KnowledgeBase, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Token spans [start, end) that name something other than an actor; `known` are the
    spans of knowledge-base organisations, states and people, which are left alone."""
    words = kb.non_actor_words
    heads = words.get("document", frozenset()) | words.get("event", frozenset())
    spans = [(e.start, e.end) for e in ents if _labelled_non_actor(e, heads) and not _is_known(e.start, e.end, known)]
    tokens = doc_tokens(doc)  # one Token object each for the passes below, made once per doc
    for token in tokens:
        if token.lower_ in heads and not any(s <= token.i < e for s, e in known):
            span = _named_by_head(doc, token.i)
            if span and (token.is_title or not _names_actor(span, token.i, known)):
                spans.append(span)
    spans += _indices(doc, tokens, words)
    spans += _products(doc, kb, known)
    spans += _day_names(doc, tokens, kb, known)
    spans += _quoted_titles(doc, tokens, known)
    spans += _doctrines(tokens, ents, known)
    spans += _units(doc, ents, known)
    return [_with_abbreviation(doc, span) for span in spans]


def _units(doc: Doc, ents, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'a 3 GW array', 'plants of 30-600 MW': a short all-capital word right after a number is a unit of
    measure, whatever spaCy's label; a known name there ('5 NATO states') is left alone."""
    return [(e.start, e.end) for e in ents if len(e) == 1 and e.start > 0 and e[0].is_upper and len(e[0]) <= 3
            and doc[e.start - 1].like_num and not _is_known(e.start, e.end, known)]


MENTIONS_DIR = Path(__file__).resolve().parents[1] / "data" / "mentions"


@lru_cache(maxsize=None)
def mention_words(name: str) -> frozenset[str]:
    """The lower-case words of a one-word-a-line list in `data/mentions/` ("#" opens a comment line)."""
    lines = (MENTIONS_DIR / name).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def _doctrines(tokens: list, ents, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'Islam', 'Marxism', 'Trumpism', 'Brexit': a capitalised religion, -ism or a country's -exit (its leaving
    a union) is an idea or a process, not an actor; one inside a longer name ('Nation of Islam', 'the Brexit
    Party') is left to that name."""
    inside = {i for e in ents if len(e) > 1 for i in range(e.start, e.end)}
    words = mention_words("doctrines.txt")
    return [(t.i, t.i + 1) for t in tokens if t.is_title and t.i not in inside and not _is_known(t.i, t.i + 1, known)
            and (t.lower_ in words or t.lower_.endswith(("ism", "isms", "exit")) and len(t) > 5)]


def _with_abbreviation(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    """'Hang Seng Index (HSI)': the abbreviation in brackets after a claimed name is that name too."""
    end = span[1]
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and doc[end + 1].is_upper:
        return span[0], end + 3
    return span


def _day_names(doc: Doc, tokens: list, kb: KnowledgeBase, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'Super Tuesday', 'Black Friday': a capitalised word that modifies a day's name makes a date's name;
    a known actor before a day ('Obama Tuesday said') is left alone."""
    days = kb.non_actor_words.get("day", frozenset())
    spans = []
    for token in tokens:
        if token.lower_ not in days or token.i == 0:
            continue
        first = doc[token.i - 1]
        attached = first.head.i == token.i and first.dep_ in ("compound", "amod", "nmod")
        if first.is_title and not first.is_sent_start and not _is_known(first.i, first.i + 1, known) \
                and (attached or first.ent_type_ not in ("PERSON", "ORG", "NORP") and not kb.places.get(norm(first.text))):
            spans.append((first.i, token.i + 1))
    return spans


_OPEN, _CLOSE = frozenset({'"', "\u201c"}), frozenset({'"', "\u201d"})
_MINOR = frozenset({"of", "the", "and", "a", "an", "in", "on", "for", "to", "with", "at", "&"})


def _quoted_titles(doc: Doc, tokens: list, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'ABC's "Good Morning America"', '"Fox News Sunday"': a title-cased phrase of two to eight words in
    quotation marks is the name of a work or a slogan, not the actor named inside it (a quoted name on its
    own stays that name)."""
    spans = []
    for token in tokens:
        if token.text not in _OPEN:
            continue
        end = next((j for j in range(token.i + 1, min(len(doc), token.i + 11)) if doc[j].text in _CLOSE), None)
        if end is None:
            continue
        stop = end
        while stop > token.i + 1 and doc[stop - 1].is_punct:
            stop -= 1
        inner = doc[token.i + 1:stop]
        alpha = [t for t in inner if t.is_alpha]
        if len(alpha) < 2 or len(alpha) != len([t for t in inner if not t.is_punct]) or not alpha[0].is_title \
                or not all(t.is_title or t.is_upper or t.lower_ in _MINOR for t in alpha):
            continue
        if not any(s == inner.start and e == inner.end for s, e in known):
            spans.append((inner.start, inner.end))
    return spans


def _products(doc: Doc, kb: KnowledgeBase, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'the Boeing 737 MAX', 'an Airbus A320': a company's name followed by a model number is a product."""
    spans = []
    for start, end in known:
        org = kb.organisation(doc[start:end].text)
        if org is None or org.type != "company" or end >= len(doc) or not any(c.isdigit() for c in doc[end].text):
            continue
        stop = end + 1
        while stop < len(doc) and (doc[stop].is_upper or doc[stop].like_num) and doc[stop].is_alpha | doc[stop].like_num:
            stop += 1
        spans.append((start, stop))
    return spans


def _labelled_non_actor(ent, heads: frozenset[str]) -> bool:
    """spaCy's LAW names, and its EVENT / WORK_OF_ART / PRODUCT names of two words or more (one word so
    labelled is as often a person or group the small model did not know)."""
    if ent.label_ == "LAW":
        return True
    return ent.label_ in NON_ACTOR_LABELS and len(ent) > 1 and (ent[-1].lower_ in heads or ent[-1].is_title)


def _names_actor(span: tuple[int, int], head: int, known: list[tuple[int, int]]) -> bool:
    """'a Security Council resolution', 'the Iraq war': an actor named before a lower-case head stays one."""
    return any(span[0] <= s and e <= head for s, e in known)


def _is_known(start: int, end: int, known: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e or start <= s and e <= end for s, e in known)


def _proper(token) -> bool:
    return (token.is_title or token.is_upper or token.like_num or token.text in ("-", "&")) and not token.is_sent_start \
        or token.pos_ == "PROPN"


def _proper_start(doc: Doc, i: int) -> int:
    """Where the run of proper words ending before token i starts (i when there is none)."""
    left = i
    while left > 0 and _proper(doc[left - 1]) and doc[left - 1].pos_ not in ("DET", "ADP", "PRON", "VERB", "AUX") \
            and not (doc[left - 1].is_punct and doc[left - 1].text != "-"):
        left -= 1
    return left


def _common_modifiers_start(doc: Doc, i: int) -> int:
    """'the Osun State governorship election', 'the Paris climate agreement': up to two lower-case
    modifiers of the head between it and the proper words before them; where they start."""
    left = i
    while left > max(0, i - 2) and doc[left - 1].is_lower and doc[left - 1].is_alpha \
            and doc[left - 1].dep_ in ("compound", "amod") and doc[left - 1].head.i in range(left, i + 1):
        left -= 1
    return left


def _hyphen_pair(doc: Doc, start: int, end: int) -> bool:
    """Whether the proper words doc[start:end] are two names joined by a hyphen ('Ruritania-Borduria')."""
    return any(doc[k].text == "-" and _proper(doc[k - 1]) and _proper(doc[k + 1]) for k in range(start + 1, end - 1))


def _named_by_head(doc: Doc, i: int) -> tuple[int, int] | None:
    """'Paris Agreement', 'Nuclear Non-Proliferation Treaty', 'Minsk agreements' (proper words before the
    head, over up to two lower-case modifiers: 'the Iowa caucuses', 'the Osun State governorship election') or
    'Treaty of Lisbon' (a capitalised head with a proper complement after 'of'). A head that
    modifies another noun ('war crimes court') names nothing."""
    if doc[i].dep_ == "compound" or (i + 1 < len(doc) and doc[i + 1].pos_ in ("NOUN", "PROPN") and not doc[i].is_title):
        return None
    modifiers = _common_modifiers_start(doc, i)
    left = _proper_start(doc, modifiers)
    if left == modifiers or (modifiers < i and _hyphen_pair(doc, left, modifiers)):
        # 'the presidential election': lower-case words alone before the head name nothing; 'the
        # US-China trade war': two names joined by a hyphen are the parties of the act, not its name
        left = i
    right = i + 1
    if doc[i].is_title and right + 1 < len(doc) and doc[right].lower_ in _COMPLEMENT:
        k = right + 1 + (doc[right + 1].lower_ == "the")
        end = k
        while end < len(doc) and (doc[end].is_title or doc[end].like_num or doc[end].lower_ in ("and", "of")):
            end += 1
        while end > k and doc[end - 1].lower_ in ("and", "of"):
            end -= 1
        if end > k:
            right = end
    if left == i and right == i + 1:
        return None
    return left, right


def _indices(doc: Doc, tokens: list, words: dict[str, frozenset[str]]) -> list[tuple[int, int]]:
    """Market-index names ("the FTSE 100", "the Nikkei rose"), up to four tokens, longest first. A token
    starts a name only when its text begins one (`_prefixes`), so most tokens cost one set lookup."""
    always, maybe = words.get("index", frozenset()), words.get("index-or-name", frozenset())
    starts = _prefixes(always | maybe)
    lowers = [t.text.casefold() for t in tokens]
    spans = []
    i = 0
    while i < len(doc):
        if lowers[i] in starts:
            for n in (4, 3, 2, 1):
                if i + n > len(doc):
                    continue
                text = "".join(lowers[k] + doc[k].whitespace_ for k in range(i, i + n - 1)) + lowers[i + n - 1]
                if text in always or (text in maybe and _used_as_index(doc, i + n - 1, words)):
                    spans.append((i, i + n + (i + n < len(doc) and doc[i + n].lower_ in words.get("index-word", ()))))
                    i += n - 1
                    break
        i += 1
    return spans


@lru_cache(maxsize=8)
def _prefixes(names: frozenset[str]) -> frozenset[str]:
    """Every leading piece of every name: the texts a name's first token can have."""
    return frozenset(name[:k] for name in names for k in range(1, len(name) + 1))


def _used_as_index(doc: Doc, last: int, words: dict[str, frozenset[str]]) -> bool:
    """'the Nikkei index', 'the Nikkei rose 1.5 percent'."""
    if last + 1 < len(doc) and doc[last + 1].lower_ in words.get("index-word", ()):
        return True
    token = doc[last]
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in words.get("market-verb", ())


# -- abbreviated US states ------------------------------------------------------------
STATES_FILE = MENTIONS_DIR / "state_abbreviations.psv"
PARTY_LETTERS = frozenset({"R", "D", "I"})


@lru_cache(maxsize=1)
def _state_forms() -> tuple[dict[str, str], dict[str, str]]:
    """(AP abbreviation -> state, postal code -> state) from `data/mentions/state_abbreviations.psv`."""
    dotted, postal = {}, {}
    for line in STATES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, forms, code = (part.strip() for part in line.split("|"))
        dotted.update((form, name) for form in forms.split(";") if form)
        postal[code] = name
    return dotted, postal


def abbreviated_state(text: str) -> str | None:
    """'N.J.' -> 'New Jersey', 'Fla.' -> 'Florida': an AP-style abbreviation, the way datelines and
    party-state brackets ("R-Fla.") name a state."""
    return _state_forms()[0].get(text.strip())


def party_state(doc: Doc, i: int) -> str | None:
    """'R-NY', 'D-Calif.': the state after a party letter and a hyphen (postal codes only there)."""
    if i < 2:
        return None
    toks = doc_tokens(doc)  # asked of every token: made once, not three new Token objects a call
    if toks[i - 1].text != "-" or toks[i - 2].text not in PARTY_LETTERS:
        return None
    dotted, postal = _state_forms()
    return dotted.get(toks[i].text) or postal.get(toks[i].text)
