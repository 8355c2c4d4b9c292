"""Question-and-answer interviews: "Q: ..." / "A: ..." turns are the speakers' words, not the writer's.

A Q&A article runs the interviewer's questions and the interviewee's answers
as paragraphs opening with "Q:" and "A:" (or "Q." / "A."), an answer often
running on over unlabelled paragraphs until the next question. Nothing in
those turns is the writer's narrative: the answers are the interviewee's
(first person included, which must not make the article a column), the
questions the interviewer's. The quotes layer's transcripts take speaker
labels of names in capitals ("PENCE: ..."); a one-letter label is read here.

An article is an interview when at least MIN_QUESTIONS paragraphs open with a
question label: "A." alone opens many an ordinary paragraph ("A. Smith said").
Every paragraph from the first question on is a turn (the introduction before
it is the writer's).
"""
from __future__ import annotations

import re

from ..pagelines import line_spans
from .quoting import Region

_QUESTION = re.compile(r"[ \t*_]*Q[ \t*_]*[:.][ \t]+(?=\S)")
MIN_QUESTIONS = 2


def interview_turns(text: str) -> tuple[Region, ...]:
    """The paragraphs of a Q&A interview's turns, from its first question on; empty otherwise."""
    paragraphs = line_spans(text)
    questions = [start for start, _ in paragraphs if _QUESTION.match(text, start)]
    if len(questions) < MIN_QUESTIONS:
        return ()
    return tuple(Region(start, end) for start, end in paragraphs if start >= questions[0])

