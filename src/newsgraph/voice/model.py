"""The shipped opinion classifier: a logistic regression stored as JSON weights.

JSON rather than a pickle so that loading runs no code, and so the
weights can be read and diffed. scripts/train_voice.py writes it.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Mapping, Sequence

from spacy.tokens import Token

from ..errors import NewsgraphError
from .features import sentence_features

MODEL_FORMAT = "newsgraph-voice-linear/1"
MODEL_NAME = "voice_opinion.json"
# Trained with the optional MiniLM sentence embedding (embedding.py) as extra features.
EMBED_MODEL_NAME = "voice_opinion_minilm.json"


@dataclass(frozen=True)
class OpinionModel:
    """Feature weights, bias and the decision threshold on the probability.

    `dense` holds weights for a sentence embedding (already scaled), empty
    for the default model, which needs none.
    """

    groups: Mapping[str, float]
    weights: Mapping[str, float]
    intercept: float
    threshold: float
    meta: Mapping[str, Any]
    dense: tuple[float, ...] = ()

    @property
    def needs_embedding(self) -> bool:
        return bool(self.dense)

    def probability(self, tokens: Sequence[Token], embedding: Sequence[float] | None = None) -> float:
        features = sentence_features(tokens, self.groups)
        margin = self.intercept + sum(v * self.weights.get(k, 0.0) for k, v in features.items())
        if self.dense:
            if embedding is None:
                raise NewsgraphError("this voice model needs a sentence embedding (see voice/embedding.py)")
            margin += sum(w * x for w, x in zip(self.dense, embedding))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, margin))))

    def as_json(self) -> dict[str, Any]:
        return {
            "format": MODEL_FORMAT,
            "groups": dict(self.groups),
            "intercept": self.intercept,
            "threshold": self.threshold,
            "meta": dict(self.meta),
            "dense": list(self.dense),
            "weights": dict(sorted(self.weights.items())),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "OpinionModel":
        if data.get("format") != MODEL_FORMAT:
            raise NewsgraphError(f"voice model format {data.get('format')!r} is not {MODEL_FORMAT!r}; retrain it")
        return cls(data["groups"], data["weights"], float(data["intercept"]),
                   float(data["threshold"]), data.get("meta", {}), tuple(data.get("dense", ())))


def default_model_path(embedded: bool = False) -> Path:
    name = EMBED_MODEL_NAME if embedded else MODEL_NAME
    return Path(str(resources.files("newsgraph").joinpath("models", name)))


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> OpinionModel:
    where = Path(path) if path else default_model_path()
    if not where.is_file():
        raise NewsgraphError(f"voice model {where} is missing; run scripts/train_voice.py to build it")
    return OpinionModel.from_json(json.loads(where.read_text(encoding="utf-8")))
