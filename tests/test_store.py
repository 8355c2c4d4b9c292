"""The corpus store on SQLite and on PostgreSQL: the same tests against both.

PostgreSQL cases run when NEWSGRAPH_TEST_PG holds a server URL (start a
throwaway server with `scripts/ci-postgres.sh`); each test gets its own
schema. The analyses are built by hand so these tests need no spaCy.
"""
from __future__ import annotations

import os
import uuid

import pytest

from newsgraph.corpus.db import open_database
from newsgraph.corpus.migrations import MIGRATIONS, current_version
from newsgraph.corpus.store import Store, merge_key, normalise_name
from newsgraph.records import (Analysis, Article, Entity, Event, EventDate, Mention, Quote, Sentence, Span,
                               Via)

PG_SKIP_REASON = ("PostgreSQL store tests need a server: set NEWSGRAPH_TEST_PG=postgresql://... "
                  "(`bash scripts/ci-postgres.sh` starts a throwaway one and prints the URL)")


def _pg_schema_url(base: str):
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in base else "?"
    return schema, f"{base}{sep}options=-csearch_path%3D{schema}"


def _drop_schema(base: str, schema: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """A URL to an empty store on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.db")
        return
    base = os.environ.get("NEWSGRAPH_TEST_PG")
    if not base:
        pytest.skip(PG_SKIP_REASON)
    pytest.importorskip("psycopg", reason="PostgreSQL store tests need psycopg: pip install 'newsgraph[postgres]'")
    schema, url = _pg_schema_url(base)
    yield url
    _drop_schema(base, schema)


@pytest.fixture
def db(db_url):
    database = open_database(db_url)
    yield database
    database.close()


# -- synthetic articles ---------------------------------------------------------

def entity(text: str, local: str, name: str, kind: str = "PERSON", country=None, sector=None, role=None,
           forms: tuple[str, ...] = ()) -> Entity:
    """An entity with a mention at every occurrence of its name and extra forms."""
    mentions = []
    for form in (name, *forms):
        start = text.find(form)
        while start >= 0:
            if not any(m.overlaps(start, start + len(form)) for m in mentions):
                mentions.append(Mention(start, start + len(form), form, "name"))
            start = text.find(form, start + len(form))
    return Entity(local, name, kind, tuple(sorted(mentions, key=lambda m: m.start)), country, sector, role)


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def sentences(text: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for piece in text.split(". "):
        end = start + len(piece) + 1
        out.append(Sentence(start, min(end, len(text))))
        start = end + 1
    return tuple(out)


def analysis(doc: str, text: str, published: str | None, publisher: str | None, entities=(), quotes=(),
             events=(), url: str | None = None) -> Analysis:
    article = Article(doc, text, title=text.split(".")[0][:60], publisher=publisher, published=published,
                      url=url, source=f"synthetic/{doc}.txt")
    return Analysis(article, tuple(entities), tuple(quotes), tuple(events), sentences(text))


def quote(text: str, local: str, content: str, speaker: str | None, said: str, cue: str, kind="direct",
          via: tuple[Via, ...] = ()) -> Quote:
    body = span(text, content)
    return Quote(local, kind, content, body.start, body.end, speaker, span(text, said), span(text, cue), via)


def event(text: str, local: str, etype: str, actors, recipients, trigger: str, day: str | None = None) -> Event:
    date = EventDate(day, day, day, "day") if day else None
    return Event(local, etype, None, tuple(actors), tuple(recipients), span(text, trigger), 0, date=date)


GENEVA = ("Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Antony Blinken in Geneva on Monday. "
          'Lavrov said the talks were "useful but difficult". Blinken accused Moscow of stalling on prisoner swaps.')
FOLLOW_UP = ("Antony Blinken and Sergei Lavrov held talks in Geneva, the State Department said. "
             "Lavrov told reporters that the sanctions had failed to change Russian policy.")
APRIL = ("Sergei Lavrov met Antony Blinken again in Vienna. Lavrov said the grain corridor would stay open. "
         "Kenyan officials appealed for calm.")


def geneva_analysis() -> Analysis:
    t = GENEVA
    ents = [entity(t, "E1", "Sergei Lavrov", country="RUS", sector="GOV", role="Foreign Minister", forms=("Lavrov",)),
            entity(t, "E2", "Antony Blinken", country="USA", sector="GOV", forms=("Blinken",)),
            entity(t, "E3", "Geneva", "GPE", country="CHE"),
            entity(t, "E4", "Moscow", "GPE", country="RUS", sector="GOV")]
    quotes = [quote(t, "Q1", "useful but difficult", "E1", "Lavrov said", "said")]
    events = [event(t, "V1", "CONSULT", ["E1"], ["E2"], "met", "2024-03-04"),
              event(t, "V2", "ACCUSE", ["E2"], ["E4"], "accused", "2024-03-04")]
    return analysis("geneva", t, "2024-03-04", "Daily Ledger", ents, quotes, events, url="https://ledger.example/geneva")


def follow_up_analysis() -> Analysis:
    t = FOLLOW_UP
    ents = [entity(t, "E1", "Antony Blinken", country="USA"), entity(t, "E2", "Sergei Lavrov", forms=("Lavrov",)),
            entity(t, "E3", "State Department", "ORG", country="USA", sector="GOV")]
    quotes = [quote(t, "Q1", "the sanctions had failed to change Russian policy", "E2", "Lavrov told", "told",
                    kind="indirect", via=(Via("the State Department", "E3"),))]
    events = [event(t, "V1", "CONSULT", ["E2"], ["E1"], "held talks")]
    return analysis("follow-up", t, "2024-03-05", "Harbour Times", ents, quotes, events)


def april_analysis() -> Analysis:
    t = APRIL
    ents = [entity(t, "E1", "Sergei Lavrov", forms=("Lavrov",)), entity(t, "E2", "Antony Blinken"),
            entity(t, "E3", "Kenyan officials", "NORP", country="KEN")]
    quotes = [quote(t, "Q1", "the grain corridor would stay open", "E1", "Lavrov said", "said", kind="indirect")]
    events = [event(t, "V1", "CONSULT", ["E1"], ["E2"], "met", "2024-04-20"),
              event(t, "V2", "REQUEST", ["E3"], [], "appealed", "2024-04-20")]
    return analysis("april", t, "2024-04-20", "Daily Ledger", ents, quotes, events)


def corpus() -> list[Analysis]:
    return [geneva_analysis(), follow_up_analysis(), april_analysis()]


@pytest.fixture
def filled(db):
    Store(db).write_batch([(a, None) for a in corpus()])
    return db


# -- schema ---------------------------------------------------------------------

def test_migrations_reach_the_last_version_once(db_url):
    with open_database(db_url) as db:
        assert current_version(db) == MIGRATIONS[-1].version
        versions = [r["version"] for r in db.rows("SELECT version FROM schema_version ORDER BY version")]
    with open_database(db_url) as again:
        assert [r["version"] for r in again.rows("SELECT version FROM schema_version ORDER BY version")] == versions
    assert versions == [m.version for m in MIGRATIONS]


def test_missing_sqlite_store_is_an_error_for_queries(tmp_path):
    from newsgraph.errors import StoreError

    with pytest.raises(StoreError, match="newsgraph ingest"):
        open_database(str(tmp_path / "absent.db"), create=False)


# -- writing --------------------------------------------------------------------

def test_an_analysis_is_stored_with_all_its_parts(db):
    store = Store(db)
    result = store.write_batch([(geneva_analysis(), "h1")])
    assert (result.added, result.duplicates, result.failed) == (1, 0, [])
    assert store.count("articles") == 1
    assert store.count("entities") == 4
    assert store.count("mentions") == 6  # Lavrov x2 besides "Sergei Lavrov", Blinken x2, Geneva, Moscow
    assert store.count("quotes") == 1
    assert store.count("events") == 2
    assert store.count("event_actors") == 4
    assert store.count("sentences") == len(geneva_analysis().sentences)
    row = db.one("SELECT title, publisher, published, url, input_hash FROM articles")
    assert row == {"title": "Russian Foreign Minister Sergei Lavrov met U", "publisher": "Daily Ledger",
                   "published": "2024-03-04", "url": "https://ledger.example/geneva", "input_hash": "h1"}


def test_writing_the_same_article_again_adds_nothing(db):
    store = Store(db)
    store.write_batch([(geneva_analysis(), None)])
    again = store.write_batch([(geneva_analysis(), None), (geneva_analysis(), None)])
    assert (again.added, again.duplicates) == (0, 2)
    assert store.count("articles") == 1
    assert store.count("entities") == 4


def test_same_url_with_other_text_is_a_duplicate(db):
    store = Store(db)
    store.write_batch([(geneva_analysis(), None)])
    changed = analysis("other", "A corrected version of the Geneva story.", None, None,
                       url="https://ledger.example/geneva")
    assert store.write_batch([(changed, None)]).duplicates == 1


def test_one_unstorable_article_does_not_lose_the_batch(db):
    store = Store(db)
    bad = analysis("bad", "Two entities share one id here.", None, None,
                   entities=[Entity("E1", "Two", "OTHER", ()), Entity("E1", "One", "OTHER", ())])
    result = store.write_batch([(geneva_analysis(), None), (bad, None), (april_analysis(), None)])
    assert result.added == 2
    assert [e.source for e in result.failed] == ["synthetic/bad.txt"]
    assert store.count("articles") == 2
    error = db.one("SELECT source, reason FROM errors")
    assert error["source"] == "synthetic/bad.txt" and error["reason"].startswith("cannot store")


def test_actors_merge_across_articles_with_their_codes(filled):
    rows = filled.rows("SELECT name, kind, country, sector, role FROM actors WHERE name = 'Sergei Lavrov'")
    assert rows == [{"name": "Sergei Lavrov", "kind": "PERSON", "country": "RUS", "sector": "GOV",
                     "role": "Foreign Minister"}]
    linked = filled.scalar("SELECT COUNT(DISTINCT e.article_id) FROM entities e JOIN actors a ON a.id = e.actor_id "
                           "WHERE a.name = 'Sergei Lavrov'")
    assert linked == 3


def test_an_actor_takes_the_codes_most_articles_give(db):
    store = Store(db)
    text = "Sergei Lavrov spoke."
    for number, country in enumerate(("RUS", "UKR", "RUS")):
        lavrov = entity(text, "E1", "Sergei Lavrov", country=country, sector="GOV")
        store.write_batch([(analysis(f"d{number}", f"{text} ({number})", None, None, [lavrov]), None)])
        assert db.scalar("SELECT country FROM actors") == "RUS"  # 1-0, then a 1-1 tie, then 2-1
    store.write_batch([(analysis("d3", f"{text} (3)", None, None,
                                 [entity(text, "E1", "Sergei Lavrov", country="UKR")]), None)])
    assert db.scalar("SELECT country FROM actors") == "RUS"  # 2-2: a tie goes to the first code alphabetically
    store.write_batch([(analysis("d4", f"{text} (4)", None, None,
                                 [entity(text, "E1", "Sergei Lavrov", country="UKR")]), None)])
    assert db.scalar("SELECT country FROM actors") == "UKR"
    assert db.scalar("SELECT sector FROM actors") == "GOV"


def test_a_later_article_fills_codes_the_first_lacked(db):
    store = Store(db)
    store.write_batch([(follow_up_analysis(), None)])  # Lavrov without a country
    assert db.scalar("SELECT country FROM actors WHERE name = 'Sergei Lavrov'") is None
    store.write_batch([(geneva_analysis(), None)])
    assert db.scalar("SELECT country FROM actors WHERE name = 'Sergei Lavrov'") == "RUS"


def test_merge_key_normalises_names_and_prefers_a_knowledge_base_id():
    assert normalise_name("The  Kremlin") == normalise_name("kremlin") == "kremlin"
    assert normalise_name("São Tomé") == "sao tome"
    coded = Entity("E1", "the GOP", "ORG", (), attrs=(("kb", "Republican Party"),))
    assert merge_key(coded) == merge_key(Entity("E2", "Republican Party", "ORG", ())) == "ORG:republican party"
    assert merge_key(Entity("E1", "U.N.", "ORG", ())) == "ORG:u n"


def test_known_actors_remember_codes_and_name_forms(filled):
    known = {k.name: k for k in Store(filled).known_actors()}
    lavrov = known["Sergei Lavrov"]
    assert (lavrov.country, lavrov.sector, lavrov.role) == ("RUS", "GOV", "Foreign Minister")
    assert "Lavrov" in lavrov.aliases and "Sergei Lavrov" not in lavrov.aliases
    assert "Kenyan officials" in known  # coded with a country, seen once
    assert "Vienna" not in known  # never an entity at all
    # The most seen come last, so they win shared name forms in the actors stage's memory.
    assert Store(filled).known_actors()[-1].name in ("Sergei Lavrov", "Antony Blinken")
    assert Store(filled).known_actors()[0].name not in ("Sergei Lavrov", "Antony Blinken")


def test_a_bare_first_name_is_not_remembered_as_an_alias(db):
    text = "Sergei Lavrov arrived. Sergei spoke to Lavrov's aides."
    lavrov = entity(text, "E1", "Sergei Lavrov", country="RUS", forms=("Sergei", "Lavrov"))
    Store(db).write_batch([(analysis("a", text, None, None, [lavrov]), None)])
    (known,) = Store(db).known_actors()
    assert known.aliases == ("Lavrov",)


def test_quote_speakers_and_event_sides_point_at_corpus_actors(filled):
    speakers = filled.rows("SELECT a.name FROM quotes q JOIN actors a ON a.id = q.speaker_actor_id ORDER BY q.id")
    assert [r["name"] for r in speakers] == ["Sergei Lavrov"] * 3
    sides = filled.rows(
        "SELECT ea.role, a.name FROM event_actors ea JOIN actors a ON a.id = ea.actor_id "
        "JOIN events e ON e.id = ea.event_id WHERE e.type = 'ACCUSE' ORDER BY ea.role")
    assert [(r["role"], r["name"]) for r in sides] == [("actor", "Antony Blinken"), ("recipient", "Moscow")]


def test_events_take_the_article_date_when_they_have_none(filled):
    day = filled.scalar("SELECT e.event_date FROM events e JOIN articles a ON a.id = e.article_id "
                        "WHERE a.doc_id = 'follow-up'")
    assert day == "2024-03-05"


def test_stored_inputs_finds_hashes_and_urls(db):
    store = Store(db)
    store.write_batch([(geneva_analysis(), "abc")])
    hashes, urls = store.stored_inputs(["abc", "zzz"], ["https://ledger.example/geneva", None, "https://x"])
    assert hashes == {"abc"} and urls == {"https://ledger.example/geneva"}


# -- session 7 fields: the calibrated opinion probability and the cue's class ----

VOICED = "Officials believe the dam will hold. The plan is a disgrace and it will fail."


def voiced_analysis() -> Analysis:
    """A thought quote ("believe") and an opinion sentence with its raw score and calibrated probability."""
    t = VOICED
    body = span(t, "the dam will hold")
    q = Quote("Q1", "indirect", body.text, body.start, body.end, "E1", span(t, "Officials"), span(t, "believe"),
              cue_class="thought")
    cut = t.index("The plan")
    sents = (Sentence(0, cut - 1, "attributed", score=0.2, probability=0.05),
             Sentence(cut, len(t), "opinion", score=0.9, probability=0.8125))
    ents = (entity(t, "E1", "Officials", "PERSON"),)
    return Analysis(Article("voiced", t, title="Dam", published="2024-05-01", source="synthetic/voiced.txt"),
                    ents, (q,), (), sents)


def test_sentence_probability_and_quote_cue_class_are_stored(db):
    Store(db).write_batch([(voiced_analysis(), None)])
    rows = db.rows("SELECT voice, opinion_score, opinion_probability FROM sentences ORDER BY idx")
    assert [(r["voice"], r["opinion_score"], r["opinion_probability"]) for r in rows] == [
        ("attributed", 0.2, 0.05), ("opinion", 0.9, 0.8125)]
    assert db.scalar("SELECT cue_class FROM quotes") == "thought"


def test_a_store_at_the_previous_schema_upgrades_in_place(db_url, monkeypatch):
    """A store built at schema 2 (rows as the session-6 store wrote them) gains the
    columns on open; each quote's cue class is read back from its stored JSON."""
    import json

    from newsgraph.corpus import migrations

    monkeypatch.setattr(migrations, "MIGRATIONS", MIGRATIONS[:2])
    old = voiced_analysis()
    with open_database(db_url) as db, db.transaction():
        assert current_version(db) == 2
        article_id = db.one("INSERT INTO articles (doc_id, content_hash, text, ingested_at) VALUES (?, ?, ?, ?) "
                            "RETURNING id", ("voiced", "h-old", old.article.text, "2024-05-01T00:00:00+00:00"))["id"]
        db.execute("INSERT INTO sentences (article_id, idx, start_char, end_char, voice, opinion_score) "
                   "VALUES (?, 0, 0, 10, 'opinion', 0.9)", (article_id,))
        q = old.quotes[0]
        db.execute("INSERT INTO quotes (article_id, local_id, kind, content, start_char, end_char, cue, data) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (article_id, q.id, q.kind, q.content, q.start, q.end, "believe", json.dumps(q.as_dict())))
    monkeypatch.setattr(migrations, "MIGRATIONS", MIGRATIONS)
    with open_database(db_url) as db:
        assert current_version(db) == MIGRATIONS[-1].version
        assert db.scalar("SELECT cue_class FROM quotes") == "thought"
        assert db.one("SELECT opinion_score, opinion_probability FROM sentences") == {
            "opinion_score": 0.9, "opinion_probability": None}
        from newsgraph.corpus import queries

        assert [r["cue_class"] for r in queries.quotes(db, about="dam")] == ["thought"]  # full-text index intact
        result = Store(db).write_batch([(geneva_analysis(), None)])
        assert (result.added, result.failed) == (1, [])
