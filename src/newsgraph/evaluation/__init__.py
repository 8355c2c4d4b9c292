"""Evaluation commands on the shared gold sets (`newsgraph eval ...`).

The gold data is never copied into this repository: it is read from
NEWSGRAPH_DATA, or `../shared/data` beside the checkout or the working
directory. Tests skip with a clear reason when it is absent.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import MissingData

_REPO = Path(__file__).resolve().parents[3]


def data_dir(required: str | None = None) -> Path:
    """The shared data folder; with `required`, that sub-path must exist."""
    candidates = [os.environ.get("NEWSGRAPH_DATA"), _REPO.parent / "shared" / "data",
                  Path.cwd().parent / "shared" / "data", Path.cwd() / "shared" / "data"]
    for cand in candidates:
        if cand and Path(cand).is_dir():
            base = Path(cand)
            if required is None or (base / required).exists():
                return base
    # Name the folder the user chose, if any: it is the one they will look in.
    where = Path(candidates[0]) if candidates[0] else candidates[1]
    raise MissingData(required or "shared data folder", str(where / (required or "")))


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall; 0 when both are 0."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def has_data(required: str) -> bool:
    try:
        data_dir(required)
        return True
    except MissingData:
        return False


@dataclass
class Tally:
    """Counts for one system and one criterion: predicted/correct for precision, gold/found for recall."""

    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0

    def add(self, other: "Tally") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def as_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "predicted": self.predicted, "correct": self.correct, "gold": self.gold, "found": self.found}
