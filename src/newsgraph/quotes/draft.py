"""The working form of a quote before it becomes a `records.Quote`.

Finders produce drafts (content range, cue, speaker token); the stage merges
them, fills in speaker mentions, addressees and the via chain, and resolves
entities.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..nlp import after_dateline
from .cues import Cue

DIRECT, INDIRECT, MIXED = "direct", "indirect", "mixed"
_TRIM_LEAD = frozenset({"that", "whether", "if"})
_EDGE_PUNCT = ",;:-–—("


@dataclass(frozen=True)
class Draft:
    start: int
    end: int
    kind: str
    cue: Cue | None
    speaker: Token | None
    origin: str = "clause"  # clause | mark | according | inherited | headline

    def moved(self, **changes) -> "Draft":
        return replace(self, **changes)

    @property
    def attributed(self) -> bool:
        return self.cue is not None


def char_range(tokens) -> tuple[int, int]:
    tokens = list(tokens)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def clause_range(doc: Doc, tokens: list[Token]) -> tuple[int, int] | None:
    """Character range of a clause, without a leading "that" or edge punctuation."""
    tokens = after_dateline(doc, sorted(tokens, key=lambda t: t.i))
    while tokens and (tokens[0].is_punct and not tokens[0].is_quote or tokens[0].lower_ in _TRIM_LEAD
                      and tokens[0].dep_ == "mark" or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_space or tokens[-1].text in _EDGE_PUNCT or tokens[-1].text == "."
                      or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    if sum(1 for t in tokens if not t.is_punct and not t.is_space) < 2:
        return None
    return char_range(tokens)


def word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))
