"""Throughput of the full pipeline against a bare spaCy parse of the same texts.

    python benchmarks/throughput.py [--limit N] [--workers N] [--rounds N] [--profile]

Texts: the PolNeAR dev articles from ../shared/data when present, else the
repository's synthetic fixtures repeated. In one process, one after the
other: a bare parse, the pipeline on one worker (with each stage's time),
then the pipeline on --workers processes (default 2; 1 skips it), so the
ratios are measured side by side. The one-worker run times a Pipeline already
loaded; the parallel run starts in a fresh process (spawned), which loads its
Pipeline and forks its workers from it (parallel.py), so its workers start as cold as the
one-worker run did: forked from this process they would inherit the lemma memo and the other
per-process caches the one-worker run warmed, and the speed-up would flatter them. (The parent's
warm-up before forking, Pipeline.warm_up on a text of its own, is inside the timed run.) The load average is printed before and
after: on a shared machine wall times mean little without it, so the
one-process runs also give their CPU time (user + system: what a loaded
machine inflates least), and the ratio is given on both; each stage's line gives
its CPU time per article too (Pipeline.stage_cpu). On this kind of machine even the
CPU time of one bare parse swings by a third between runs, so --rounds (default 2) repeats
the bare parse and the one-worker pipeline side by side, each further round in a fresh
spawned process (cold as the first), and gives each round's ratio and their median. --profile
runs the one-worker pipeline under cProfile and prints its top functions.
Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_texts(limit: int) -> tuple[str, list[str]]:
    from newsgraph.evaluation import data_dir, has_data

    if has_data("polnear/dev/text"):
        files = sorted((data_dir("polnear/dev/text") / "polnear/dev/text").glob("*.txt"))
        return "PolNeAR dev", [f.read_text(encoding="utf-8") for f in files[:limit]]
    fixtures = [p.read_text() for p in (ROOT / "tests" / "fixtures").glob("*.txt")]
    return "synthetic fixtures", (fixtures * limit)[:limit]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_worker_rss_mb() -> float:
    """The largest finished worker process (ru_maxrss of children is a maximum, not a sum)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def load() -> str:
    return "load average " + " ".join(f"{x:.2f}" for x in os.getloadavg()) + f" on {os.cpu_count()} cores"


def cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def bare_parse(model: str, texts: list[str]) -> tuple[float, float]:
    import spacy
    from threadpoolctl import threadpool_limits

    nlp = spacy.load(model)
    with threadpool_limits(1):  # as the pipeline runs it
        began, cpu = time.perf_counter(), cpu_seconds()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        return time.perf_counter() - began, cpu_seconds() - cpu


def run_pipeline(texts: list[str], workers: int, profile: cProfile.Profile | None = None):
    from newsgraph.article import RawInput
    from newsgraph.config import Config
    from newsgraph.pipeline import Pipeline

    pipeline = Pipeline(Config.from_env(workers=workers))
    inputs = [RawInput(f"text{i}", text=t) for i, t in enumerate(texts)]
    if profile:
        profile.enable()
    began, cpu, own = time.perf_counter(), cpu_seconds(resource.RUSAGE_CHILDREN), cpu_seconds()
    outcomes = list(pipeline.analyze_many(inputs))
    seconds = time.perf_counter() - began
    children, own = cpu_seconds(resource.RUSAGE_CHILDREN) - cpu, cpu_seconds() - own
    if profile:
        profile.disable()
    # One worker: this process's CPU; more: the workers', with this process's (the parent's) on the pipeline.
    pipeline.parent_cpu = own
    return seconds, own if workers == 1 else children, outcomes, pipeline


def parallel_in_fresh_process(texts: list[str], workers: int) -> tuple[float, float, int, float, float]:
    """(seconds, CPU of the workers, failed, largest worker's peak RSS, CPU of the parent) from a
    spawned process. The parent's CPU (reading, sending inputs, unpickling results) competes with
    the workers for the cores, so it bounds the speed-up."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(_parallel_run, texts, workers).result()


def _parallel_run(texts: list[str], workers: int) -> tuple[float, float, int, float, float]:
    seconds, cpu, outcomes, pipeline = run_pipeline(texts, workers)
    failed = sum(1 for o in outcomes if not hasattr(o, "as_dict"))
    return seconds, cpu, failed, peak_worker_rss_mb(), pipeline.parent_cpu


def rounds_in_fresh_processes(model: str, texts: list[str], rounds: int) -> list[tuple[float, float]]:
    """(wall ratio, CPU ratio) of pipeline to bare parse, one round per fresh spawned process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ratios = []
    for _ in range(rounds):
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            ratios.append(pool.submit(_side_by_side, model, texts).result())
    return ratios


def _side_by_side(model: str, texts: list[str]) -> tuple[float, float]:
    bare, bare_cpu = bare_parse(model, texts)
    one, one_cpu, _, _ = run_pipeline(texts, 1)
    return one / bare, one_cpu / bare_cpu


def line(label: str, texts: list[str], words: int, seconds: float, cpu: float, extra: str = "") -> str:
    return (f"{label:<22}: {len(texts) / seconds:7.2f} articles/s {words / seconds:9.0f} words/s "
            f"{seconds:7.1f} s (CPU {cpu:6.1f} s){extra}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=84)
    parser.add_argument("--workers", type=int, default=2, help="processes for the parallel run (1: skip it)")
    parser.add_argument("--rounds", type=int, default=2, help="side-by-side rounds of bare parse and pipeline")
    parser.add_argument("--profile", action="store_true", help="cProfile the one-worker run")
    parser.add_argument("--top", type=int, default=25, help="functions shown with --profile")
    args = parser.parse_args(argv)
    from newsgraph.config import Config

    name, texts = load_texts(args.limit)
    if not texts:  # run outside the repository, or --limit 0: nothing to time
        parser.error(f"no texts to time ({name}, --limit {args.limit}); run from the repository or raise --limit")
    words = sum(len(t.split()) for t in texts)
    config = Config.from_env()
    print(f"{len(texts)} articles ({name}), {words:,} words, model {config.model}, encoder {config.encoder}")
    print(load())
    bare, bare_cpu = bare_parse(config.model, texts)
    print(line("bare spaCy parse", texts, words, bare, bare_cpu, f"  peak RSS {peak_rss_mb():.0f} MB"))
    profile = cProfile.Profile() if args.profile else None
    one, one_cpu, outcomes, pipeline = run_pipeline(texts, 1, profile)
    failed = sum(1 for o in outcomes if not hasattr(o, "as_dict"))
    print(line("pipeline, 1 worker", texts, words, one, one_cpu,
               f"  peak RSS {peak_rss_mb():.0f} MB  failed={failed}"))
    print(f"ratio pipeline / bare parse time: {one / bare:.2f} (CPU time: {one_cpu / bare_cpu:.2f})")
    for stage, seconds in pipeline.stage_seconds.most_common():
        cpu = pipeline.stage_cpu.get(stage)
        print(f"  {stage:<9} {seconds:7.2f} s  {100 * seconds / one:5.1f}% of pipeline time"
              f"  {1000 * seconds / len(texts):6.1f} ms/article"
              + (f"  CPU {1000 * cpu / len(texts):6.1f} ms/article" if cpu is not None else ""))
    if args.rounds > 1:
        ratios = [(one / bare, one_cpu / bare_cpu)] + rounds_in_fresh_processes(config.model, texts, args.rounds - 1)
        print("ratio per round: " + ", ".join(f"{wall:.2f} (CPU {cpu:.2f})" for wall, cpu in ratios)
              + f"; median {statistics.median(w for w, _ in ratios):.2f}"
              f" (CPU {statistics.median(c for _, c in ratios):.2f})")
    if args.workers > 1:
        many, many_cpu, failed, worker_rss, parent_cpu = parallel_in_fresh_process(texts, args.workers)
        print(line(f"pipeline, {args.workers} workers", texts, words, many, many_cpu,
                   f"  failed={failed}  (CPU: the workers' together, the parent's {parent_cpu:.1f} s besides;"
                   " run in a fresh process)"))
        print(f"speed-up {args.workers} workers / 1 worker: {one / many:.2f}x;"
              f" peak RSS of one worker process {worker_rss:.0f} MB")
    print(load())
    if profile:
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(args.top)
        print(out.getvalue())


if __name__ == "__main__":
    sys.exit(main())
