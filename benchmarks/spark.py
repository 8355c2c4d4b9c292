"""Spark against the plain pipeline on the same articles, at one and two cores.

    python benchmarks/spark.py [--articles 50] [--shards 10] [--runs 1]

Texts: PolNeAR dev articles from ../shared/data (up to 84; with --articles up
to 200 the list is repeated with distinct ids), written as JSON Lines shards
to a temporary folder outside the repository. Four runs, each a fresh
process, in turn: `newsgraph analyze --workers 1|2` over the shards and
`newsgraph spark --master local[1]|local[2]` over the same shards (one task a
shard). Prints wall seconds (best of --runs), speed-ups, Spark's per-record
overhead against `analyze` at the same parallelism, the peak memory of each
run's whole process tree (sampled), and the projected core-hours per million
articles. The machine may be shared: read the figures with its load, which
is printed too. Asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import os
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


def _tree_rss_kb(root: int) -> int:
    """RSS of a process and all its descendants (the JVM and Python workers of a Spark run)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            parents[int(entry)] = int(fields[1])
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
        except (OSError, IndexError, ValueError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        kids = [p for p, parent in parents.items() if parent == pid and p not in tree]
        tree.update(kids)
        frontier += kids
    return sum(rss.get(p, 0) for p in tree)


def timed(cmd: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak tree RSS in MB, exit code) of one command."""
    began = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))
            time.sleep(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - began
    sampler.join()
    if proc.returncode not in (0, 1):  # 1: some records failed, as analyze reports them
        print(err[-2000:], file=sys.stderr)
    return wall, peak[0] / 1024, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=50, help=f"how many articles (at most {MAX_ARTICLES})")
    ap.add_argument("--shards", type=int, default=10, help="JSON Lines files (Spark runs one task per file)")
    ap.add_argument("--runs", type=int, default=1, help="runs of each command; the best is reported")
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
        results: dict[str, tuple[float, float]] = {}
        print(f"{n} PolNeAR dev articles in {args.shards} JSONL shards; load average before: "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
        for name, cmd in runs.items():
            best = min((timed(cmd) for _ in range(max(1, args.runs))), key=lambda r: r[0])
            results[name] = best[:2]
            print(f"  {name:<22} {best[0]:7.1f} s  peak {best[1]:6.0f} MB  (exit {best[2]}, "
                  f"load {os.getloadavg()[0]:.1f})", flush=True)
        report(results, n, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(results: dict[str, tuple[float, float]], n: int, work: Path) -> None:
    a1, a2 = results["analyze --workers 1"][0], results["analyze --workers 2"][0]
    s1, s2 = results["spark local[1]"][0], results["spark local[2]"][0]
    print(f"speed-up at 2 cores: analyze {a1 / a2:.2f}x, spark {s1 / s2:.2f}x (local[2] vs local[1])")
    for cores, spark_s, plain_s in ((1, s1, a1), (2, s2, a2)):
        per = (spark_s - plain_s) / n
        print(f"spark overhead at {cores} core(s): {per:+.3f} s per article, "
              f"{100 * (spark_s - plain_s) / plain_s:+.1f}% of analyze --workers {cores}")
    tasks = _task_seconds(work / "out2")
    if tasks:
        print(f"spark local[2]: {tasks:.1f} s inside tasks of {s2:.1f} s wall "
              f"(the rest is JVM start, scheduling and model loading)")
    for name, (wall, _) in results.items():
        cores = 2 if "2" in name.split()[-1] else 1
        print(f"projected core-hours per million articles, {name}: {wall * cores / n * 1e6 / 3600:,.0f}")


def _task_seconds(out: Path) -> float:
    try:
        import pyarrow.parquet as pq

        return sum(r["seconds"] for r in pq.read_table(out / "_done").to_pylist())
    except Exception:
        return 0.0


if __name__ == "__main__":
    main()
