"""`newsgraph load`: a Spark job's Parquet tables into the store (SQLite or PostgreSQL).

Only input files listed in the job's `_done` table are loaded, so a folder
read while a job runs, or after one was killed, gives whole files only.
Each article is rebuilt from its rows and written by the same Store.write as
`newsgraph ingest`: actors are merged, stories grouped and full-text search
indexed the same way, and an article already stored (same text or URL) is
a no-op, so loading twice, or two overlapping folders, adds nothing twice.
"""
from __future__ import annotations

import posixpath
import time
from dataclasses import asdict, dataclass
from typing import Any, Iterator

from .db import Database
from .migrations import now_iso
from .store import Store

BATCH = 64
CHILD_TABLES = ("entities", "mentions", "quotes", "events", "sentences")


@dataclass
class LoadReport:
    files: int = 0
    added: int = 0
    already_stored: int = 0
    errors: int = 0
    failed: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def load(parquet_dir: str, db: Database, batch_size: int = BATCH) -> LoadReport:
    from ..spark.output import Output

    started = time.monotonic()
    out = Output(parquet_dir)
    store = Store(db)
    report = LoadReport()
    for key in sorted(out.done()):
        report.files += 1
        for analyses in _batches(_analyses(out, key), batch_size):
            result = store.write_batch(analyses)
            report.added += result.added
            report.already_stored += result.duplicates
            report.failed += len(result.failed)
        report.errors += _load_errors(out, key, db)
    report.seconds = time.monotonic() - started
    return report


def _read(out, name: str) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    path = posixpath.join(out.root, name)
    if out.fs.get_file_info(path).type.name != "File":
        return []
    return pq.read_table(path, filesystem=out.fs).to_pylist()


def _months(out, key: str) -> list[str]:
    import pyarrow.fs as pafs

    infos = out.fs.get_file_info(pafs.FileSelector(posixpath.join(out.root, "articles"), allow_not_found=True))
    months = [i.base_name.removeprefix("month=") for i in infos if i.type == pafs.FileType.Directory]
    found = out.fs.get_file_info([posixpath.join(out.root, out.part_name("articles", m, key)) for m in months])
    return [m for m, info in zip(months, found) if info.type == pafs.FileType.File]


def _analyses(out, key: str) -> Iterator[tuple]:
    """(Analysis, input hash) for every article of one input file, a month at a time."""
    from ..spark.tables import rebuild_analysis

    for month in sorted(_months(out, key)):
        children: dict[str, dict[str, list]] = {}
        for table in CHILD_TABLES:
            grouped: dict[str, list] = {}
            for row in _read(out, out.part_name(table, month, key)):
                grouped.setdefault(row["content_hash"], []).append(row)
            children[table] = grouped
        for article in _read(out, out.part_name("articles", month, key)):
            h = article["content_hash"]
            yield rebuild_analysis(article, {t: children[t].get(h, []) for t in CHILD_TABLES}), article["input_hash"]


def _batches(items: Iterator, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _load_errors(out, key: str, db: Database) -> int:
    """The job's failed records into the errors table; one already there is left as it is."""
    rows = _read(out, out.part_name("errors", None, key))
    stamp = now_iso()
    with db.transaction():
        db.executemany(
            "INSERT INTO errors (source, kind, reason, first_seen, last_seen) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (source) DO NOTHING",
            [(r["source"], r["kind"], r["reason"], r["first_seen"] or stamp, stamp) for r in rows])
    return len(rows)
