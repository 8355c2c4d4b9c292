"""Word lists for attribution: reporting cues, statement channels, news outlets.

The lists live in `newsgraph/data/quotes/*.txt` so they can be read and
extended without touching code; they are loaded once per process. The cues
(`cues.txt`) are the one reporting-verb lexicon, read through `newsgraph.reporting`.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping

from ..reporting import ACT, CONTINUE, LABEL, SENSES, SPEECH, THOUGHT, channel_nouns, reporting_verbs

__all__ = ["ACT", "CONTINUE", "LABEL", "OBJECT_ADDRESSEE", "PERSON_NOUNS", "SENSES", "SPEECH", "THOUGHT", "channel_nouns", "cue_class",
           "cue_classes", "cue_sense", "is_outlet_name", "outlet_names", "stance_adjectives"]

def _lines(name: str) -> list[str]:
    text = resources.files("newsgraph").joinpath("data", "quotes", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


# Titles, roles, bodies and documents that make a plausible speaker even without a name.
PERSON_NOUNS = frozenset(w.lower() for w in _lines("speakers.txt"))
# Cues whose object is the one addressed ("told Ruiz", "warned Congress", "advised the campaign").
OBJECT_ADDRESSEE = frozenset({"tell", "assure", "inform", "remind", "warn", "ask", "advise", "urge",
                              "brief", "reassure", "caution", "instruct", "order", "beg"})


@lru_cache(maxsize=1)
def stance_adjectives() -> Mapping[str, str]:
    """Adjective -> sense, for those reporting a view said of someone ("is afraid that": thought,
    "is determined to": intention)."""
    rows = (line.split("\t") for line in _lines("stance_adjectives.txt"))
    return MappingProxyType({row[0].strip().lower(): (row[1].strip() if len(row) > 1 else "thought") for row in rows})


def cue_classes() -> dict[str, str]:
    """Lemma -> cue class (how the cue takes its content)."""
    return {lemma: verb.cls for lemma, verb in reporting_verbs().items()}


@lru_cache(maxsize=1)
def outlet_names() -> frozenset[str]:
    return frozenset(w.lower() for w in _lines("outlets.txt"))


def cue_class(lemma: str) -> str | None:
    found = reporting_verbs().get(lemma.lower())
    return found.cls if found else None


def cue_sense(lemma: str) -> str | None:
    """What the cue reports: speech, writing, thought, intention or perception."""
    found = reporting_verbs().get(lemma.lower())
    return found.sense if found else None


def is_outlet_name(text: str) -> bool:
    """True for a known outlet, with or without a leading "the" or possessive."""
    name = text.lower().strip().removesuffix("'s").removesuffix("’s").strip()
    return name in outlet_names() or name.removeprefix("the ").strip() in outlet_names()
