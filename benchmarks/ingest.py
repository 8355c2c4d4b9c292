"""Benchmark: ingest the PolNeAR train texts into a fresh store with 1 and 2 workers.

Prints, for each worker count: articles/s for ingest and for analysis alone
(the same pipeline, results discarded), their ratio (ingest time over
analysis time: the cost of storing), store size per article, and peak RSS of
the main process and of the largest worker. Each measurement runs in its own
process so peak RSS is its own. Asserts nothing.

    python benchmarks/ingest.py [--workers 1,2] [--limit N] [--db-url postgresql://...] [--stages ...]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def polnear_paths(limit: int | None) -> list[str]:
    from newsgraph.evaluation import data_dir

    files = sorted((data_dir("polnear/train") / "polnear" / "train" / "text").glob("*.txt"))
    return [str(f) for f in files[:limit]]


def peak_rss_mb() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"main_mb": round(own, 1), "largest_worker_mb": round(children, 1)}


def measure(mode: str, workers: int, limit: int | None, db_url: str | None, stages: str | None) -> dict:
    """One measurement, run inside a child process."""
    from newsgraph.config import Config
    from newsgraph.inputs import iter_inputs
    from newsgraph.pipeline import Pipeline

    paths = polnear_paths(limit)
    chosen = None if stages is None else tuple(s for s in stages.split(",") if s and s != "none")
    pipeline = Pipeline(Config.from_env(workers=workers, stages=chosen))
    started = time.perf_counter()
    if mode == "analyze":
        count = sum(1 for _ in pipeline.analyze_many(iter_inputs(paths)))
        result = {"articles": count}
    else:
        result = _ingest(paths, pipeline, db_url)
    result["seconds"] = round(time.perf_counter() - started, 2)
    return result | {"rss": peak_rss_mb()}


def _ingest(paths: list[str], pipeline, db_url: str | None) -> dict:
    from newsgraph.corpus.db import open_database
    from newsgraph.corpus.ingest import ingest

    from newsgraph.corpus.store import Store

    writing = {"seconds": 0.0}
    original = Store.write_batch

    def timed_write(self, *args, **kwargs):
        # The store's own share of the run, free of CPU contention from analysis.
        started = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            writing["seconds"] += time.perf_counter() - started

    Store.write_batch = timed_write
    with tempfile.TemporaryDirectory() as tmp, _fresh_store(db_url, Path(tmp)) as url:
        with open_database(url) as db:
            report = ingest(paths, db, pipeline.config, pipeline_factory=lambda config, known_actors=(): pipeline)
            size = _store_bytes(db)
    return {"articles": report.added, "failed": report.failed, "db_bytes": size,
            "write_seconds": round(writing["seconds"], 2)}


@contextmanager
def _fresh_store(db_url: str | None, tmp: Path) -> Iterator[str]:
    """A temporary SQLite file, or a throwaway schema in the given PostgreSQL database."""
    if not db_url:
        yield str(tmp / "bench.db")
        return
    import psycopg

    schema = f"bench_{os.getpid()}"
    with psycopg.connect(db_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield f"{db_url}{'&' if '?' in db_url else '?'}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(db_url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def _store_bytes(db) -> int:
    """The store's size: the SQLite file, or the tables and indexes of the PostgreSQL schema."""
    if not db.is_postgres:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # count the pages in the file, not in the log
        return db.size_bytes()
    return int(db.scalar("SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c "
                         "JOIN pg_namespace n ON n.oid = c.relnamespace "
                         "WHERE n.nspname = current_schema() AND c.relkind = 'r'"))


def run_child(mode: str, workers: int, limit: int | None, db_url: str | None, stages: str | None) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--workers", str(workers)]
    cmd += ["--stages", stages] if stages else []
    cmd += ["--limit", str(limit)] if limit else []
    cmd += ["--db-url", db_url] if db_url else []
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{mode} with {workers} worker(s) failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def report_line(workers: int, analyzed: dict, ingested: dict) -> str:
    ingest_rate = ingested["articles"] / ingested["seconds"]
    analyze_rate = analyzed["articles"] / analyzed["seconds"]
    per_article = ingested["db_bytes"] / max(1, ingested["articles"]) / 1024
    return (f"workers={workers}: ingest {ingested['articles']} articles in {ingested['seconds']}s = "
            f"{ingest_rate:.2f} articles/s; analyze-only {analyze_rate:.2f} articles/s; "
            f"ingest/analyze time ratio {ingested['seconds'] / analyzed['seconds']:.3f}; "
            f"store writes {ingested['write_seconds']}s "
            f"({1000 * ingested['write_seconds'] / max(1, ingested['articles']):.1f} ms/article); "
            f"store {per_article:.1f} KiB/article ({ingested['db_bytes'] / 2**20:.1f} MiB); "
            f"peak RSS ingest main {ingested['rss']['main_mb']} MB, largest worker "
            f"{ingested['rss']['largest_worker_mb']} MB (analyze-only main {analyzed['rss']['main_mb']} MB); "
            f"failed {ingested['failed']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--db-url", help="PostgreSQL URL of an empty database (default: a temporary SQLite file)")
    parser.add_argument("--stages", help="comma-separated stages, or 'none' (default: all)")
    parser.add_argument("--child", choices=["analyze", "ingest"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, int(args.workers), args.limit, args.db_url, args.stages)))
        return
    print(f"PolNeAR train: {len(polnear_paths(args.limit))} articles", flush=True)
    for workers in (int(w) for w in args.workers.split(",")):
        analyzed = run_child("analyze", workers, args.limit, None, args.stages)
        ingested = run_child("ingest", workers, args.limit, args.db_url, args.stages)
        print(report_line(workers, analyzed, ingested), flush=True)


if __name__ == "__main__":
    main()
