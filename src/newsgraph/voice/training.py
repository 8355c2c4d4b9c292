"""Fitting the opinion classifier (used by scripts/train_voice.py and the tests).

scikit-learn fits a class-balanced logistic regression on the encoder's
sentence embeddings; only the weights travel, as JSON, so the stage needs
no scikit-learn object at run time.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Mapping, Sequence

from .encoder import SentenceEncoder
from .model import OpinionModel

# Chosen by train -> dev, repeated 5-fold cross-validation on train+dev and BABE (docs/voice.md).
DEFAULT_C = 2.0
THRESHOLD = 0.5
SUBJ, OBJ = "SUBJ", "OBJ"


def read_checkthat(path: Path) -> list[tuple[str, str]]:
    """(sentence, SUBJ|OBJ) rows of a CheckThat 2023 subjectivity TSV (header optional).

    The files are CSV-escaped: a sentence that contains a straight double
    quote is wrapped in double quotes with its own marks doubled, so the
    field must be unescaped, or the sentence reads as one long quotation.
    """
    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if len(row) >= 3 and row[2] in (SUBJ, OBJ):
                rows.append((row[1], row[2]))
    return rows


def read_labelled_tsv(path: Path) -> list[tuple[str, str]]:
    """(sentence, label) from `label<TAB>sentence` lines; '#' lines are comments."""
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            label, sentence = line.split("\t", 1)
            rows.append((sentence, label))
    return rows


def fit(encoder: SentenceEncoder, texts: Sequence[str], labels: Sequence[str], C: float = DEFAULT_C,
        sample_weight: Sequence[float] | None = None, meta: Mapping[str, Any] | None = None) -> OpinionModel:
    """A fitted OpinionModel from sentences and their SUBJ/OBJ labels."""
    from sklearn.linear_model import LogisticRegression

    target = [1 if label == SUBJ else 0 for label in labels]
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    clf.fit(encoder.encode(texts), target, sample_weight=sample_weight)
    weights = tuple(round(float(w), 6) for w in clf.coef_[0])
    return OpinionModel(weights, round(float(clf.intercept_[0]), 6), THRESHOLD, encoder.digest, dict(meta or {}))
