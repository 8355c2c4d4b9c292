"""What runs inside a Spark task: one input file in, its Parquet parts out.

Each executor's Python worker builds one Pipeline, lazily, on its first task,
and keeps it for the next ones (Spark reuses Python workers), so spaCy and the
models load once per worker process. Tasks run the pipeline in-process with
one BLAS thread: the executor's slots are the parallelism, and a process pool
or BLAS threads inside a task would only fight over the same cores.
"""
from __future__ import annotations

import os
import time
from collections import Counter
from contextlib import contextmanager
from typing import Any, Iterable, Iterator

from ..article import RawInput
from ..config import Config
from ..errors import InputError, short_reason
from .files import read_input
from .output import Output
from .tables import Rows

# Outcomes gathered before they are written out as a row group.
ROW_GROUP_ARTICLES = 200
# A folder: each task writes a cProfile (<file key>.prof) and its CPU seconds by phase
# (<file key>.json) there; for finding where a job's time goes.
PROFILE_ENV = "NEWSGRAPH_SPARK_PROFILE"
_pipeline: tuple[str, Any] | None = None


def pipeline_for(settings: dict[str, Any]):
    """This worker process's Pipeline for these settings, built on first use."""
    global _pipeline
    key = repr(sorted(settings.items()))
    if _pipeline is None or _pipeline[0] != key:
        # Imported here: the driver imports this module and needs no spaCy. The Pipeline
        # limits this process to one BLAS thread itself (threads.one_blas_thread).
        from ..pipeline import Pipeline

        _pipeline = (key, Pipeline(Config(**{**settings, "workers": 1})))
    return _pipeline[1]


def process_partition(items: Iterable[tuple[str, str]], settings: dict[str, Any], output_uri: str) -> Iterator[dict]:
    """mapPartitions body: each (input file, file key) analysed and committed; yields its _done row."""
    folder = os.environ.get(PROFILE_ENV)
    for uri, key in items:
        if not folder:
            yield process_file(uri, key, settings, output_uri)
            continue
        import cProfile
        import json

        phases: Counter[str] = Counter()
        with cProfile.Profile() as prof:
            done = process_file(uri, key, settings, output_uri, phases)
        os.makedirs(folder, exist_ok=True)
        prof.dump_stats(os.path.join(folder, f"{key}.prof"))
        with open(os.path.join(folder, f"{key}.json"), "w", encoding="utf-8") as f:
            json.dump({"input_file": uri, "articles": done["articles"], **phases}, f)
        yield done


@contextmanager
def _phase(phases: Counter[str] | None, name: str):
    """Add the CPU seconds of the block to phases[name] (when profiling)."""
    if phases is None:
        yield
        return
    began = time.process_time()
    try:
        yield
    finally:
        phases[name] += time.process_time() - began


def _attempt() -> str:
    """This task attempt's id (a retry or a speculative copy stages apart), or "local" outside Spark."""
    try:
        from pyspark import TaskContext
    except ModuleNotFoundError:
        return "local"
    ctx = TaskContext.get()
    return f"{ctx.taskAttemptId()}" if ctx is not None else "local"


def process_file(uri: str, key: str, settings: dict[str, Any], output_uri: str,
                 phases: Counter[str] | None = None) -> dict:
    from ..corpus.ingest import input_hash
    from ..corpus.migrations import now_iso

    started, cpu, stamp = time.monotonic(), time.process_time(), now_iso()
    output = Output(output_uri)
    staged = output.staged(key, _attempt())
    rows = Rows(uri, stamp)
    hashes: dict[str, str] = {}
    counted = [0]

    def inputs() -> Iterator[RawInput | InputError]:
        records = iter(read_input(uri, Config(**settings).max_file_bytes))
        while True:
            with _phase(phases, "read"):
                item = next(records, None)
                if isinstance(item, RawInput):
                    hashes[item.source] = input_hash(item)
            if item is None:
                return
            counted[0] += 1
            yield item

    with _phase(phases, "pipeline load"):
        pipeline = pipeline_for(settings)  # a missing model fails the job, not each file
    status = "ok"
    try:
        for outcome in pipeline.analyze_many(inputs()):
            with _phase(phases, "rows"):
                if isinstance(outcome, InputError):
                    hashes.pop(outcome.source, None)
                    rows.add_error(outcome)
                else:
                    rows.add_analysis(outcome, hashes.pop(outcome.article.source or "", None))
            if rows.pending >= ROW_GROUP_ARTICLES:
                _write(staged, rows, phases)
    except Exception as exc:  # the file itself failed mid-way (a network error, a lost disk)
        status = "failed"
        rows.add_error(InputError(uri, f"reading this file stopped: {type(exc).__name__}: {short_reason(exc)}; "
                                       "run the job again to retry it"))
    _write(staged, rows, phases)
    done = {"input_file": uri, "file_key": key, "status": status, "records": counted[0],
            "articles": rows.articles, "errors": rows.failed, "seconds": round(time.monotonic() - started, 3),
            "cpu_seconds": round(time.process_time() - cpu, 3), "finished_at": now_iso()}
    with _phase(phases, "commit"):
        output.commit(staged, done)
    if phases is not None:
        phases["analysis"] = time.process_time() - cpu - sum(phases.values())
    return done


def _write(staged, rows: Rows, phases: Counter[str] | None) -> None:
    with _phase(phases, "arrow tables"):
        tables = list(rows.drain())
    with _phase(phases, "parquet writes"):
        for table, month, data in tables:
            staged.write(table, month, data)
