"""Queries, story grouping and export on a small hand-made corpus, on both backends."""
from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from newsgraph.corpus import queries
from newsgraph.corpus.export import TABLES, export
from newsgraph.corpus.queries import QueryError, fts_query

from .test_store import VOICED, db, db_url, filled, voiced_analysis  # noqa: F401  (fixtures)


def test_search_ranks_the_article_with_more_matches_first(filled):
    rows = queries.search(filled, "Lavrov talks")
    assert [r["doc_id"] for r in rows][:2] == ["follow-up", "geneva"] or \
        [r["doc_id"] for r in rows][:2] == ["geneva", "follow-up"]
    assert "april" not in [r["doc_id"] for r in rows]  # no "talks" there
    assert all("«" in r["snippet"] for r in rows)
    assert rows[0]["score"] >= rows[-1]["score"]


def test_search_phrases_and_exclusions(filled):
    assert [r["doc_id"] for r in queries.search(filled, '"grain corridor"')] == ["april"]
    assert "geneva" not in [r["doc_id"] for r in queries.search(filled, "Lavrov -prisoner")]


def test_fts_query_quotes_words_so_user_text_cannot_break_the_syntax():
    assert fts_query('trade AND "open ports" -tariffs') == '"trade" "open ports" NOT "tariffs"'
    with pytest.raises(QueryError):
        fts_query('  ) ( ')


def test_quotes_by_speaker_topic_and_date(filled):
    by_lavrov = queries.quotes(filled, speaker="lavrov")
    assert len(by_lavrov) == 3
    assert by_lavrov[0]["published"] == "2024-04-20"  # newest first
    about = queries.quotes(filled, speaker="Lavrov", about="sanctions")
    assert [q["content"] for q in about] == ["the sanctions had failed to change Russian policy"]
    assert json.loads(about[0]["via"])[0]["text"] == "the State Department"
    assert len(queries.quotes(filled, since="2024-03-05")) == 2
    assert queries.quotes(filled, speaker="Blinken") == []


def test_events_filter_by_code_name_type_and_dates(filled):
    assert {e["type"] for e in queries.events(filled, actor="USA")} == {"ACCUSE"}
    assert len(queries.events(filled, actor="lavrov")) == 3
    assert len(queries.events(filled, actor="RUSGOV", recipient="USA")) == 3  # Lavrov met Blinken thrice
    assert queries.events(filled, actor="RUSMIL") == []
    assert len(queries.events(filled, event_type="consult", since="2024-03-05")) == 2
    assert len(queries.events(filled, until="2024-03")) == 3
    requests = queries.events(filled, event_type="REQUEST")
    assert requests[0]["actors"] == [{"name": "Kenyan officials", "code": "KEN", "country": "KEN", "sector": None}]
    assert requests[0]["recipients"] == []


def test_reports_of_one_meeting_share_a_story_with_article_and_outlet_counts(filled):
    consults = queries.events(filled, event_type="CONSULT")
    by_date = {e["date"]: e for e in consults}
    march_4, march_5, april = by_date["2024-03-04"], by_date["2024-03-05"], by_date["2024-04-20"]
    assert march_4["story_id"] == march_5["story_id"] != april["story_id"]
    assert (march_4["story_articles"], march_4["story_outlets"]) == (2, 2)
    assert (april["story_articles"], april["story_outlets"]) == (1, 1)


def test_actors_by_country_with_counts(filled):
    rows = queries.actors(filled, country="rus")
    assert [r["name"] for r in rows] == ["Sergei Lavrov", "Moscow"]
    lavrov = rows[0]
    assert (lavrov["articles"], lavrov["events"], lavrov["quotes"]) == (3, 3, 3)


def test_dyad_counts_types_and_quad_classes_by_month(filled):
    rows = queries.dyad(filled, "lavrov", "blinken", by="month")
    assert [(r["period"], r["types"], r["total"]) for r in rows] == [
        ("2024-03", {"CONSULT": 2}, 2), ("2024-04", {"CONSULT": 1}, 1)]
    assert rows[0]["quad"]["verbal_cooperation"] == 2
    both = queries.dyad(filled, "RUS", "USA", by="year", both_ways=True)
    assert both[0]["types"] == {"CONSULT": 3, "ACCUSE": 1}
    assert queries.dyad(filled, "USA", "RUS", by="year")[0]["types"] == {"ACCUSE": 1}
    assert both[0]["quad"] == {"verbal_cooperation": 3, "material_cooperation": 0, "verbal_conflict": 1,
                               "material_conflict": 0}


@pytest.mark.parametrize("table", ["events", "quotes", "sentences", "articles", "actors", "errors"])
def test_every_table_exports_to_every_format(filled, tmp_path, table):
    expected = {"events": 5, "quotes": 3, "sentences": 9, "articles": 3, "actors": 6, "errors": 0}[table]
    for fmt in ("csv", "jsonl", "parquet"):
        out = tmp_path / f"{table}.{fmt}"
        assert export(filled, table, fmt, str(out)) == expected
        if fmt == "parquet":
            read = pq.read_table(out)
            assert read.num_rows == expected
            assert read.schema.names == [name for name, _ in TABLES[table].columns]
        elif fmt == "csv":
            assert len(list(csv.DictReader(out.open(encoding="utf-8")))) == expected
        else:
            assert len(out.read_text(encoding="utf-8").splitlines()) == expected


def test_event_exports_carry_sides_and_story_counts(filled, tmp_path):
    out = tmp_path / "events.parquet"
    export(filled, "events", "parquet", str(out))
    rows = {r["date"] + r["type"]: r for r in pq.read_table(out).to_pylist()}
    march = rows["2024-03-04CONSULT"]
    assert march["actors"] == ["Sergei Lavrov"] and march["actor_codes"] == ["RUSGOV"]
    assert march["recipients"] == ["Antony Blinken"] and march["story_articles"] == 2


def test_plover_export_follows_the_manual_field_names(filled, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export(filled, "events", "plover", str(out)) == 5
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    accuse = next(r for r in records if r["event"] == ["ACCUSE"])
    assert accuse["date"] == "2024-03-04" and accuse["quad_code"] == 3
    assert accuse["actor"] == [{"code": "USA", "sector": "GOV", "entity_text": "Antony Blinken"}]
    assert accuse["recipient"][0]["code"] == "RUS"
    assert accuse["cite_info"]["publication"] == "Daily Ledger"
    assert len({r["id"] for r in records}) == 5


def test_plover_format_is_for_events_only(filled, tmp_path):
    from newsgraph.corpus.export import ExportError

    with pytest.raises(ExportError, match="events only"):
        export(filled, "quotes", "plover", str(tmp_path / "q.jsonl"))


def test_quotes_filter_by_cue_class_and_carry_it(filled):
    from newsgraph.corpus.store import Store

    Store(filled).write_batch([(voiced_analysis(), None)])
    assert [r["content"] for r in queries.quotes(filled, cue_class="thought")] == ["the dam will hold"]
    assert queries.quotes(filled, cue_class="Thought")[0]["cue_class"] == "thought"
    assert queries.quotes(filled, cue_class="speech") == []  # the corpus's hand-made quotes carry no class
    with pytest.raises(QueryError, match="perception"):
        queries.quotes(filled, cue_class="shouting")


def test_sentence_and_quote_exports_carry_probability_and_cue_class(filled, tmp_path):
    from newsgraph.corpus.store import Store

    Store(filled).write_batch([(voiced_analysis(), None)])
    export(filled, "sentences", "parquet", str(tmp_path / "s.parquet"))
    rows = [r for r in pq.read_table(tmp_path / "s.parquet").to_pylist() if r["doc_id"] == "voiced"]
    assert [(r["voice"], r["opinion_score"], r["opinion_probability"]) for r in rows] == [
        ("attributed", 0.2, 0.05), ("opinion", 0.9, 0.8125)]
    assert rows[1]["text"] == VOICED[VOICED.index("The plan"):]
    export(filled, "sentences", "csv", str(tmp_path / "s.csv"))
    opinion = [r for r in csv.DictReader((tmp_path / "s.csv").open(encoding="utf-8")) if r["voice"] == "opinion"]
    assert opinion[0]["opinion_probability"] == "0.8125"
    export(filled, "quotes", "jsonl", str(tmp_path / "q.jsonl"))
    quotes = [json.loads(line) for line in (tmp_path / "q.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {q["content"]: q["cue_class"] for q in quotes}["the dam will hold"] == "thought"
