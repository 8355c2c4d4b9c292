"""`python -m newsgraph.voice.sweep`: opinion precision and recall at each threshold shift on the
sentences written for the project (data/voice/calibration.tsv), a check that the genre shifts keep
precision on plain wire reporting (voice/calibration.py, docs/voice.md)."""
from __future__ import annotations

from importlib import resources

from . import build_stage


def calibration_sentences() -> list[tuple[str, int]]:
    text = resources.files("newsgraph").joinpath("data", "voice", "calibration.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t", 1) for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [(sentence, int(label == "opinion")) for label, sentence in rows]


def sweep(shifts=(-0.1, -0.05, 0.0, 0.02, 0.04, 0.06, 0.08, 0.1, 0.15)) -> list[tuple[float, float, float]]:
    """(shift, precision, recall) of opinion on the calibration sentences."""
    stage = build_stage()
    rows = calibration_sentences()
    scores = stage.opinion_probabilities([s for s, _ in rows])
    out = []
    for shift in shifts:
        flagged = [(score >= stage.model.threshold + shift, gold) for score, (_, gold) in zip(scores, rows)]
        hits = sum(1 for f, g in flagged if f and g)
        predicted = sum(1 for f, _ in flagged if f)
        positives = sum(g for _, g in rows)
        out.append((shift, hits / predicted if predicted else 0.0, hits / positives if positives else 0.0))
    return out


if __name__ == "__main__":
    for shift, precision, recall in sweep():
        print(f"shift {shift:+.2f}  opinion precision {precision:.3f}  recall {recall:.3f}")
