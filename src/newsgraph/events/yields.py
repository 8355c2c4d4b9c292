"""Word-sense checks of yields (CONCEDE): which "conceding" and "allowing" are a party giving way.

- "conceding that a deal was far off" concedes a point in an argument: a statement
  (CAMEO 01), not a yield; a yield concedes a thing ("conceded defeat", "conceded the seat");
- "cannot allow this chaos to continue", "a file that would allow lawmakers to compare":
  letting a state of affairs go on, or a thing making something possible, is no
  concession; a concession lets a party do something ("allowed inspectors to enter") or
  lets a thing in ("allowed relief convoys", CAMEO 08's easing of a restriction).
"""
from __future__ import annotations

from typing import Sequence

from ..nlp import child
from ..records import Entity
from .candidate import Candidate
from .senses import unnamed_thing


def conceded_point(cand: Candidate, event_type: str) -> bool:
    """A yield verb with a that-clause: an admission, not a yield."""
    if event_type != "CONCEDE" or cand.nominal:
        return False
    return any(c.dep_ == "ccomp" and child(c, "mark") is not None and child(c, "mark").lower_ == "that"
               for c in cand.verb.children)


def thing_allowed(cand: Candidate, event_type: str, entities: Sequence[Entity]) -> bool:
    """A permission ("allow", "permit": the lexicon's senses that govern what is agreed to) given
    to a thing that is no party, or by a thing that is none. Also when refused ("will not allow
    the city to fall", read as a rejection): the rules' own reading was the yield."""
    if "CONCEDE" not in (event_type, cand.type) or cand.nominal or cand.sense.governs != "agree":
        return False
    # A thing let go on ("allow this chaos to continue") is no yield; a thing let in or through
    # ("allowed humanitarian relief", "allow access for aid workers") is one: CAMEO 08 eases a restriction.
    clause = child(cand.verb, "ccomp", "xcomp")
    allowed = child(clause, "nsubj") if clause is not None else None
    if allowed is not None and unnamed_thing(allowed, entities):
        return True
    subject = child(cand.verb, "nsubj")
    if subject is not None and subject.tag_ == "WDT" and cand.verb.dep_ == "relcl":
        subject = cand.verb.head  # "the file, which would allow ...": the file allows
    return subject is not None and unnamed_thing(subject, entities)
