"""The article's genre as context for the opinion decision: wire report, report, analysis or column.

The same sentence reads differently in a column and in a wire report, so the
opinion threshold moves with the genre (GENRE_SHIFT, chosen on the audit
gold's dev split: docs/voice.md). In order:
- opinion: a label in the title or opening lines ("Opinion", "Op-Ed",
  "Commentary", "Editorial", "Column");
- analysis: a label ("Analysis", "News analysis", "Explainer", "Perspective");
- wire: a dateline with an agency's credit in brackets before a dash
  ("HANOI, Vietnam (AP) —", "WASHINGTON (Reuters) -");
- opinion: the writer speaking in the first person singular outside
  quotations in two or more sentences, or a text that is mostly the writer's
  own judgement: at least COLUMN_OWN_SHARE of its sentences attributed to
  nobody, whose opinion scores average at least COLUMN_MEAN_SCORE (a column
  quotes few sources and argues; a report quotes many, and a market report's
  own sentences score low);
- report: otherwise, for an article long enough to tell (MIN_SENTENCES);
- None for a lone sentence or a short text: the model's own threshold.
"""
from __future__ import annotations

import re
from typing import Sequence

from ..nlp import DATELINE
from ..nlp import span_text
from .quoting import Region

REPORT, WIRE, ANALYSIS, OPINION = "report", "wire", "analysis", "opinion"
MIN_SENTENCES = 5
OPENING_CHARS = 300
_OPINION_LABEL = re.compile(r"\b(opinion|op-ed|commentary|editorial|column|viewpoint)\b", re.IGNORECASE)
_ANALYSIS_LABEL = re.compile(r"\b(analysis|explainer|perspective)\b", re.IGNORECASE)
# A dateline (nlp.DATELINE) whose agency's credit in brackets is followed by a dash:
# "TRENTON, N.J. (AP) —"; not a bare "BEIJING -" nor an outlet glued on, "Hong Kong (CNN Business)A".
_CREDIT_DASH = re.compile(r"\)\s*(?:—|–|--?)$")
_FIRST_PERSON = re.compile(r"\b(I|[Mm]y|[Mm]e|I'm|I’m|I've|I’ve)\b")
FIRST_PERSON_SENTENCES = 2
COLUMN_OWN_SHARE = 2 / 3
COLUMN_MEAN_SCORE = 0.4
# Added to the model's threshold: a wire report needs more evidence before a sentence is the
# writer's opinion; in a column the writer's sentences are opinion unless plainly neutral.
GENRE_SHIFT = {REPORT: 0.0, WIRE: 0.1, ANALYSIS: 0.0, OPINION: -0.3}


def article_genre(text: str, sentences: Sequence, skip: Sequence[Region],
                  scores: Sequence[float] = (), attributed: Sequence[bool] = ()) -> str | None:
    """The genre of an article from its opening lines, the writer's first person and how much of it
    is the writer's own judgement (`scores` and `attributed` per sentence, when known)."""
    if len(sentences) < MIN_SENTENCES:
        return None
    opening = "\n".join(line for line in text[:OPENING_CHARS].splitlines()[:3])
    if _OPINION_LABEL.search(opening):
        return OPINION
    if _ANALYSIS_LABEL.search(opening):
        return ANALYSIS
    if any(_wire_dateline(line) for line in text[:OPENING_CHARS].splitlines()):
        return WIRE
    if sum(1 for sent in sentences if _writer_first_person(sent, skip)) >= FIRST_PERSON_SENTENCES:
        return OPINION
    if _mostly_own_judgement(scores, attributed, len(sentences)):
        return OPINION
    return REPORT


def _wire_dateline(line: str) -> bool:
    found = DATELINE.match(line)
    return bool(found and _CREDIT_DASH.search(found.group().rstrip()))


def _mostly_own_judgement(scores: Sequence[float], attributed: Sequence[bool], total: int) -> bool:
    own = [score for score, attr in zip(scores, attributed) if not attr]
    return bool(own) and len(own) >= COLUMN_OWN_SHARE * total and sum(own) / len(own) >= COLUMN_MEAN_SCORE


def _writer_first_person(sent, skip: Sequence[Region]) -> bool:
    for found in _FIRST_PERSON.finditer(span_text(sent)):
        start = sent.start_char + found.start()
        if not any(region.overlap(start, start + len(found.group())) for region in skip):
            return True
    return False


def is_headline(text: str, sentences: Sequence, index: int) -> bool:
    """The article's first sentence, alone on its line: its title."""
    if index != 0 or not sentences:
        return False
    first = sentences[0]
    return not text[:first.start_char].strip() and text[first.end_char:first.end_char + 1] in ("", "\n")


# Named entities that act: people, organisations, groups ("Conservatives"); a place as subject is as
# often a dateline's or a setting's as a government's.
ACTOR_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
ACTOR_PRONOUNS = frozenset({"he", "she", "they"})


def about_an_actor(sentence) -> bool:
    """The main clause's subject is an actor: a person, organisation or group named, or "he", "she",
    "they". In hard news such a sentence tells what the actor did, said or felt, and its vivid words
    are the actor's doing ("X took multiple swipes at Y", "Conservatives have piled on", "Z isn't
    kowtowing to W"), which the classifier, trained on sentences out of context, reads as judgement."""
    return any(c.dep_ == "nsubj" and (c.ent_type_ in ACTOR_ENTITIES or c.lower_ in ACTOR_PRONOUNS)
               for c in sentence.root.children)


def judged_by_marks_only(genre: str | None) -> bool:
    """A hard-news headline is the writer's opinion only by an explicit mark of stance: headlines are
    compressed and vivid ("stirs mockery", "swipes at"), which the classifier, trained on body
    sentences, reads as judgement; a report's headline sums up what the report states."""
    return genre in (REPORT, WIRE, ANALYSIS)


def argues_freely(genre: str | None) -> bool:
    """Whether the writer's characterisation of a source may count as the writer's opinion when it
    scores as one: in a column, which argues through what others think, and for a text of unknown
    genre (a lone sentence); not in a report, wire copy or analysis."""
    return genre in (None, OPINION)


def threshold_for(base: float, genre: str | None) -> float:
    return base + GENRE_SHIFT.get(genre, 0.0) if genre else base
