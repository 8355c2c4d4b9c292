"""Actors stage, first version: spaCy NER mentions grouped by name.

The actors issue replaces the grouping with full in-article resolution and
knowledge-base coding; the stage interface (`build_stage`) stays.
"""
from __future__ import annotations

from collections import OrderedDict

from ..records import Entity, Mention

KINDS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP",
         "FAC": "FAC", "EVENT": "EVENT", "PRODUCT": "OTHER", "WORK_OF_ART": "OTHER", "LAW": "OTHER"}


class NameGroupingStage:
    name = "actors"

    def __call__(self, ctx) -> tuple[Entity, ...]:
        groups: "OrderedDict[str, list]" = OrderedDict()
        for ent in ctx.doc.ents:
            kind = KINDS.get(ent.label_)
            if kind is None:
                continue
            key = _group_key(ent.text, kind, groups)
            groups.setdefault(key, []).append((ent, kind))
        return tuple(_entity(i, members) for i, members in enumerate(groups.values(), start=1))


def _group_key(text: str, kind: str, groups) -> str:
    key = f"{kind}:{text.lower()}"
    if key in groups or kind != "PERSON":
        return key
    for existing in groups:
        name = existing.split(":", 1)[1]
        if existing.startswith("PERSON:") and (name.split()[-1] == text.lower() or text.lower().split()[-1] == name):
            return existing
    return key


def _entity(number: int, members: list) -> Entity:
    mentions = tuple(Mention(e.start_char, e.end_char, e.text) for e, _ in members)
    name = max((m.text for m in mentions), key=len)
    return Entity(id=f"E{number}", name=name, kind=members[0][1], mentions=mentions)


def build_stage(config, known_actors=()) -> NameGroupingStage:
    return NameGroupingStage()
