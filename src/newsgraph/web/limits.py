"""What keeps one client from taking the server: a request-body limit (413
before reading past it), query strings without NUL characters (400), security
headers on every answer, and a bounded pool for analyses (503 with Retry-After
when its queue is full, and a time limit).

The two middlewares are plain ASGI so they see the raw byte stream.
"""
from __future__ import annotations

import asyncio
import json
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

from ..errors import Busy, Overtime

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
# Swagger UI and ReDoc set inline styles and ReDoc starts a worker from a blob.
DOCS_CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            "worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}


async def _plain(send: Callable, status: int, message: str, extra: dict[str, str] | None = None) -> None:
    body = json.dumps({"detail": message}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    headers += [(k.encode(), v.encode()) for k, v in (extra or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class BodyLimit:
    """Refuse bodies over `limit` bytes: by Content-Length at once, else while they stream in."""

    def __init__(self, app: Any, limit: int):
        self.app, self.limit = app, limit

    def _message(self) -> str:
        return f"the request body is over the limit of {self.limit:,} bytes; send a smaller article"

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await _plain(send, 413, self._message())
            return
        seen, started, refused = 0, False, False

        async def limited() -> dict:
            # Past the limit: answer 413 now, and tell the app the client went away, so
            # nothing more is read and whatever the app answers is dropped.
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    refused = True
                    if not started:
                        await _plain(send, 413, self._message())
                    return {"type": "http.disconnect"}
            return message

        async def watched(message: dict) -> None:
            nonlocal started
            if refused:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited, watched)
        except Exception:
            if not refused:
                raise


class NoNulQuery:
    """Refuse a query string holding a NUL character (raw or %00) with 400: no parameter means
    anything with one, and PostgreSQL rejects NUL in text, which would surface as a server error."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        query = scope.get("query_string") or b""  # lifespan scopes have none
        if b"\x00" in query or b"%00" in query:
            await _plain(send, 400, "a query parameter holds a NUL character (%00); remove it")
            return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """CSP and the usual hardening headers on every answer (a looser CSP for the API docs)."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = DOCS_CSP if scope.get("path") in ("/docs", "/redoc") else CSP

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers") or [])
                present = {k.lower() for k, _ in headers}
                for key, value in {**HEADERS, "content-security-policy": csp}.items():
                    if key.encode() not in present:
                        headers.append((key.encode(), value.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


class AnalysisPool:
    """At most `workers` analyses at once and `queue` waiting; a slot is held until the
    work really ends, so a timed-out analysis still counts against the bound."""

    def __init__(self, workers: int, queue: int, time_limit: float, retry_after: int):
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="analysis")
        self._slots = threading.BoundedSemaphore(workers + queue)
        self.time_limit, self.retry_after = time_limit, retry_after

    async def run(self, fn: Callable, *args: Any) -> Any:
        if not self._slots.acquire(blocking=False):
            raise Busy(self.retry_after)
        try:
            future = self._executor.submit(fn, *args)
        except BaseException:
            self._slots.release()
            raise
        future.add_done_callback(lambda _: self._slots.release())
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.time_limit)
        except asyncio.TimeoutError:
            raise Overtime(self.time_limit) from None

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
