"""PLOVER facts the store and its queries share: quad classes, event-date choice."""
from __future__ import annotations

import re

# PLOVER manual, "Quad category" of each event type.
QUAD_CLASS: dict[str, int] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN"), 3),
    **dict.fromkeys(("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}
QUAD_NAMES = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
EVENT_TYPES = tuple(QUAD_CLASS)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def day_of(value: str | None) -> str | None:
    """The YYYY-MM-DD day at the start of an ISO date or datetime, else None."""
    if not value:
        return None
    match = _DAY.match(value)
    return match.group(0) if match else None


def event_day(date_start: str | None, published: str | None) -> str | None:
    """When an event happened: its own resolved date, else the article's date."""
    return day_of(date_start) or day_of(published)
