"""`newsgraph spark`: the command line of the Spark job (also `python -m newsgraph.spark`)."""
from __future__ import annotations

import json
import sys

import click

from ..config import STAGES, Config, added_stages_note, parse_stages


@click.command(name="spark")
@click.argument("paths", nargs=-1, required=True, metavar="[INPUT]... OUTPUT_DIR")
@click.option("--manifest", help="A text file of input paths, one a line (local, hdfs://, s3a://; globs allowed).")
@click.option("--prefix", help="Put before relative manifest paths (e.g. s3://commoncrawl/ for CC-NEWS warc.paths).")
@click.option("--master", default=None,
              help="Override Spark's master (default: spark-submit's --master or spark-defaults; else local[*]).")
@click.option("--overwrite", is_flag=True, help="Remove the tables already in OUTPUT_DIR and redo every file.")
@click.option("--model", help="Installed spaCy pipeline to use on the executors.")
@click.option("--max-chars", type=click.IntRange(1), help="Refuse texts longer than this (default 1,000,000).")
@click.option("--stages", help=f"Comma-separated stages to run (default all: {','.join(STAGES)}); "
              "the stages they require are added.")
@click.option("--json", "as_json", is_flag=True, help="Print the job's report as one JSON object.")
def command(paths, manifest, prefix, master, overwrite, model, max_chars, stages, as_json):
    """Analyse WARC, JSON Lines and text files on Apache Spark, one task per file.

    Writes Parquet tables (articles, entities, mentions, quotes, events,
    sentences, errors; partitioned by publication month) under OUTPUT_DIR.
    Files already finished there are skipped, so a killed job is simply run
    again. Needs the `spark` extra and Java 17+. See docs/spark.md.
    """
    from .job import run_job

    *inputs, output = paths
    if not inputs and not manifest:
        raise click.UsageError("give input paths before OUTPUT_DIR, or --manifest FILE")
    config = Config.from_env(model=model, max_chars=max_chars, stages=parse_stages(stages), workers=1)
    if note := added_stages_note(parse_stages(stages), config.stages):
        click.echo(note, err=True)
    report = run_job(inputs, output, manifest, prefix, master, config, overwrite)
    if as_json:
        click.echo(json.dumps(report.as_dict()))
    click.echo(f"newsgraph: {report.processed} file(s) analysed, {report.skipped} already done; "
               f"{report.articles} article(s), {report.errors} failed record(s) in {report.seconds:.1f}s; "
               f"Parquet under {output} (failures in its errors table)", err=True)
    for name in report.failed_files:
        click.echo(f"  file stopped early (run again to retry): {name}", err=True)
    if report.errors or report.failed_files:
        sys.exit(1)
