"""A proposed event trigger with its chosen sense: what `detect` and `demands` hand on."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .lexicon import Sense


@dataclass(frozen=True)
class Candidate:
    """A trigger and the sense chosen for it."""

    trigger: Token  # the word reported as the trigger
    verb: Token  # the clause's verb (the light verb for a nominal trigger)
    sense: Sense
    type: str
    mode: str | None
    nominal: bool = False
    patient: Token | None = None
    inner: "Candidate | None" = None  # the absorbed event of a wrapper
