"""Interview transcripts: `PENCE: Well, look, ...` paragraphs.

A paragraph opening with a speaker label in capitals and a colon is that
speaker's turn when the same label opens at least one other paragraph of the
article: a dateline ("WASHINGTON: ...") or a section label opens one
paragraph, a transcript's speakers take turns. The turn's content is the rest
of the paragraph.
"""
from __future__ import annotations

import re
from collections import Counter

from .cues import Cue
from .draft import DIRECT, Draft, clause_range
from .headline import NOT_SPEAKERS
from .layout import Layout
from .lexicon import SPEECH

_LABEL = re.compile(r"[\"“”'‘’ \t]*([A-Z][A-Z.'’\- ]{1,29}[A-Z.]):[ \t]+(?=\S)")
MIN_TURNS = 2


def transcript_drafts(layout: Layout) -> list[Draft]:
    """One draft per speaker turn, for labels that open two or more paragraphs."""
    turns = list(_turns(layout.text))
    counts = Counter(label for label, _, _ in turns)
    drafts = []
    for label, label_end, colon in turns:
        if counts[label] >= MIN_TURNS and label.lower() not in NOT_SPEAKERS:
            draft = _turn(layout, label_end, colon)
            if draft is not None:
                drafts.append(draft)
    return drafts


def _turns(text: str):
    """(label, end of label, colon offset) for every paragraph opening with a label."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        found = _LABEL.match(text, start, end)
        if found is not None:
            yield found.group(1), found.end(1), found.end(1)
        start = end + 1


def _turn(layout: Layout, label_end: int, colon: int) -> Draft | None:
    doc = layout.doc
    _, para_end = layout.paragraph_bounds(colon)
    span = doc.char_span(colon + 1, para_end, alignment_mode="expand")
    label = doc.char_span(label_end - 1, label_end, alignment_mode="expand")
    if span is None or label is None:
        return None
    bounds = clause_range(doc, list(span))
    if bounds is None:
        return None
    speaker = label[0]
    cue = Cue(doc[speaker.i + 1] if speaker.i + 1 < len(doc) else speaker, SPEECH, colon, colon + 1)
    return Draft(bounds[0], bounds[1], DIRECT, cue, speaker, "transcript")
