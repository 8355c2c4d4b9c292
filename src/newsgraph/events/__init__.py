"""Events stage (placeholder until the events issue lands): finds nothing yet."""
from __future__ import annotations


class EventsStage:
    name = "events"

    def __call__(self, ctx) -> tuple:
        return ()


def build_stage(config) -> EventsStage:
    return EventsStage()
