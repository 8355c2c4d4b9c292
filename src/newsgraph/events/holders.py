"""A bare title as an event argument: "DNC chair dismisses ...", "the governor urged ...".

The actors stage links a title to a person when it stands before the name or
the text says plainly who holds it; a title noun it left unlinked ("DNC chair"
in a headline) would otherwise be read as the body that modifies it (the DNC).
Here the title is bound on the entities layer alone: the one person in the
article whose office (`Entity.role`) ends in that noun, and, when the title is
modified by a named body ("DNC chair", "the party's leader"), whose office names
that body too. Two such people leave the title unbound: a wrong party is worse
than none.
"""
from __future__ import annotations

from typing import Sequence

from spacy.tokens import Token

from ..records import Entity, entity_at

MODIFIER_DEPS = frozenset({"compound", "poss", "nmod", "amod"})


def title_holder(tok: Token, entities: Sequence[Entity]) -> Entity | None:
    """The person a common title noun with no entity of its own stands for, or None."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or entity_at(entities, tok.idx, tok.idx + len(tok.text)):
        return None
    holders = [e for e in entities if e.kind == "PERSON" and _office_noun(e) == tok.lemma_.lower()]
    bodies = [b for m in tok.children if m.dep_ in MODIFIER_DEPS
              for b in [entity_at(entities, m.idx, m.idx + len(m.text))] if b is not None]
    if bodies:
        holders = [e for e in holders if any(_names(e.role or "", b) for b in bodies)]
    return holders[0] if len(holders) == 1 else None


def _office_noun(ent: Entity) -> str | None:
    words = (ent.role or "").lower().split()
    return words[-1] if words else None


def _names(role: str, body: Entity) -> bool:
    """The office names the body: "Democratic National Committee chair" and the DNC."""
    role = role.lower()
    return any(m.text.lower() in role for m in body.mentions if m.kind != "pronoun") or body.name.lower() in role
