"""Loaded wording: evaluative, intensified or charged words in the writer's voice.

A word is loaded when the evaluative or charged lexicon lists it (by form
or lemma) and it stands outside any quotation; an intensifier right before
it ("extremely hostile") joins its span, and an intensifier before any
adjective ("hugely positive") is loaded on its own strength. Names are
never loaded: "Radio Free Europe" and "Critical Race Theory" describe, they
do not judge.
"""
from __future__ import annotations

from typing import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..records import Span
from .lexicon import lexicon, token_in
from .quoting import Region

NAME_ENTS = frozenset("PERSON ORG GPE NORP FAC LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE".split())
# Intensifiers that heighten the word after them; the other boosters
# ("only", "just", "even") restrict or stress rather than intensify.
PLAIN_INTENSIFIERS = frozenset("very so too utterly deeply".split())
HEADS = frozenset({"ADJ", "ADV"})


def loaded_spans(sentence: SpacySpan, text: str, skip: Sequence[Region]) -> tuple[Span, ...]:
    """Loaded spans of one sentence of `text`, skipping the quoted regions."""
    tokens = list(sentence)
    found: list[tuple[int, int]] = []
    for name in ("charged", "evaluative"):
        for first, last in lexicon(name).matches(tokens):
            if _eligible(tokens[first:last], skip):
                found.append((_with_intensifier(tokens, first, skip), last))
    found.extend(_intensified_adjectives(tokens, skip))
    return tuple(Span.of(text, tokens[a].idx, _end_char(tokens[b - 1])) for a, b in _merge(found))


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


def _merge(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(set(found)):
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _end_char(token: Token) -> int:
    return token.idx + len(token.text)
