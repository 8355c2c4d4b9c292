"""The voice lexicons (src/newsgraph/data/voice/*.txt) and matching them on tokens.

Each file lists lowercase lemmas or multi-word phrases, one a line. A token
matches an entry by its lowercase form or its lemma, so "stoked" finds
"stoke"; a phrase matches a run of tokens word by word the same way.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Sequence

from spacy.tokens import Token


@dataclass(frozen=True)
class Lexicon:
    """One word list: single words and phrases, each a tuple of words."""

    name: str
    words: frozenset[str]
    # first word -> phrases starting with it, longest first
    phrases: dict[str, tuple[tuple[str, ...], ...]]

    def matches(self, tokens: Sequence[Token], forms: Sequence[tuple[str, str]] | None = None) -> list[tuple[int, int]]:
        """(first, last+1) token positions of every entry found, longest first at each start.
        `forms`: token_forms(tokens), when the caller matches several lexicons on the same tokens."""
        forms = token_forms(tokens) if forms is None else forms
        found: list[tuple[int, int]] = []
        starts = self.starts
        i = 0
        while i < len(forms):
            lower, lemma = forms[i]
            # Most tokens start no entry: one look-up each instead of _match_at's several.
            width = self._match_at(forms, i) if lower in starts or lemma in starts else 0
            if width:
                found.append((i, i + width))
                i += width
            else:
                i += 1
        return found

    @cached_property
    def starts(self) -> frozenset[str]:
        """Every word an entry can start with: the single words and the phrases' first words."""
        return self.words | frozenset(self.phrases)

    def _match_at(self, forms: Sequence[tuple[str, str]], i: int) -> int:
        lower, lemma = forms[i]
        # The form's phrases, then the lemma's (a set here once made the order vary between runs).
        for key in (lower,) if lower == lemma else (lower, lemma):
            for phrase in self.phrases.get(key, ()):
                if _phrase_at(forms, i, phrase):
                    return len(phrase)
        return 1 if lower in self.words or lemma in self.words else 0


def token_forms(tokens: Sequence[Token]) -> list[tuple[str, str]]:
    """Each token's lowercase form and lowercase lemma: what an entry matches."""
    return [(token.lower_, token.lemma_.lower()) for token in tokens]


def token_in(token: Token, words: frozenset[str]) -> bool:
    return token.lower_ in words or token.lemma_.lower() in words


def _phrase_at(forms: Sequence[tuple[str, str]], i: int, phrase: tuple[str, ...]) -> bool:
    if i + len(phrase) > len(forms):
        return False
    return all(forms[i + k][0] == w or forms[i + k][1] == w for k, w in enumerate(phrase))


def _as_tokens(entry: str) -> str:
    """An entry spelt as spaCy tokenises it: "so-called" is the three tokens so - called."""
    return " - ".join(part.strip() for part in entry.split("-")) if "-" in entry.strip("-") else entry


@lru_cache(maxsize=None)
def lexicon(name: str) -> Lexicon:
    text = resources.files("newsgraph").joinpath("data", "voice", f"{name}.txt").read_text(encoding="utf-8")
    entries = [_as_tokens(line.strip().lower()) for line in text.splitlines()]
    entries = [e for e in entries if e and not e.startswith("#")]
    words = frozenset(e for e in entries if " " not in e)
    # Longest phrases first so "sorry state of" would win over "sorry state" at the same start.
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted((tuple(e.split()) for e in entries if " " in e), key=len, reverse=True):
        by_first.setdefault(phrase[0], []).append(phrase)
    return Lexicon(name, words, {k: tuple(v) for k, v in by_first.items()})

