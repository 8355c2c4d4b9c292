"""Story grouping: events from different articles that report one happening.

Two events belong to one story when they have the same PLOVER type, their
actor sides share a corpus actor, their recipient sides share one (or one of
them names no recipient), and their days are at most WINDOW_DAYS apart. A
story's id is the row id of its first stored event, so grouping is
incremental and deterministic for a given ingest order. `story_counts` gives
GDELT-style NumArticles / NumSources (outlets) per story.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import Iterable, Sequence

from .db import Database

WINDOW_DAYS = 2
MAX_CANDIDATES = 200


def assign_story(db: Database, event_id: int, event_type: str, day: str | None,
                 actors: Sequence[int], recipients: Sequence[int]) -> int:
    """Give a just-written event its story id (an earlier event's story, or its own id)."""
    story = _matching_story(db, event_id, event_type, day, set(actors), set(recipients))
    story = story if story is not None else event_id
    db.execute("UPDATE events SET story_id = ? WHERE id = ?", (story, event_id))
    return story


def _matching_story(db: Database, event_id: int, event_type: str, day: str | None,
                    actors: set[int], recipients: set[int]) -> int | None:
    if not day or not actors:
        return None
    low, high = _window(day)
    marks = ", ".join("?" for _ in actors)
    candidates = db.rows(
        f"""SELECT DISTINCT e.id, e.story_id FROM events e JOIN event_actors ea ON ea.event_id = e.id
            WHERE e.type = ? AND e.event_date BETWEEN ? AND ? AND e.id <> ? AND e.story_id IS NOT NULL
              AND ea.role = 'actor' AND ea.actor_id IN ({marks})
            ORDER BY e.story_id LIMIT {MAX_CANDIDATES}""",
        (event_type, low, high, event_id, *sorted(actors)),
    )
    if not candidates:
        return None
    theirs = _recipients_of(db, [c["id"] for c in candidates])
    for cand in candidates:
        other = theirs.get(cand["id"], set())
        if not recipients or not other or recipients & other:
            return int(cand["story_id"])
    return None


def _window(day: str) -> tuple[str, str]:
    center = date.fromisoformat(day)
    span = timedelta(days=WINDOW_DAYS)
    return (center - span).isoformat(), (center + span).isoformat()


def _recipients_of(db: Database, event_ids: list[int]) -> dict[int, set[int]]:
    marks = ", ".join("?" for _ in event_ids)
    found: dict[int, set[int]] = {}
    for row in db.rows(f"SELECT event_id, actor_id FROM event_actors WHERE role = 'recipient' "
                       f"AND actor_id IS NOT NULL AND event_id IN ({marks})", event_ids):
        found.setdefault(int(row["event_id"]), set()).add(int(row["actor_id"]))
    return found


def story_counts(db: Database, story_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """{story id: {"articles": n, "outlets": n, "events": n}} for the given stories."""
    ids = sorted({int(s) for s in story_ids if s is not None})
    counts: dict[int, dict[str, int]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        for row in db.rows(
            f"""SELECT e.story_id, COUNT(DISTINCT e.article_id) AS articles,
                       COUNT(DISTINCT a.publisher) AS outlets, COUNT(*) AS events
                FROM events e JOIN articles a ON a.id = e.article_id
                WHERE e.story_id IN ({marks}) GROUP BY e.story_id""", chunk):
            counts[int(row["story_id"])] = {k: int(row[k]) for k in ("articles", "outlets", "events")}
    return counts
