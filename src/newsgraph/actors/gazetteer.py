"""Finding knowledge-base and memory names in a parsed article.

Names are compared on the article's own characters (`norm` of the text
between two token boundaries), so "RFE/RL" matches whatever way the tokenizer
split it. Longest match wins, left to right.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from ..nlp import tokens as doc_tokens
from .candidates import text_of
from .kb import Hit, KnowledgeBase, norm
from .memory import Memory

MAX_TOKENS = 8
_FIRST_WORD = re.compile(r"[^\W_]+(?:\.[^\W_]+)*\.?|\S")


@dataclass(frozen=True)
class NameMatch:
    start: int  # token index, inclusive
    end: int  # token index, exclusive
    hits: tuple[Hit, ...]


class Gazetteer:
    def __init__(self, kb: KnowledgeBase, memory: Memory):
        self.kb = kb
        self.memory = memory
        names = list(kb.names()) + list(memory.names())
        self.first_words = frozenset(w for n in names for w in _first_words(n))
        self.short_caps = _short_capitals(kb, memory)
        self.lower_forms = _lowercase_forms(kb)

    def hits(self, text: str) -> tuple[Hit, ...]:
        known = self.memory.get(text)
        found = self.kb.lookup(text)
        if known is not None:
            return (Hit("memory", "name", known.name, known.country),) + found
        return found

    def find(self, doc: Doc) -> list[NameMatch]:
        found: list[NameMatch] = []
        tokens = list(doc_tokens(doc))  # one Token object each, not one per look (nor per pass over the doc)
        i = 0
        while i < len(doc):
            match = self._longest_at(doc, tokens, i)
            if match:
                found.append(match)
                i = match.end
            else:
                i += 1
        return found

    def _longest_at(self, doc: Doc, tokens: list, i: int) -> NameMatch | None:
        first = tokens[i]
        if first.is_space or first.is_punct or norm(first.text) not in self.first_words:
            return None
        text = text_of(doc)
        for j in range(min(len(doc), i + MAX_TOKENS), i, -1):
            last = tokens[j - 1]
            if last.is_space or (j - 1 > i and last.is_punct and last.text not in ".)"):
                continue
            surface = text[first.idx:last.idx + len(last.text)]
            hits = self.hits(surface)
            if hits and (_case_fits(surface, self.short_caps) or surface in self.lower_forms):
                return NameMatch(i, j, hits)
        return None


def _first_words(name: str) -> tuple[str, ...]:
    """The name's first word as a tokenizer may cut it: "PG" of "PG&E", and "PG&E" whole, which spaCy
    keeps as one token."""
    match = _FIRST_WORD.match(name)
    whole = name.split()[0] if name.split() else ""
    return (norm(match.group(0)) if match else "", norm(whole))


def _short_capitals(kb: KnowledgeBase, memory: Memory) -> frozenset[str]:
    """Keys written in capitals ("US", "UN", "AP"): these must match in capitals."""
    forms = [n for s in kb.states.values() for n in s.names + s.adjectives]
    forms += [n for o in kb.organisations.values() for n in (o.name,) + o.aliases]
    forms += [a.name for a in memory.by_name.values()]
    return frozenset(norm(f) for f in forms if f.replace(".", "").isupper() and len(f.replace(".", "")) <= 5)


def _lowercase_forms(kb: KnowledgeBase) -> frozenset[str]:
    """Names written with a small first letter ('al-Qaeda', 'dpa'): matched exactly as written."""
    forms = [n for o in kb.organisations.values() for n in (o.name,) + o.aliases]
    forms += [n for offices in kb.offices.values() for o in offices for n in (o.name,) + o.aliases]
    return frozenset(f for f in forms if f[:1].islower())


def _case_fits(surface: str, short_caps: frozenset[str]) -> bool:
    """Names start with a capital; names known in capitals must be written so ("US", not "Us")."""
    if not (surface[0].isupper() or surface[0].isdigit()):
        return False
    if norm(surface) in short_caps:
        return surface.replace(".", "").isupper()
    return True
