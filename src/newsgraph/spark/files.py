"""Where a Spark job's inputs and outputs live: local paths, HDFS, S3 (s3a://) and the like.

Executors are plain Python processes with no handle on the JVM, so they open
files through pyarrow's filesystems (S3 built in; HDFS through libhdfs from
the cluster's Hadoop install) and local paths with open(). Each input is
streamed: a WARC record by record, JSON Lines line by line, through the same
parsers `newsgraph analyze` uses (newsgraph.inputs, newsgraph.warc).
"""
from __future__ import annotations

import fnmatch
import glob
import gzip
import hashlib
import os
import posixpath
from pathlib import Path
from typing import IO, Iterator

from ..errors import InputError, NewsgraphError
from ..inputs import MAX_FILE_BYTES, DuplicateIds, Item, items_from_bytes, kind_of, read_file, read_jsonl_stream
from ..warc import read_warc_stream

# Hadoop's S3 connector names; pyarrow's S3 filesystem reads the same buckets as s3://.
_S3_ALIASES = ("s3a://", "s3n://")
GLOB_CHARS = "*?["


def is_local(uri: str) -> bool:
    return "://" not in uri or uri.startswith("file://")


def local_path(uri: str) -> str:
    return uri[len("file://"):] if uri.startswith("file://") else uri


def filesystem(uri: str):
    """(pyarrow FileSystem, path inside it) for a URI or a local path."""
    import pyarrow.fs as pafs

    if is_local(uri):
        return pafs.LocalFileSystem(), os.path.abspath(local_path(uri))
    for alias in _S3_ALIASES:
        if uri.startswith(alias):
            uri = "s3://" + uri[len(alias):]
    try:
        return pafs.FileSystem.from_uri(uri)
    except Exception as exc:  # pyarrow: ArrowInvalid, OSError (no libhdfs), ...
        raise NewsgraphError(f"cannot open {uri}: {exc}; see docs/spark.md for S3 and HDFS access") from exc


def file_key(uri: str) -> str:
    """A stable name for one input file's outputs (the same on every rerun)."""
    return hashlib.sha1(uri.encode("utf-8")).hexdigest()[:20]


def open_input(uri: str) -> IO[bytes]:
    if is_local(uri):
        return open(local_path(uri), "rb")
    fs, path = filesystem(uri)
    return fs.open_input_stream(path, compression=None)


# -- the manifest ---------------------------------------------------------------

def read_manifest(uri: str, prefix: str | None = None) -> list[str]:
    """The paths listed in a manifest (one a line; blank lines and # comments skipped).

    Relative paths are taken under `prefix` (e.g. s3://commoncrawl/ for CC-NEWS's
    warc.paths) or else beside the manifest; globs are expanded.
    """
    try:
        with open_input(uri) as stream:
            data = stream.read()
    except OSError as exc:
        raise NewsgraphError(f"cannot read the manifest {uri}: {exc}") from exc
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    base = prefix or (posixpath.dirname(uri) if not is_local(uri) else os.path.dirname(os.path.abspath(local_path(uri))))
    paths = []
    for line in data.decode("utf-8", errors="replace").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "://" not in line and not line.startswith("/"):
            line = base.rstrip("/") + "/" + line
        paths.append(line)
    return paths


def expand(paths: list[str]) -> list[str]:
    """Globs and local folders expanded to files; duplicates dropped, order kept."""
    found: list[str] = []
    for path in paths:
        if is_local(path):
            found += _expand_local(local_path(path))
        elif any(c in path for c in GLOB_CHARS):
            found += _expand_remote_glob(path)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def _expand_local(path: str) -> list[str]:
    matches = sorted(glob.glob(path)) if any(c in path for c in GLOB_CHARS) else [path]
    out = []
    for match in matches:
        if os.path.isdir(match):
            for root, dirs, files in os.walk(match):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out += [os.path.abspath(os.path.join(root, f)) for f in sorted(files) if not f.startswith(".")]
        else:
            out.append(os.path.abspath(match))
    if not out and any(c in path for c in GLOB_CHARS):
        raise NewsgraphError(f"no files match {path}")
    return out


def _expand_remote_glob(uri: str) -> list[str]:
    """A glob in the last part of a remote path (s3a://bucket/dir/*.warc.gz)."""
    import pyarrow.fs as pafs

    folder, pattern = uri.rsplit("/", 1)
    fs, path = filesystem(folder + "/")
    infos = fs.get_file_info(pafs.FileSelector(path.rstrip("/"), allow_not_found=True))
    return sorted(f"{folder}/{i.base_name}" for i in infos
                  if i.type == pafs.FileType.File and fnmatch.fnmatch(i.base_name, pattern))


# -- reading one input file --------------------------------------------------------

def read_input(uri: str, max_bytes: int = MAX_FILE_BYTES) -> Iterator[Item]:
    """Every record of one input file, as `newsgraph analyze` reads it."""
    ids = DuplicateIds()
    items = read_file(Path(local_path(uri)), max_bytes) if is_local(uri) else _read_remote(uri, max_bytes)
    for item in items:
        yield ids.check(item)


def _read_remote(uri: str, max_bytes: int) -> Iterator[Item]:
    try:
        stream = open_input(uri)
    except (OSError, NewsgraphError) as exc:
        yield InputError(uri, f"cannot read: {exc}")
        return
    with stream:
        kind = kind_of(Path(uri.rsplit("/", 1)[-1]))
        if kind == "warc":
            yield from read_warc_stream(stream, uri)
        elif kind == "jsonl":
            yield from read_jsonl_stream(stream, uri)
        else:
            data = stream.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield InputError(uri, f"file has more than {max_bytes:,} bytes; split it, or give it as JSON Lines")
                return
            if uri.endswith(".gz"):
                try:
                    data = gzip.decompress(data)
                except (OSError, EOFError) as exc:
                    yield InputError(uri, f"not a valid gzip file ({exc})")
                    return
            yield from items_from_bytes(data, uri, kind)
