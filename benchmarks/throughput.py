"""Throughput of the full pipeline against a bare spaCy parse of the same texts.

    python benchmarks/throughput.py [--limit N] [--workers N]

Texts: the PolNeAR dev articles from ../shared/data when present, else the
repository's synthetic fixtures repeated. Both runs happen in this process,
one after the other, so the ratio is measured side by side; peak RSS is the
process maximum after each phase. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_texts(limit: int) -> tuple[str, list[str]]:
    from newsgraph.evaluation import has_data, data_dir

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


def bare_parse(model: str, texts: list[str]) -> float:
    import spacy

    nlp = spacy.load(model)
    began = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - began


def full_pipeline(texts: list[str], workers: int):
    from newsgraph.article import RawInput
    from newsgraph.config import Config
    from newsgraph.pipeline import Pipeline

    pipeline = Pipeline(Config.from_env(workers=workers))
    inputs = [RawInput(f"text{i}", text=t) for i, t in enumerate(texts)]
    began = time.perf_counter()
    outcomes = list(pipeline.analyze_many(inputs))
    return time.perf_counter() - began, outcomes, pipeline


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=84)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    from newsgraph.config import Config

    name, texts = load_texts(args.limit)
    words = sum(len(t.split()) for t in texts)
    model = Config.from_env().model
    print(f"{len(texts)} articles ({name}), {words:,} words, model {model}")
    bare = bare_parse(model, texts)
    print(f"bare spaCy parse : {len(texts) / bare:7.2f} articles/s {words / bare:9.0f} words/s  peak RSS {peak_rss_mb():.0f} MB")
    full, outcomes, pipeline = full_pipeline(texts, args.workers)
    failed = sum(1 for o in outcomes if not hasattr(o, "as_dict"))
    print(f"full pipeline    : {len(texts) / full:7.2f} articles/s {words / full:9.0f} words/s  peak RSS {peak_rss_mb():.0f} MB"
          f"  (workers={args.workers}, failed={failed})")
    if args.workers > 1:
        print(f"peak RSS of one worker process: {peak_worker_rss_mb():.0f} MB")
    print(f"ratio pipeline / bare parse time: {full / bare:.2f}")
    if args.workers == 1:
        for stage, seconds in pipeline.stage_seconds.most_common():
            print(f"  stage {stage:<8} {seconds:7.2f} s  {100 * seconds / full:5.1f}% of pipeline time"
                  f"  {1000 * seconds / len(texts):6.1f} ms/article")


if __name__ == "__main__":
    sys.exit(main())
