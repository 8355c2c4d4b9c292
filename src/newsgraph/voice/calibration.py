"""The opinion threshold on hard news, and a calibrated probability of opinion per sentence.

Two things live here:

- the threshold check (`python -m newsgraph.voice.sweep`, voice/sweep.py): scores the sentences in
  data/voice/calibration.tsv (written for this project: plain wire reporting
  with counts, polls and dates, and sentences of the writer's own judgement)
  and prints opinion precision and recall at each threshold shift: a check that
  the genre shifts (genre.GENRE_SHIFT, chosen on the audit gold's dev split,
  docs/voice.md) keep precision on plain wire reporting.
- `opinion_probability`: the sentence's `opinion_probability` field, a
  logistic map of the stage's evidence (the classifier's margin over the
  genre's threshold, whether a frame or quote attributes the sentence, a
  stance mark) fitted by scripts/calibrate_voice.py on out-of-fold scores of
  CheckThat train+dev (the classifier refitted without each fold), never on
  the audit gold, on which the genre shifts were chosen, nor on CheckThat test
  or BABE, on which it is checked (docs/voice.md, "Calibrated probability").

The raw `opinion_score` is the classifier's probability for the sentence alone;
it is not calibrated (class-balanced training) and ignores the article.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Mapping, Sequence

FEATURES = ("margin", "attributed", "attributed_margin", "stance")
CALIBRATION_FILE = "opinion_calibration.json"
# Margins are clipped: a score of 0 or 1 has no finite logit.
EDGE = 1e-4


@dataclass(frozen=True)
class Calibration:
    """Logistic weights over FEATURES and an intercept."""

    weights: Mapping[str, float]
    intercept: float

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.intercept + sum(self.weights[name] * features[name] for name in FEATURES)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def logit(p: float) -> float:
    p = min(1 - EDGE, max(EDGE, p))
    return math.log(p / (1 - p))


def features(score: float, threshold: float, attributed: bool, stance: bool) -> dict[str, float]:
    """The calibration's inputs: the margin of the score over the threshold in use (the genre's, so a
    column's 0.3 and a wire report's 0.65 mean what 0.5 means for a lone sentence), and the frames."""
    margin = logit(score) - logit(threshold)
    return {"margin": margin, "attributed": float(attributed), "attributed_margin": margin * attributed,
            "stance": float(stance and not attributed)}


@lru_cache(maxsize=1)
def load_calibration() -> Calibration:
    text = resources.files("newsgraph").joinpath("data", "voice", CALIBRATION_FILE).read_text(encoding="utf-8")
    data = json.loads(text)
    return Calibration({name: float(data["weights"][name]) for name in FEATURES}, float(data["intercept"]))


def opinion_probability(score: float, threshold: float, attributed: bool, stance: bool) -> float:
    """P(the sentence is the writer's opinion), calibrated (see the module's docstring)."""
    return load_calibration().probability(features(score, threshold, attributed, stance))


def reliability(probabilities: Sequence[float], gold: Sequence[int], bins: int = 10) -> dict[str, float]:
    """Brier score, expected calibration error (equal-width bins) and the mean probability against the
    observed rate: how far the probabilities are from the frequencies they claim."""
    n = len(gold)
    if not n:
        return {"items": 0}
    brier = sum((p - g) ** 2 for p, g in zip(probabilities, gold)) / n
    ece = 0.0
    for b in range(bins):
        inside = [(p, g) for p, g in zip(probabilities, gold) if b / bins <= p < (b + 1) / bins or b == bins - 1 and p == 1]
        if inside:
            ece += len(inside) / n * abs(sum(p for p, _ in inside) / len(inside) - sum(g for _, g in inside) / len(inside))
    return {"items": n, "brier": brier, "ece": ece, "mean_probability": sum(probabilities) / n, "rate": sum(gold) / n}
