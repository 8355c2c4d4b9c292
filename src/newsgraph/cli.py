"""The `newsgraph` command: a thin layer over the package's functions."""
from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path

import click

from . import __version__
from .config import STAGES, Config, added_stages_note, parse_stages
from .errors import InputError, NewsgraphError


def fail(message: str, code: int = 1) -> None:
    click.echo(f"newsgraph: error: {message}", err=True)
    sys.exit(code)


class Group(click.Group):
    """Turns NewsgraphError anywhere below into a one-line message and exit code."""

    def invoke(self, ctx):
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
            return result
        except NewsgraphError as err:
            fail(str(err), err.exit_code)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except BrokenPipeError:
            # The reader (`| head`) has gone: stop quietly; point stdout at devnull so
            # that Python's final flush does not raise again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgraph")
def main() -> None:
    """Turn news articles into actors, PLOVER events, quotes and voice, with offsets."""
    _report_warnings()


class _StderrWarnings(logging.Handler):
    """Library warnings (a repaired encoding, a duplicate id) as one stderr line each."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"newsgraph: warning: {record.getMessage()}", err=True)  # the current stderr


def _report_warnings() -> None:
    logger = logging.getLogger("newsgraph")
    if not any(isinstance(h, _StderrWarnings) for h in logger.handlers):
        logger.addHandler(_StderrWarnings())
        logger.propagate = False
    logger.setLevel(logging.WARNING)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="JSON Lines on stdout, one contract object per article.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "plover"]), default=None,
              help="text (terminal view), json (contract JSONL) or plover (PLOVER event records, JSONL).")
@click.option("--published", help="Publication date YYYY-MM-DD (overrides what is found).")
@click.option("--publisher", help="Publisher name (overrides what is found).")
@click.option("--model", help="Installed spaCy pipeline to use (or NEWSGRAPH_MODEL).")
@click.option("--workers", type=int, help="Worker processes for many inputs.")
@click.option("--max-chars", type=click.IntRange(1), help="Refuse texts longer than this (default 1,000,000).")
@click.option("--actors", "actors_file", type=click.Path(path_type=Path), help="Your own actors file (YAML or CSV).")
@click.option("--stages", help=f"Comma-separated stages to run (default all: {','.join(STAGES)}; or "
              "NEWSGRAPH_STAGES); the stages they require are added (events needs actors, voice "
              "needs quotes). Without voice, sentences carry no opinion score.")
@click.option("--min-confidence", type=float, help="Leave out events whose classifier confidence is below this (0-1).")
@click.option("--no-progress", is_flag=True, help="Never show a progress bar.")
def analyze(paths, as_json, fmt, published, publisher, model, workers, max_chars, actors_file, stages,
            min_confidence, no_progress):
    """Analyse articles: PATH is a file, a directory, or - for standard input.

    Files may be plain text, HTML, JSON Lines (one {"id","text"|"html",...} per
    line) or WARC. Bad inputs are reported on stderr; the rest are still analysed.
    """
    from .inputs import iter_inputs
    from .pipeline import Pipeline
    from .render import progress

    fmt = "json" if as_json and fmt is None else (fmt or "text")
    config = Config.from_env(published=published, publisher=publisher, model=model, workers=workers,
                             max_chars=max_chars, actors_file=actors_file,
                             stages=parse_stages(stages), min_confidence=min_confidence)
    if note := added_stages_note(parse_stages(stages), config.stages):
        click.echo(note, err=True)
    pipeline = Pipeline(config)
    failures = 0
    show_progress = not no_progress and sys.stderr.isatty()
    for outcome in progress(pipeline.analyze_many(iter_inputs(paths, config.max_file_bytes)), enabled=show_progress):
        if isinstance(outcome, InputError):
            failures += 1
            click.echo(f"newsgraph: error: {outcome}", err=True)
        else:
            _emit(outcome, fmt)
    if failures:
        click.echo(f"newsgraph: {failures} input(s) failed; see the messages above", err=True)
        sys.exit(1)



def _emit(analysis, fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(analysis.as_dict(), ensure_ascii=False))
    elif fmt == "plover":
        from .events.plover import plover_records

        for record in plover_records(analysis):
            click.echo(json.dumps(record, ensure_ascii=False))
    else:
        from .render import render_analysis

        render_analysis(analysis)


@main.command()
@click.option("--db", "db_url", help="Store URL (default: sqlite newsgraph.db here).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
def serve(db_url, host, port):
    """The web workbench (/articles, /actors, /events, /quotes, /dyad, /analyze) and the HTTP API (/api/*, docs at /docs)."""
    from .web import serve as run_server

    run_server(db_url, host, port)


@main.group(name="eval", cls=Group)
def eval_group() -> None:
    """Measure newsgraph on the shared gold sets (../shared/data)."""


def _register_optional() -> None:
    """Commands whose modules are optional at import (each brings its own deps)."""
    import importlib

    for module, attr, group in (
        ("newsgraph.evaluation.html", "command", eval_group),
        ("newsgraph.evaluation.actors", "command", eval_group),
        ("newsgraph.evaluation.quotes", "command", eval_group),
        ("newsgraph.evaluation.events", "command", eval_group),
        ("newsgraph.evaluation.voice", "command", eval_group),
        ("newsgraph.evaluation.audit", "command", eval_group),
        ("newsgraph.corpus.cli", "commands", main),
        ("newsgraph.spark.cli", "command", main),
    ):
        try:
            found = getattr(importlib.import_module(module), attr)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("newsgraph"):
                continue
            raise
        for cmd in found if isinstance(found, (list, tuple)) else [found]:
            group.add_command(cmd)


_register_optional()

if __name__ == "__main__":
    main()
