"""The shipped event classifier: a multinomial logistic regression over hashed features, as JSON.

Classes are the CAMEO penta classes (0 no event / statement, 1 verbal
cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict).
For one proposed event the model gives the probability of each class; the
stage keeps the rules' PLOVER type and reports as `confidence` the
probability of that type's class, and drops the event when "no event" wins
by the model's margin. JSON rather than a pickle so that loading runs no
code and the weights can be read and diffed; scripts/train_events.py writes it.
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
from .features import SLOTS

MODEL_FORMAT = "newsgraph-events-linear/1"
MODEL_NAME = "events_classifier.json"
CLASSES = (0, 1, 2, 3, 4)
# The classifier may re-type an event only to the neighbouring PLOVER type of the
# class it is sure of (CAMEO's structure): an announced or promised yield, aid or
# cooperation is an intent (CAMEO 03, AGREE); a material reduction of relations is
# coercion and a verbal one a sanction; a crowd's material protest vs a verbal one.
RETYPE = {("CONCEDE", 1): "AGREE", ("RETREAT", 1): "AGREE", ("AID", 1): "AGREE", ("COOPERATE", 1): "AGREE",
          ("AGREE", 2): "CONCEDE", ("SUPPORT", 2): "COOPERATE", ("SANCTION", 4): "COERCE",
          ("COERCE", 3): "SANCTION", ("ACCUSE", 4): "PROTEST", ("PROTEST", 3): "ACCUSE"}
RETYPE_FLOOR = 0.9
# Types the rules propose only for the classifier to confirm. ASSAULT's verbs have the most
# everyday senses ("attacked the plan", "killed the bill", "hit a record", generic talk of
# terrorists "bent on attacking"), and an assault is the code a false positive costs most; AID's
# and CONCEDE's are the commonest verbs of giving and letting ("provide relief", "pay me",
# "allow lawmakers to compare", "granting autonomy"). One floor, measured on the audit: at 0.7
# dev lost five wrong events (test four) and no right one.
CONFIRM_FLOOR = 0.7
CONFIRM_FLOORS = dict.fromkeys(("ASSAULT", "AID", "CONCEDE"), CONFIRM_FLOOR)


@dataclass(frozen=True)
class EventModel:
    """Weights (classes x slots, stored sparse), intercepts and the drop threshold."""

    weights: Mapping[int, tuple[tuple[int, float], ...]]  # class -> (slot, weight) pairs
    intercepts: tuple[float, ...]
    drop_threshold: float
    meta: Mapping[str, Any]

    @cached_property
    def matrix(self) -> np.ndarray:
        out = np.zeros((SLOTS, len(CLASSES)), dtype=np.float32)
        for cls, pairs in self.weights.items():
            for index, weight in pairs:
                out[index, cls] = weight
        return out

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        """Class probabilities for each row of an (n, SLOTS) feature matrix."""
        scores = features @ self.matrix + np.asarray(self.intercepts, dtype=np.float32)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def retyped(self, event_type: str, row: np.ndarray) -> str | None:
        """The neighbouring type the classifier is sure of, if any (RETYPE)."""
        best = int(np.argmax(row))
        if row[best] < RETYPE_FLOOR:
            return None
        return RETYPE.get((event_type, best))

    @staticmethod
    def confirms(event_type: str, confidence: float) -> bool:
        """False for an event of a type that needs confirming (CONFIRM_FLOORS) it is unsure of."""
        return confidence >= CONFIRM_FLOORS.get(event_type, 0.0)

    def as_json(self) -> dict[str, Any]:
        return {
            "format": MODEL_FORMAT,
            "slots": SLOTS,
            "classes": list(CLASSES),
            "drop_threshold": self.drop_threshold,
            "intercepts": list(self.intercepts),
            "meta": dict(self.meta),
            "weights": {str(c): [[i, round(w, 5)] for i, w in pairs] for c, pairs in self.weights.items()},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "EventModel":
        if data.get("format") != MODEL_FORMAT or data.get("slots") != SLOTS:
            raise NewsgraphError(f"events model format {data.get('format')!r} with {data.get('slots')} slots is not "
                                 f"{MODEL_FORMAT!r} with {SLOTS}; retrain it with scripts/train_events.py")
        weights = {int(c): tuple((int(i), float(w)) for i, w in pairs) for c, pairs in data["weights"].items()}
        return cls(weights, tuple(float(b) for b in data["intercepts"]), float(data["drop_threshold"]),
                   data.get("meta", {}))

    @classmethod
    def from_dense(cls, coef: np.ndarray, intercepts, drop_threshold: float, meta: Mapping[str, Any]) -> "EventModel":
        """From an sklearn-style (classes, SLOTS) coefficient matrix; near-zero weights are left out."""
        weights = {c: tuple((int(i), float(coef[c, i])) for i in np.flatnonzero(np.abs(coef[c]) >= 1e-4))
                   for c in range(coef.shape[0])}
        return cls(weights, tuple(float(b) for b in intercepts), float(drop_threshold), meta)


def default_model_path() -> Path:
    return Path(str(resources.files("newsgraph").joinpath("models", MODEL_NAME)))


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> EventModel | None:
    """The shipped model; None when it has not been built (the rules then run alone)."""
    where = Path(path) if path else default_model_path()
    if not where.is_file():
        if path:
            raise NewsgraphError(f"events model {where} is missing; run scripts/train_events.py to build it")
        return None
    return EventModel.from_json(json.loads(where.read_text(encoding="utf-8")))
