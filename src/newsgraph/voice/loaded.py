"""Loaded wording: evaluative, intensified or charged words in the writer's voice.

A word is loaded when the evaluative or charged lexicon lists it (by form
or lemma), or when it is an adjective or adverb that the opinion
classifier leans on hard (its share of the sentence's score, from
encoder.encode_with_evidence): "a staggering, feckless failure" is
evaluative whether or not a list has those words. It must stand outside
any quotation; an intensifier right before it ("extremely hostile") joins
its span, and an intensifier before any adjective ("hugely positive") is
loaded on its own strength. Names are never loaded: "Radio Free Europe"
and "Critical Race Theory" describe, they do not judge.
"""
from __future__ import annotations

from typing import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..records import LoadedSpan
from .lexicon import lexicon, token_forms, token_in
from ..nlp import span_tokens
from .quoting import Region

NAME_ENTS = frozenset("PERSON ORG GPE NORP FAC LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE".split())
# Intensifiers that heighten the word after them; the other boosters
# ("only", "just", "even") restrict or stress rather than intensify.
PLAIN_INTENSIFIERS = frozenset("very so too utterly deeply".split())
# Evaluation shows in modifiers; nouns and verbs the classifier leans on are
# as often the topic ("immigration") as a judgement, so they come from the
# charged lexicon only.
EVIDENCE_POS = frozenset({"ADJ", "ADV"})
# A word's share of the classifier's margin (w . unit vector) from which it
# counts as evaluative: chosen on 800 BABE sentences (docs/voice.md).
EVIDENCE_FLOOR = 0.3


def loaded_spans(sentence: SpacySpan, text: str, skip: Sequence[Region],
                 evidence: Sequence[tuple[int, int, float]] = ()) -> tuple[LoadedSpan, ...]:
    """Loaded spans of one sentence of `text`, skipping the quoted regions.

    `evidence` holds (start, end, share) of the sentence's words, with
    characters of `text`: each word's share of the opinion classifier's margin.
    """
    tokens = span_tokens(sentence)
    forms = token_forms(tokens)
    found: list[tuple[int, int, str]] = []
    for name in ("charged", "evaluative"):
        for first, last in lexicon(name).matches(tokens, forms):
            if _eligible(tokens[first:last], skip):
                found.append((_with_intensifier(tokens, first, skip), last, "lexicon"))
    found.extend((a, b, "lexicon") for a, b in _intensified_adjectives(tokens, skip))
    found.extend((a, b, "classifier") for a, b in _leaned_on(tokens, skip, evidence))
    return tuple(_span(text, tokens[a].idx, _end_char(tokens[b - 1]), basis) for a, b, basis in _merge(found))


def _span(text: str, start: int, end: int, basis: tuple[str, ...]) -> LoadedSpan:
    return LoadedSpan(start, end, text[start:end], basis)


def _eligible(tokens: Sequence[Token], skip: Sequence[Region]) -> bool:
    return all(not _quoted(t, skip) and t.ent_type_ not in NAME_ENTS and t.pos_ != "PROPN" for t in tokens)


def _quoted(token: Token, skip: Sequence[Region]) -> bool:
    return any(region.overlap(token.idx, _end_char(token)) for region in skip)


def _is_intensifier(token: Token) -> bool:
    if token.pos_ != "ADV" or not token_in(token, lexicon("boosters").words):
        return False
    return token.lower_.endswith("ly") or token.lower_ in PLAIN_INTENSIFIERS


def _with_intensifier(tokens: Sequence[Token], first: int, skip: Sequence[Region]) -> int:
    if first > 0 and _is_intensifier(tokens[first - 1]) and not _quoted(tokens[first - 1], skip):
        return first - 1
    return first


def _intensified_adjectives(tokens: Sequence[Token], skip: Sequence[Region]) -> list[tuple[int, int]]:
    out = []
    for i in range(len(tokens) - 1):
        if _is_intensifier(tokens[i]) and tokens[i + 1].pos_ == "ADJ" and _eligible(tokens[i:i + 2], skip):
            out.append((i, i + 2))
    return out


def _leaned_on(tokens: Sequence[Token], skip: Sequence[Region],
               evidence: Sequence[tuple[int, int, float]]) -> list[tuple[int, int]]:
    """Adjectives and adverbs (words, not "p.m.") whose share of the opinion margin reaches EVIDENCE_FLOOR."""
    out = []
    for i, token in enumerate(tokens):
        if (token.pos_ in EVIDENCE_POS and token.is_alpha and _share(token, evidence) >= EVIDENCE_FLOOR
                and _eligible([token], skip)):
            out.append((_with_intensifier(tokens, i, skip), i + 1))
    return out


def _share(token: Token, evidence: Sequence[tuple[int, int, float]]) -> float:
    end = _end_char(token)
    return sum(share for start, stop, share in evidence if start < end and token.idx < stop)


def _merge(found: list[tuple[int, int, str]]) -> list[tuple[int, int, tuple[str, ...]]]:
    """Overlapping token ranges joined, each with the sorted bases of what it joined."""
    merged: list[tuple[int, int, tuple[str, ...]]] = []
    for a, b, basis in sorted(set(found)):
        if merged and a < merged[-1][1]:
            start, end, bases = merged[-1]
            merged[-1] = (start, max(b, end), tuple(sorted(set(bases) | {basis})))
        else:
            merged.append((a, b, (basis,)))
    return merged


def _end_char(token: Token) -> int:
    return token.idx + len(token.text)
