"""The shipped opinion classifier: a logistic regression over sentence embeddings, as JSON.

JSON rather than a pickle so that loading runs no code, and so the weights
can be read and diffed. scripts/train_voice.py writes it. The weights only
mean something for the encoder they were trained on, so the model records
that encoder's digest and refuses another.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Mapping

import numpy as np

from ..errors import NewsgraphError

MODEL_FORMAT = "newsgraph-voice-linear/2"
MODEL_NAME = "voice_opinion.json"


@dataclass(frozen=True)
class OpinionModel:
    """Weights over the embedding, bias, the decision threshold and the encoder's digest."""

    weights: tuple[float, ...]
    intercept: float
    threshold: float
    encoder_digest: str
    meta: Mapping[str, Any]

    @cached_property
    def direction(self) -> np.ndarray:
        """The weights as a float32 vector, built once (the tuple keeps the record frozen and comparable)."""
        return np.asarray(self.weights, dtype=np.float32)

    def probabilities(self, embeddings: np.ndarray) -> np.ndarray:
        """P(opinion) for each row of an (n, width) embedding matrix."""
        margins = embeddings @ self.direction + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(margins, -30.0, 30.0)))

    def check_encoder(self, digest: str) -> None:
        if digest != self.encoder_digest:
            raise NewsgraphError(f"the voice model was trained on encoder {self.encoder_digest}, not {digest}; "
                                 "run scripts/train_voice.py after scripts/build_voice_encoder.py")

    def as_json(self) -> dict[str, Any]:
        return {
            "format": MODEL_FORMAT,
            "encoder_digest": self.encoder_digest,
            "intercept": self.intercept,
            "threshold": self.threshold,
            "meta": dict(self.meta),
            "weights": list(self.weights),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "OpinionModel":
        if data.get("format") != MODEL_FORMAT:
            raise NewsgraphError(f"voice model format {data.get('format')!r} is not {MODEL_FORMAT!r}; retrain it "
                                 "with scripts/train_voice.py")
        return cls(tuple(float(w) for w in data["weights"]), float(data["intercept"]),
                   float(data["threshold"]), str(data["encoder_digest"]), data.get("meta", {}))


def default_model_path() -> Path:
    return Path(str(resources.files("newsgraph").joinpath("models", MODEL_NAME)))


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> OpinionModel:
    where = Path(path) if path else default_model_path()
    if not where.is_file():
        raise NewsgraphError(f"voice model {where} is missing; run scripts/train_voice.py to build it")
    return OpinionModel.from_json(json.loads(where.read_text(encoding="utf-8")))
