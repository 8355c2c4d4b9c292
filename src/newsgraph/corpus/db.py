"""Connections to the store: SQLite (default, embedded) or PostgreSQL (psycopg 3).

Both backends are driven through the same small API with `?` placeholders;
SQL written for it uses only what both understand (ON CONFLICT, RETURNING,
NULLS LAST, substr, lower, LIKE ... ESCAPE). Transactions are explicit.
"""
from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator, Sequence

from ..errors import StoreError
from .migrations import migrate as run_migrations

DEFAULT_URL = "newsgraph.db"
Row = dict[str, Any]


def default_url() -> str:
    return os.environ.get("NEWSGRAPH_DB") or DEFAULT_URL


def is_postgres(url: str) -> bool:
    return url.startswith(("postgresql://", "postgres://"))


def sqlite_path(url: str) -> str:
    for prefix in ("sqlite:///", "sqlite://", "sqlite:"):
        if url.startswith(prefix):
            return url[len(prefix):] or ":memory:"
    return url


class Database:
    """One connection plus the dialect facts the store needs."""

    def __init__(self, conn: Any, dialect: str, url: str):
        self.conn = conn
        self.dialect = dialect
        self.url = url
        self._depth = 0

    @property
    def is_postgres(self) -> bool:
        return self.dialect == "postgresql"

    def _sql(self, sql: str) -> str:
        # psycopg uses %s placeholders and treats a bare % as one.
        return sql.replace("%", "%%").replace("?", "%s") if self.is_postgres else sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self.conn.execute(self._sql(sql), tuple(params))
        except sqlite3.DatabaseError as exc:
            raise _store_error(exc, self.url) from exc

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        cur = self.conn.cursor()
        try:
            cur.executemany(self._sql(sql), [tuple(r) for r in rows])
        except sqlite3.DatabaseError as exc:
            raise _store_error(exc, self.url) from exc
        finally:
            cur.close()

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return [dict(r) for r in self.execute(sql, params).fetchall()]

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        row = self.execute(sql, params).fetchone()
        return dict(row) if row is not None else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(sql, params).fetchone()
        return None if row is None else list(dict(row).values())[0]

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 1000) -> Iterator[list[Row]]:
        """Rows in chunks of `size`, without loading the result at once."""
        if self.is_postgres:
            yield from self._stream_postgres(sql, params, size)
            return
        cur = self.conn.execute(sql, tuple(params))
        while chunk := cur.fetchmany(size):
            yield [dict(r) for r in chunk]

    def _stream_postgres(self, sql: str, params: Sequence[Any], size: int) -> Iterator[list[Row]]:
        from psycopg.rows import dict_row

        # A server-side cursor keeps the result on the server.
        with self.conn.transaction():
            with self.conn.cursor(name="newsgraph_stream", row_factory=dict_row) as cur:
                cur.execute(self._sql(sql), tuple(params))
                while chunk := cur.fetchmany(size):
                    yield chunk

    @contextmanager
    def transaction(self) -> Iterator["Database"]:
        """A transaction; nested calls become savepoints that roll back alone."""
        if self.is_postgres:
            with self.conn.transaction():
                yield self
            return
        name = f"sp{self._depth + 1}"
        self.execute("BEGIN IMMEDIATE" if self._depth == 0 else f"SAVEPOINT {name}")
        self._depth += 1
        try:
            yield self
        except BaseException:
            self.conn.execute("ROLLBACK" if self._depth == 1 else f"ROLLBACK TO {name}")
            if self._depth > 1:
                self.conn.execute(f"RELEASE {name}")
            raise
        else:
            self.conn.execute("COMMIT" if self._depth == 1 else f"RELEASE {name}")
        finally:
            self._depth -= 1

    def size_bytes(self) -> int:
        if self.is_postgres:
            return int(self.scalar("SELECT pg_database_size(current_database())"))
        path = Path(sqlite_path(self.url))
        return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_database(url: str | None = None, create: bool = True, migrate: bool = True) -> Database:
    """Connect to `url` (a SQLite path or a postgresql:// URL) and bring the schema up to date."""
    url = url or default_url()
    db = _connect_postgres(url) if is_postgres(url) else _connect_sqlite(url, create)
    if migrate:
        run_migrations(db)
    return db


def _connect_sqlite(url: str, create: bool) -> Database:
    path = sqlite_path(url)
    if not create and path != ":memory:" and not Path(path).exists():
        raise StoreError(f"no store at {path}; create one with `newsgraph ingest PATH --db {url}`")
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=60, check_same_thread=False)
    except sqlite3.OperationalError as exc:
        raise StoreError(f"cannot open the SQLite store {path}: {exc}") from exc
    conn.row_factory = sqlite3.Row
    try:
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "busy_timeout=60000"):
            conn.execute(f"PRAGMA {pragma}")
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise _store_error(exc, url) from exc
    return Database(conn, "sqlite", url)


def _connect_postgres(url: str) -> Database:
    try:
        import psycopg
        from psycopg.rows import dict_row
    except ImportError:
        raise StoreError(
            "PostgreSQL stores need psycopg; install it with `pip install 'newsgraph[postgres]'`"
        ) from None
    try:
        conn = psycopg.connect(url, autocommit=True, row_factory=dict_row, connect_timeout=15)
    except psycopg.OperationalError as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"cannot connect to PostgreSQL at {_redact(url)}: {first_line}") from exc
    return Database(conn, "postgresql", url)


def _redact(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    return f"{scheme}://{creds.split(':', 1)[0]}@{host}"


def _store_error(exc: sqlite3.DatabaseError, url: str) -> Exception:
    """A StoreError for what the user can fix (the file, its place); SQL bugs stay as they are."""
    message = str(exc)
    if "not a database" in message or "malformed" in message:
        return StoreError(f"{url} is not a newsgraph store (not a SQLite database): give --db another file")
    if any(word in message for word in ("locked", "readonly", "disk", "unable to open", "permission")):
        return StoreError(f"the SQLite store {url} cannot be written: {message}; "
                          "check the file's permissions and free space, or give --db another place")
    return exc
