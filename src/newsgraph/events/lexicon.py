"""The verb and noun lexicon that maps words to PLOVER types and modes.

The data lives in ``newsgraph/data/events/lexicon.yaml`` (its header explains
the sense keys); docs/plover-mapping.md records why each word maps where it
does. Loading is cached: the lexicon is read once per process.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from ..plover import EVENT_TYPES
from ..reporting import clause_verbs, comment_verbs

DATA = Path(__file__).resolve().parents[1] / "data" / "events" / "lexicon.yaml"
TYPES = EVENT_TYPES


# CAMEO roots that the penta classes label "no event" (0).
PENTA_UNCODED = frozenset({"01", "02"})


@dataclass(frozen=True)
class Sense:
    """One reading of a trigger word and the context it needs."""

    type: str | None  # None: the reading is a statement, not an event ("declined to comment")
    mode: str | None = None
    cameo: str | None = None
    objects: frozenset[str] | None = None
    not_objects: frozenset[str] = frozenset()
    prep: frozenset[str] | None = None
    not_prep: frozenset[str] = frozenset()
    particle: frozenset[str] | None = None
    subjects: frozenset[str] | None = None
    complement: frozenset[str] | None = None  # "found ... guilty"
    modifiers: frozenset[str] | None = None  # the object's modifiers ("chemical weapons")
    transitive: bool = False  # needs a direct object
    clause: bool = False  # needs an infinitive or that-clause ("asked X to")
    predicate: bool = False  # needs an object predicate ("called him a liar")
    bare: bool = False
    governs: str | None = None
    needs_inner: bool = False  # only an event when it governs one ("warned that ... would")
    reciprocal: bool = False
    host: bool = False
    # Noun-only keys.
    only_with: frozenset[str] | None = None
    only_with_prep: frozenset[str] | None = None
    of_objects: frozenset[str] | None = None  # "state of emergency"
    military_with: frozenset[str] = frozenset()
    joint: str | None = None
    addressed: bool = False  # "concern" is disapproval only when aimed at someone
    diplomatic: str | None = None


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Sense, ...]]
    nouns: dict[str, Sense]
    forms: dict[str, str]  # inflected verb form -> lemma
    known: frozenset[str]  # every verb lemma the lexicon names
    cameo_roots: dict[str, str]
    quad: dict[str, int]
    light_verbs: frozenset[str]
    statement_nouns: frozenset[str]
    quantity_nouns: frozenset[str]
    reporting_verbs: frozenset[str]
    future_wrappers: frozenset[str]
    hypothetical_wrappers: frozenset[str]
    negative_wrappers: frozenset[str]
    irrealis_words: frozenset[str]
    comment_verbs: frozenset[str]
    reversal_verbs: frozenset[str] = frozenset()
    discourse_objects: frozenset[str] = frozenset()
    legislative_verbs: frozenset[str] = frozenset()
    praise_words: frozenset[str] = frozenset()
    reaction_verbs: frozenset[str] = frozenset()
    occurrence_verbs: frozenset[str] = frozenset()
    groups: dict[str, frozenset[str]] = field(default_factory=dict)  # the word groups (@name)
    adjectives: dict[str, Sense] = field(default_factory=dict)  # stance adjectives ("critical of")

    def lemma_of(self, text: str, lemma: str) -> str:
        """A verb's lemma, repairing the model's misses ("fined" -> "fin") from known forms."""
        lemma = lemma.lower()
        if lemma in self.known:
            return lemma
        return self.forms.get(text.lower(), lemma)

    def cameo(self, sense: Sense, event_type: str) -> str:
        if sense.cameo and sense.type == event_type:
            return sense.cameo
        return self.cameo_roots[event_type]


@lru_cache(maxsize=2)
def load_lexicon(path: str | None = None) -> Lexicon:
    raw = yaml.safe_load(Path(path or DATA).read_text(encoding="utf-8"))
    groups = {name: frozenset(words) for name, words in raw["groups"].items()}
    verbs = {lemma: tuple(_sense(s, groups) for s in senses) for lemma, senses in raw["verbs"].items()}
    nouns = {lemma: _sense(spec, groups) for lemma, spec in raw["nouns"].items()}
    adjectives = {lemma: _sense(spec, groups) for lemma, spec in raw.get("adjectives", {}).items()}
    _check_types(verbs, {**nouns, **adjectives})
    words = {key: frozenset(raw[key]) for key in (
        "light_verbs", "statement_nouns", "quantity_nouns",
        "future_wrappers", "hypothetical_wrappers", "negative_wrappers", "irrealis_words",
        "reversal_verbs", "discourse_objects", "legislative_verbs", "praise_words", "reaction_verbs",
        "occurrence_verbs")}
    words["reporting_verbs"] = clause_verbs()  # the one reporting-verb lexicon (newsgraph.reporting)
    words["comment_verbs"] = comment_verbs()  # what a refusal is "no comment" with (newsgraph.reporting)
    known = set(verbs) | words["light_verbs"] | words["reporting_verbs"] | words["future_wrappers"] \
        | words["hypothetical_wrappers"] | words["negative_wrappers"] | words["comment_verbs"]
    return Lexicon(verbs=verbs, nouns=nouns, forms=_forms(known, raw.get("irregular", {})), known=frozenset(known),
                   cameo_roots=raw["cameo_roots"], quad=raw["quad"], groups=groups,
                   adjectives=adjectives, **words)


def _sense(spec: dict[str, Any], groups: dict[str, frozenset[str]]) -> Sense:
    values = dict(spec)
    for key in ("objects", "not_objects", "prep", "not_prep", "particle", "subjects", "complement",
                "modifiers", "only_with", "only_with_prep", "of_objects", "military_with"):
        if key in values and values[key] is not None:
            values[key] = _expand(values[key], groups)
    return Sense(**values)


def _expand(words: list[str], groups: dict[str, frozenset[str]]) -> frozenset[str]:
    out: set[str] = set()
    for word in words:
        out |= groups[word[1:]] if word.startswith("@") else {word.lower()}
    return frozenset(out)


def _check_types(verbs: dict[str, tuple[Sense, ...]], nouns: dict[str, Sense]) -> None:
    senses = [s for group in verbs.values() for s in group] + list(nouns.values())
    bad = {s.type for s in senses} - set(TYPES) - {None}
    if bad:
        raise ValueError(f"event lexicon uses unknown PLOVER types {sorted(bad)}")


def _forms(lemmas: set[str], irregular: dict[str, list[str]]) -> dict[str, str]:
    """Inflected form -> lemma, so a mis-lemmatised token ("fined" -> "fin") still matches."""
    forms: dict[str, str] = {}
    for lemma in sorted(lemmas):
        for form in (*inflections(lemma), *irregular.get(lemma, ())):
            forms.setdefault(form, lemma)
    return forms


def inflections(lemma: str) -> tuple[str, ...]:
    """Regular English verb forms: -s, -ed, -ing (with e-drop, y->i and doubling)."""
    stem_ing = lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        third, past = lemma[:-1] + "ies", lemma[:-1] + "ied"
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        third, past = lemma + "es", lemma + "ed"
    else:
        third, past = lemma + "s", (lemma + "d" if lemma.endswith("e") else lemma + "ed")
    forms = [lemma, third, past, stem_ing + "ing"]
    if _doubles(lemma):
        forms += [lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    return tuple(forms)


def _doubles(lemma: str) -> bool:
    vowels = "aeiou"
    return (len(lemma) >= 3 and lemma[-1] not in vowels + "wxy" and lemma[-2] in vowels
            and lemma[-3] not in vowels)
