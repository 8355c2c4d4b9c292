"""What the store and its queries share: PLOVER's quad classes (from newsgraph.plover), event-date choice."""
from __future__ import annotations

import re

from ..plover import EVENT_TYPES, QUAD_CLASS, QUAD_NAMES

__all__ = ["EVENT_TYPES", "QUAD_CLASS", "QUAD_NAMES", "day_of", "event_day"]

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
