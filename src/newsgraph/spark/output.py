"""The job's output folder: one Parquet part per input file, table and month, committed atomically.

    OUT/articles/month=2024-06/<file key>.parquet   (also entities, mentions, quotes, events, sentences)
    OUT/errors/<file key>.parquet
    OUT/_done/<file key>.parquet                      one row: the input file is finished
    OUT/_staging/<file key>-<attempt>/...             a task's parts before they are committed

A task writes its parts under _staging, moves them into place (a rename on a
local disk or HDFS) and writes its _done row last. Part names depend only on
the input file, so a task run again, after a kill, a retry or a speculative
copy, replaces its own parts instead of adding to them: a rerun never
duplicates rows. Readers that must not see a file half committed (between a
kill and the rerun) take only the files listed in _done, as `newsgraph load`
does.
"""
from __future__ import annotations

import posixpath
import pyarrow as pa
import pyarrow.parquet as pq

from .files import filesystem
from .tables import SCHEMAS, TABLES

STAGING = "_staging"
DONE = "_done"


class Output:
    def __init__(self, uri: str):
        self.uri = uri
        self.fs, self.root = filesystem(uri)

    def _path(self, *parts: str) -> str:
        return posixpath.join(self.root, *parts)

    @staticmethod
    def part_name(table: str, month: str | None, key: str) -> str:
        return posixpath.join(table, f"month={month}", f"{key}.parquet") if month else \
            posixpath.join(table, f"{key}.parquet")

    def staged(self, key: str, attempt: str) -> "StagedParts":
        return StagedParts(self, key, self._path(STAGING, f"{key}-{attempt}"))

    def commit(self, parts: "StagedParts", done: dict) -> None:
        """Move one input file's staged parts into place, then write its _done row."""
        key, staging = parts.key, parts.folder
        written = parts.close()
        self.fs.create_dir(staging, recursive=True)
        self._remove_stale(key, set(written))
        for name in written:
            self.fs.create_dir(posixpath.dirname(self._path(name)), recursive=True)
            self.fs.move(posixpath.join(staging, name), self._path(name))
        done_tmp = posixpath.join(staging, f"{key}.parquet")
        pq.write_table(pa.Table.from_pylist([done], schema=SCHEMAS[DONE]), done_tmp, filesystem=self.fs)
        self.fs.create_dir(self._path(DONE), recursive=True)
        self.fs.move(done_tmp, self._path(DONE, f"{key}.parquet"))
        self._remove_attempts(key)

    def _remove_attempts(self, key: str) -> None:
        """This attempt's staging folder and those of attempts killed before it."""
        import pyarrow.fs as pafs

        for info in self.fs.get_file_info(pafs.FileSelector(self._path(STAGING), allow_not_found=True)):
            if info.base_name.startswith(f"{key}-"):
                try:
                    self.fs.delete_dir(info.path)
                except OSError:  # a speculative copy removing it at the same time
                    pass

    def _remove_stale(self, key: str, keep: set[str]) -> None:
        """Parts an earlier attempt of this file left in months this attempt has no rows for."""
        import pyarrow.fs as pafs

        # One listing of month folders per table and one batched stat: cheap on S3 too.
        candidates = []
        for table in TABLES:
            candidates.append(self.part_name(table, None, key))
            months = self.fs.get_file_info(pafs.FileSelector(self._path(table), allow_not_found=True))
            candidates += [posixpath.join(table, m.base_name, f"{key}.parquet") for m in months
                           if m.type == pafs.FileType.Directory and m.base_name.startswith("month=")]
        stale = [name for name in candidates if name not in keep]
        for _name, info in zip(stale, self.fs.get_file_info([self._path(n) for n in stale])):
            if info.type == pafs.FileType.File:
                self.fs.delete_file(info.path)

    def done(self) -> dict[str, dict]:
        """file key -> its _done row, for every input file finished so far."""
        import pyarrow.fs as pafs

        rows: dict[str, dict] = {}
        infos = self.fs.get_file_info(pafs.FileSelector(self._path(DONE), allow_not_found=True))
        for info in infos:
            if info.type == pafs.FileType.File and info.base_name.endswith(".parquet"):
                for row in pq.read_table(info.path, filesystem=self.fs).to_pylist():
                    rows[row["file_key"]] = row
        return rows

    def clear(self) -> None:
        """--overwrite: remove every table this job writes (other files in the folder stay)."""
        import pyarrow.fs as pafs

        for name in (*TABLES, DONE, STAGING):
            info = self.fs.get_file_info(self._path(name))
            if info.type == pafs.FileType.Directory:
                self.fs.delete_dir(self._path(name))

    def prepare(self) -> None:
        self.fs.create_dir(self.root, recursive=True)

    def tidy(self) -> None:
        """Remove the staging folder once no task has anything left in it."""
        import pyarrow.fs as pafs

        staging = self._path(STAGING)
        if self.fs.get_file_info(staging).type == pafs.FileType.Directory and \
                not self.fs.get_file_info(pafs.FileSelector(staging)):
            self.fs.delete_dir(staging)


class StagedParts:
    """Parquet writers for one input file's parts, fed in row groups so memory stays flat
    however many records the file has."""

    def __init__(self, output: Output, key: str, folder: str):
        self.output, self.key, self.folder = output, key, folder
        self.writers: dict[str, pq.ParquetWriter] = {}

    def write(self, table: str, month: str | None, data: pa.Table) -> None:
        name = Output.part_name(table, month, self.key)
        writer = self.writers.get(name)
        if writer is None:
            fs = self.output.fs
            path = posixpath.join(self.folder, name)
            fs.create_dir(posixpath.dirname(path), recursive=True)
            writer = pq.ParquetWriter(path, SCHEMAS[table], filesystem=fs, compression="zstd")
            self.writers[name] = writer
        writer.write_table(data)

    def close(self) -> list[str]:
        for writer in self.writers.values():
            writer.close()
        return list(self.writers)
