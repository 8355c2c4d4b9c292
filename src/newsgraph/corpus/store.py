"""Writing analyses into the store, one article all-or-nothing.

An article is identified by the hash of its analysed text and, when it has
one, its URL; writing one already there is a no-op (ON CONFLICT DO NOTHING),
so concurrent or repeated ingests never duplicate it. Entities are linked to
a corpus-level actor by a merge key (kind + the normalised knowledge-base
id when the actors stage gives one, else the normalised name); after each batch an actor's
country, sector and role are the values most often coded for its entities,
so one article's slip does not stick to an actor for good.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from ..article import content_hash
from ..errors import InputError
from ..records import Analysis, Entity, Event, KnownActor, Quote
from .codes import QUAD_CLASS, event_day
from .db import Database
from .migrations import now_iso
from .stories import assign_story

KB_KEYS = ("kb_id", "wikidata", "qid", "kb")
MAX_KNOWN_ACTORS = 20_000
MAX_ALIASES = 8


def merge_key(entity: Entity) -> str:
    """Kind + normalised knowledge-base id or name.

    The knowledge-base id stands in for the name, so "the GOP" coded as the
    Republican Party meets an uncoded "Republican Party" from another article.
    """
    attrs = dict(entity.attrs)
    kb = next((str(attrs[k]) for k in KB_KEYS if attrs.get(k)), None)
    return f"{entity.kind}:{normalise_name(kb or entity.name)}"


def normalise_name(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    folded = re.sub(r"^the\s+", "", folded.strip())
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split()) or name.casefold()


def _useful_aliases(name: str, kind: str, forms: Iterable[str]) -> tuple[str, ...]:
    """Other name forms, less a person's bare first name ("Donald" names many people)."""
    first = name.split()[0] if kind == "PERSON" and " " in name.strip() else None
    return tuple(f for f in forms if f != name and f != first)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@dataclass
class WriteResult:
    added: int = 0
    duplicates: int = 0
    failed: list[InputError] = field(default_factory=list)


@dataclass
class _Ids:
    """Row ids of one article's entities: local id -> (entity row, actor row)."""

    entities: dict[str, tuple[int, int]] = field(default_factory=dict)

    def entity(self, local: str | None) -> int | None:
        return self.entities[local][0] if local in self.entities else None

    def actor(self, local: str | None) -> int | None:
        return self.entities[local][1] if local in self.entities else None


class Store:
    """Reads and writes the corpus tables through a Database."""

    def __init__(self, db: Database):
        self.db = db
        self._touched: set[int] = set()

    # -- writing -----------------------------------------------------------

    def write_batch(self, analyses: Sequence[tuple[Analysis, str | None]],
                    errors: Sequence[InputError] = ()) -> WriteResult:
        """Write (analysis, input hash) pairs and failures in one transaction.

        Each article gets its own savepoint: one that cannot be written is
        reported as a failure and the others are kept.
        """
        result = WriteResult()
        with self.db.transaction():
            for analysis, input_hash in analyses:
                self._write_one(analysis, input_hash, result)
            self.record_errors([*errors, *result.failed])
            self.refresh_actor_codes(self._touched)
        self._touched = set()
        return result

    def _write_one(self, analysis: Analysis, input_hash: str | None, result: WriteResult) -> None:
        try:
            with self.db.transaction():
                added = self.write(analysis, input_hash)
        except Exception as exc:  # a bad value must not lose the batch
            source = analysis.article.source or analysis.id
            result.failed.append(InputError(source, f"cannot store: {type(exc).__name__}: {exc}"))
            return
        if added is None:
            result.duplicates += 1
        else:
            result.added += 1

    def write(self, analysis: Analysis, input_hash: str | None = None) -> int | None:
        """Write one analysis (call inside a transaction); None when already stored."""
        article_id = self._insert_article(analysis, input_hash)
        if article_id is None:
            return None
        self._insert_sentences(article_id, analysis)
        ids = self._insert_entities(article_id, analysis.entities)
        self._insert_quotes(article_id, analysis.quotes, ids)
        self._insert_events(article_id, analysis, ids)
        if analysis.article.source:
            self.db.execute("DELETE FROM errors WHERE source = ?", (analysis.article.source,))
        return article_id

    def _insert_article(self, analysis: Analysis, input_hash: str | None) -> int | None:
        art = analysis.article
        row = self.db.one(
            """INSERT INTO articles (doc_id, content_hash, input_hash, url, title, subtitle, authors,
                   publisher, published, source, text, meta, ingested_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id""",
            (analysis.id, content_hash(art.text), input_hash, art.url or None, art.title, art.subtitle,
             _json(list(art.authors)), art.publisher, art.published, art.source, art.text,
             _json(dict(analysis.meta)) if analysis.meta else None, now_iso()),
        )
        return int(row["id"]) if row else None

    def _insert_sentences(self, article_id: int, analysis: Analysis) -> None:
        self.db.executemany(
            "INSERT INTO sentences (article_id, idx, start_char, end_char, voice, opinion_score, opinion_probability, "
            "loaded) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(article_id, i, s.start, s.end, s.voice, s.score, s.probability, _json([x.as_dict() for x in s.loaded]))
             for i, s in enumerate(analysis.sentences)],
        )

    def _insert_entities(self, article_id: int, entities: Iterable[Entity]) -> _Ids:
        ids = _Ids()
        mentions = []
        for ent in entities:
            actor_id = self.upsert_actor(ent)
            row = self.db.one(
                "INSERT INTO entities (article_id, local_id, actor_id, name, kind, country, sector, role, attrs) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (article_id, ent.id, actor_id, ent.name, ent.kind, ent.country, ent.sector, ent.role,
                 _json(dict(ent.attrs)) if ent.attrs else None),
            )
            ids.entities[ent.id] = (int(row["id"]), actor_id)
            mentions += [(row["id"], m.start, m.end, m.text, m.kind) for m in ent.mentions]
        self.db.executemany(
            "INSERT INTO mentions (entity_id, start_char, end_char, text, kind) VALUES (?, ?, ?, ?, ?)", mentions)
        return ids

    def upsert_actor(self, ent: Entity) -> int:
        """The corpus actor for an entity, created if new (codes are refreshed per batch)."""
        key = merge_key(ent)
        found = self.db.one("SELECT id FROM actors WHERE merge_key = ?", (key,))
        if found is None:
            # DO UPDATE (a no-op) rather than DO NOTHING so RETURNING gives the id under a race.
            found = self.db.one(
                "INSERT INTO actors (merge_key, name, kind, country, sector, role, first_seen) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (merge_key) DO UPDATE SET merge_key = excluded.merge_key "
                "RETURNING id",
                (key, ent.name, ent.kind, ent.country, ent.sector, ent.role, now_iso()),
            )
        self._touched.add(int(found["id"]))
        return int(found["id"])

    def refresh_actor_codes(self, actor_ids: Iterable[int]) -> None:
        """Set each actor's country/sector/role to the value most often coded for its entities."""
        ids = sorted(actor_ids)
        sets = ", ".join(
            f"{col} = COALESCE((SELECT e.{col} FROM entities e WHERE e.actor_id = actors.id AND e.{col} IS NOT NULL "
            f"GROUP BY e.{col} ORDER BY COUNT(*) DESC, e.{col} LIMIT 1), {col})" for col in ("country", "sector", "role"))
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            self.db.execute(f"UPDATE actors SET {sets} WHERE id IN ({', '.join('?' for _ in chunk)})", chunk)

    def _insert_quotes(self, article_id: int, quotes: Iterable[Quote], ids: _Ids) -> None:
        self.db.executemany(
            """INSERT INTO quotes (article_id, local_id, kind, content, start_char, end_char, speaker_entity_id,
                   speaker_actor_id, speaker_text, cue, cue_class, addressee_actor_id, via, data)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [(article_id, q.id, q.kind, q.content, q.start, q.end, ids.entity(q.speaker), ids.actor(q.speaker),
              q.speaker_mention.text if q.speaker_mention else None, q.cue.text if q.cue else None, q.cue_class,
              ids.actor(q.addressee), _json([v.as_dict() for v in q.via]), _json(q.as_dict()))
             for q in quotes],
        )

    def _insert_events(self, article_id: int, analysis: Analysis, ids: _Ids) -> None:
        for ev in analysis.events:
            day = event_day(ev.date.start if ev.date else None, analysis.article.published)
            row = self.db.one(
                """INSERT INTO events (article_id, local_id, type, mode, modality, quad_class, sentence,
                       trigger_text, trigger_start, trigger_end, date_text, date_start, date_end, event_date,
                       location_actor_id, quote_local_id, cameo, confidence, data)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
                (article_id, ev.id, ev.type, ev.mode, ev.modality, QUAD_CLASS.get(ev.type), ev.sentence,
                 ev.trigger.text, ev.trigger.start, ev.trigger.end, ev.date.text if ev.date else None,
                 ev.date.start if ev.date else None, ev.date.end if ev.date else None, day,
                 ids.actor(ev.location), ev.quote, ev.cameo, ev.confidence, _json(ev.as_dict())),
            )
            self._insert_event_actors(int(row["id"]), ev, ids, day)

    def _insert_event_actors(self, event_id: int, ev: Event, ids: _Ids, day: str | None) -> None:
        rows = [(event_id, role, pos, ids.actor(local), ids.entity(local))
                for role, locals_ in (("actor", ev.actors), ("recipient", ev.recipients))
                for pos, local in enumerate(locals_)]
        self.db.executemany(
            "INSERT INTO event_actors (event_id, role, position, actor_id, entity_id) VALUES (?, ?, ?, ?, ?)", rows)
        actors = [r[3] for r in rows if r[1] == "actor" and r[3] is not None]
        recipients = [r[3] for r in rows if r[1] == "recipient" and r[3] is not None]
        assign_story(self.db, event_id, ev.type, day, actors, recipients)

    def record_errors(self, errors: Iterable[InputError]) -> None:
        stamp = now_iso()
        rows = [(e.source, type(e).__name__, e.reason, stamp, stamp) for e in errors]
        self.db.executemany(
            "INSERT INTO errors (source, kind, reason, first_seen, last_seen) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (source) DO UPDATE SET kind = excluded.kind, reason = excluded.reason, "
            "last_seen = excluded.last_seen, attempts = errors.attempts + 1", rows)

    # -- reading what ingest needs ----------------------------------------

    def stored_inputs(self, input_hashes: Sequence[str], urls: Sequence[str]) -> tuple[set[str], set[str]]:
        """Which of these input hashes and URLs are already in the store."""
        return (self._present("input_hash", input_hashes), self._present("url", urls))

    def _present(self, column: str, values: Sequence[str]) -> set[str]:
        found: set[str] = set()
        unique = sorted(set(v for v in values if v))
        for start in range(0, len(unique), 500):
            chunk = unique[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            found |= {r[column] for r in self.db.rows(
                f"SELECT {column} FROM articles WHERE {column} IN ({marks})", chunk)}
        return found

    def count(self, table: str) -> int:
        return int(self.db.scalar(f"SELECT COUNT(*) AS n FROM {table}"))

    def known_actors(self, limit: int = MAX_KNOWN_ACTORS) -> tuple[KnownActor, ...]:
        """Actors worth remembering: coded ones, or ones seen in two or more articles."""
        rows = self.db.rows(
            f"""SELECT a.id, a.name, a.kind, a.country, a.sector, a.role, COUNT(DISTINCT e.article_id) AS seen
                FROM actors a JOIN entities e ON e.actor_id = a.id
                GROUP BY a.id, a.name, a.kind, a.country, a.sector, a.role
                HAVING a.country IS NOT NULL OR a.sector IS NOT NULL OR a.role IS NOT NULL
                    OR COUNT(DISTINCT e.article_id) >= 2
                ORDER BY seen DESC, a.id LIMIT {int(limit)}""")
        aliases = self._aliases([int(r["id"]) for r in rows])
        # Least seen first: where two actors share a name form ("Clinton"), the
        # actors stage lets the later one win, which should be the commoner.
        rows.reverse()
        return tuple(KnownActor(name=r["name"], kind=r["kind"], country=r["country"], sector=r["sector"],
                                role=r["role"], aliases=_useful_aliases(r["name"], r["kind"], aliases.get(int(r["id"]), ())))
                     for r in rows)

    def _aliases(self, actor_ids: list[int]) -> dict[int, list[str]]:
        """The most used name mentions of each actor (e.g. "Lavrov" for "Sergei Lavrov")."""
        counts: dict[int, Counter] = {}
        for start in range(0, len(actor_ids), 500):
            chunk = actor_ids[start:start + 500]
            marks = ", ".join("?" for _ in chunk)
            for r in self.db.rows(
                f"""SELECT e.actor_id, m.text, COUNT(*) AS n FROM mentions m JOIN entities e ON e.id = m.entity_id
                    WHERE m.kind = 'name' AND e.actor_id IN ({marks}) GROUP BY e.actor_id, m.text""", chunk):
                counts.setdefault(int(r["actor_id"]), Counter())[r["text"]] = int(r["n"])
        return {k: [t for t, _ in c.most_common(MAX_ALIASES)] for k, c in counts.items()}
