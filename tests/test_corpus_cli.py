"""The corpus query commands: tables, --json, errors, on a small hand-made store."""
from __future__ import annotations

import json

import pyarrow.parquet as pq
from click.testing import CliRunner

from newsgraph.cli import main

from .test_store import db, db_url, filled, voiced_analysis  # noqa: F401  (fixtures)


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def json_rows(result) -> list[dict]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_search_table_and_json(filled, db_url):
    table = run("search", "grain corridor", "--db", db_url)
    assert table.exit_code == 0 and "2024-04-20" in table.stdout and "2024-03-04" not in table.stdout
    rows = json_rows(run("search", "grain corridor", "--db", db_url, "--json"))
    assert [r["doc_id"] for r in rows] == ["april"]


def test_quotes_command_filters_and_decodes_the_source_chain(filled, db_url):
    rows = json_rows(run("quotes", "--speaker", "lavrov", "--about", "sanctions", "--db", db_url, "--json"))
    assert len(rows) == 1 and rows[0]["via"][0]["text"] == "the State Department"
    assert "2024-03-04" in run("quotes", "--since", "2024-03-01", "--db", db_url).stdout


def test_events_command_shows_story_counts(filled, db_url):
    rows = json_rows(run("events", "--type", "CONSULT", "--until", "2024-03-31", "--db", db_url, "--json"))
    assert {(r["story_articles"], r["story_outlets"]) for r in rows} == {(2, 2)}
    table = run("events", "--actor", "USA", "--db", db_url)
    assert "ACCUSE" in table.stdout and "CONSULT" not in table.stdout


def test_actors_and_dyad_commands(filled, db_url):
    rows = json_rows(run("actors", "--country", "USA", "--db", db_url, "--json"))
    assert [r["name"] for r in rows] == ["Antony Blinken", "State Department"]
    dyad = json_rows(run("dyad", "RUS", "USA", "--by", "month", "--db", db_url, "--json"))
    assert [(r["period"], r["types"]) for r in dyad] == [("2024-03", {"CONSULT": 2}), ("2024-04", {"CONSULT": 1})]
    table = run("dyad", "RUS", "USA", "--db", db_url)
    assert "CONSULT" in table.stdout and "verbal" in table.stdout


def test_export_command_writes_parquet(filled, db_url, tmp_path):
    out = tmp_path / "quotes.parquet"
    result = run("export", "--table", "quotes", "--format", "parquet", "-o", str(out), "--db", db_url)
    assert result.exit_code == 0 and "exported 3 quotes" in result.output
    assert pq.read_table(out).column("speaker").to_pylist() == ["Sergei Lavrov"] * 3


def test_empty_result_says_so_and_bad_search_is_a_usage_error(filled, db_url):
    nothing = run("quotes", "--speaker", "nobody at all", "--db", db_url)
    assert nothing.exit_code == 0 and "nothing found" in nothing.output
    bad = run("search", "()", "--db", db_url)
    assert bad.exit_code == 2 and "at least one word" in bad.output


def test_quotes_command_filters_by_cue_class_and_export_has_sentences(filled, db_url, tmp_path):
    from newsgraph.corpus.store import Store

    Store(filled).write_batch([(voiced_analysis(), None)])
    rows = json_rows(run("quotes", "--cue-class", "thought", "--db", db_url, "--json"))
    assert [(r["content"], r["cue_class"]) for r in rows] == [("the dam will hold", "thought")]
    assert "thought" in run("quotes", "--cue-class", "THOUGHT", "--db", db_url).stdout
    bad = run("quotes", "--cue-class", "shouting", "--db", db_url)
    assert bad.exit_code == 2 and "perception" in bad.output
    out = tmp_path / "s.parquet"
    assert run("export", "--table", "sentences", "--format", "parquet", "-o", str(out), "--db", db_url).exit_code == 0
    assert 0.8125 in pq.read_table(out).column("opinion_probability").to_pylist()
