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
rejection) and voice (a refusal reports nothing); `says_nothing()` is the one test of an act about
speech that passes on no statement ("declined to comment", "was forced to speak"), read by quotes
(no content) and voice.
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


# Senses of verbs that pass words on (quotes: whom words were about; `says_nothing`).
SAYING_SENSES = frozenset({"speech", "writing"})


# What an infinitive of speaking may carry and still say nothing: "declined to comment further".
EMPTY_DEPS = frozenset({"aux", "neg", "advmod", "punct"})
# Prepositions of a talk's topic ("spoke of ...", "talked about ...", "declined to comment on ...").
TOPIC_PREPS = frozenset({"of", "about", "on"})


def says_nothing(verb, names_content: bool = True) -> bool:
    """An act about speech that passes on no statement, asked of the infinitive or of the verb
    governing it: an infinitive of comment (`comment_verbs`) or of saying with nothing under it
    ("was forced to speak", "wants to talk", "declined to comment"), or only a topic under a verb of
    intention ("refused to comment on the report"). What the infinitive names is the content of the
    intention ("pledged to release his tax returns"): quotes keep it as one. Without
    `names_content` (voice), a plan or refusal to speak with no clause of its own passes on nobody's
    words ("refused to name him", "wants to release his taxes"); a clause ("refused to say that
    ...") stays a report either way. The one test, read by quotes (no content) and voice (the
    writer's report of an act). (A request, "asked the board to release the report", is left a
    report: the audit gold gives as many of them to their speakers as to the writer.)"""
    if not _speaks(verb):
        return any(c.dep_ == "xcomp" and _speaks(c) and says_nothing(c, names_content) for c in verb.children)
    if verb.dep_ != "xcomp":
        return False
    intention = _sense(verb.head) == "intention"
    if not names_content:
        return intention and not any(c.dep_ == "ccomp" for c in verb.children)
    return all(c.dep_ in EMPTY_DEPS or intention and _topic(c) for c in verb.children)


def _topic(child) -> bool:
    return child.dep_ == "prep" and child.lower_ in TOPIC_PREPS


def _speaks(verb) -> bool:
    """A verb a refusal passes on nothing with: one of "no comment" ("declined to name him") or any
    other verb of saying ("refused to condemn it": nothing was said either)."""
    return verb.pos_ in ("VERB", "AUX") and (verb.lemma_.lower() in comment_verbs() or _sense(verb) in SAYING_SENSES)


def _sense(verb) -> str | None:
    entry = reporting_verbs().get(verb.lemma_.lower()) if verb.pos_ in ("VERB", "AUX") else None
    return entry.sense if entry is not None else None


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
