"""The web server's own options, validated once (the pipeline's stay in `config.Config`).

Values come from defaults, then NEWSGRAPH_WEB_* environment variables, then
`create_app` keywords.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields
from typing import Any

from ..errors import ConfigError


@dataclass(frozen=True)
class ServerConfig:
    # Bytes a request body may have; bigger ones are refused (413) before they are read.
    body_limit: int = 8 * 1024 * 1024
    # Analyses run at once, and how many more may wait; past that a request gets 503.
    workers: int = 1
    queue: int = 4
    # Seconds an analysis request waits for its result before it is answered 503.
    time_limit: float = 120.0
    # Seconds a client is told to wait (Retry-After) when the queue is full.
    retry_after: int = 10

    def __post_init__(self) -> None:
        for name in ("body_limit", "workers"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be at least 1 (NEWSGRAPH_WEB_{name.upper()})")
        if self.queue < 0:
            raise ConfigError("queue must be 0 or more (NEWSGRAPH_WEB_QUEUE)")
        if self.time_limit <= 0 or self.retry_after < 1:
            raise ConfigError("time_limit and retry_after must be positive (NEWSGRAPH_WEB_TIME_LIMIT, _RETRY_AFTER)")

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> "ServerConfig":
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = env.get(f"NEWSGRAPH_WEB_{f.name.upper()}")
            if raw:
                cast = float if f.name == "time_limit" else int
                try:
                    values[f.name] = cast(raw)
                except ValueError:
                    raise ConfigError(f"NEWSGRAPH_WEB_{f.name.upper()}={raw!r} is not a number") from None
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)
