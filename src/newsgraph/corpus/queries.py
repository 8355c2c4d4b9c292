"""Questions asked of the store; each returns plain dicts (rows) for the CLI or an API.

Actor filters take a PLOVER-style code (country "RUS", or country+sector
"RUSGOV") or a name fragment ("lavrov"), matched against corpus actors.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Sequence

from ..errors import QueryError
from .codes import QUAD_CLASS, QUAD_NAMES
from .db import Database, Row
from .stories import story_counts

MARK_START, MARK_END = "«", "»"
PERIOD_CHARS = {"day": 10, "month": 7, "year": 4}
_CODE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})?$")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def like_pattern(fragment: str) -> str:
    escaped = fragment.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def actor_condition(alias: str, value: str) -> tuple[str, list[Any]]:
    """SQL matching actor rows `alias` to a code or a name fragment."""
    if _CODE.match(value):
        return (f"({alias}.country = ? OR {alias}.country || COALESCE({alias}.sector, '') = ?)", [value[:3], value]) \
            if len(value) == 3 else (f"{alias}.country || COALESCE({alias}.sector, '') = ?", [value])
    return f"lower({alias}.name) LIKE ? ESCAPE '\\'", [like_pattern(value)]


# -- search -------------------------------------------------------------------

@dataclass(frozen=True)
class SearchTerm:
    words: tuple[str, ...]  # one word, or a phrase
    prefix: bool = False


@dataclass(frozen=True)
class SearchQuery:
    """User search syntax, the same on both backends: words and "phrases" all required,
    OR between alternatives, -word or -"phrase" excluded, word* as a prefix."""

    groups: tuple[tuple[SearchTerm, ...], ...]  # OR of ANDs
    excluded: tuple[SearchTerm, ...]


def parse_search(text: str) -> SearchQuery:
    groups: list[list[SearchTerm]] = [[]]
    excluded: list[SearchTerm] = []
    for token in re.findall(r'-?"[^"]*"?|\S+', text):
        if token in ("OR", "|"):
            if groups[-1]:
                groups.append([])
            continue
        if token == "AND":
            continue
        negative = token.startswith("-") and len(token) > 1
        words = tuple(re.findall(r"\w+", token))
        if words:
            term = SearchTerm(words, prefix=token.endswith("*") and not token.endswith('"*'))
            (excluded if negative else groups[-1]).append(term)
    groups = [g for g in groups if g]
    if not groups:
        raise QueryError("give at least one word to search for")
    return SearchQuery(tuple(tuple(g) for g in groups), tuple(excluded))


def fts_query(text: str) -> str:
    """User words -> an FTS5 MATCH expression (every word quoted, so no FTS5 syntax leaks in)."""
    query = parse_search(text)

    def term(t: SearchTerm) -> str:
        return '"' + " ".join(t.words) + '"' + ("*" if t.prefix else "")

    ors = [" ".join(term(t) for t in group) for group in query.groups]
    match = ors[0] if len(ors) == 1 else " OR ".join(f"({o})" for o in ors)
    return match + "".join(f" NOT {term(t)}" for t in query.excluded)


def ts_query(text: str) -> str:
    """The same query as a PostgreSQL to_tsquery expression."""
    query = parse_search(text)

    def term(t: SearchTerm) -> str:
        return " <-> ".join(t.words) + (":*" if t.prefix else "")

    ors = " | ".join("(" + " & ".join(f"({term(t)})" for t in group) + ")" for group in query.groups)
    return f"({ors})" + "".join(f" & !({term(t)})" for t in query.excluded)


def search(db: Database, text: str, limit: int = 10) -> list[Row]:
    """Articles ranked by relevance to `text`, each with a snippet (matches between « »)."""
    match = fts_query(text)  # validates the words on both backends
    if db.is_postgres:
        rows = db.rows(
            f"""SELECT a.id, a.doc_id, a.title, a.publisher, a.published, a.url,
                   ts_rank_cd(a.tsv, q) AS score,
                   ts_headline('english', a.text, q, 'StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2') AS snippet
                FROM articles a, to_tsquery('english', ?) q
                WHERE a.tsv @@ q ORDER BY score DESC, a.id LIMIT ?""", (ts_query(text), limit))
    else:
        rows = db.rows(
            f"""SELECT a.id, a.doc_id, a.title, a.publisher, a.published, a.url, -bm25(articles_fts) AS score,
                   snippet(articles_fts, 1, '{MARK_START}', '{MARK_END}', '…', 24) AS snippet
                FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts), a.id LIMIT ?""", (match, limit))
    for row in rows:
        row["score"] = round(float(row["score"]), 4)
        row["snippet"] = " ".join((row["snippet"] or "").split())
    return rows


def _quote_text_match(db: Database, about: str) -> tuple[str, list[Any]]:
    if db.is_postgres:
        return "q.tsv @@ to_tsquery('english', ?)", [ts_query(about)]
    return "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", [fts_query(about)]


# -- quotes -------------------------------------------------------------------

def check_cue_class(value: str) -> str:
    """A quote cue class (speech, writing, thought, intention, perception), lower-cased."""
    from ..reporting import SENSES as CUE_CLASSES

    if value.lower() not in CUE_CLASSES:
        raise QueryError(f"unknown cue class {value!r}; choose from {', '.join(CUE_CLASSES)}")
    return value.lower()


def quotes(db: Database, speaker: str | None = None, about: str | None = None, since: str | None = None,
           until: str | None = None, limit: int = 50, cue_class: str | None = None) -> list[Row]:
    """Quotes, newest first, filtered by speaker name, topic words, article date and cue class."""
    where, params = ["1 = 1"], []
    if cue_class:
        where.append("q.cue_class = ?")
        params.append(check_cue_class(cue_class))
    if speaker:
        where.append("(lower(s.name) LIKE ? ESCAPE '\\' OR lower(q.speaker_text) LIKE ? ESCAPE '\\')")
        params += [like_pattern(speaker)] * 2
    if about:
        clause, extra = _quote_text_match(db, about)
        where.append(clause)
        params += extra
    date_range(where, params, "a.published", since, until)
    return db.rows(
        f"""SELECT q.id, COALESCE(s.name, q.speaker_text) AS speaker, s.country AS speaker_country,
               q.cue, q.cue_class, q.kind, q.content, q.via, a.doc_id, a.title, a.publisher, a.published, a.url
            FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actors s ON s.id = q.speaker_actor_id
            WHERE {' AND '.join(where)}
            ORDER BY a.published DESC NULLS LAST, q.id LIMIT ?""", (*params, limit))


def check_date(value: str, name: str = "date") -> str:
    """A valid calendar date as YYYY, YYYY-MM or YYYY-MM-DD (stored dates compare as text)."""
    from datetime import date

    match = _PARTIAL_DATE.match(value or "")
    try:
        if not match:
            raise ValueError
        year, month, day = (int(g) if g else 1 for g in match.groups())
        date(year, month, day)
    except ValueError:
        raise QueryError(f"{name} {value!r} is not a date; use YYYY-MM-DD (or YYYY-MM, YYYY)") from None
    return value


def check_event_type(value: str) -> str:
    """A PLOVER event type name, upper-cased."""
    if value.upper() not in QUAD_CLASS:
        raise QueryError(f"unknown event type {value!r}; choose from {', '.join(QUAD_CLASS)}")
    return value.upper()


def date_range(where: list[str], params: list[Any], column: str, since: str | None, until: str | None) -> None:
    if since:
        check_date(since, "since")
    if until:
        check_date(until, "until")
    if since:
        where.append(f"{column} >= ?")
        params.append(since)
    if until:
        # A day given as YYYY-MM-DD includes that whole day.
        where.append(f"substr({column}, 1, {len(until)}) <= ?")
        params.append(until)


# -- events -------------------------------------------------------------------

def events(db: Database, actor: str | None = None, recipient: str | None = None, event_type: str | None = None,
           since: str | None = None, until: str | None = None, limit: int = 50) -> list[Row]:
    """Events, newest first, each with its actors and its story's article/outlet counts."""
    where, params = ["1 = 1"], []
    for role, value in (("actor", actor), ("recipient", recipient)):
        if value:
            clause, extra = actor_condition("x", value)
            where.append(f"EXISTS (SELECT 1 FROM event_actors ex JOIN actors x ON x.id = ex.actor_id "
                         f"WHERE ex.event_id = e.id AND ex.role = '{role}' AND {clause})")
            params += extra
    if event_type:
        where.append("e.type = ?")
        params.append(check_event_type(event_type))
    date_range(where, params, "e.event_date", since, until)
    rows = db.rows(
        f"""SELECT e.id, e.event_date AS date, e.type, e.mode, e.modality, e.quad_class, e.trigger_text AS trigger,
               e.confidence, e.story_id, a.doc_id, a.title, a.publisher, a.url
            FROM events e JOIN articles a ON a.id = e.article_id
            WHERE {' AND '.join(where)}
            ORDER BY e.event_date DESC NULLS LAST, e.id LIMIT ?""", (*params, limit))
    return _with_participants(db, rows)


def _with_participants(db: Database, rows: list[Row]) -> list[Row]:
    sides = participants(db, [r["id"] for r in rows])
    counts = story_counts(db, [r["story_id"] for r in rows])
    for row in rows:
        row["actors"] = sides.get((row["id"], "actor"), [])
        row["recipients"] = sides.get((row["id"], "recipient"), [])
        story = counts.get(row["story_id"], {})
        row["story_articles"] = story.get("articles", 1)
        row["story_outlets"] = story.get("outlets", 0)
    return rows


def participants(db: Database, event_ids: Sequence[int]) -> dict[tuple[int, str], list[Row]]:
    """(event id, role) -> [{name, code, country, sector}] in the event's order."""
    found: dict[tuple[int, str], list[Row]] = defaultdict(list)
    ids = list(event_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" for _ in chunk)
        for r in db.rows(
            f"""SELECT ea.event_id, ea.role, a.name, a.country, a.sector FROM event_actors ea
                LEFT JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id IN ({marks})
                ORDER BY ea.event_id, ea.role, ea.position""", chunk):
            code = (r["country"] or "") + (r["sector"] or "")
            found[(r["event_id"], r["role"])].append(
                {"name": r["name"], "code": code or None, "country": r["country"], "sector": r["sector"]})
    return found


# -- actors -------------------------------------------------------------------

ACTOR_ORDER = "t.events + t.quotes DESC, t.articles DESC, t.name, t.id"


def actor_counts_sql(country: str | None = None, name: str | None = None,
                     kind: str | None = None) -> tuple[str, list[Any]]:
    """SELECT of the filtered corpus actors with their article, event and quote counts (alias it t).
    PostgreSQL cannot sort by an expression over output aliases, so callers sort outside."""
    where, params = ["1 = 1"], []
    if country:
        where.append("a.country = ?")
        params.append(country.upper())
    if name:
        where.append("lower(a.name) LIKE ? ESCAPE '\\'")
        params.append(like_pattern(name))
    if kind:
        where.append("a.kind = ?")
        params.append(kind.upper())
    return f"""SELECT a.id, a.name, a.kind, a.country, a.sector, a.role,
               (SELECT COUNT(DISTINCT en.article_id) FROM entities en WHERE en.actor_id = a.id) AS articles,
               (SELECT COUNT(DISTINCT ea.event_id) FROM event_actors ea WHERE ea.actor_id = a.id) AS events,
               (SELECT COUNT(*) FROM quotes q WHERE q.speaker_actor_id = a.id) AS quotes
            FROM actors a WHERE {' AND '.join(where)}""", params


def actors(db: Database, country: str | None = None, name: str | None = None, kind: str | None = None,
           limit: int = 50) -> list[Row]:
    """Corpus actors with how many articles mention them and their events and quotes."""
    inner, params = actor_counts_sql(country, name, kind)
    return db.rows(f"SELECT * FROM ({inner}) t ORDER BY {ACTOR_ORDER} LIMIT ?", (*params, limit))


# -- dyads --------------------------------------------------------------------

def dyad(db: Database, side_a: str, side_b: str, by: str = "month", both_ways: bool = False,
         since: str | None = None, until: str | None = None) -> list[Row]:
    """Events from A to B (or either way) per period: PLOVER type counts and quad-class totals."""
    if by not in PERIOD_CHARS:
        raise QueryError(f"period {by!r} is not one of {', '.join(PERIOD_CHARS)}")
    where, params = dyad_condition(side_a, side_b, both_ways)
    date_range(where, params, "e.event_date", since, until)
    rows = db.rows(
        f"""SELECT substr(e.event_date, 1, {PERIOD_CHARS[by]}) AS period, e.type, COUNT(*) AS n
            FROM events e WHERE {' AND '.join(where)}
            GROUP BY substr(e.event_date, 1, {PERIOD_CHARS[by]}), e.type""", params)
    return _dyad_table(rows)


def dyad_condition(side_a: str, side_b: str, both_ways: bool) -> tuple[list[str], list[Any]]:
    def directed(first: str, second: str) -> tuple[str, list[Any]]:
        parts, params = [], []
        for role, value in (("actor", first), ("recipient", second)):
            clause, extra = actor_condition("x", value)
            parts.append(f"EXISTS (SELECT 1 FROM event_actors ex JOIN actors x ON x.id = ex.actor_id "
                         f"WHERE ex.event_id = e.id AND ex.role = '{role}' AND {clause})")
            params += extra
        return " AND ".join(parts), params

    forward, params = directed(side_a, side_b)
    if not both_ways:
        return [forward], params
    backward, more = directed(side_b, side_a)
    return [f"(({forward}) OR ({backward}))"], params + more


def _dyad_table(rows: list[Row]) -> list[Row]:
    periods: dict[str, Row] = {}
    for r in rows:
        period = r["period"] or "undated"
        entry = periods.setdefault(period, {"period": period, "types": {}, "quad": dict.fromkeys(QUAD_NAMES.values(), 0),
                                            "total": 0})
        entry["types"][r["type"]] = entry["types"].get(r["type"], 0) + int(r["n"])
        quad = QUAD_CLASS.get(r["type"])
        if quad:
            entry["quad"][QUAD_NAMES[quad]] += int(r["n"])
        entry["total"] += int(r["n"])
    return [periods[k] for k in sorted(periods, key=lambda p: (p == "undated", p))]
