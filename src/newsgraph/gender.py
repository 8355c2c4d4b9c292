"""Grammatical gender and number as English marks them: one table for every stage.

Actors link pronouns to people, events read a pronoun argument's referent and
quotes check that "Mrs. Smith said" is not given to her husband: all three ask
the same two questions of a word, so the words live here once. Classes are
"m" (male), "f" (female), "n" (neuter: organisations, states) and "p" (plural).
"""
from __future__ import annotations

from typing import Iterable

PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "it": "n", "its": "n", "itself": "n",
    "they": "p", "them": "p", "their": "p", "themselves": "p",
}
# Titles written before a name that give its bearer's sex ("Dr." and "Prof." do not).
HONORIFIC_GENDER = {
    "mr": "m", "mr.": "m", "sir": "m", "lord": "m",
    "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f", "dame": "f", "lady": "f", "madam": "f",
}
PERSON_PRONOUNS = {word: cls for word, cls in PRONOUN_GENDER.items() if cls in ("m", "f", "p")}


def pronoun_gender(word: str) -> str | None:
    """"m", "f", "n" or "p" for a third-person pronoun, None for any other word."""
    return PRONOUN_GENDER.get(word.lower())


def honorific_gender(word: str) -> str | None:
    """"m" or "f" for a gendered title ("Mrs.", "Sir"), None otherwise."""
    return HONORIFIC_GENDER.get(word.lower())


def words_gender(words: Iterable[str]) -> str | None:
    """The sex the words agree on through pronouns and titles ("Mrs. Smith", "he"), or None
    when they give none or both."""
    found = {honorific_gender(w) or pronoun_gender(w) for w in words}
    sexes = found & {"m", "f"}
    return sexes.pop() if len(sexes) == 1 else None
