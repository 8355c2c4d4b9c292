"""Batch ingest: inputs -> pipeline -> store, resumable and idempotent.

Inputs already stored (same raw-input hash or URL) are skipped before any
analysis, so a rerun after a crash only analyses what is missing; the store's
unique keys (text hash, URL) make a write of an article already there a
no-op, so no interleaving of crashes and reruns can duplicate one. Articles
are written in batches, each article all-or-nothing; failures go to the
`errors` table and never stop the run.
"""
from __future__ import annotations

import hashlib
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from ..article import RawInput
from ..config import Config
from ..errors import InputError
from ..inputs import iter_inputs
from ..records import Analysis
from .db import Database
from .store import Store

LOOKUP_CHUNK = 256
WRITE_BATCH = 32
WRITE_EVERY_S = 2.0


def input_hash(raw: RawInput) -> str:
    """A fingerprint of the raw input, known before any parsing or analysis."""
    digest = hashlib.sha1()
    for part in (raw.text or "", "\x00", raw.html or "", "\x00", str(raw.meta.get("url") or "")):
        digest.update(part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@dataclass
class IngestReport:
    added: int = 0
    already_stored: int = 0
    duplicates: int = 0
    failures: Counter = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0  # from the first input on, without loading the pipeline
    setup_seconds: float = 0.0

    @property
    def failed(self) -> int:
        return sum(self.failures.values())

    @property
    def rate(self) -> float:
        return self.added / self.seconds if self.seconds else 0.0

    def note_failure(self, err: InputError) -> None:
        key = f"{type(err).__name__}: {_reason_class(err.reason)}"
        self.failures[key] += 1
        self.examples.setdefault(key, err.source)

    def as_dict(self) -> dict:
        return {"added": self.added, "already_stored": self.already_stored, "duplicates": self.duplicates,
                "failed": self.failed, "failures": dict(self.failures), "seconds": round(self.seconds, 2),
                "setup_seconds": round(self.setup_seconds, 2),
                "articles_per_second": round(self.rate, 2)}


def _reason_class(reason: str) -> str:
    """Group messages that differ only in details (numbers, quoted values)."""
    head = reason.split(" (")[0].split(";")[0]
    return head[:80]


class _Pending:
    """Input hashes of items sent for analysis, keyed by source, until written."""

    def __init__(self) -> None:
        self.by_source: dict[str, str] = {}

    def pop(self, source: str | None) -> str | None:
        return self.by_source.pop(source, None) if source else None


def fresh_inputs(items: Iterable[RawInput | InputError], store: Store, report: IngestReport,
                 pending: _Pending) -> Iterator[RawInput | InputError]:
    """The inputs not yet in the store, looked up in chunks."""
    chunk: list[RawInput | InputError] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= LOOKUP_CHUNK:
            yield from _filter_chunk(chunk, store, report, pending)
            chunk = []
    yield from _filter_chunk(chunk, store, report, pending)


def _filter_chunk(chunk: list, store: Store, report: IngestReport, pending: _Pending) -> Iterator:
    digests = [input_hash(item) if isinstance(item, RawInput) else None for item in chunk]
    urls = [item.meta.get("url") for item in chunk if isinstance(item, RawInput)]
    stored_hashes, stored_urls = store.stored_inputs([d for d in digests if d], urls)
    for item, digest in zip(chunk, digests):
        if digest is None:
            yield item
        elif digest in stored_hashes or item.meta.get("url") in stored_urls:
            report.already_stored += 1
        else:
            pending.by_source[item.source] = digest
            yield item


class _BatchWriter:
    """Collects outcomes and writes them every WRITE_BATCH articles or WRITE_EVERY_S seconds."""

    def __init__(self, store: Store, report: IngestReport, pending: _Pending, batch_size: int):
        self.store, self.report, self.pending = store, report, pending
        self.batch_size = batch_size
        self.analyses: list[tuple[Analysis, str | None]] = []
        self.errors: list[InputError] = []
        self.last_write = time.monotonic()

    def add(self, outcome: Analysis | InputError) -> None:
        if isinstance(outcome, InputError):
            self.pending.pop(outcome.source)
            self.errors.append(outcome)
            self.report.note_failure(outcome)
        else:
            self.analyses.append((outcome, self.pending.pop(outcome.article.source)))
        if len(self.analyses) + len(self.errors) >= self.batch_size or \
                time.monotonic() - self.last_write >= WRITE_EVERY_S:
            self.flush()

    def flush(self) -> None:
        if self.analyses or self.errors:
            result = self.store.write_batch(self.analyses, self.errors)
            self.report.added += result.added
            self.report.duplicates += result.duplicates
            for err in result.failed:
                self.report.note_failure(err)
        self.analyses, self.errors = [], []
        self.last_write = time.monotonic()


def ingest(paths: Iterable[str], db: Database, config: Config | None = None,
           on_outcome: Callable[[IngestReport], None] | None = None,
           batch_size: int = WRITE_BATCH, pipeline_factory: Callable | None = None) -> IngestReport:
    """Analyse and store every input under `paths` that the store does not have yet."""
    from ..pipeline import Pipeline

    store = Store(db)
    report = IngestReport()
    started = time.monotonic()
    make = pipeline_factory or Pipeline
    config = config or Config.from_env()
    pipeline = make(config, known_actors=store.known_actors())
    report.setup_seconds = time.monotonic() - started
    started = time.monotonic()
    pending = _Pending()
    writer = _BatchWriter(store, report, pending, batch_size)
    try:
        for outcome in pipeline.analyze_many(fresh_inputs(iter_inputs(paths, config.max_file_bytes), store, report, pending)):
            writer.add(outcome)
            report.seconds = time.monotonic() - started
            if on_outcome:
                on_outcome(report)
    except KeyboardInterrupt:
        writer.flush()  # keep the work already done; a rerun picks up the rest
        raise
    writer.flush()
    report.seconds = time.monotonic() - started
    return report
