"""Loading the spaCy pipeline once, with newsgraph's sentence rules.

News text puts headlines, standfirsts, bylines and paragraphs on lines of
their own without closing punctuation; the parser alone glues them to the
next sentence, so a line break always starts a new sentence here.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import ModelNotFound

LINE_BREAKS = "line_breaks"


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


LONG_RUNS = "long_runs"
# Real sentences of news rarely pass this many tokens; text without punctuation
# (a scraped list, a 200,000-character line) is cut so that no stage's work per
# sentence grows without bound and the cost stays linear in the text's length.
MAX_SENTENCE_TOKENS = 150
_CLOSERS = frozenset(".!?;:")


@Language.component(LONG_RUNS)
def long_runs(doc: Doc) -> Doc:
    run = 0
    for token in doc:
        if token.is_sent_start or (token.i and doc[token.i - 1].text in _CLOSERS):
            run = 0
        if run >= MAX_SENTENCE_TOKENS:
            token.is_sent_start = True
            run = 0
        run += 1
    return doc


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """The named spaCy pipeline with the line-break rule before its parser."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(name) from exc
    before = "parser" if "parser" in nlp.pipe_names else None
    for component in (LINE_BREAKS, LONG_RUNS):
        if component not in nlp.pipe_names:
            nlp.add_pipe(component, before=before) if before else nlp.add_pipe(component, last=True)
    return nlp


def sentences(doc: Doc) -> tuple[Span, ...]:
    """The article's sentences, stripped of surrounding whitespace tokens.

    Their order defines the contract's sentence indices.
    """
    out = []
    for sent in doc.sents:
        start, end = sent.start, sent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end > start:
            out.append(doc[start:end])
    return tuple(out)
