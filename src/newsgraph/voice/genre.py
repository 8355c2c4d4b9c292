"""The article's genre as context for the opinion decision: wire report, analysis or opinion column.

The same sentence reads differently in a column and in a wire report, so the
opinion threshold moves with the genre (thresholds in GENRE_SHIFT, chosen on
sentences written for this project: docs/voice.md, `python -m
newsgraph.voice.calibration`):
- opinion: a label in the title or opening lines ("Opinion", "Op-Ed",
  "Commentary", "Editorial", "Column"), or the writer speaking in the first
  person singular outside quotations in two or more sentences;
- analysis: a label ("Analysis", "News analysis", "Explainer", "Perspective");
- report: otherwise, for an article long enough to tell (MIN_SENTENCES);
- None for a lone sentence or a short text: the model's own threshold.
"""
from __future__ import annotations

import re
from typing import Sequence

from .quoting import Region

REPORT, ANALYSIS, OPINION = "report", "analysis", "opinion"
MIN_SENTENCES = 5
OPENING_CHARS = 300
_OPINION_LABEL = re.compile(r"\b(opinion|op-ed|commentary|editorial|column|viewpoint)\b", re.IGNORECASE)
_ANALYSIS_LABEL = re.compile(r"\b(analysis|explainer|perspective)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(I|[Mm]y|[Mm]e|I'm|I’m|I've|I’ve)\b")
FIRST_PERSON_SENTENCES = 2
# Added to the model's threshold: hard news needs more evidence before a sentence is the
# writer's opinion; a column needs less.
GENRE_SHIFT = {REPORT: 0.0, ANALYSIS: 0.0, OPINION: -0.1}


def article_genre(text: str, sentences: Sequence, skip: Sequence[Region]) -> str | None:
    """The genre of an article from its opening lines and the writer's first person."""
    if len(sentences) < MIN_SENTENCES:
        return None
    opening = "\n".join(line for line in text[:OPENING_CHARS].splitlines()[:3])
    if _OPINION_LABEL.search(opening):
        return OPINION
    if _ANALYSIS_LABEL.search(opening):
        return ANALYSIS
    if sum(1 for sent in sentences if _writer_first_person(sent, skip)) >= FIRST_PERSON_SENTENCES:
        return OPINION
    return REPORT


def _writer_first_person(sent, skip: Sequence[Region]) -> bool:
    for found in _FIRST_PERSON.finditer(sent.text):
        start = sent.start_char + found.start()
        if not any(region.overlap(start, start + len(found.group())) for region in skip):
            return True
    return False


def threshold_for(base: float, genre: str | None) -> float:
    return base + GENRE_SHIFT.get(genre, 0.0) if genre else base
