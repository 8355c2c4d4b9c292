"""The byline and bio after an article's body, and what the article's metadata says of its authors.

"Author: Maria Jensen" and "Maria Jensen is the trade correspondent of
Euroview.eu" are about who wrote the article, not about the story: their
actors never take the article's country. The authors are people and the
publisher is a news organisation, whatever spaCy reads in their names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..article import BIO, BYLINE
from ..pagelines import opens_wire_credit
from .candidates import NAME, Candidate
from .kb import norm

# Trailing lines that belong to the byline/bio block besides BYLINE, BIO and a wire credit line.
_TRAILER_LINE = re.compile(
    r"^\s*(?:contact|e-?mail|follow (?:him|her|them|us|me)\b"
    r"|copyright|\(c\)|©|all rights reserved|@\w+\s*$)", re.I)
TRAILER_LINES = 12  # the block is at most this many non-blank lines at the end of the text

@dataclass(frozen=True)
class ArticleFacts:
    """What the actors stage knows of the article besides its text."""

    authors: tuple[str, ...] = ()
    publisher: str | None = None

    @classmethod
    def of(cls, article) -> "ArticleFacts":
        if article is None:
            return cls()
        return cls(tuple(article.authors or ()), article.publisher)

    def names(self) -> frozenset[str]:
        found = {norm(a) for a in self.authors} | ({norm(self.publisher)} if self.publisher else set())
        return frozenset(n for n in found if n)


def trailer_start(text: str, facts: ArticleFacts = ArticleFacts()) -> int:
    """Character offset where the byline/bio block after the body begins (len(text) if there is none)."""
    authors = [a for a in facts.authors if a.strip()]
    start, sure = len(text), False
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    for match in reversed(lines[-TRAILER_LINES:]):
        kind = _trailer_line(match.group().strip(), authors)
        if kind is None:
            break
        start, sure = match.start(), sure or kind == "sure"
    # A closing "X is the leader of Y." alone is body text; a byline or an author's name makes it a bio.
    return start if sure and start > 0 else len(text)


def _trailer_line(line: str, authors: list[str]) -> str | None:
    """'sure' for a byline, contact or author line; 'bio' for a bio-shaped line; None for body text."""
    if BYLINE.match(line) or _trailing_credit(line) or _TRAILER_LINE.match(line):
        return "sure"
    if any(line.startswith(a) for a in authors) and len(line) < 300:
        return "sure"
    return "bio" if BIO.match(line) else None


def _trailing_credit(line: str) -> bool:
    """A credit line of the byline block: "Additional reporting by Jane Doe". A bracketed one, "(Reporting
    by Jane Doe in Paris; editing by John Roe)", closes wire copy itself and is left to the body: its
    reporters take the town their clause names or the article's country (sectors._credited_journalists)."""
    return opens_wire_credit(line) and not line.startswith("(")


def mark_authors(doc, cands: list[Candidate], facts: ArticleFacts) -> None:
    """The article's authors are people and its publisher is a news outlet, whatever spaCy says."""
    authors = {norm(a) for a in facts.authors}
    surnames = {a.split()[-1] for a in authors if len(a.split()) > 1}
    publisher = norm(facts.publisher) if facts.publisher else None
    for cand in cands:
        if cand.mention != NAME or cand.source not in ("spacy", "rule"):
            continue
        text = norm(cand.text(doc))
        if text in authors or (text in surnames and cand.end - cand.start == 1):
            cand.etype, cand.sector = "PERSON", cand.sector or "JRN"
        elif text == publisher:
            cand.etype, cand.sector = "ORG", cand.sector or "JRN"
