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

# Senses: what a cue reports (a quote's `cue_class`); see data/quotes/cues.txt.
SENSES = ("speech", "writing", "thought", "intention", "perception")

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
def _cue_table() -> dict[str, tuple[str, str]]:
    """Lemma -> (class, sense); the first line for a lemma wins."""
    table: dict[str, tuple[str, str]] = {}
    for line in _lines("cues.txt"):
        lemma, kind, sense = (part.strip() for part in (line.split("\t") + ["", ""])[:3])
        if sense not in SENSES:
            raise ValueError(f"cues.txt: {lemma!r} has sense {sense!r}; use one of {', '.join(SENSES)}")
        table.setdefault(lemma.lower(), (kind, sense))
    return table


def cue_classes() -> dict[str, str]:
    """Lemma -> cue class (how the cue takes its content)."""
    return {lemma: kind for lemma, (kind, _) in _cue_table().items()}


@lru_cache(maxsize=1)
def channel_nouns() -> frozenset[str]:
    return frozenset(w.lower() for w in _lines("channels.txt"))


@lru_cache(maxsize=1)
def outlet_names() -> frozenset[str]:
    return frozenset(w.lower() for w in _lines("outlets.txt"))


def cue_class(lemma: str) -> str | None:
    found = _cue_table().get(lemma.lower())
    return found[0] if found else None


def cue_sense(lemma: str) -> str | None:
    """What the cue reports: speech, writing, thought, intention or perception."""
    found = _cue_table().get(lemma.lower())
    return found[1] if found else None


def is_outlet_name(text: str) -> bool:
    """True for a known outlet, with or without a leading "the" or possessive."""
    name = text.lower().strip().removesuffix("'s").removesuffix("’s").strip()
    return name in outlet_names() or name.removeprefix("the ").strip() in outlet_names()
