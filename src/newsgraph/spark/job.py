"""The driver side of `newsgraph spark`: plan the input files, run one task per file, report.

The driver handles only file names and the small per-file summaries the
tasks return (the _done rows); article data goes from the executors straight
to the output folder, in one pass, with nothing cached.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import sys
import time
from pathlib import Path
from dataclasses import asdict, dataclass, field
from typing import Any

from ..config import Config
from ..errors import NewsgraphError
from .files import expand, file_key, read_manifest
from .output import Output

# Environment of every executor's Python: one BLAS thread, no process pool inside a task.
EXECUTOR_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                "NEWSGRAPH_WORKERS": "1"}
# A local master's JVM only schedules tasks (the articles never enter it), yet its optimising
# JIT compiler and parallel GC threads cost seconds of CPU at start-up and more while it runs.
# The quick JIT alone and one GC thread halve that; PYSPARK_SUBMIT_ARGS setting
# spark.driver.extraJavaOptions replaces them.
LOCAL_JAVA_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
ARCHIVE_ENV = "NEWSGRAPH_SPARK_CLASS_ARCHIVE"
# A local run's web UI (Jetty) costs start-up CPU; spark-defaults.conf or PYSPARK_SUBMIT_ARGS
# can turn it back on. (Its console progress bar, redrawn five times a second, is turned off
# when the JVM starts: see _launch_conf.)
LOCAL_SETTINGS = {"spark.ui.enabled": "false"}


@dataclass
class JobReport:
    files: int = 0
    skipped: int = 0  # finished by an earlier run
    processed: int = 0
    failed_files: list[str] = field(default_factory=list)
    records: int = 0
    articles: int = 0
    errors: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def require_pyspark() -> None:
    try:
        import pyspark  # noqa: F401
    except ModuleNotFoundError:
        raise NewsgraphError("PySpark is not installed; run `pip install 'newsgraph[spark]'` (needs Java 17+)") from None


def portable(config: Config) -> dict[str, Any]:
    """Config as plain values that pickle to executors (paths become strings); never a pool."""
    values = asdict(config)
    values["stages"] = tuple(values["stages"])
    values["workers"] = 1
    if values.get("actors_file") is not None:
        values["actors_file"] = str(values["actors_file"])
    return values


def plan(inputs: list[str], manifest: str | None = None, prefix: str | None = None) -> list[str]:
    paths = list(inputs) + (read_manifest(manifest, prefix) if manifest else [])
    files = expand(paths)
    if not files:
        raise NewsgraphError("no input files: give paths or --manifest FILE (one path a line)")
    return files


def spark_context(master: str | None = None, app_name: str = "newsgraph"):
    """A SparkContext whose master comes from Spark's own settings (spark-submit --master,
    spark-defaults.conf, PYSPARK_SUBMIT_ARGS); `master` only overrides; local[*] when none is set.

    The job is plain RDD work, so no SparkSession: building one loads Spark SQL's planner
    into the JVM, seconds of CPU for nothing."""
    from pyspark import SparkConf, SparkContext

    if master is None or master.startswith("local"):
        # Local workers must run the interpreter that has newsgraph installed,
        # which need not be the `python3` on PATH (e.g. an unactivated venv).
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    SparkContext._ensure_initialized(conf=_launch_conf(master))  # starts the JVM, which reads Spark's own settings
    conf = SparkConf()
    if master:
        conf.setMaster(master)
    elif not conf.contains("spark.master"):
        conf.setMaster("local[*]")
    if conf.get("spark.master", "").startswith("local"):
        for name, value in LOCAL_SETTINGS.items():
            conf.setIfMissing(name, value)
    conf.setAppName(conf.get("spark.app.name", app_name))
    for name, value in EXECUTOR_ENV.items():
        conf.setIfMissing(f"spark.executorEnv.{name}", value)
    conf.setIfMissing("spark.python.worker.reuse", "true")
    return SparkContext.getOrCreate(conf)


def _launch_conf(master: str | None):
    """Settings for the JVM this process starts (none when spark-submit started it already)."""
    from pyspark import SparkConf

    conf = SparkConf(loadDefaults=False)
    ours = "PYSPARK_GATEWAY_PORT" not in os.environ and (master or "").startswith("local")
    submit_args = os.environ.get("PYSPARK_SUBMIT_ARGS", "")
    if ours and "extraJavaOptions" not in submit_args:
        conf.set("spark.driver.extraJavaOptions", " ".join(filter(None, (LOCAL_JAVA_OPTIONS, class_archive()))))
    if ours and "showConsoleProgress" not in submit_args:  # pyspark's launcher turns it on otherwise
        conf.set("spark.ui.showConsoleProgress", "false")
    return conf


def class_archive() -> str:
    """JVM options for a class-data archive of the classes a local Spark run loads: written
    by the first run (-XX:ArchiveClassesAtExit), mapped by the next ones (-XX:SharedArchiveFile),
    which halves the JVM's start-up CPU. One archive per pyspark install and Java; a stale
    or broken one is ignored by the JVM. NEWSGRAPH_SPARK_CLASS_ARCHIVE names the file, or
    turns it off ("off")."""
    import pyspark

    path = os.environ.get(ARCHIVE_ENV)
    if path in ("off", ""):
        return ""
    if path is None:
        java = os.environ.get("JAVA_HOME") or shutil.which("java") or ""
        key = hashlib.sha1(f"{pyspark.__file__}|{pyspark.__version__}|{java}".encode()).hexdigest()[:12]
        path = str(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newsgraph" /
                   f"spark-classes-{key}.jsa")
    if os.path.isfile(path) and os.path.getsize(path) > 0:
        return f"-XX:SharedArchiveFile={path} -Xlog:cds*=off"
    try:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    except OSError:
        return ""
    return f"-XX:ArchiveClassesAtExit={path} -Xlog:cds*=off"


def run_job(inputs: list[str], output: str, manifest: str | None = None, prefix: str | None = None,
            master: str | None = None, config: Config | None = None, overwrite: bool = False,
            spark=None) -> JobReport:
    """Analyse every input file not yet finished in `output`; one Spark task per file."""
    require_pyspark()
    from .task import process_partition

    started = time.monotonic()
    files = plan(inputs, manifest, prefix)
    out = Output(output)
    if overwrite:
        out.clear()
    out.prepare()
    done = out.done()
    report = JobReport(files=len(files))
    todo = [(f, file_key(f)) for f in files if done.get(file_key(f), {}).get("status") != "ok"]
    report.skipped = len(files) - len(todo)
    if todo:
        settings = portable(config or Config.from_env())
        own = spark is None
        spark = spark or spark_context(master)
        try:
            sc = getattr(spark, "sparkContext", spark)  # a SparkSession given by the caller, or a context
            rdd = sc.parallelize(todo, len(todo))  # one task per file
            summaries = rdd.mapPartitions(lambda part: process_partition(part, settings, output)).collect()
        finally:
            if own:
                spark.stop()
        for row in summaries:
            report.processed += 1
            report.records += row["records"]
            report.articles += row["articles"]
            report.errors += row["errors"]
            if row["status"] != "ok":
                report.failed_files.append(row["input_file"])
        out.tidy()
    report.seconds = time.monotonic() - started
    return report
