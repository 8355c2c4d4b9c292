"""Putting the finders together: clauses meet quotation marks, orphans inherit.

- A reported clause whose words are all inside quotation marks is a direct
  quote, widened to the whole marked span (which may run over several
  sentences); one with quoted and unquoted words is mixed.
- Clauses whose cue sits inside a quotation ("I think ...") are the quoted
  speaker's own words, not a separate attribution.
- A marked quote with no cue of its own takes the speaker of the colon
  sentence introducing it, of a quote in its paragraph, of the quote just
  before it when it fills a paragraph of its own, or of the named person whose
  sentence it follows to the paragraph's end.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..nlp import after_dateline

from .cues import cues_in, phrase_head
from .direct import colon_intro, mark_draft, speaker_after, subject_before
from .layout import Layout
from .draft import DIRECT, MIXED, Draft, word_count
from .lexicon import ACT, CONTINUE, LABEL, SPEECH, THOUGHT
from .headline import NOT_SPEAKERS
from .marks import ALL_MARKS, MarkedSpan

# Label verbs whose object beyond the quoted words is not part of what was said.
MARKS_ONLY = frozenset({"express", "voice", "use"})
FULL_PARAGRAPH = 0.6   # a quote filling this share of its paragraph continues the last speaker
OVERLAP_DUPLICATE = 0.5


def combine(clauses: list[Draft], marks: tuple[MarkedSpan, ...], layout: Layout) -> list[Draft]:
    text = layout.text
    clauses = [c for c in clauses if not _inside_any(c.cue.start, marks)]
    claimed: set[MarkedSpan] = set()
    drafts: list[Draft] = []
    for clause in clauses:
        over = [m for m in marks if m.start < clause.end and clause.start < m.end]
        claimed.update(over)
        drafts.append(_with_marks(clause, over, text) if over else clause)
    for mark in marks:
        if mark not in claimed:
            found = mark_draft(mark, layout)
            if found is not None:
                drafts.append(found)
    return drafts


def outside_speakers(drafts: list[Draft], marks: tuple[MarkedSpan, ...]) -> list[Draft]:
    """A speaker inside quotation marks is the parser's mistake: take the name next to the cue."""
    fixed = []
    for draft in drafts:
        if draft.speaker is not None and draft.cue is not None and _inside_any(draft.speaker.idx, marks):
            draft = draft.moved(speaker=_beside_cue(draft.cue.token, marks))
        if draft.speaker is not None and _dateline(draft.speaker):
            draft = draft.moved(speaker=_after_dateline(draft.speaker))
        fixed.append(draft)
    return fixed


_DATELINE_BREAKS = frozenset({"—", "–", "-", "--", "(", ":"})


def _dateline(token: Token) -> bool:
    """"CLEVELAND — Former Attorney General ... told": a place in capitals opening the
    paragraph before a dash is where the story was filed, never who spoke."""
    doc = token.doc
    if not after_dateline(doc, [token]):
        return True  # "HANOI, Vietnam (AP) — Esper accused ...": the parser's subject is the place
    start = token.i
    while start > 0 and doc[start - 1].text.isupper() and not doc[start - 1].is_space:
        start -= 1
    at_paragraph = start == 0 or "\n" in doc[start - 1].text or doc[start - 1].is_space
    following = doc[token.i + 1:token.i + 6]
    return (token.text.isupper() and len(token.text) > 2 and at_paragraph
            and any(t.text in _DATELINE_BREAKS for t in following))


def _after_dateline(token: Token) -> Token | None:
    doc = token.doc
    after = after_dateline(doc, list(doc[token.i:token.i + 30]))
    if after and after[0].i > token.i:  # the first words after a matched dateline ("OSLO, Norway (AP) —")
        first = next((t for t in after[:3] if t.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PRON")), None)
        return phrase_head(first) if first is not None else None
    i = token.i + 1
    while i < len(doc) and i < token.i + 8 and (doc[i].text in _DATELINE_BREAKS or doc[i].text.isupper()
                                               or doc[i].text in (")", ",")):
        i += 1
    if i < len(doc) and doc[i].pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PRON"):
        return phrase_head(doc[i])
    return None


_NOT_SPEAKER_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


def _beside_cue(cue: Token, marks: tuple[MarkedSpan, ...]) -> Token | None:
    """`"...," Flynn, a top surrogate, said Thursday`: the name between the quote and the cue,
    else the word after the cue; a date ("said Monday") is never the speaker."""
    doc = cue.doc
    before = None
    for i in range(cue.i - 1, max(-1, cue.i - 12), -1):
        if doc[i].is_quote or _inside_any(doc[i].idx, marks) or doc[i].text in ".?!":
            break
        if doc[i].pos_ in ("PRON", "PROPN", "NOUN"):
            before = doc[i]
    if before is not None and before.ent_type_ not in _NOT_SPEAKER_ENTS:
        return phrase_head(before)
    after = cue.i + 1
    if after < len(doc) and doc[after].pos_ in ("PRON", "PROPN", "NOUN") and not _inside_any(doc[after].idx, marks) \
            and doc[after].ent_type_ not in _NOT_SPEAKER_ENTS:
        return phrase_head(doc[after])
    return None


def _inside_any(char: int, marks: tuple[MarkedSpan, ...]) -> bool:
    return any(m.start <= char < m.end for m in marks)


def _with_marks(clause: Draft, marks: list[MarkedSpan], text: str) -> Draft:
    clause = _from_the_mark(clause, marks, text)
    outside = _unquoted_words(clause, marks, text)
    if outside == 0 or clause.cue.lemma in MARKS_ONLY:  # expressed "deep concern" to ...: the quoted words
        start = min(m.start for m in marks)
        end = max(m.end for m in marks)
        return clause.moved(start=start, end=end, kind=DIRECT)
    # Widen to whole marks so the content never holds half a pair of quotation marks.
    start = min([clause.start] + [m.open_at for m in marks if m.open_at is not None and m.open_at < clause.start])
    end = max([clause.end] + [m.close_at + 1 for m in marks if m.close_at is not None and m.close_at >= clause.end])
    return clause.moved(start=start, end=end, kind=MIXED)


SENTENCE_ENDS = ".?!"


def _from_the_mark(clause: Draft, marks: list[MarkedSpan], text: str) -> Draft:
    """"The family leans toward the cheaper school. ''If you can get in, you will do fine,'' she
    said.": the splitter missed the sentence end before the opening mark, and the parser made
    the writer's sentence part of what was said. Words before an opening mark that follows a
    sentence end are not the quote's when its cue comes after the mark."""
    first = min(marks, key=lambda m: m.start)
    if first.open_at is None or first.open_at <= clause.start or clause.cue.start < first.end:
        return clause
    opening = first.open_at
    while opening > clause.start and text[opening - 1] in ALL_MARKS:
        opening -= 1  # a typewriter double ('') opens with two characters
    before = text[clause.start:opening].rstrip()
    if not before or before[-1] not in SENTENCE_ENDS:
        return clause
    return clause.moved(start=opening)


def _unquoted_words(clause: Draft, marks: list[MarkedSpan], text: str) -> int:
    covered = bytearray(clause.end - clause.start)
    for mark in marks:
        lo, hi = max(mark.start, clause.start), min(mark.end, clause.end)
        for i in range(lo, hi):
            covered[i - clause.start] = 1
    rest = "".join(ch if not covered[i] else " " for i, ch in enumerate(text[clause.start:clause.end]))
    return word_count(rest)


def inherit(drafts: list[Draft], layout: Layout) -> list[Draft]:
    """Give cue-less marked quotes the speaker of the quote that introduces them."""
    ordered = sorted(drafts, key=lambda d: d.start)
    out: list[Draft] = []
    for draft in ordered:
        if draft.attributed:
            out.append(draft)
            continue
        donor = _donor(draft, ordered, layout)
        out.append(draft.moved(cue=donor.cue, speaker=donor.speaker, origin="inherited") if donor else draft)
    return out


def _donor(draft: Draft, ordered: list[Draft], layout: Layout) -> Draft | None:
    intro = colon_intro(draft.start, layout) or speaker_after(draft.end, layout)
    if intro is not None:
        return Draft(draft.start, draft.end, DIRECT, intro[0], intro[1])
    paragraph = layout.paragraph(draft.start)
    # A quote running on from the previous paragraph ends in this one and lends here too.
    same = [d for d in ordered if _can_lend(d) and paragraph in (layout.paragraph(d.start), layout.paragraph(d.end - 1))]
    before = [d for d in same if d.start < draft.start]
    if before:
        return before[-1]
    if same:
        return same[0]
    earlier = _previous_paragraph(draft, ordered, layout, paragraph)
    if earlier is not None:
        return earlier
    lead = subject_before(draft.start, draft.end, layout)
    if lead is None or _other_voice(lead[0].token.sent, lead[1], ordered, draft):
        return None
    return Draft(draft.start, draft.end, DIRECT, lead[0], lead[1])


def _other_voice(sentence, speaker: Token, ordered: list[Draft], draft: Draft) -> bool:
    """Does the lead-in sentence report words of someone else (or of no one named)? Then two
    voices are open and the quote keeps no speaker; its subject's own report there is fine."""
    return any(d is not draft and d.start < sentence.end_char and sentence.start_char < d.end
               and (d.speaker is None or d.speaker.i != speaker.i) for d in ordered)


def _previous_paragraph(draft: Draft, ordered: list[Draft], layout: Layout, paragraph: int) -> Draft | None:
    start, end = layout.paragraph_bounds(draft.start)
    text = layout.text
    filled = len(text[draft.start:draft.end].strip()) / max(1, len(text[start:end].strip()))
    if filled < FULL_PARAGRAPH:
        return None
    earlier = [d for d in ordered if d.start < start and _can_lend(d)]
    if not earlier:
        return None
    last = earlier[-1]
    prev_para = _previous_nonblank_paragraph(layout, start)
    return last if prev_para is not None and layout.paragraph(last.start) == prev_para else None


def _can_lend(draft: Draft) -> bool:
    """Only reports of speech pass their speaker on ("declined to comment" does not)."""
    return draft.attributed and draft.speaker is not None and draft.cue.cls in (SPEECH, CONTINUE, "according")


def _previous_nonblank_paragraph(layout: Layout, start: int) -> int | None:
    """The paragraph before, stepping over link lines set between a quote's paragraphs
    ("SEE MORE: ...", "Related: ..."): they interrupt the page, not the speaker."""
    text = layout.text
    for _ in range(3):
        before = text[:start].rstrip()
        if not before:
            return None
        paragraph = layout.paragraph(len(before) - 1)
        para_start, _ = layout.paragraph_bounds(len(before) - 1)
        if not _link_line(text[para_start:len(before)]):
            return paragraph
        start = para_start
    return None


def _link_line(line: str) -> bool:
    label, colon, rest = line.partition(":")
    words = label.lower().split()
    return bool(colon and rest.strip() and words and len(words) <= 3 and all(w in NOT_SPEAKERS for w in words))


CUE_RANK = {SPEECH: 0, "according": 1, THOUGHT: 2, CONTINUE: 2, LABEL: 3, ACT: 4}


def dedupe(drafts: list[Draft]) -> list[Draft]:
    """Drop drafts mostly covered by a better one: attributed, by speech, then longer."""
    inner = {id(d) for d in drafts if _reported_inside(d, drafts)}
    ranked = sorted(drafts, key=lambda d: (not d.attributed, id(d) in inner,
                                           CUE_RANK.get(d.cue.cls, 5) if d.cue else 9, -(d.end - d.start), d.start))
    kept: list[Draft] = []
    for draft in ranked:
        if not any(_overlap_share(draft, k) > OVERLAP_DUPLICATE for k in kept):
            kept.append(draft)
    return sorted(kept, key=lambda d: (d.start, d.end))


# Reports whose content may hold another report ("called on Dean to apologize for accusing ...").
OUTER_CLASSES = frozenset({SPEECH, THOUGHT, LABEL})


def _reported_inside(draft: Draft, drafts: list[Draft]) -> bool:
    """"Lawyers wondered whether the judges would rule that ...": the judges' cue lies inside the
    lawyers' content, so the outer report is the attribution and the inner one part of it."""
    if draft.cue is None:
        return False
    return any(o is not draft and o.cue is not None and o.cue.cls in OUTER_CLASSES and o.cue.sense != "perception"
               and o.start <= draft.cue.start < o.end and not draft.start <= o.cue.start < draft.end for o in drafts)


def _overlap_share(a: Draft, b: Draft) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    return max(0, inter) / max(1, min(a.end - a.start, b.end - b.start))


def run_back(drafts: list[Draft], layout: Layout) -> list[Draft]:
    """"C2I plants trees. The trees soak up carbon. An acre can hold 150 tons, Mr. Voorhis said.":
    a report whose cue closes the paragraph takes in the sentences before it that report
    nothing of their own (no quote, no cue): the paragraph is one account."""
    taken = [(d.start, d.end) for d in drafts]
    return [_run_back(d, layout, taken) for d in drafts]


def _run_back(draft: Draft, layout: Layout, taken: list[tuple[int, int]]) -> Draft:
    if draft.kind == DIRECT or draft.cue is None or draft.cue.cls == "according" or draft.cue.start < draft.end:
        return draft
    para_start, _ = layout.paragraph_bounds(draft.start)
    first = layout.sentence_index(draft.start)
    start = draft.start
    for k in range(first - 1, -1, -1):
        sentence = layout.sentences[k]
        if sentence.start_char < para_start or sentence.end_char > draft.start:
            break
        if cues_in(sentence) or any(a < sentence.end_char and sentence.start_char < b for a, b in taken):
            break
        start = sentence.start_char
    return draft if start == draft.start else draft.moved(start=start)


def per_paragraph(drafts: list[Draft], layout: Layout, marks: tuple[MarkedSpan, ...]) -> list[Draft]:
    """A quote running on into paragraphs of its own is one quote per paragraph, same speaker
    and cue (the audit's rule; PolNeAR's contents never cross a paragraph), each piece without
    the continuation mark opening it. A later paragraph with a cue of its own ("...," he added)
    stays joined: the marks joined two reports, and its cue is not this one's."""
    out: list[Draft] = []
    for draft in drafts:
        out.extend(_paragraph_pieces(draft, layout, marks) or [draft])
    return out


_OPENING_MARKS = " \t\n“”\"‘’'«»"


def _paragraph_pieces(draft: Draft, layout: Layout, marks: tuple[MarkedSpan, ...]) -> list[Draft]:
    text = layout.text
    if "\n" not in text[draft.start:draft.end].strip():
        return []
    pieces, start = [], draft.start
    while start < draft.end:
        para_start, para_end = layout.paragraph_bounds(start)
        if start > draft.start and _own_cue(layout, para_start, para_end, marks):
            return []
        lo, hi = start, min(para_end, draft.end)
        while lo < hi and start > draft.start and text[lo] in _OPENING_MARKS:
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if word_count(text[lo:hi]) >= 1:
            pieces.append(draft.moved(start=lo, end=hi))
        start = para_end + 1
    return pieces if len(pieces) > 1 else []


def _own_cue(layout: Layout, start: int, end: int, marks: tuple[MarkedSpan, ...]) -> bool:
    span = layout.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(not _inside_any(c.token.idx, marks) for c in cues_in(span))
