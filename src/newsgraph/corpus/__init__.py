"""The corpus store: ingest many articles into SQLite or PostgreSQL, query and export them.

`open_database(url)` connects (and migrates); `Store` writes analyses;
`ingest()` runs the pipeline over inputs into a store; `queries` and
`export` read it back. The CLI commands live in `corpus.cli`.
"""
from __future__ import annotations

from .db import Database, open_database

__all__ = ["Database", "open_database"]
