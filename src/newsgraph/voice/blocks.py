"""Quotations set as paragraphs of their own, whose marks do not close where the paragraph does.

Two conventions of news copy give a whole paragraph to a source without the
quotation marks `quoting.quoted_regions` pairs within a paragraph:

- a quotation running over several paragraphs opens each with a mark and
  closes only the last: a paragraph that opens with a mark left unclosed,
  followed by one that opens with a mark, is quoted (the last one closes
  and is paired as usual);
- a block quotation after its frame: a paragraph ending in a colon after a
  verb of speech or writing with its subject and no content of its own
  ("Limbaugh added:", "The Times reports:", "He said in a statement:",
  "She made the following comment:") introduces the next paragraph, the
  source's words, marks or not. A colon after anything else ("the following
  tasks:", "Imagine that she:", "(all times EDT):") introduces a list or the
  writer's own point.

Both are read as if in quotation marks (attributed, first person not the
writer's, loaded words not flagged), like an interview's turns.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Sequence

from ..pagelines import line_spans
from ..reporting import channel_nouns, reporting_verbs
from .quoting import Region

OPENING_MARKS = "“\"‘«„"
CLOSING = {"“": "”\"", "\"": "\"”", "‘": "’'", "«": "»", "„": "“”"}
REPORT_SENSES = frozenset({"speech", "writing"})
# An object the frame may still take: "made the following comment:", "issued this statement:".
FRAME_OBJECTS = frozenset({"following", "this", "these"})


def block_quotes(text: str, sentences: Sequence) -> tuple[Region, ...]:
    """The paragraphs quoted by either convention (module docstring)."""
    paragraphs = line_spans(text, strip=True)
    starts = [s.start_char for s in sentences]
    found = []
    for k, (start, end) in enumerate(paragraphs):
        after = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
        if after and _opens_unclosed(text, start, end) and text[after[0]] in OPENING_MARKS:
            found.append(Region(start, end))
        if after and text[start:end].rstrip().endswith(":") and _frame(_last_sentence(sentences, starts, end)):
            found.append(Region(*after))
    return tuple(found)


def _opens_unclosed(text: str, start: int, end: int) -> bool:
    mark = text[start]
    if mark not in OPENING_MARKS:
        return False
    body = text[start + 1:end]
    if mark == "\"":
        return body.count("\"") % 2 == 0  # straight marks pair among themselves: none left to close it
    return not any(c in body for c in CLOSING[mark] if c != "\"") and "\"" not in body


def _last_sentence(sentences: Sequence, starts: list[int], end: int):
    k = bisect_right(starts, end - 1) - 1
    return sentences[k] if k >= 0 else None


def _frame(sentence) -> bool:
    """A verb of speech or writing with its subject and nothing it reports inside the sentence."""
    if sentence is None:
        return False
    root = sentence.root
    entry = reporting_verbs().get(root.lemma_)
    if entry is None or entry.sense not in REPORT_SENSES or root.pos_ != "VERB":
        return False
    children = list(root.children)
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in children):
        return False
    if any(c.dep_ in ("ccomp", "xcomp") for c in children):
        return False
    objects = [c for c in children if c.dep_ == "dobj"]
    return all(o.lemma_.lower() in channel_nouns() or any(d.lower_ in FRAME_OBJECTS for d in o.children)
               for o in objects)

