"""Scaling out on Apache Spark (optional extra: `pip install 'newsgraph[spark]'`, Java 17+).

The cc-pyspark pattern: a manifest of input files (WARC/WARC.gz, JSON Lines,
text; local, HDFS or S3), one Spark task per file streaming its records
through the same readers and the same `Pipeline.analyze_many` as `newsgraph
analyze`, one Pipeline per executor Python process, and Parquet tables out
(schemas in `tables.py`, matching the store), each file committed
atomically and recorded in `_done` so a rerun skips it.

    newsgraph spark --manifest warc.paths --prefix s3://commoncrawl/ s3a://bucket/out
    newsgraph load out/ --db newsgraph.db        # back into the store, for search and the web app

From Python: `run_job(inputs, output, manifest=..., spark=sc)` with an existing SparkContext or SparkSession.
Modules: job (driver), task (executor), files (paths, streams), output (the
folder layout and commits), tables (schemas and rows), cli.
"""
from __future__ import annotations

from .job import JobReport, run_job
from .tables import SCHEMAS, TABLES

__all__ = ["JobReport", "run_job", "SCHEMAS", "TABLES"]
