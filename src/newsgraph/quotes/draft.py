"""The working form of a quote before it becomes a `records.Quote`.

Finders produce drafts (content range, cue, speaker token); the stage merges
them, fills in speaker mentions, addressees and the via chain, and resolves
entities.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..nlp import dateline_end
from ..nlp import tokens as doc_tokens
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
    tokens = sorted(tokens, key=lambda t: t.i)
    if tokens:
        tokens = _without_dateline(doc, tokens)
    while tokens and (tokens[0].is_punct and not tokens[0].is_quote or tokens[0].lower_ in _TRIM_LEAD
                      and tokens[0].dep_ == "mark" or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_space or tokens[-1].text in _EDGE_PUNCT or tokens[-1].text == "."
                      or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    if sum(1 for t in tokens if not t.is_punct and not t.is_space) < 2:
        return None
    return char_range(tokens)


DATELINE_REACH = 200  # characters: no dateline ("OSLO, Norway, May 3 (AP) —") runs longer
_LINE_TOKENS = 60     # tokens of a line read to find its dateline


def _without_dateline(doc: Doc, tokens: list[Token]) -> list[Token]:
    """`nlp.after_dateline` on the line's opening tokens only, not the whole text (`Doc.text`
    is rebuilt on every read, and clauses are many). The doc's Token objects are read once made
    (`nlp.tokens`): every clause walks back over its line."""
    first, toks = tokens[0], doc_tokens(doc)
    i = first.i
    while i > 0 and "\n" not in toks[i - 1].text_with_ws:
        if first.idx - toks[i - 1].idx > DATELINE_REACH:
            return tokens  # the line starts too far back for a dateline to reach this clause
        i -= 1
    lead = toks[i - 1].text_with_ws.rpartition("\n")[2] if i > 0 else ""
    line_start = toks[i].idx - len(lead)
    line = lead + "".join(t.text_with_ws for t in toks[i:i + _LINE_TOKENS])
    cut = dateline_end(line.split("\n", 1)[0])
    return tokens if cut is None else [t for t in tokens if t.idx >= line_start + cut]


def word_count(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))
