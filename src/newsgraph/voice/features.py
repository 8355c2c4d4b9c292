"""Sentence features for the opinion classifier, from spaCy tokens alone.

Opinion shows in form more than in topic: adjectives and adverbs,
comparatives, modals, first and second person, questions, hedges and
boosters; neutral reporting shows in names, numbers, dates and reporting
verbs. So besides words the features abstract tokens to tags, morphology
and lexicon classes, which carry over to unseen topics. Each group of
features is L2-normalised on its own and weighted, so that no group drowns
the others by its sheer number of features.
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Iterable, Mapping, Sequence

from spacy.tokens import Token

from .lexicon import all_lexicons

# Entity types whose words say little about voice: replaced by the type.
ABSTRACT_ENTS = frozenset(
    "PERSON GPE ORG NORP DATE CARDINAL MONEY PERCENT TIME QUANTITY ORDINAL LOC FAC EVENT LAW PRODUCT".split()
)
FIRST_PERSON = frozenset("i me my mine myself we us our ours ourselves".split())
SECOND_PERSON = frozenset("you your yours yourself yourselves".split())
QUOTE_MARKS = frozenset('"“”‘’«»')
# lexicon name -> (first, last+1) token positions of its entries in the sentence
Hits = Mapping[str, list[tuple[int, int]]]
NEEDS_HITS = frozenset({"lex", "cls"})


def token_form(token: Token) -> str:
    """The token as the model sees it: entity type, NUM, or lowercase word."""
    if token.ent_type_ in ABSTRACT_ENTS:
        return "E_" + token.ent_type_
    if token.like_num:
        return "NUM"
    return token.lower_


def tag_features(tokens: Sequence[Token]) -> Counter:
    tags = ["<s>"] + [t.tag_ for t in tokens] + ["</s>"]
    out: Counter = Counter()
    for n in (1, 2, 3):
        for i in range(len(tags) - n + 1):
            out["_".join(tags[i:i + n])] += 1
    return out


def morph_features(tokens: Sequence[Token]) -> Counter:
    return Counter(f"{t.pos_}:{feat}" for t in tokens for feat in t.morph)


def word_features(tokens: Sequence[Token]) -> Counter:
    forms = [token_form(t) for t in tokens]
    out = Counter(forms)
    out.update(f"{a} {b}" for a, b in zip(forms, forms[1:]))
    return out


def dep_features(tokens: Sequence[Token]) -> Counter:
    out: Counter = Counter(f"{t.dep_}:{t.pos_}" for t in tokens)
    out.update(f"{t.dep_}:{t.pos_}<{t.head.pos_}" for t in tokens)
    return out


def lexicon_features(tokens: Sequence[Token], hits: Hits) -> Counter:
    """Counts of lexicon classes and surface cues of the writer's stance."""
    out: Counter = Counter({name: len(found) for name, found in hits.items()})
    words = [t.lower_ for t in tokens]
    out["first_person"] = sum(w in FIRST_PERSON for w in words)
    out["second_person"] = sum(w in SECOND_PERSON for w in words)
    out["question"] = words.count("?")
    out["exclamation"] = words.count("!")
    out["quote_marks"] = sum(t.text in QUOTE_MARKS for t in tokens)
    out["numbers"] = sum(t.like_num for t in tokens)
    out["entities"] = sum(t.ent_iob_ == "B" for t in tokens)
    out["long"] = int(len(tokens) > 30)
    out["short"] = int(len(tokens) < 10)
    return out


def class_features(tokens: Sequence[Token], hits: Hits) -> Counter:
    """N-grams over tokens abstracted to their lexicon class, else their POS."""
    classes = ["<s>"] + token_classes(tokens, hits) + ["</s>"]
    out: Counter = Counter()
    for n in (1, 2, 3):
        for i in range(len(classes) - n + 1):
            out["_".join(classes[i:i + n])] += 1
    return out


def token_classes(tokens: Sequence[Token], hits: Hits) -> list[str]:
    classes = [t.pos_ for t in tokens]
    # Earlier lexicons win: a hedge stays a hedge even if also listed as subjective.
    for name, found in reversed(list(hits.items())):
        for first, last in found:
            for i in range(first, last):
                classes[i] = name.upper()
    return classes


EXTRACTORS = {
    "cls": class_features,
    "tag": tag_features,
    "morph": morph_features,
    "word": word_features,
    "dep": dep_features,
    "lex": lexicon_features,
}


def sentence_features(tokens: Sequence[Token], weights: Mapping[str, float]) -> dict[str, float]:
    """Sparse features of one sentence: each group log-scaled, L2-normalised, weighted."""
    tokens = [t for t in tokens if not t.is_space]
    hits = {name: lex.matches(tokens) for name, lex in all_lexicons().items()}
    out: dict[str, float] = {}
    for group, weight in weights.items():
        extract = EXTRACTORS[group]
        counts = extract(tokens, hits) if group in NEEDS_HITS else extract(tokens)
        out.update(_normalised(group, counts, weight))
    return out


def _normalised(group: str, counts: Counter, weight: float) -> Iterable[tuple[str, float]]:
    scaled = {k: math.log1p(v) for k, v in counts.items() if v > 0}
    norm = math.sqrt(sum(v * v for v in scaled.values())) or 1.0
    return ((f"{group}|{k}", weight * v / norm) for k, v in scaled.items())
