"""The reporting-verb lexicon: the one list of verbs of saying, writing and thinking.

The list is `newsgraph/data/quotes/cues.txt` (its header explains the columns:
lemma, class, sense), read once per process. Every layer that asks "is this a
reporting verb?" reads it here:

- quotes: a cue and how it takes its content (`cls`), the quote's `cue_class` (`sense`);
- events: a verb that takes a reported clause is no event itself (CAMEO 01), and
  "X said Y must ..." is a demand;
- voice: a stance word inside a clause such a verb governs is the source's, not the writer's.

`reporting_verbs()` gives every entry; `clause_verbs()` the lemmas whose class
takes a clause (speech and thought), the set events and voice use.
`channel_nouns()` is the one list of the forms a statement reaches the page in
(`data/quotes/channels.txt`: "in a statement", "in a new poll", "an ad that attacks"),
read by quotes (channel phrases, a sentence-initial source) and events (verbal attacks).
`comment_verbs()` is the one list of what a refusal is "no comment" with ("declined to comment",
"refused to name him", `data/quotes/comment_verbs.txt`), read by events (a statement, no
rejection) and voice (a refusal reports nothing).
`hearsay_adverbs()` is the one list of adverbs by which the writer passes a clause on as
someone else's report ("reportedly", `data/quotes/hearsay.txt`), read by quotes (an unsourced
report) and voice (an attributed sentence).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping

SPEECH = "speech"      # said, told, warned: a clause or a direct quote
THOUGHT = "thought"    # believes, expects, found: a clause only
CONTINUE = "continue"  # "...," he continued: a direct quote only
LABEL = "label"        # called it "a disaster": a quoted object, or its object as content
ACT = "act"            # accused X of Y, refused to Z: the object is the content
CLASSES = (SPEECH, THOUGHT, CONTINUE, LABEL, ACT)
# Senses: what a verb reports (a quote's `cue_class`).
SENSES = ("speech", "writing", "thought", "intention", "perception")
CLAUSE_CLASSES = frozenset({SPEECH, THOUGHT})


@dataclass(frozen=True)
class ReportingVerb:
    lemma: str
    cls: str    # how it takes its content: one of CLASSES
    sense: str  # what it reports: one of SENSES

    @property
    def takes_clause(self) -> bool:
        return self.cls in CLAUSE_CLASSES

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


@lru_cache(maxsize=1)
def reporting_verbs() -> Mapping[str, ReportingVerb]:
    """Lemma (lower case) -> its entry; the first line for a lemma wins."""
    table: dict[str, ReportingVerb] = {}
    for line in _lines():
        verb = _parse(line)
        table.setdefault(verb.lemma, verb)
    return MappingProxyType(table)


@lru_cache(maxsize=1)
def clause_verbs() -> frozenset[str]:
    """Lemmas of the verbs that report a clause ("said that ...", "believes that ...")."""
    return frozenset(lemma for lemma, verb in reporting_verbs().items() if verb.takes_clause)


@lru_cache(maxsize=1)
def channel_nouns() -> frozenset[str]:
    """Nouns naming the form a statement reached the page in (lower case)."""
    return frozenset(word.lower() for word in _lines("channels.txt"))


@lru_cache(maxsize=1)
def hearsay_adverbs() -> frozenset[str]:
    """Adverbs of hearsay ("reportedly", "allegedly"), lower case; why "supposedly" is not one: the file's header."""
    return frozenset(word.lower() for word in _lines("hearsay.txt"))


@lru_cache(maxsize=1)
def comment_verbs() -> frozenset[str]:
    """What a refusal is "no comment" with ("declined to comment", "refused to name him"), lower case;
    why not every verb of speech: the file's header."""
    return frozenset(word.lower() for word in _lines("comment_verbs.txt"))


def _lines(name: str = "cues.txt") -> list[str]:
    text = resources.files("newsgraph").joinpath("data", "quotes", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _parse(line: str) -> ReportingVerb:
    lemma, cls, sense = (part.strip() for part in (line.split("\t") + ["", ""])[:3])
    if cls not in CLASSES:
        raise ValueError(f"cues.txt: {lemma!r} has class {cls!r}; use one of {', '.join(CLASSES)}")
    if sense not in SENSES:
        raise ValueError(f"cues.txt: {lemma!r} has sense {sense!r}; use one of {', '.join(SENSES)}")
    return ReportingVerb(lemma.lower(), cls, sense)
