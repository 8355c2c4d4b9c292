"""Views as reports: "critics see the levy as a chance", "the bank sees a growing risk".

"See" with a bare object is mostly sight ("saw the old fort"); with an "as" phrase, or with an
object naming a prospect (a risk, a chance, a need), it reports how someone judges things.
"""
from __future__ import annotations

from spacy.tokens import Token


# What one sees ahead rather than sees with the eyes: "the bank sees a growing risk of recession".
PROSPECTS = frozenset({"risk", "threat", "danger", "chance", "opportunity", "need", "sign", "prospect",
                       "possibility", "likelihood", "potential", "hope", "reason", "evidence", "room"})


def sees_prospect(verb: Token) -> bool:
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return verb.lemma_.lower() in ("see", "foresee") and obj is not None and obj.lemma_.lower() in PROSPECTS


def seen_as(verb: Token) -> bool:
    """"Critics see the bill as a chance to fix ...": an object with an "as" phrase is a view."""
    return verb.lemma_.lower() in ("see", "view") and any(c.dep_ == "dobj" for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)


# Senses of the cues (cues.txt) that take a thing for something: "seen as", "regarded as", "considered".
VIEW_SENSES = frozenset({"perception", "thought"})


def held_view(sense: str | None, rest: list[Token]) -> bool:
    """"The shift was widely seen as an attempt to ...", "Russia is considered an adversary": a
    passive verb of view with what the thing is taken for (an "as" phrase or a predicate noun)
    reports a view held by others the text leaves unnamed; the audit gold keeps it, with no
    speaker. An infinitive ("is expected to meet Biden") is a forecast and stays the writer's."""
    return sense in VIEW_SENSES and any(r.dep_ in ("oprd", "attr") or r.dep_ == "prep" and r.lower_ == "as"
                                        for r in rest)
