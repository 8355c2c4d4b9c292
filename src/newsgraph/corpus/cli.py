"""Corpus commands (`newsgraph ingest/search/quotes/events/actors/dyad/export/load`).

Auto-registered on the main group through the module attribute `commands`.
Each query prints a table (rich) or, with --json, one JSON object per line.
"""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..config import STAGES, Config, added_stages_note, parse_stages
from ..reporting import SENSES as CUE_CLASSES
from .db import default_url, open_database
from .queries import MARK_END, MARK_START

_stdout = Console(soft_wrap=False)
db_option = click.option("--db", "db_url", default=None, metavar="URL",
                         help="Store: a SQLite file (default newsgraph.db, or NEWSGRAPH_DB) or postgresql://...")
json_option = click.option("--json", "as_json", is_flag=True, help="One JSON object per line instead of a table.")
limit_option = click.option("--limit", type=click.IntRange(1), default=50, show_default=True, help="At most this many rows.")


@contextmanager
def _store(db_url: str | None, create: bool = False):
    db = open_database(db_url or default_url(), create=create)
    try:
        yield db
    finally:
        db.close()


def _emit(rows: list[dict[str, Any]], as_json: bool, table: Table | None) -> None:
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
    elif not rows:
        click.echo("nothing found", err=True)
    else:
        _stdout.print(table)


def _table(title: str, columns: list[str]) -> Table:
    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    return table


def _marked(snippet: str) -> Text:
    """A snippet with the « » marked matches in bold."""
    text = Text()
    for i, part in enumerate(snippet.replace(MARK_END, MARK_START).split(MARK_START)):
        text.append(part, style="bold yellow" if i % 2 else "")
    return text


# -- ingest -------------------------------------------------------------------

@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", type=click.IntRange(1), help="Worker processes for the analysis.")
@click.option("--batch", "batch_size", type=click.IntRange(1), default=32, show_default=True,
              help="Articles written per transaction.")
@click.option("--model", help="Installed spaCy pipeline to use (or NEWSGRAPH_MODEL).")
@click.option("--max-chars", type=click.IntRange(1), help="Refuse texts longer than this (default 1,000,000).")
@click.option("--stages", help=f"Comma-separated stages to run (default all: {','.join(STAGES)}); "
              "the stages they require are added; 'none' stores parsed text and sentences only.")
@click.option("--actors", "actors_file", type=click.Path(path_type=Path), help="Your own actors file (YAML or CSV).")
@click.option("--no-progress", is_flag=True, help="Never show a progress bar.")
@json_option
def ingest(paths, db_url, workers, batch_size, model, max_chars, stages, actors_file, no_progress, as_json):
    """Analyse articles under PATHS and add them to the store.

    PATHS are files or directories (recursive) of text, HTML, JSON Lines or
    WARC (.warc, .warc.gz). Articles already stored (same text or URL) are
    skipped, so an interrupted ingest can simply be run again. Inputs that
    fail go to the store's errors table and are summarised at the end; the
    others are still stored, and the exit status is 1 (as for analyze).
    """
    from .ingest import ingest as run_ingest

    config = Config.from_env(model=model, workers=workers, max_chars=max_chars, actors_file=actors_file,
                             stages=parse_stages(stages))
    if note := added_stages_note(parse_stages(stages), config.stages):
        click.echo(note, err=True)
    with _store(db_url, create=True) as db, _progress(not no_progress and sys.stderr.isatty()) as tick:
        report = run_ingest(paths, db, config, on_outcome=tick, batch_size=batch_size)
        size = db.size_bytes()
    if as_json:
        click.echo(json.dumps(report.as_dict() | {"db_bytes": size}))
    _summarise(report, db_url or default_url())
    if report.failed:
        sys.exit(1)


@contextmanager
def _progress(enabled: bool) -> Iterator:
    if not enabled:
        yield lambda report: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("{task.completed} analysed"),
               TextColumn("[green]{task.fields[added]} added[/] · {task.fields[skipped]} already stored · "
                          "[red]{task.fields[failed]} failed[/]"),
               TextColumn("{task.fields[rate]} articles/s"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("ingest", total=None, added=0, skipped=0, failed=0, rate="0.0")

        def tick(report) -> None:
            done = bar.tasks[0].completed + 1
            rate = done / report.seconds if report.seconds else 0.0
            bar.update(task, completed=done, added=report.added, skipped=report.already_stored,
                       failed=report.failed, rate=f"{rate:.1f}")
        yield tick


def _summarise(report, url: str) -> None:
    click.echo(
        f"newsgraph: added {report.added} article(s) to {url} in {report.seconds:.1f}s "
        f"(+{report.setup_seconds:.1f}s loading) "
        f"({report.rate:.1f} articles/s); {report.already_stored} already stored, "
        f"{report.duplicates} duplicate(s), {report.failed} failed", err=True)
    for reason, count in report.failures.most_common(10):
        click.echo(f"  {count:>6} × {reason}  (e.g. {report.examples[reason]})", err=True)
    if report.failed:
        click.echo(f"  all failures: newsgraph export --table errors --format csv -o errors.csv --db {url}",
                   err=True)


# -- queries ------------------------------------------------------------------

@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("words", nargs=-1, required=True)
@db_option
@json_option
@click.option("--limit", type=click.IntRange(1), default=10, show_default=True, help="At most this many articles.")
def search(words, db_url, as_json, limit):
    """Full-text search: articles ranked by relevance, with snippets.

    The same syntax on SQLite and PostgreSQL: words are all required,
    "quoted phrases" match as phrases, OR between alternatives, -word or
    -"phrase" excludes (also as the first word), word* matches a prefix.
    """
    from .queries import search as run_search

    text = " ".join(words)
    with _store(db_url) as db:
        rows = run_search(db, text, limit)
    table = _table(f"Articles matching {text!r}", ["score", "title", "publisher", "published", "snippet"])
    for r in rows:
        table.add_row(f"{r['score']:.2f}", r["title"] or r["doc_id"], r["publisher"] or "", r["published"] or "",
                      _marked(r["snippet"]))
    _emit(rows, as_json, table)


@click.command()
@click.option("--speaker", help="Part of the speaker's name.")
@click.option("--about", help="Words the quote must contain (full-text).")
@click.option("--since", help="Articles published on or after YYYY-MM-DD.")
@click.option("--until", help="Articles published on or before YYYY-MM-DD.")
@click.option("--cue-class", type=click.Choice(CUE_CLASSES, case_sensitive=False),
              help="What the cue reports: speech (said), writing (wrote), thought (believes), "
              "intention (plans to) or perception (saw).")
@db_option
@json_option
@limit_option
def quotes(speaker, about, since, until, cue_class, db_url, as_json, limit):
    """Quotes in the store, newest first."""
    from .queries import quotes as run_quotes

    with _store(db_url) as db:
        rows = run_quotes(db, speaker, about, since, until, limit, cue_class=cue_class)
    table = _table("Quotes", ["published", "speaker", "cue", "class", "content", "publisher"])
    for r in rows:
        table.add_row(r["published"] or "", r["speaker"] or "?", r["cue"] or "", r["cue_class"] or "", r["content"],
                      r["publisher"] or "")
    for r in rows:
        r["via"] = json.loads(r["via"]) if r.get("via") else []
    _emit(rows, as_json, table)


def _sides(people: list[dict]) -> str:
    return ", ".join(f"{p['name'] or '?'}" + (f" ({p['code']})" if p["code"] else "") for p in people)


@click.command()
@click.option("--actor", help="Actor side: a code (RUS, RUSGOV) or part of a name.")
@click.option("--recipient", help="Recipient side: a code or part of a name.")
@click.option("--type", "event_type", help="PLOVER event type, e.g. CONSULT.")
@click.option("--since", help="On or after YYYY-MM-DD.")
@click.option("--until", help="On or before YYYY-MM-DD.")
@db_option
@json_option
@limit_option
def events(actor, recipient, event_type, since, until, db_url, as_json, limit):
    """PLOVER events, newest first, with how many articles and outlets reported each story."""
    from .queries import events as run_events

    with _store(db_url) as db:
        rows = run_events(db, actor, recipient, event_type, since, until, limit)
    table = _table("Events", ["date", "type", "actors", "recipients", "trigger", "story", "articles", "outlets",
                              "publisher"])
    for r in rows:
        table.add_row(r["date"] or "", r["type"] + (f"/{r['mode']}" if r["mode"] else ""), _sides(r["actors"]),
                      _sides(r["recipients"]), r["trigger"] or "", str(r["story_id"]), str(r["story_articles"]),
                      str(r["story_outlets"]), r["publisher"] or "")
    _emit(rows, as_json, table)


@click.command()
@click.option("--country", help="ISO 3166-1 alpha-3 code (or PLOVER code such as IGO).")
@click.option("--name", help="Part of the actor's name.")
@click.option("--kind", help="PERSON, ORG, GPE, ...")
@db_option
@json_option
@limit_option
def actors(country, name, kind, db_url, as_json, limit):
    """Corpus actors with counts of articles, events and quotes."""
    from .queries import actors as run_actors

    with _store(db_url) as db:
        rows = run_actors(db, country, name, kind, limit)
    table = _table("Actors", ["name", "kind", "country", "sector", "role", "articles", "events", "quotes"])
    for r in rows:
        table.add_row(r["name"], r["kind"], r["country"] or "", r["sector"] or "", r["role"] or "",
                      str(r["articles"]), str(r["events"]), str(r["quotes"]))
    _emit(rows, as_json, table)


@click.command()
@click.argument("side_a")
@click.argument("side_b")
@click.option("--by", type=click.Choice(["day", "month", "year"]), default="month", show_default=True)
@click.option("--both-ways", is_flag=True, help="Count B -> A events too (default: A acting on B only).")
@click.option("--since", help="On or after YYYY-MM-DD.")
@click.option("--until", help="On or before YYYY-MM-DD.")
@db_option
@json_option
def dyad(side_a, side_b, by, both_ways, since, until, db_url, as_json):
    """Events from SIDE_A to SIDE_B over time: PLOVER type counts and quad-class totals.

    Each side is a code (USA, RUSGOV) or part of an actor's name.
    """
    from .codes import EVENT_TYPES, QUAD_NAMES
    from .queries import dyad as run_dyad

    with _store(db_url) as db:
        rows = run_dyad(db, side_a, side_b, by, both_ways, since, until)
    present = [t for t in EVENT_TYPES if any(t in r["types"] for r in rows)]
    quads = list(QUAD_NAMES.values())
    table = _table(f"{side_a} → {side_b}" + (" (both ways)" if both_ways else ""),
                   [by, *present, *(q.replace("_", " ") for q in quads), "total"])
    for r in rows:
        table.add_row(r["period"], *(str(r["types"].get(t, 0)) for t in present),
                      *(str(r["quad"][q]) for q in quads), str(r["total"]))
    _emit(rows, as_json, table)


@click.command()
@click.option("--table", "table_name", type=click.Choice(["events", "quotes", "sentences", "articles", "actors", "errors"]),
              required=True)
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet", "jsonl", "plover"]), required=True)
@click.option("-o", "--output", required=True, help="Output file ('-' for standard output, not for Parquet).")
@db_option
def export(table_name, fmt, output, db_url):
    """Export a whole table, streaming (memory stays flat on large stores)."""
    from .export import export as run_export

    with _store(db_url) as db:
        count = run_export(db, table_name, fmt, output)
    click.echo(f"newsgraph: exported {count} {table_name} row(s) to {output}", err=True)


@click.command()
@click.argument("parquet_dir")
@db_option
@json_option
def load(parquet_dir, db_url, as_json):
    """Load a `newsgraph spark` output folder (local, hdfs://, s3a://) into the store.

    Only input files the job finished (its _done table) are loaded; articles
    already stored are skipped, so loading again adds nothing.
    """
    from .load import load as run_load

    with _store(db_url, create=True) as db:
        report = run_load(parquet_dir, db)
    if as_json:
        click.echo(json.dumps(report.as_dict()))
    click.echo(f"newsgraph: loaded {report.files} finished input file(s) from {parquet_dir} into "
               f"{db_url or default_url()} in {report.seconds:.1f}s: {report.added} article(s) added, "
               f"{report.already_stored} already stored, {report.errors} failed record(s) kept in the errors "
               f"table" + (f", {report.failed} could not be stored" if report.failed else ""), err=True)
    if report.failed:
        sys.exit(1)


commands = [ingest, search, quotes, events, actors, dyad, export, load]
