"""Loading the spaCy pipeline once, with newsgraph's sentence rules.

News text puts headlines, standfirsts, bylines and paragraphs on lines of
their own without closing punctuation; the parser alone glues them to the
next sentence, so a line break always starts a new sentence here.

The `line_breaks` component sets what the parser may do, before it runs:
- on a line, a sentence opens only after a full stop, "!", "?" or an
  ellipsis (and the quote marks and brackets closing after it), and never
  at a lower-case word ("3 p.m. on Monday"): the parser
  alone also cuts after a dash ("Headline - The Outlet"), inside title-case
  headlines and in the middle of long run-on clauses;
- a dateline ("OSLO (AP) —", "PARIS, Aug 31 (Reuters) -", "VIENNA —") opens
  the sentence after it: no sentence may start inside it or right after it;
- a closing quotation mark after a full stop, "!" or "?" ends the sentence
  it closes (the parser likes to start the next one with it), and what
  follows goes on with the same sentence when it is lower case ("“Help!”
  one reader wrote.") or, after "!" or "?", an attribution by a verb of
  speech ("“Why now?” Ana Ruiz asked.");
- links closing a line go with the sentence before them (an embedded post);
- page lines (`pagelines.py`: separators, timestamps, bylines, credits,
  teasers, widgets, post signatures, section labels) are kept whole, and
  `sentences()` leaves them out, and lines of names or places only (a
  letter's signature), so no layer (events, quotes, voice) ever sees them
  and the contract's sentence indices skip them.
"""
from __future__ import annotations

import re
import threading
import weakref
from functools import lru_cache
from typing import Iterator

import numpy as np
from spacy.attrs import HEAD, IDX, IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from .errors import ModelNotFound
from .fastspacy import faster_components
from .pagelines import is_non_sentence
from .reporting import reporting_verbs

LINE_BREAKS = "line_breaks"

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_PLACE = r"[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}"
_DASH = r"(?:—|–|--?)"
# PLACE[, REGION[, COUNTRY]][, Month D[, YYYY]] then "(AGENCY) —", "(AGENCY)" glued to the
# first word, or a bare dash after the place.
DATELINE = re.compile(
    rf"^[ \t]*{_PLACE}(?:, {_PLACE}){{0,2}}(?:,? {_MONTH}\.? \d{{1,2}}(?:, \d{{4}})?)?"
    rf"(?:\s*\([A-Z][\w.&'’ /\-]{{0,30}}\)(?:[ \t]*{_DASH}(?=\s|$)|(?=[A-Z\"“‘]))|[ \t]+{_DASH}(?=\s|$))"
)

# Each doc's text, for as long as the doc lives (a str does not refer back to its doc, so the
# doc is not kept alive). One slot for the last doc was not enough: the pipeline cuts the
# sentences of a whole batch, then the voice stage primes the batch, then each article runs,
# and the slot was refilled about seven times a doc.
_TEXTS: "weakref.WeakKeyDictionary[Doc, str]" = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """`doc.text`, which spaCy rebuilds from every token on each access (about a millisecond
    for an article), made once per doc; a weak reference, so the doc is not kept alive."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def dateline_end(line: str) -> int | None:
    """Where the dateline opening `line` ends (after its dash), or None if it has none."""
    m = DATELINE.match(line)
    return m.end() if m else None


def after_dateline(doc: Doc, tokens: list) -> list:
    """The tokens (in order) less any inside the dateline that opens their line.

    A dateline is part of its sentence but of nothing said in it: a quote's
    content or a clause never starts with "OSLO (AP) —".
    """
    if not tokens:
        return tokens
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, tokens[0].idx) + 1
    line_end = text.find("\n", line_start)
    cut = dateline_end(text[line_start: line_end if line_end >= 0 else len(text)])
    return tokens if cut is None else [t for t in tokens if t.idx >= line_start + cut]


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in re.finditer(r"\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


# Where, on a line, a sentence may open: after a full stop, "!", "?" or an ellipsis, and the closing
# quote marks and brackets after it. The parser alone also opens sentences after a dash, a colon or
# in the middle of a long run-on clause ("... hacked into the DNC | and we know ..."); news text
# always closes a sentence before the next one on the same line, so those are cut here.
_MAY_OPEN = re.compile(r"[.!?…][\"”’'»)\]]*[^\S\n]+")
_LINE_OPEN = re.compile(r"\n\s*")
# A closing quotation mark right after a full stop, "!" or "?".
_CLOSING_QUOTE = re.compile(r"(?<=[.!?])[\"”’']")
# Links closing a line after a sentence: an embedded post's "... slogan. https://t.co/x" is one sentence.
_TRAILING_LINKS = re.compile(r"(?<=[.!?…\"”’'])[^\S\n]+(?=(?:(?:https?://|www\.|pic\.twitter\.com/)\S+[^\S\n]*)+(?:\n|$))")


class Boundaries:
    """The sentence starts of one doc before the parser: 1 a start, -1 none, 0 the parser's choice.

    Read and written as arrays (`Doc.to_array`/`from_array`), not token by token: making a Token
    object per token was most of this component's time.
    """

    def __init__(self, doc: Doc):
        self.doc, self.text = doc, doc_text(doc)
        self.idx = doc.to_array(IDX).astype(np.int64)
        self.space = doc.to_array(IS_SPACE).astype(bool)
        self.starts = doc.to_array(SENT_START).view(np.int64).copy()

    def at(self, char: int) -> int | None:
        """The token starting at this character, if one does."""
        k = int(np.searchsorted(self.idx, char))
        return k if k < len(self.idx) and self.idx[k] == char else None

    def tokens(self, start: int, end: int) -> list[int]:
        """The tokens starting in [start, end) that are not whitespace."""
        lo, hi = np.searchsorted(self.idx, (start, end))
        return [k for k in range(int(lo), int(hi)) if not self.space[k]]

    def keep_together(self, indices: list[int]) -> None:
        """No sentence starts at any of these tokens but the first."""
        self.starts[indices[1:]] = -1

    def write(self) -> Doc:
        self.doc.from_array([SENT_START], self.starts.view(np.uint64))
        return self.doc


class LineBreaks:
    """The `line_breaks` component (see the module's docstring); knows the reporting verbs' forms."""

    def __init__(self, forms: frozenset[str]):
        self.forms = forms

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2:
            return doc
        b = Boundaries(doc)
        _open_lines(b)
        _only_after_full_stops(b)
        _closing_quotes(b, self.forms)
        for m in _TRAILING_LINKS.finditer(b.text):
            _no_start(b, m.end())
        _page_lines(b)
        return b.write()


@Language.factory(LINE_BREAKS)
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks(reporting_forms(nlp))


def _open_lines(b: Boundaries) -> None:
    """A line break starts a sentence: the token after the one holding the break."""
    newlines = [m.start() for m in re.finditer("\n", b.text)]
    after = np.searchsorted(b.idx, newlines, side="right")  # the holder's index + 1
    b.starts[after[after < len(b.idx)]] = 1


def _only_after_full_stops(b: Boundaries) -> None:
    may = np.zeros(len(b.text) + 1, dtype=bool)
    may[0] = True
    for pattern in (_MAY_OPEN, _LINE_OPEN):
        may[[m.end() for m in pattern.finditer(b.text)]] = True
    free = (b.starts == 0) & ~b.space
    b.starts[free & ~may[b.idx]] = -1
    # nor before a lower-case word, on the line: "3 p.m. on Monday", "failed... and then"
    lower = [k for k in np.flatnonzero(free & may[b.idx]) if b.text[b.idx[k]].islower()]
    b.starts[lower] = -1


def _no_start(b: Boundaries, char: int) -> None:
    k = b.at(char)
    if k is not None:
        b.starts[k] = -1


def _closing_quotes(b: Boundaries, forms: frozenset[str]) -> None:
    """A closing quote mark after a full stop, "!" or "?" ends the sentence it closes; what comes
    after goes on with it when it is lower case ("“Help!” one reader wrote.") or, after "!" or "?",
    an attribution ("“Why now?” Ana Ruiz asked.")."""
    text = b.text
    for m in _CLOSING_QUOTE.finditer(text):
        k = b.at(m.start())
        if k is None:
            continue
        b.starts[k] = -1
        nxt = b.at(m.end() + 1) if text[m.end():m.end() + 1] == " " else None
        if nxt is not None and (text[m.end() + 1].islower() or
                                (text[m.start() - 1] in "!?" and _attribution(b.doc, nxt, forms))):
            b.starts[nxt] = -1


# The tags (the tagger runs before this component) a speaker is made of: "Ana Ruiz", "The mayor".
_SPEAKER_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "DT", "JJ", "PRP", "PRP$"})
MAX_SPEAKER_TOKENS = 4


def _attribution(doc: Doc, k: int, forms: frozenset[str]) -> bool:
    """A speaker of up to four words then a reporting verb of speech: "Ana Ruiz asked", "The mayor
    told reporters"; not "Others saw ..." (perception) nor "X said that ..." (a new clause)."""
    for i in range(k, min(k + 1 + MAX_SPEAKER_TOKENS, len(doc))):
        tag = doc[i].tag_
        if tag.startswith("VB") and i > k:
            return doc[i].lower_ in forms and (i + 1 == len(doc) or doc[i + 1].lower_ != "that")
        if tag not in _SPEAKER_TAGS:
            return False
    return False


def _page_lines(b: Boundaries) -> None:
    """Separator, timestamp and page lines are kept whole; a dateline opens the sentence after it."""
    text = b.text
    for start, end in _lines(text):
        line = text[start:end]
        if is_non_sentence(line):
            b.keep_together(b.tokens(start, end))
            continue
        cut = dateline_end(line)
        if cut is None:
            continue
        inside = b.tokens(start, start + cut)
        after = next((k for k in range(inside[-1] + 1, len(b.idx)) if not b.space[k]), None) if inside else None
        b.keep_together(inside + ([after] if after is not None else []))


def reporting_forms(nlp: Language | None = None) -> frozenset[str]:
    """The inflected forms of the verbs that attribute a direct quote, those of speech and writing
    ("says", "asked", "replied", and "said" from the model's lemmatizer exceptions): the lexicon
    holds lemmas, and the lemmatizer runs after the parser, too late for this component. Verbs of
    thought and perception are left out: after a quote, "Others saw ..." is a new sentence."""
    lemmas = {lemma for lemma, verb in reporting_verbs().items()
              if lemma.isalpha() and verb.cls in _QUOTING and verb.sense in _SAID}
    forms = set(lemmas)
    for lemma in lemmas:
        forms.update(_regular_forms(lemma))
    forms.update(form for form, of in _verb_exceptions(nlp).items() if lemmas.intersection(of))
    return frozenset(forms)


_QUOTING = frozenset({"speech", "continue"})
_SAID = frozenset({"speech", "writing"})


def _regular_forms(lemma: str) -> list[str]:
    if lemma.endswith("e"):
        return [lemma + "s", lemma + "d"]
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return [lemma[:-1] + "ies", lemma[:-1] + "ied"]
    ending = "es" if lemma.endswith(("s", "x", "z", "ch", "sh")) else "s"
    return [lemma + ending, lemma + "ed", lemma + lemma[-1] + "ed"]


def _verb_exceptions(nlp: Language | None) -> dict[str, list[str]]:
    for _name, proc in (nlp.pipeline if nlp is not None else ()):
        lookups = getattr(proc, "lookups", None)
        if lookups is not None and lookups.has_table("lemma_exc"):
            return dict(lookups.get_table("lemma_exc").get("verb", {}))
    return {}


LONG_RUNS = "long_runs"
# Real sentences of news rarely pass this many tokens; text without punctuation
# (a scraped list, a 200,000-character line) is cut so that no stage's work per
# sentence grows without bound and the cost stays linear in the text's length.
MAX_SENTENCE_TOKENS = 150
# Only after these may a sentence open on a line (line_breaks), so only these end a run.
_CLOSERS = (".", "!", "?", "…")


@Language.component(LONG_RUNS)
def long_runs(doc: Doc) -> Doc:
    """Every MAX_SENTENCE_TOKENS-th token of a run (from a sentence start or a closer) starts one."""
    if len(doc) <= MAX_SENTENCE_TOKENS:
        return doc
    starts = doc.to_array(SENT_START).view(np.int64).copy()
    closers = [doc.vocab.strings.add(c) for c in _CLOSERS]
    closes = np.isin(doc.to_array(ORTH), np.array(closers, dtype=np.uint64))
    reset = starts == 1
    reset[0] = True
    reset[1:] |= closes[:-1]
    positions = np.arange(len(doc))
    run_start = np.maximum.accumulate(np.where(reset, positions, 0))
    cut = (positions - run_start) % MAX_SENTENCE_TOKENS == 0
    starts[cut & ~reset] = 1
    doc.from_array([SENT_START], starts.view(np.uint64))
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
    faster_components(nlp)
    return nlp


def sentences(doc: Doc) -> tuple[Span, ...]:
    """The article's sentences, stripped of surrounding whitespace tokens.

    Separator, timestamp and page lines are left out, and lines of names or
    places only. Their order defines the contract's sentence indices.
    """
    out = []
    text = doc_text(doc)
    for sent in doc.sents:
        start, end = sent.start, sent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end > start and not _furniture(doc, text, start, end):
            out.append(doc[start:end])
    return tuple(out)


def _furniture(doc: Doc, text: str, start: int, end: int) -> bool:
    """The span is (inside) one page line of `text` (doc.text), or is a line of names or places."""
    first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    if "\n" in text[first:last]:
        return False
    line_start = text.rfind("\n", 0, first) + 1
    line_end = text.find("\n", last)
    line = text[line_start: line_end if line_end >= 0 else len(text)]
    if is_non_sentence(line):
        return True
    whole_line = line.strip() == text[first:last]
    return whole_line and bool(text[:line_start].strip()) and _names_only(doc[start:end])


MAX_SIGNATURE_TOKENS = 8
_NAMES = frozenset({"PERSON"})
_PLACES = frozenset({"GPE", "LOC"})


def _names_only(span: Span) -> bool:
    """A signature line: a person's name, or a place "City, State", and nothing else ("Jane Doe.",
    "Austin, Texas.", "Jane Doe, Austin"). The title line is never one: a headline in title case
    ("Obama Speaks") may pass for a name."""
    if len(span) > MAX_SIGNATURE_TOKENS:
        return False
    kinds = set()
    for token in span:
        if token.text in (",", "."):
            continue
        if token.ent_type_ not in _NAMES and token.ent_type_ not in _PLACES:
            return False
        kinds.add(token.ent_type_)
    return bool(kinds & _NAMES) or (bool(kinds) and any(t.text == "," for t in span))


_TOKENS = threading.local()  # per thread: the web server may analyse in several threads


def tokens(doc: Doc) -> tuple:
    """The doc's Token objects, made once for the doc in hand: spaCy makes a fresh Token object on
    every `doc[i]` and every pass of `for t in doc` or `for t in span`, and passes over the same
    doc add up to millions of them. A span's tokens are `tokens(span.doc)[span.start:span.end]`.
    The doc is held by a weak reference, but its tokens refer to it, so the last doc seen in each
    thread stays alive until the next one replaces it."""
    held = getattr(_TOKENS, "doc", None)
    if held is None or held() is not doc:
        _TOKENS.doc, _TOKENS.tokens, _TOKENS.children = weakref.ref(doc), tuple(doc), None
    return _TOKENS.tokens


def children(token) -> tuple:
    """`token.children` from the doc's Token objects made once (`tokens`), in the same order (by
    index): spaCy's makes a new Token for each child on every pass, and the rules ask each verb's
    children many times."""
    toks = tokens(token.doc)
    if _TOKENS.children is None:
        _TOKENS.children = _children_of(toks)
    return _TOKENS.children[token.i]


def _children_of(toks: tuple) -> list[tuple]:
    kids: list[list] = [[] for _ in toks]
    if toks:
        heads = toks[0].doc.to_array(HEAD).astype(np.int64)  # offsets: 0 for a root
        for i, offset in enumerate(heads.tolist()):
            if offset:
                kids[i + offset].append(toks[i])
    return [tuple(k) for k in kids]


def span_tokens(span) -> tuple:
    """The span's Token objects, from the doc's made once (`tokens`)."""
    return tokens(span.doc)[span.start:span.end]


def child(token, *deps: str):
    """The token's first child with one of these dependency labels, or None."""
    return next((c for c in children(token) if c.dep_ in deps), None)


def span_text(span) -> str:
    """`span.text` cut from the doc's text (`doc_text`) instead of rebuilt from its tokens
    (anything else with a text, as a test's stand-in for a sentence, gives its own)."""
    doc = getattr(span, "doc", None)
    return span.text if doc is None else doc_text(doc)[span.start_char:span.end_char]
