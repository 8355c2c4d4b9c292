"""The stage registry: the one list of stages, what each needs and what it fills.

Each entry names its factory ("module:function", imported only when the
stage is built), the stages it `requires` (it cannot give a meaningful
answer without their layers: they are added when it is chosen), the stages
it `reads` when they ran (optional: it works without them, with less), the
Analysis fields it `assigns`, and the run-wide `context` its factory takes
as keywords (known_actors, the corpus memory). The order of STAGES is the
run order; every stage comes after what it requires and reads.

This module imports nothing of newsgraph's, so config.py can take the names
from it without a cycle.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Iterable, Mapping


@dataclass(frozen=True)
class StageSpec:
    name: str
    factory: str
    requires: tuple[str, ...] = ()
    reads: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()
    context: tuple[str, ...] = ()

    def build(self, config: Any, context: Mapping[str, Any]) -> Any:
        """The stage object: factory(config, **the context keywords it declares)."""
        module, _, attr = self.factory.partition(":")
        factory = getattr(importlib.import_module(module), attr)
        return factory(config, **{key: context[key] for key in self.context})


STAGES: tuple[StageSpec, ...] = (
    StageSpec("actors", "newsgraph.actors:build_stage", assigns=("entities",), context=("known_actors",)),
    # Speakers are linked to entities when actors ran; quotes are found either way.
    StageSpec("quotes", "newsgraph.quotes:build_stage", reads=("actors",), assigns=("quotes",)),
    # Events without actors would have no sources or targets; quotes only link an event to its quotation.
    StageSpec("events", "newsgraph.events:build_stage", requires=("actors",), reads=("quotes",),
              assigns=("events",)),
    # Attributed sentences come from the quotes layer.
    StageSpec("voice", "newsgraph.voice:build_stage", requires=("quotes",), assigns=("sentences",)),
)
STAGE_NAMES: tuple[str, ...] = tuple(spec.name for spec in STAGES)
BY_NAME: dict[str, StageSpec] = {spec.name: spec for spec in STAGES}


def unknown_stages(names: Iterable[str]) -> list[str]:
    return sorted(set(names) - set(BY_NAME))


def with_requirements(names: Iterable[str]) -> tuple[str, ...]:
    """The chosen stages plus everything they require, transitively, in run order."""
    chosen: set[str] = set()
    pending = list(names)
    while pending:
        name = pending.pop()
        if name not in chosen:
            chosen.add(name)
            pending.extend(BY_NAME[name].requires)
    return tuple(name for name in STAGE_NAMES if name in chosen)


def check_order(specs: tuple[StageSpec, ...] = STAGES) -> None:
    """Raise if a stage comes before a stage it requires or reads (a registry bug)."""
    seen: set[str] = set()
    for spec in specs:
        late = [name for name in (*spec.requires, *spec.reads) if name not in seen]
        if late:
            raise ValueError(f"stage {spec.name} is listed before {', '.join(late)}, which it needs")
        seen.add(spec.name)


check_order()
