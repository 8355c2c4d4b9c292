"""Word lists for attribution: reporting cues, statement channels, news outlets.

The lists live in `newsgraph/data/quotes/*.txt` so they can be read and
extended without touching code; they are loaded once per process.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

SPEECH = "speech"      # said, told, warned: a clause or a direct quote
THOUGHT = "thought"    # believes, expects, found: a clause only
CONTINUE = "continue"  # "...," he continued: a direct quote only
LABEL = "label"        # called it "a disaster": a quoted object, or its object as content
ACT = "act"            # accused X of Y, refused to Z: the object is the content

# Titles and role nouns that make a plausible speaker even without a name.
PERSON_NOUNS = frozenset(
    "official officials spokesman spokeswoman spokesperson source sources aide aides adviser advisers "
    "advisor advisors analyst analysts expert experts minister president secretary senator lawmaker "
    "lawmakers diplomat diplomats leader leaders chief director ambassador governor mayor candidate "
    "campaign officer officers police prosecutor prosecutors lawyer lawyers attorney attorneys judge "
    "witness witnesses resident residents critic critics supporter supporters voter voters economist "
    "economists researcher researchers scientist scientists report poll polls survey study statement "
    "agency ministry department government people person man woman observer observers office committee "
    "council board party administration company firm group organization organisation union court panel "
    "commission authority authorities bank team family families network newspaper paper outlet magazine "
    "website spokesmen spokeswomen representative representatives member members staff protesters "
    "activists republicans democrats conservatives liberals candidates governments states".split()
)


def _lines(name: str) -> list[str]:
    text = resources.files("newsgraph").joinpath("data", "quotes", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def cue_classes() -> dict[str, str]:
    """Lemma -> cue class; the first line for a lemma wins."""
    classes: dict[str, str] = {}
    for line in _lines("cues.txt"):
        lemma, _, kind = line.partition("\t")
        classes.setdefault(lemma.strip().lower(), kind.strip())
    return classes


@lru_cache(maxsize=1)
def channel_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in _lines("channels.txt"))


@lru_cache(maxsize=1)
def outlet_names() -> frozenset[str]:
    return frozenset(w.lower() for w in _lines("outlets.txt"))


def cue_class(lemma: str) -> str | None:
    return cue_classes().get(lemma.lower())


def is_outlet_name(text: str) -> bool:
    """True for a known outlet, with or without a leading "the" or possessive."""
    name = text.lower().strip().removesuffix("'s").removesuffix("’s").strip()
    return name in outlet_names() or name.removeprefix("the ").strip() in outlet_names()
