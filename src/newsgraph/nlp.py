"""Loading the spaCy pipeline once, with newsgraph's sentence rules.

News text puts headlines, standfirsts, bylines and paragraphs on lines of
their own without closing punctuation; the parser alone glues them to the
next sentence, so a line break always starts a new sentence here.

Wire copy adds three things the parser gets wrong, handled by the same
component before the parser runs:
- a dateline ("OSLO (AP) —", "PARIS, Aug 31 (Reuters) -", "VIENNA —") opens
  the sentence after it: no sentence may start inside it or right after it;
- a closing quotation mark after a full stop, "!" or "?" ends the sentence
  it closes (the parser likes to start the next one with it), and a
  lower-case word right after it goes on with the same sentence ("“Help!”
  one reader wrote.");
- separator lines ("___", "* * *", "---") and timestamp lines ("Updated
  10:42 a.m. ET, March 4, 2016") are not sentences: the parser may not cut
  them up, and `sentences()` leaves them out, so no layer (events, quotes,
  voice) ever sees them and the contract's sentence indices skip them.
  Page lines are left out the same way: a byline of names only ("By Jane
  Doe and John Roe, Reuters"; article.BYLINE, the pattern that finds the
  authors), a photo credit ("Photo: Jane Doe/AP", "(AP Photo/Jane Doe)"), a
  wire credit line ("(Reporting by Jane Doe in Paris; editing by John Roe)")
  and a link to more ("Read more: ...", "Related: ...", "Sign up for ...").
"""
from __future__ import annotations

import re
import threading
import weakref
from functools import lru_cache
from typing import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from .article import BYLINE, NAME_SPLIT
from .errors import ModelNotFound

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
# The words a timestamp line is made of; time zones are upper case (ET, GMT, AEST).
_STAMP_WORDS = re.compile(
    r"(?i:published|updated|posted|last|first|modified|on|at|of)\b:?|"
    rf"(?:{_MONTH}|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b\.?|[ap]\.?m\b\.?|[AP]\.?M\b\.?|[A-Z]{{1,5}}\b|"
    r"\d+(?:[:./\-]\d+)*(?:st|nd|rd|th)?|[,|()+:\-–—/.]"
)
_STAMP_ANCHOR = re.compile(rf"\d{{1,2}}[:.]\d{{2}}|\b{_MONTH}\b|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}")


_LAST_TEXT = threading.local()  # per thread: the web server may analyse in several threads


def doc_text(doc: Doc) -> str:
    """`doc.text`, which spaCy rebuilds from every token on each access (about a millisecond
    for an article), kept for the doc in hand; a weak reference, so the doc is not kept alive."""
    held = getattr(_LAST_TEXT, "doc", None)
    if held is None or held() is not doc:
        _LAST_TEXT.doc, _LAST_TEXT.text = weakref.ref(doc), doc.text
    return _LAST_TEXT.text


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


# A page line's opening: a photo credit, or a link to more reading or to a newsletter.
_CREDIT = re.compile(r"^\(?(?:(?:AP|AFP|Reuters|Getty)\s+)?(?:Photo(?:graph)?|Image|Picture|Illustration|Credit)s?"
                     r"(?:\s*[:/]|\s+(?:by|credit|courtesy)\b)", re.I)
_MORE = re.compile(r"^(?:Read (?:more|also)|See also|Related(?: coverage| stories)?|More on this)\b\s*[:>»\-–—|]"
                   r"|^(?:Read more|Click here|Sign up|Subscribe)\b", re.I)
_NAME = re.compile(r"^[A-Z][\w.'’\-]*(?: (?:[A-Z][\w.'’\-]*|de|van|von|der|al|bin))*$")
MAX_PAGE_LINE_WORDS = 14
# A wire credit line: clauses "<task> by <names>[ in <place>]" joined by ";" (or ", " before the next
# task), in parentheses or not: "Reporting by Jane Doe in Paris; additional reporting by John Roe;
# editing by Mark Poe". Every clause must be one, so no prose passes.
_TASK = (r"(?:(?:additional|further|extra)\s+)?"
         r"(?:reporting|writing|editing|research|compiled|compiling|production|graphics|photography|translation)")
_CREDIT_CLAUSE = re.compile(rf"^{_TASK}(?:\s+(?:and|&)\s+{_TASK})?\s+by\s+(?P<names>\S.*)$", re.I)
_CREDIT_SPLIT = re.compile(rf"\s*;\s*|,\s*(?={_TASK}\s+(?:(?:and|&)\s+\w+\s+)?by\b)", re.I)
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}$")
_ADDITIONAL = re.compile(r"^(?:additional|further|extra)\s", re.I)
MAX_CREDIT_LINE_WORDS = 60


def is_non_sentence(line: str) -> bool:
    """A separator rule, a bare timestamp or a page line: furniture, not a sentence."""
    body = line.strip()
    if not body:
        return False
    if not any(ch.isalnum() for ch in body):
        return len(body.replace(" ", "")) >= 3
    if _page_line(body):
        return True
    words = body.replace(",", " , ").split()
    if len(words) > 14 or not _STAMP_ANCHOR.search(body):
        return False
    return all(_covered(w) for w in words)


def _page_line(body: str) -> bool:
    """A byline of names only, a photo credit, a wire credit line or a link to more: short, and no prose."""
    if _wire_credit(body):
        return True
    if len(body.split()) > MAX_PAGE_LINE_WORDS:
        return False
    if _CREDIT.match(body) or _MORE.match(body):
        return True
    m = BYLINE.match(body)
    names = NAME_SPLIT.split(m.group("names").rstrip(".")) if m and body[:1].isupper() else []
    return _all_names(names)


def _all_names(names: list[str]) -> bool:
    return bool(names) and all(_NAME.match(n.strip()) and len(n.split()) <= 4 for n in names)


def _wire_credit(body: str) -> bool:
    """ "(Reporting by Jane Doe in Paris; editing by John Roe)": every clause a task done by named people."""
    if len(body.split()) > MAX_CREDIT_LINE_WORDS or not body[:2].lstrip("(")[:1].isupper():
        return False
    inner = body.rstrip(". ")
    bracketed = inner.startswith("(") and inner.endswith(")")
    parts = _CREDIT_SPLIT.split(inner[1:-1] if bracketed else inner)
    if len(parts) < 2 and not bracketed and not _ADDITIONAL.match(inner):
        return False  # one bare clause may be a headline ("Research by Harvard Scientists")
    clauses = [_CREDIT_CLAUSE.match(c.strip(" .")) for c in parts]
    return all(m and _all_names([_IN_PLACE.sub("", n) for n in NAME_SPLIT.split(m.group("names").strip())])
               for m in clauses)


def _covered(word: str) -> bool:
    pos = 0
    while pos < len(word):
        m = _STAMP_WORDS.match(word, pos)
        if not m or m.end() == pos:
            return False
        pos = m.end()
    return True


def _lines(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in re.finditer(r"\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _tokens_from(doc: Doc, start: int, end: int) -> list[int]:
    """Indices of the tokens starting in [start, end) that are not whitespace."""
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return [t.i for t in span if not t.is_space and start <= t.idx < end] if span is not None else []


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    _closing_quotes(doc)
    text = doc_text(doc)
    for start, end in _lines(text):
        line = text[start:end]
        if is_non_sentence(line):
            _keep_together(doc, _tokens_from(doc, start, end))
            continue
        cut = dateline_end(line)
        if cut is None:
            continue
        inside = _tokens_from(doc, start, start + cut)
        after = next((t.i for t in doc[inside[-1] + 1:] if not t.is_space), None) if inside else None
        _keep_together(doc, inside + ([after] if after is not None else []))
    return doc


CLOSING = frozenset('"”’\'')
FINAL = frozenset(".!?")


def _closing_quotes(doc: Doc) -> None:
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.text not in CLOSING or before.whitespace_ or before.text[-1:] not in FINAL:
            continue
        token.is_sent_start = False
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is not None and token.whitespace_ and "\n" not in token.whitespace_ and nxt.text[:1].islower():
            nxt.is_sent_start = False


def _keep_together(doc: Doc, indices: list[int]) -> None:
    """No sentence starts at any of these tokens but the first."""
    for i in indices[1:]:
        doc[i].is_sent_start = False


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

    Separator and timestamp lines are left out. Their order defines the
    contract's sentence indices.
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
    """The span is (inside) one separator or timestamp line of `text` (doc.text)."""
    first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    if "\n" in text[first:last]:
        return False
    line_start = text.rfind("\n", 0, first) + 1
    line_end = text.find("\n", last)
    return is_non_sentence(text[line_start: line_end if line_end >= 0 else len(text)])


_TOKENS = threading.local()  # per thread, as _LAST_TEXT


def tokens(doc: Doc) -> tuple:
    """The doc's Token objects, made once for the doc in hand: spaCy makes a fresh Token object on
    every `doc[i]` and every pass of `for t in doc` or `for t in span`, and passes over the same
    doc add up to millions of them. A span's tokens are `tokens(span.doc)[span.start:span.end]`.
    The doc is held by a weak reference, but its tokens refer to it, so the last doc seen in each
    thread stays alive until the next one replaces it."""
    held = getattr(_TOKENS, "doc", None)
    if held is None or held() is not doc:
        _TOKENS.doc, _TOKENS.tokens = weakref.ref(doc), tuple(doc)
    return _TOKENS.tokens
