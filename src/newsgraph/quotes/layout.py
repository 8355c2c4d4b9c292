"""Sentence and paragraph lookups by character offset, with the article text read once."""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

from ..nlp import doc_text


class Layout:
    """Sentence and paragraph lookups by character offset."""

    def __init__(self, doc: Doc, sentences: tuple[Span, ...]):
        self.doc = doc
        self.sentences = sentences
        self._sent_starts = [s.start_char for s in sentences]
        self.text = text = doc_text(doc)  # Doc.text is rebuilt on every access: made once per doc
        self._para_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def sentence_index(self, char: int) -> int:
        return max(0, bisect_right(self._sent_starts, char) - 1)

    def sentences_over(self, start: int, end: int) -> list[Span]:
        first, last = self.sentence_index(start), self.sentence_index(max(start, end - 1))
        return list(self.sentences[first:last + 1])

    def paragraph(self, char: int) -> int:
        return bisect_right(self._para_starts, char) - 1

    def paragraph_bounds(self, char: int) -> tuple[int, int]:
        idx = self.paragraph(char)
        start = self._para_starts[idx]
        end = self._para_starts[idx + 1] - 1 if idx + 1 < len(self._para_starts) else len(self.text)
        return start, end
