"""Spark against the plain pipeline on the same articles, at one and two cores.

    python benchmarks/spark.py [--articles 200] [--shards 12] [--runs 1]

Texts: PolNeAR dev articles from ../shared/data (up to 84; with --articles up
to 200 the list is repeated with distinct ids), written as JSON Lines shards
to a temporary folder outside the repository. Rounds (--runs) of four runs,
each a fresh process: `newsgraph analyze --workers 1|2` over the shards and
`newsgraph spark --master local[1]|local[2]` over the same shards (one task a
shard), all with one BLAS thread, plus each tool's start-up on one article.
Prints wall and CPU seconds (the best of the rounds), speed-ups, Spark's
per-article overhead against `analyze` at the same parallelism (in all, and
per article past start-up), the CPU inside Spark's tasks (their _done rows'
cpu_seconds) against that outside them, the peak memory of each run's whole
process tree, and the projected core-hours per million articles (in all, and
once started). The machine may be shared: read the figures with its load,
which is printed too. Asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BIN = Path(sys.executable).parent
MAX_ARTICLES = 200


def texts(limit: int) -> list[tuple[str, str]]:
    from newsgraph.evaluation import data_dir, has_data

    if not has_data("polnear/dev/text"):
        sys.exit("benchmarks/spark.py: PolNeAR dev texts not found (../shared/data/polnear/dev/text); "
                 "set NEWSGRAPH_DATA to the shared data folder")
    files = sorted((data_dir("polnear/dev/text") / "polnear/dev/text").glob("*.txt"))
    out = []
    for i in range(limit):
        f = files[i % len(files)]
        out.append((f"{f.stem}~{i // len(files)}", f.read_text(encoding="utf-8")))
    return out


def write_shards(folder: Path, articles: list[tuple[str, str]], shards: int) -> None:
    for s in range(shards):
        with open(folder / f"shard-{s:03d}.jsonl", "w", encoding="utf-8") as f:
            for doc_id, text in articles[s::shards]:
                f.write(json.dumps({"id": doc_id, "text": text}) + "\n")


def _tree(root: int) -> tuple[int, dict[int, float]]:
    """RSS (kB) of a process and all its descendants (the JVM and Python workers of a Spark
    run), and the CPU seconds each has used so far."""
    parents: dict[int, int] = {}
    stats: dict[int, tuple[int, float]] = {}
    tick = os.sysconf("SC_CLK_TCK")
    page_kb = os.sysconf("SC_PAGE_SIZE") // 1024
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            # utime + stime only: children are sampled themselves, so their time must not
            # come in again through the parent's cutime once it reaps them.
            cpu = (int(fields[11]) + int(fields[12])) / tick
            stats[int(entry)] = (int(fields[21]) * page_kb, cpu)
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        kids = [p for p, parent in parents.items() if parent == pid and p not in tree]
        tree.update(kids)
        frontier += kids
    return sum(stats[p][0] for p in tree if p in stats), {p: stats[p][1] for p in tree if p in stats}


# Spark tasks and analyze's pool workers run one BLAS thread; `analyze --workers 1` would
# otherwise start one per core, which on a busy machine costs it several times its CPU.
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def timed(cmd: list[str]) -> tuple[float, float, float, int]:
    """(wall seconds, CPU seconds of the process tree, peak tree RSS in MB, exit code) of one command.

    CPU seconds count the JVM and every worker; on a shared machine they vary far less than wall
    time, which also waits for other users' work."""
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **ONE_THREAD})
    peak = [0]
    cpu: dict[int, float] = {}

    def sample() -> None:
        while proc.poll() is None:
            rss, used = _tree(proc.pid)
            peak[0] = max(peak[0], rss)
            for pid, seconds in used.items():
                cpu[pid] = max(cpu.get(pid, 0.0), seconds)
            time.sleep(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - began
    sampler.join()
    if proc.returncode not in (0, 1):  # 1: some records failed, as analyze reports them
        print(err[-2000:], file=sys.stderr)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Both are lower bounds: rusage misses descendants never reaped (Spark's Python daemon
    # may outlive the JVM's wait), the samples miss each process's last half second.
    exact = (after.ru_utime - reaped.ru_utime) + (after.ru_stime - reaped.ru_stime)
    return wall, max(exact, sum(cpu.values())), peak[0] / 1024, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=MAX_ARTICLES, help=f"how many articles (at most {MAX_ARTICLES})")
    ap.add_argument("--shards", type=int, default=12, help="JSON Lines files (Spark runs one task per file)")
    ap.add_argument("--runs", type=int, default=1, help="rounds of the four runs; the best of each is reported")
    args = ap.parse_args()
    n = max(1, min(args.articles, MAX_ARTICLES))
    work = Path(tempfile.mkdtemp(prefix="newsgraph-spark-bench-"))
    try:
        shards = work / "in"
        shards.mkdir()
        write_shards(shards, texts(n), args.shards)
        newsgraph = str(BIN / "newsgraph")
        runs = {
            "analyze --workers 1": [newsgraph, "analyze", str(shards), "--json", "--no-progress", "--workers", "1"],
            "analyze --workers 2": [newsgraph, "analyze", str(shards), "--json", "--no-progress", "--workers", "2"],
            "spark local[1]": [newsgraph, "spark", str(shards), str(work / "out1"), "--master", "local[1]",
                               "--overwrite"],
            "spark local[2]": [newsgraph, "spark", str(shards), str(work / "out2"), "--master", "local[2]",
                               "--overwrite"],
        }
        one = work / "one"
        one.mkdir()
        write_shards(one, texts(1), 1)
        # Start-up alone (one article): what each tool costs before its first record.
        runs_one = {"analyze --workers 1": [newsgraph, "analyze", str(one), "--json", "--no-progress"],
                    "spark local[1]": [newsgraph, "spark", str(one), str(work / "one-out"), "--master", "local[1]",
                                       "--overwrite"]}
        print(f"{n} PolNeAR dev articles in {args.shards} JSONL shards; load average before: "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs; one BLAS thread everywhere")
        # Untimed: a first local Spark run writes the JVM's class-data archive (once per install),
        # which every later run maps; the figures are those of the later runs.
        subprocess.run(runs_one["spark local[1]"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env={**os.environ, **ONE_THREAD}, check=False)
        startup = {}
        for name, cmd in runs_one.items():
            wall, cpu, peak, code = timed(cmd)
            startup[name] = cpu
            print(f"  one article  {name:<20} {wall:7.1f} s wall  {cpu:7.1f} s CPU  peak {peak:6.0f} MB", flush=True)
        # Rounds of all four, so a change in the machine's load falls on every configuration.
        seen: dict[str, list[tuple[float, float, float, int]]] = {name: [] for name in runs}
        for round_ in range(max(1, args.runs)):
            for name, cmd in runs.items():
                wall, cpu, peak, code = timed(cmd)
                seen[name].append((wall, cpu, peak, code))
                print(f"  round {round_ + 1}  {name:<20} {wall:7.1f} s wall  {cpu:7.1f} s CPU  peak {peak:6.0f} MB"
                      f"  (exit {code}, load {os.getloadavg()[0]:.1f})", flush=True)
        results = {name: (min(r[0] for r in rs), min(r[1] for r in rs), max(r[2] for r in rs))
                   for name, rs in seen.items()}
        report(results, n, work, startup)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(results: dict[str, tuple[float, float, float]], n: int, work: Path,
           startup: dict[str, float]) -> None:
    """Figures from the best wall and CPU time of each configuration."""
    wall = {k: v[0] for k, v in results.items()}
    cpu = {k: v[1] for k, v in results.items()}
    a1, a2 = "analyze --workers 1", "analyze --workers 2"
    s1, s2 = "spark local[1]", "spark local[2]"
    print(f"\nbest of the rounds ({n} articles):")
    for name, (w, c, peak) in results.items():
        print(f"  {name:<20} {w:7.1f} s wall  {c:7.1f} s CPU  {n / w:5.2f} articles/s  peak {peak:6.0f} MB")
    print(f"speed-up at 2 cores (wall): analyze {wall[a1] / wall[a2]:.2f}x, spark local[2] vs local[1] "
          f"{wall[s1] / wall[s2]:.2f}x")
    for cores, spark, plain in ((1, s1, a1), (2, s2, a2)):
        print(f"spark overhead at {cores} core(s): wall {(wall[spark] - wall[plain]) / n:+.3f} s per article "
              f"({100 * (wall[spark] - wall[plain]) / wall[plain]:+.1f}% of analyze), CPU "
              f"{(cpu[spark] - cpu[plain]) / n:+.3f} s per article ({100 * (cpu[spark] - cpu[plain]) / cpu[plain]:+.1f}%)")
    if n > 1:
        # CPU per article beyond start-up: what a long task on a cluster pays per record.
        plain = (cpu[a1] - startup[a1]) / (n - 1)
        marginal = (cpu[s1] - startup[s1]) / (n - 1)
        print(f"start-up CPU (one article): analyze {startup[a1]:.1f} s, spark {startup[s1]:.1f} s; CPU per further "
              f"article: analyze {plain:.3f} s, spark local[1] {marginal:.3f} s ({100 * (marginal - plain) / plain:+.1f}%)")
    for cores, spark, plain_run in ((1, s1, a1), (2, s2, a2)):
        inside = _task_cpu(work / f"out{cores}")
        if inside:
            print(f"spark local[{cores}]: {inside:.1f} s CPU inside its tasks ({inside / n:.3f} s per article, "
                  f"Pipeline loads included), {cpu[spark] - inside:.1f} s outside them (JVM, driver, Python "
                  f"workers' start); analyze --workers {cores}: {cpu[plain_run] / n:.3f} s per article in all")
    tasks = _task_seconds(work / "out2")
    if tasks:
        print(f"spark local[2]: {tasks:.1f} s inside its tasks (summed over both slots) of {wall[s2]:.1f} s wall")
    for name in results:
        cores = 2 if name in (a2, s2) else 1
        print(f"projected core-hours per million articles, {name}: {wall[name] * cores / n * 1e6 / 3600:,.0f} "
              f"from wall x cores, {cpu[name] / n * 1e6 / 3600:,.0f} from CPU time")
    if n > 1:
        print(f"projected core-hours per million articles once started (CPU per further article): analyze "
              f"{plain * 1e6 / 3600:,.0f}, spark {marginal * 1e6 / 3600:,.0f}")


def _task_seconds(out: Path, column: str = "seconds") -> float:
    try:
        import pyarrow.parquet as pq

        return sum(r.get(column) or 0.0 for r in pq.read_table(out / "_done").to_pylist())
    except Exception:
        return 0.0


def _task_cpu(out: Path) -> float:
    """CPU seconds the tasks themselves used (the _done rows' cpu_seconds)."""
    return _task_seconds(out, "cpu_seconds")


if __name__ == "__main__":
    main()
