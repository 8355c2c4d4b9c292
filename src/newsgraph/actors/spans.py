"""spaCy's entity spans repaired before detection reads them.

The small model sometimes runs a name on into the abbreviation bracketed after
it: "the Ministry of Trade, Industry and Energy (MOTIE)" comes back as one
entity ending in "(MOTIE". The name and its abbreviation are two mentions of
one actor (the clusterer joins an abbreviation to the name it spells), so the
entity is cut at the bracket.
"""
from __future__ import annotations

from spacy.tokens import Span

_OPEN = frozenset({"(", "["})
_CLOSE = frozenset({")", "]"})


def repaired_ents(ents: tuple[Span, ...]) -> tuple[Span, ...]:
    """The entities, each cut at an opening bracket inside it into the name and the bracketed words."""
    out: list[Span] = []
    for ent in ents:
        out.extend(_cut_at_bracket(ent))
    return tuple(out)


def _cut_at_bracket(ent: Span) -> list[Span]:
    doc = ent.doc
    inside = [t.i for t in ent if t.text in _OPEN and t.i > ent.start]
    if not inside:
        return [ent]
    at = inside[0]
    parts = [Span(doc, ent.start, at, label=ent.label_)]
    end = next((t.i for t in doc[at + 1:ent.end] if t.text in _CLOSE), ent.end)
    if end > at + 1:
        parts.append(Span(doc, at + 1, end, label=ent.label_))
    return parts
