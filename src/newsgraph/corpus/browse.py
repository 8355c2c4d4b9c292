"""Read-only questions the web workbench asks of the store: pages of rows with a
total, facets, one article rebuilt in the contract's shape, one actor's record,
dyad series by period and a who-did-what-to-whom network.

Filters are validated with the helpers of `queries` (dates, event types, the
search syntax), so the CLI and the web refuse the same values with the same
messages. Every list function returns `(rows, total)` for pagination.
"""
from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Any, Sequence

from ..errors import QueryError
from .codes import QUAD_CLASS, QUAD_NAMES
from .db import Database, Row
from .queries import (ACTOR_ORDER, actor_condition, actor_counts_sql, check_date, check_event_type, date_range,
                      check_cue_class, dyad_condition, fts_query, like_pattern, ts_query)

# Search highlights are marked with private-use characters, not « », so that
# guillemets in an article's own text cannot be taken for highlights.
HIT_START, HIT_END = "\ue000", "\ue001"
ARTICLE_SORTS = ("newest", "oldest", "title", "relevance")
QUOTE_KINDS = ("direct", "indirect", "mixed")
PERIODS = ("day", "week", "month", "year")
FACET_SIZE = 12
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def _page(db: Database, select: str, base: str, params: list[Any], order: str, limit: int,
          offset: int) -> tuple[list[Row], int]:
    total = int(db.scalar(f"SELECT COUNT(*) AS n {base}", params) or 0)
    rows = db.rows(f"SELECT {select} {base} ORDER BY {order} LIMIT ? OFFSET ?", (*params, limit, offset))
    return rows, total


def display_title(title: str | None, text: str | None, fallback: str) -> str:
    """The stored title, else the text's first line cut to a readable length."""
    if title and title.strip():
        return title.strip()
    first = next((line.strip() for line in (text or "").splitlines() if line.strip()), "")
    if not first:
        return fallback
    return first if len(first) <= 90 else first[:87].rsplit(" ", 1)[0] + "…"


# -- articles -----------------------------------------------------------------

def _article_base(db: Database, q: str | None, publisher: str | None, month: str | None,
                  event_type: str | None, country: str | None) -> tuple[str, list[Any], str]:
    """FROM/WHERE for articles matching the filters, and the snippet expression."""
    where, params, joins = ["1 = 1"], [], ""
    snippet = "substr(a.text, 1, 240)"
    if q:
        if db.is_postgres:
            joins = ", to_tsquery('english', ?) tq"
            params.append(ts_query(q))
            where.append("a.tsv @@ tq")
            snippet = (f"ts_headline('english', a.text, tq, 'StartSel={HIT_START}, StopSel={HIT_END}, "
                       "MaxWords=30, MinWords=12, MaxFragments=2')")
        else:
            joins = " JOIN articles_fts ON articles_fts.rowid = a.id"
            where.append("articles_fts MATCH ?")
            params.append(fts_query(q))
            snippet = f"snippet(articles_fts, 1, '{HIT_START}', '{HIT_END}', '…', 24)"
    if publisher:
        where.append("a.publisher = ?")
        params.append(publisher)
    if month:
        if not _MONTH.match(month):
            raise QueryError(f"month {month!r} is not a month; use YYYY-MM")
        where.append("substr(a.published, 1, 7) = ?")
        params.append(month)
    if event_type:
        where.append("EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND e.type = ?)")
        params.append(check_event_type(event_type))
    if country:
        where.append("EXISTS (SELECT 1 FROM entities en WHERE en.article_id = a.id AND en.country = ?)")
        params.append(country.upper())
    return f"FROM articles a{joins} WHERE {' AND '.join(where)}", params, snippet


def articles(db: Database, q: str | None = None, publisher: str | None = None, month: str | None = None,
             event_type: str | None = None, country: str | None = None, sort: str | None = None,
             limit: int = 50, offset: int = 0) -> tuple[list[Row], int]:
    """Articles matching the filters (and search words, with highlighted snippets)."""
    sort = sort or ("relevance" if q else "newest")
    if sort not in ARTICLE_SORTS:
        raise QueryError(f"sort {sort!r} is not one of {', '.join(ARTICLE_SORTS)}")
    base, params, snippet = _article_base(db, q, publisher, month, event_type, country)
    order = {"newest": "a.published DESC NULLS LAST, a.id DESC", "oldest": "a.published ASC NULLS LAST, a.id",
             "title": "lower(COALESCE(a.title, a.text)), a.id"}.get(sort)
    if order is None:  # relevance; without search words, newest first
        order = ("ts_rank_cd(a.tsv, tq) DESC, a.id" if db.is_postgres else "bm25(articles_fts), a.id") if q \
            else "a.published DESC NULLS LAST, a.id DESC"
    rows, total = _page(db, f"""a.id, a.doc_id, a.title, a.publisher, a.published, a.url, substr(a.text, 1, 300) AS lead,
        {snippet} AS snippet,
        (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS events,
        (SELECT COUNT(*) FROM quotes qq WHERE qq.article_id = a.id) AS quotes""", base, params, order, limit, offset)
    for row in rows:
        row["display_title"] = display_title(row["title"], row.pop("lead"), row["doc_id"])
        row["snippet"] = " ".join((row["snippet"] or "").split())
    return rows, total


def article_facets(db: Database, q: str | None = None, publisher: str | None = None, month: str | None = None,
                   event_type: str | None = None, country: str | None = None) -> dict[str, list[Row]]:
    """Counts of matching articles by publisher, month, event type and actor country."""
    base, params, _ = _article_base(db, q, publisher, month, event_type, country)
    ids = f"SELECT a.id {base}"
    queries = {
        "publisher": f"SELECT a.publisher AS value, COUNT(*) AS n {base} AND a.publisher IS NOT NULL "
                     "GROUP BY a.publisher",
        "month": f"SELECT substr(a.published, 1, 7) AS value, COUNT(*) AS n {base} AND a.published IS NOT NULL "
                 "GROUP BY substr(a.published, 1, 7)",
        "event_type": f"SELECT e.type AS value, COUNT(DISTINCT e.article_id) AS n FROM events e "
                      f"WHERE e.article_id IN ({ids}) GROUP BY e.type",
        "country": f"SELECT en.country AS value, COUNT(DISTINCT en.article_id) AS n FROM entities en "
                   f"WHERE en.country IS NOT NULL AND en.article_id IN ({ids}) GROUP BY en.country",
    }
    facets = {}
    for name, sql in queries.items():
        rows = db.rows(sql, params)
        rows.sort(key=lambda r: (-int(r["n"]), str(r["value"])))
        facets[name] = [{"value": r["value"], "n": int(r["n"])} for r in rows[:FACET_SIZE]]
    return facets


def article(db: Database, article_id: int) -> Row | None:
    """One stored article rebuilt in the contract's shape (entities, quotes, events,
    sentences), each record also carrying its store ids for links."""
    art = db.one("SELECT * FROM articles WHERE id = ?", (article_id,))
    if art is None:
        return None
    entities = db.rows("SELECT id, local_id, actor_id, name, kind, country, sector, role FROM entities "
                       "WHERE article_id = ? ORDER BY id", (article_id,))
    mentions: dict[int, list[Row]] = defaultdict(list)
    for m in db.rows("SELECT m.entity_id, m.start_char, m.end_char, m.text, m.kind FROM mentions m "
                     "JOIN entities e ON e.id = m.entity_id WHERE e.article_id = ? ORDER BY m.start_char",
                     (article_id,)):
        mentions[m["entity_id"]].append({"start": m["start_char"], "end": m["end_char"], "text": m["text"],
                                         "kind": m["kind"]})
    quotes = [{**json.loads(r["data"]), "db_id": r["id"], "speaker_actor_id": r["speaker_actor_id"]}
              for r in db.rows("SELECT id, data, speaker_actor_id FROM quotes WHERE article_id = ? "
                               "ORDER BY start_char, id", (article_id,))]
    events = [{**json.loads(r["data"]), "db_id": r["id"], "event_date": r["event_date"]}
              for r in db.rows("SELECT id, data, event_date FROM events WHERE article_id = ? "
                               "ORDER BY trigger_start, id", (article_id,))]
    sentences = [{"start": r["start_char"], "end": r["end_char"], "voice": r["voice"],
                  "loaded": json.loads(r["loaded"] or "[]"), "opinion_score": r["opinion_score"],
                  "opinion_probability": r["opinion_probability"]}
                 for r in db.rows("SELECT * FROM sentences WHERE article_id = ? ORDER BY idx", (article_id,))]
    fields = ("text", "title", "subtitle", "publisher", "published", "url", "source")
    return {
        "db_id": art["id"], "id": art["doc_id"],
        "article": {**{k: art[k] for k in fields}, "authors": json.loads(art["authors"] or "[]"),
                    "display_title": display_title(art["title"], art["text"], art["doc_id"])},
        "entities": [{"id": e["local_id"], "actor_id": e["actor_id"], "name": e["name"], "kind": e["kind"],
                      "country": e["country"], "sector": e["sector"], "role": e["role"],
                      "mentions": mentions.get(e["id"], [])} for e in entities],
        "quotes": quotes, "events": events, "sentences": sentences,
    }


# -- actors -------------------------------------------------------------------

def actors(db: Database, country: str | None = None, name: str | None = None, kind: str | None = None,
           limit: int = 50, offset: int = 0) -> tuple[list[Row], int]:
    """Corpus actors, most active first, with their article, event and quote counts."""
    inner, params = actor_counts_sql(country, name, kind)
    return _page(db, "*", f"FROM ({inner}) t", params, ACTOR_ORDER, limit, offset)


def actor(db: Database, actor_id: int, limit: int = 50) -> Row | None:
    """One actor: coding, aliases, articles, quotes by and about, events, timeline, co-occurring actors."""
    found = db.one("SELECT id, name, kind, country, sector, role, first_seen FROM actors WHERE id = ?", (actor_id,))
    if found is None:
        return None
    aliases = db.rows("SELECT m.text, COUNT(*) AS n FROM mentions m JOIN entities e ON e.id = m.entity_id "
                      "WHERE e.actor_id = ? AND m.kind = 'name' GROUP BY m.text", (actor_id,))
    aliases.sort(key=lambda r: (-int(r["n"]), r["text"]))
    articles_ = db.rows(
        f"""SELECT a.id, a.doc_id, a.title, substr(a.text, 1, 300) AS lead, a.publisher, a.published
            FROM articles a WHERE a.id IN (SELECT en.article_id FROM entities en WHERE en.actor_id = ?)
            ORDER BY a.published DESC NULLS LAST, a.id DESC LIMIT {int(limit)}""", (actor_id,))
    for row in articles_:
        row["display_title"] = display_title(row["title"], row.pop("lead"), row["doc_id"])
    # Quotes about the actor: it is the addressee, or a mention of it lies inside the quote.
    about = ("(q.addressee_actor_id = ? OR EXISTS (SELECT 1 FROM mentions m JOIN entities en ON en.id = m.entity_id "
             "WHERE en.article_id = q.article_id AND en.actor_id = ? AND m.start_char >= q.start_char "
             "AND m.end_char <= q.end_char)) AND (q.speaker_actor_id IS NULL OR q.speaker_actor_id <> ?)")
    return {
        **found,
        "aliases": [{"text": r["text"], "n": int(r["n"])} for r in aliases[:12]],
        "articles": articles_,
        "quotes_by": quotes(db, speaker_id=actor_id, limit=limit)[0],
        "quotes_about": _quote_rows(db, [about], [actor_id] * 3, limit, 0)[0],
        "events_as_actor": events(db, actor_id=actor_id, limit=limit)[0],
        "events_as_recipient": events(db, recipient_id=actor_id, limit=limit)[0],
        "timeline": _actor_timeline(db, actor_id),
        "co_occurring": co_occurring(db, actor_id),
    }


def _actor_timeline(db: Database, actor_id: int) -> list[Row]:
    """Per month: articles mentioning the actor and events it takes part in."""
    months: dict[str, Row] = {}
    for key, sql in (("articles", "SELECT substr(a.published, 1, 7) AS period, COUNT(DISTINCT a.id) AS n "
                                  "FROM articles a JOIN entities en ON en.article_id = a.id WHERE en.actor_id = ? "
                                  "GROUP BY substr(a.published, 1, 7)"),
                     ("events", "SELECT substr(e.event_date, 1, 7) AS period, COUNT(DISTINCT e.id) AS n "
                                "FROM events e JOIN event_actors ea ON ea.event_id = e.id WHERE ea.actor_id = ? "
                                "GROUP BY substr(e.event_date, 1, 7)")):
        for r in db.rows(sql, (actor_id,)):
            period = r["period"] or "undated"
            months.setdefault(period, {"period": period, "articles": 0, "events": 0})[key] = int(r["n"])
    return [months[k] for k in sorted(months, key=lambda p: (p == "undated", p))]


def co_occurring(db: Database, actor_id: int, limit: int = 20) -> list[Row]:
    """Actors most often named in the same articles."""
    rows = db.rows(
        """SELECT b.actor_id AS id, x.name, x.kind, x.country, COUNT(DISTINCT b.article_id) AS articles
           FROM entities a JOIN entities b ON b.article_id = a.article_id AND b.actor_id <> a.actor_id
           JOIN actors x ON x.id = b.actor_id
           WHERE a.actor_id = ? GROUP BY b.actor_id, x.name, x.kind, x.country""", (actor_id,))
    rows.sort(key=lambda r: (-int(r["articles"]), r["name"]))
    return rows[:limit]


# -- quotes -------------------------------------------------------------------

def quotes(db: Database, speaker: str | None = None, about: str | None = None, since: str | None = None,
           until: str | None = None, kind: str | None = None, cue: str | None = None, via: str | None = None,
           speaker_id: int | None = None, cue_class: str | None = None, limit: int = 50,
           offset: int = 0) -> tuple[list[Row], int]:
    """Quotes, newest first, with the CLI's filters plus kind, cue word and source chain."""
    where, params = ["1 = 1"], []
    if cue_class:
        where.append("q.cue_class = ?")
        params.append(check_cue_class(cue_class))
    if speaker:
        where.append("(lower(s.name) LIKE ? ESCAPE '\\' OR lower(q.speaker_text) LIKE ? ESCAPE '\\')")
        params += [like_pattern(speaker)] * 2
    if speaker_id is not None:
        where.append("q.speaker_actor_id = ?")
        params.append(speaker_id)
    if about:
        if db.is_postgres:
            where.append("q.tsv @@ to_tsquery('english', ?)")
            params.append(ts_query(about))
        else:
            where.append("q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
            params.append(fts_query(about))
    if kind:
        if kind not in QUOTE_KINDS:
            raise QueryError(f"quote kind {kind!r} is not one of {', '.join(QUOTE_KINDS)}")
        where.append("q.kind = ?")
        params.append(kind)
    for column, value in (("q.cue", cue), ("q.via", via)):
        if value:
            where.append(f"lower({column}) LIKE ? ESCAPE '\\'")
            params.append(like_pattern(value))
    date_range(where, params, "a.published", since, until)
    return _quote_rows(db, where, params, limit, offset)


def _quote_rows(db: Database, where: list[str], params: list[Any], limit: int, offset: int) -> tuple[list[Row], int]:
    base = (f"FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actors s ON s.id = q.speaker_actor_id "
            f"WHERE {' AND '.join(where)}")
    rows, total = _page(db, """q.id, q.local_id, q.article_id, q.speaker_actor_id, COALESCE(s.name, q.speaker_text) AS speaker,
        s.country AS speaker_country, q.cue, q.cue_class, q.kind, q.content, q.via, a.doc_id, a.title, substr(a.text, 1, 300) AS lead,
        a.publisher, a.published, a.url""", base, params, "a.published DESC NULLS LAST, q.id", limit, offset)
    for row in rows:
        row["via"] = [v.get("text") for v in json.loads(row["via"] or "[]")]
        row["display_title"] = display_title(row["title"], row.pop("lead"), row["doc_id"])
    return rows, total


# -- events -------------------------------------------------------------------

def _role_condition(role: str, value: str | None, actor_id: int | None) -> tuple[str, list[Any]] | None:
    if actor_id is not None:
        return (f"EXISTS (SELECT 1 FROM event_actors ex WHERE ex.event_id = e.id AND ex.role = '{role}' "
                f"AND ex.actor_id = ?)", [actor_id])
    if value:
        clause, extra = actor_condition("x", value)
        return (f"EXISTS (SELECT 1 FROM event_actors ex JOIN actors x ON x.id = ex.actor_id "
                f"WHERE ex.event_id = e.id AND ex.role = '{role}' AND {clause})", extra)
    return None


def events(db: Database, actor: str | None = None, recipient: str | None = None, event_type: str | None = None,
           since: str | None = None, until: str | None = None, quad: int | None = None,
           actor_id: int | None = None, recipient_id: int | None = None, both_ways: bool = False,
           party_id: int | None = None, limit: int = 50, offset: int = 0) -> tuple[list[Row], int]:
    """Events, newest first, each with its participants (ids for links) and its article.
    `party_id` is an actor on either side."""
    where, params = ["1 = 1"], []
    if party_id is not None:
        where.append("EXISTS (SELECT 1 FROM event_actors ex WHERE ex.event_id = e.id AND ex.actor_id = ?)")
        params.append(party_id)
    if both_ways and actor and recipient:
        (clause,), extra = dyad_condition(actor, recipient, True)
        where.append(clause)
        params += extra
    else:
        for role, value, ident in (("actor", actor, actor_id), ("recipient", recipient, recipient_id)):
            found = _role_condition(role, value, ident)
            if found:
                where.append(found[0])
                params += found[1]
    if event_type:
        where.append("e.type = ?")
        params.append(check_event_type(event_type))
    if quad is not None:
        if quad not in QUAD_NAMES:
            raise QueryError(f"quad class {quad} is not one of 1, 2, 3, 4")
        where.append("e.quad_class = ?")
        params.append(quad)
    date_range(where, params, "e.event_date", since, until)
    rows, total = _page(
        db, """e.id, e.local_id, e.article_id, e.event_date AS date, e.type, e.mode, e.modality, e.quad_class,
               e.trigger_text AS trigger, e.confidence, a.doc_id, a.title, substr(a.text, 1, 300) AS lead, a.publisher, a.url""",
        f"FROM events e JOIN articles a ON a.id = e.article_id WHERE {' AND '.join(where)}", params,
        "e.event_date DESC NULLS LAST, e.id", limit, offset)
    sides = _participants(db, [r["id"] for r in rows])
    for row in rows:
        row["display_title"] = display_title(row["title"], row.pop("lead"), row["doc_id"])
        row["actors"] = sides.get((row["id"], "actor"), [])
        row["recipients"] = sides.get((row["id"], "recipient"), [])
    return rows, total


def _participants(db: Database, event_ids: Sequence[int]) -> dict[tuple[int, str], list[Row]]:
    found: dict[tuple[int, str], list[Row]] = defaultdict(list)
    ids = list(event_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for r in db.rows(
                f"""SELECT ea.event_id, ea.role, ea.actor_id, a.name, a.country, a.sector FROM event_actors ea
                    LEFT JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id IN ({', '.join('?' for _ in chunk)})
                    ORDER BY ea.event_id, ea.role, ea.position""", chunk):
            code = (r["country"] or "") + (r["sector"] or "")
            found[(r["event_id"], r["role"])].append({"id": r["actor_id"], "name": r["name"], "code": code or None})
    return found


# -- dyads and networks -------------------------------------------------------

def period_of(day: str | None, by: str) -> tuple[str, str | None, str | None]:
    """(label, first day, last day) of the period holding `day` ('undated' for none)."""
    if not day or len(day) < 10:
        return "undated", None, None
    try:
        when = date.fromisoformat(day[:10])
    except ValueError:
        return "undated", None, None
    if by == "day":
        return day[:10], day[:10], day[:10]
    if by == "week":
        monday = when - timedelta(days=when.weekday())
        year, week, _ = when.isocalendar()
        return f"{year}-W{week:02d}", monday.isoformat(), (monday + timedelta(days=6)).isoformat()
    if by == "month":
        return day[:7], day[:7], day[:7]
    return day[:4], day[:4], day[:4]


def dyad(db: Database, side_a: str, side_b: str, by: str = "month", both_ways: bool = False,
         since: str | None = None, until: str | None = None) -> list[Row]:
    """Events from A to B (or either way) per day/week/month/year: PLOVER type and quad-class counts,
    with each period's first and last day for links to its events."""
    if by not in PERIODS:
        raise QueryError(f"period {by!r} is not one of {', '.join(PERIODS)}")
    where, params = dyad_condition(side_a, side_b, both_ways)
    date_range(where, params, "e.event_date", since, until)
    periods: dict[str, Row] = {}
    for r in db.rows(f"SELECT e.event_date, e.type FROM events e WHERE {' AND '.join(where)}", params):
        label, first, last = period_of(r["event_date"], by)
        entry = periods.setdefault(label, {"period": label, "since": first, "until": last, "types": Counter(),
                                           "quad": dict.fromkeys(QUAD_NAMES.values(), 0), "total": 0})
        entry["types"][r["type"]] += 1
        if QUAD_CLASS.get(r["type"]):
            entry["quad"][QUAD_NAMES[QUAD_CLASS[r["type"]]]] += 1
        entry["total"] += 1
    out = [periods[k] for k in sorted(periods, key=lambda p: (p == "undated", p))]
    for entry in out:
        entry["types"] = dict(sorted(entry["types"].items()))
    return out


def network(db: Database, side_a: str | None = None, side_b: str | None = None, event_type: str | None = None,
            since: str | None = None, until: str | None = None, limit: int = 30) -> list[Row]:
    """Who did what to whom: (actor, recipient) pairs with event counts and types, for events
    involving either side (any role), strongest first."""
    where, params = ["s.actor_id IS NOT NULL", "r.actor_id IS NOT NULL", "s.actor_id <> r.actor_id"], []
    sides = []
    for value in (side_a, side_b):
        if value:
            clause, extra = actor_condition("x", value)
            sides.append(f"EXISTS (SELECT 1 FROM event_actors ex JOIN actors x ON x.id = ex.actor_id "
                         f"WHERE ex.event_id = e.id AND {clause})")
            params += extra
    if sides:
        where.append("(" + " OR ".join(sides) + ")")
    if event_type:
        where.append("e.type = ?")
        params.append(check_event_type(event_type))
    date_range(where, params, "e.event_date", since, until)
    rows = db.rows(
        f"""SELECT s.actor_id AS source, sa.name AS source_name, r.actor_id AS target, ra.name AS target_name,
               e.type, COUNT(DISTINCT e.id) AS n
            FROM events e JOIN event_actors s ON s.event_id = e.id AND s.role = 'actor'
            JOIN event_actors r ON r.event_id = e.id AND r.role = 'recipient'
            JOIN actors sa ON sa.id = s.actor_id JOIN actors ra ON ra.id = r.actor_id
            WHERE {' AND '.join(where)}
            GROUP BY s.actor_id, sa.name, r.actor_id, ra.name, e.type""", params)
    edges: dict[tuple[int, int], Row] = {}
    for r in rows:
        edge = edges.setdefault((r["source"], r["target"]), {
            "source": r["source"], "source_name": r["source_name"], "target": r["target"],
            "target_name": r["target_name"], "n": 0, "types": {}})
        edge["n"] += int(r["n"])
        edge["types"][r["type"]] = int(r["n"])
    return sorted(edges.values(), key=lambda e: (-e["n"], e["source_name"], e["target_name"]))[:limit]


def checked_dates(since: str | None, until: str | None) -> None:
    """Validate a date range given on its own (for pages that pass it on)."""
    for name, value in (("since", since), ("until", until)):
        if value:
            check_date(value, name)
