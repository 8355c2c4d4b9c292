"""Which stretches of a sentence belong to someone other than the writer.

Two sources: the quotes layer (records.Quote: content, cue and speaker
spans), and quotation marks in the text itself, since a scare quote or a
quoted phrase without a speaker is still not the writer's own wording.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterable, Sequence

from ..nlp import span_text, span_tokens
from ..records import Quote
from ..reporting import says_nothing

# Opening mark -> closing marks that may end it (typographic or straight).
PAIRS = {"“": "”\"", "\"": "\"”", "‘": "’'", "'": "'’", "«": "»", "„": "“”"}
# A quoted stretch longer than this is more likely a stray, unmatched mark.
MAX_QUOTED_CHARS = 1500
# Share of a sentence that quoted content must cover to make it attributed.
CONTENT_SHARE = 0.5


@dataclass(frozen=True)
class Region:
    start: int
    end: int

    def overlap(self, start: int, end: int) -> int:
        return max(0, min(self.end, end) - max(self.start, start))


def quoted_regions(text: str) -> tuple[Region, ...]:
    """Stretches between matching quotation marks, marks included."""
    regions: list[Region] = []
    i = 0
    # Only the opening marks are visited (a search, not a loop over every character).
    while (found := _OPENERS.search(text, i)) is not None:
        i = found.start()
        if _opens_quote(text, i):
            end = _closing_mark(text, i, PAIRS[text[i]])
            if end is not None:
                regions.append(Region(i, end + 1))
                i = end + 1
                continue
        i += 1
    return tuple(regions)


_OPENERS = re.compile("[" + re.escape("".join(PAIRS)) + "]")
# Per set of closers: a closing mark, or the first line break of a paragraph break.
_STOPS = {closers: re.compile("[" + re.escape(closers) + "]|\n(?=\n)") for closers in PAIRS.values()}


def _opens_quote(text: str, i: int) -> bool:
    # An apostrophe inside a word ("Russia's", "don't") opens nothing.
    if text[i] in "'’" and i > 0 and text[i - 1].isalnum():
        return False
    return i + 1 < len(text) and not text[i + 1].isspace()


def _closing_mark(text: str, i: int, closers: str) -> int | None:
    limit = min(len(text), i + MAX_QUOTED_CHARS)
    for found in _STOPS[closers].finditer(text, i + 1):
        j = found.start()
        if j >= limit:
            return None
        if text[j] == "\n":
            return None  # quotations in news do not run across paragraphs unclosed
        if _closes_quote(text, j):
            return j
    return None


def _closes_quote(text: str, j: int) -> bool:
    # A single mark followed by a letter is an apostrophe ("Russia’s"), not a closer.
    if text[j] in "'’" and j + 1 < len(text) and text[j + 1].isalpha():
        return False
    return not text[j - 1].isspace()


def direct_regions(quotes: Iterable[Quote]) -> tuple[Region, ...]:
    """Content of direct quotes: the speaker's words, not the writer's."""
    return tuple(Region(q.start, q.end) for q in quotes if q.kind == "direct")


# What an unnamed source is reported to say or write is theirs; what it is said to want, hope or
# see is as often the writer's characterisation ("They want kids to hate themselves").
UNNAMED_SOURCE_CUES = frozenset({"speech", "writing"})
GENERIC_MENTIONS = frozenset({"you", "one"})


# Factive verbs of knowing: "X knows that Y" presents Y as true, so the writer asserts Y and the
# words stay the writer's (the frame still makes the sentence attributed). Verbs of seeing,
# finding and learning are left out: "X found that" reports a finding.
FACTIVE = frozenset({"know", "understand", "realize", "realise", "recognize", "recognise", "grasp"})


def factive_cue(quote: Quote, doc) -> bool:
    """True when the quote's cue is a factive verb of knowing ("understands that", "knows")."""
    if quote.cue is None or quote.kind == "direct":
        return False
    span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    return span is not None and any(t.lemma_ in FACTIVE and t.pos_ == "VERB" for t in span)


def sourced_regions(quotes: Iterable[Quote]) -> tuple[Region, ...]:
    """What a source says, in anyone's words, and its frame ("the senator says").

    A paraphrase of a speaker is theirs, and the frame around it is neutral
    reporting. A speaker the quotes layer resolved to an actor counts for
    every cue; an unresolved mention ("one user commented", "a second person
    said", "the campaign points out") counts when the cue reports speech or
    writing and the mention is not the generic "you": news attributes to
    unnamed sources all the time, and the gold (docs/annotation.md) calls
    their words attributed, while a claim pinned on nobody in particular
    ("they want ...", "critics hope ...") is the writer's characterisation.
    """
    regions = []
    for quote in quotes:
        if not _has_source(quote):
            continue
        regions.append(Region(quote.start, quote.end))
        regions.extend(Region(span.start, span.end) for span in (quote.cue, quote.speaker_mention) if span)
    return tuple(regions)


def _has_source(quote: Quote) -> bool:
    if quote.speaker is not None:
        return True
    mention = quote.speaker_mention
    return (mention is not None and quote.cue_class in UNNAMED_SOURCE_CUES
            and mention.text.strip().lower() not in GENERIC_MENTIONS)


# At most this many words may follow a trailing frame ("..., one user commented on Tuesday.").
TRAILING_WORDS = 4


def trailing_frames(quotes: Sequence[Quote], sentences: Sequence) -> tuple[Region, ...]:
    """The sentence before a frame that ends it: in "He would be a better president "no matter
    what," one user commented", all before ", one user commented" is the user's, even where the
    quotes layer took only the quoted words as content.

    The frame (speaker mention and cue) must follow some of its content, come after a comma
    and be followed by no more than TRAILING_WORDS words.
    """
    starts = [sent.start_char for sent in sentences]
    regions = []
    for quote in quotes:
        frame = [span for span in (quote.cue, quote.speaker_mention) if span]
        if quote.speaker_mention is None or quote.cue is None:
            continue
        k = bisect_right(starts, quote.cue.start) - 1
        if k >= 0 and _trails(sentences[k], quote, min(s.start for s in frame), max(s.end for s in frame)):
            regions.append(Region(sentences[k].start_char, min(s.start for s in frame)))
    return tuple(regions)


def _trails(sent, quote: Quote, frame_start: int, frame_end: int) -> bool:
    offset = sent.start_char
    if not (offset <= quote.start < frame_start <= sent.end_char and quote.end <= frame_start):
        return False
    text = span_text(sent)
    before = text[: frame_start - offset].rstrip().rstrip("\"'”’")
    after = text[frame_end - offset:]
    return before.endswith(",") and len([w for w in after.split() if any(c.isalnum() for c in w)]) <= TRAILING_WORDS


def regions_by_sentence(regions: Sequence, sentences: Sequence) -> list[tuple]:
    """Per sentence, the regions (Regions, Quotes: anything with a start and an end) that overlap
    it, in their given order: the only ones that can touch its words, so a sentence never tests
    a long article's every region (or every token)."""
    order = sorted(range(len(regions)), key=lambda i: regions[i].start)
    starts = [regions[i].start for i in order]
    longest = max((r.end - r.start for r in regions), default=0)
    found = []
    for sent in sentences:
        lo, hi = bisect_left(starts, sent.start_char - longest), bisect_left(starts, sent.end_char)
        here = sorted(i for i in order[lo:hi] if _overlaps(regions[i], sent.start_char, sent.end_char))
        found.append(tuple(regions[i] for i in here))
    return found



def _overlaps(region, start: int, end: int) -> bool:
    return min(region.end, end) > max(region.start, start)


def covered(regions: Sequence[Region], start: int, end: int) -> int:
    """Characters of [start, end) inside any region (regions may overlap)."""
    marks = bytearray(max(0, end - start))
    for region in regions:
        lo, hi = max(region.start, start), min(region.end, end)
        if lo < hi:  # a region elsewhere must not touch (or, sliced backwards, shrink) the marks
            marks[lo - start:hi - start] = b"\x01" * (hi - lo)
    return sum(marks)


def is_attributed(quotes: Sequence[Quote], start: int, end: int, sentence=None, acts: bool = False) -> bool:
    """True when a quote's reporting frame or most of its content lies in the sentence.

    The frame is the cue ("said", "according to") together with content in
    the same sentence, unless (given the parsed `sentence`) the cue sits in a
    clause subordinate to the writer's own statement: "The indexes were mixed
    after CNBC reported that ..." states the market's moves, not CNBC's report.
    A quote that spills from a previous sentence makes this one attributed
    only if it covers most of it. An intention frames the sentence only as its main verb
    (`heads_sentence`), unless `acts` counts every intention too (as the genre does: a sentence
    that reports someone's plan is not the writer's judgement either).
    """
    if not quotes:
        return False
    if sentence is not None:
        quotes = [q for q in quotes if not _reports_an_act(q, sentence)]
    for quote in quotes:
        content_here = Region(quote.start, quote.end).overlap(start, end)
        cue = quote.cue
        if content_here and cue is not None and cue.start < end and start < cue.end:
            if sentence is None or not (subordinate_frame(sentence, cue.start, cue.end)
                                        or not acts and quote.cue_class == "intention"
                                        and not heads_sentence(sentence, cue.start, cue.end)):
                return True
    contents = [Region(q.start, q.end) for q in quotes]
    return covered(contents, start, end) >= CONTENT_SHARE * max(1, end - start)


def _reports_an_act(quote: Quote, sentence) -> bool:
    """True when the quote's cue reports an act, not something said: a refusal to speak."""
    cue = quote.cue
    return cue is not None and any(cue.start <= t.idx < cue.end and says_nothing(t, names_content=False) for t in span_tokens(sentence))


# Clauses that modify a noun; any other clause counts when a conjunction opens it ("after",
# "because", "whether", "if"): "as" opens a frame of its own ("As the paper noted, ..."), and a
# participle ("..., saying that ...") continues the main clause.
NOUN_CLAUSES = frozenset({"relcl", "acl"})
FRAME_MARKS = frozenset({"as", "that"})


def subordinate_frame(sentence, cue_start: int, cue_end: int) -> bool:
    """True when the cue lies in a relative or noun clause, or in a clause opened by a subordinating
    conjunction, below the sentence's main clause: "The indexes fell after CNBC reported ...",
    "He would not discuss whether he was hoping for a post"."""
    cue = [t for t in span_tokens(sentence) if cue_start <= t.idx < cue_end]
    if not cue:
        return False
    for token in (cue[0], *cue[0].ancestors):
        if token.dep_ in NOUN_CLAUSES:
            return True
        if token.dep_ != "ROOT" and any(c.dep_ == "mark" and c.lower_ not in FRAME_MARKS for c in token.children):
            return True
    return False


def heads_sentence(sentence, cue_start: int, cue_end: int) -> bool:
    """True when the cue is the sentence's main verb. What someone wants, plans or refuses gives the
    sentence to them only as its main clause ("Beijing wants Trump to drop the tariffs"); added in a
    clause of its own after the writer's statement ("Police laid siege to the campus ... and threatened
    to use live rounds", "..., but the sponsor declined to renew") it is one more act the writer reports."""
    cue = [t for t in span_tokens(sentence) if cue_start <= t.idx < cue_end]
    root = sentence.root
    # An adjective of intention completing the copula is the main predicate: "the governor is eager to ...".
    return any(t.i == root.i or t.dep_ == "acomp" and t.head.i == root.i and root.lemma_ == "be" for t in cue)


OWN_CLAUSE_WORDS = 5   # a shorter remainder ("Lavrov that") is frame, not a statement
_EDGE = " ,;:—–-.\"'“”‘’()"


def own_clause(sentence, regions: Sequence[Region], after: int | None = None) -> str | None:
    """The longest stretch of the sentence outside everyone else's words, if it is a clause
    of its own ("Blinken said the US seeks ..., although Biden has been extremely hostile").

    Only what comes after the report's frame (`after`, the offset of its first cue) is appended
    to it: in "But X has one thing in common with Y, the columnist suggested: ..." the words
    before the frame are the columnist's."""
    start, end = sentence.start_char, sentence.end_char
    text = span_text(sentence)
    marks = bytearray(end - start)
    if after is not None and after > start:
        regions = (*regions, Region(start, after))
    for region in regions:
        lo, hi = max(region.start, start), min(region.end, end)
        if lo < hi:
            marks[lo - start:hi - start] = b"\x01" * (hi - lo)
    best = ""
    for run in _FREE_RUN.finditer(marks):  # each maximal run of unmarked characters
        piece = text[run.start():run.end()].strip(_EDGE)
        if len(piece) > len(best):
            best = piece
    words = [w for w in best.split() if any(ch.isalpha() for ch in w)]
    # Only a clause the writer appends to the report comments on it ("although ...",
    # "..., which is absurd"); a leading setting ("After months of delays, officials said")
    # or a stretch the quotes layer left out is not the writer's judgement.
    appended = words and words[0].lower() in APPENDED_MARKERS
    if len(words) < OWN_CLAUSE_WORDS or not appended:
        return None
    pieces = set(best.split())
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in span_tokens(sentence) if t.text in pieces)
    return best if has_verb else None


_FREE_RUN = re.compile(b"\x00+")



APPENDED_MARKERS = frozenset({"although", "though", "while", "whereas", "but", "yet", "even", "despite",
                              "which", "a", "an", "something", "nevertheless", "however"})
