"""Fitting the opinion classifier (used by scripts/train_voice.py and the tests).

scikit-learn fits a class-balanced logistic regression on the features of
features.py; only the weights travel, as JSON, so the stage needs no
scikit-learn object at run time.
"""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from .features import sentence_features
from .model import OpinionModel

DEFAULT_GROUPS = {"tag": 1.0, "morph": 1.0, "word": 1.0, "dep": 1.0, "lex": 1.0, "cls": 1.0}
DEFAULT_C = 1.0
# A feature seen in fewer training sentences than this is noise, and bloats the file.
MIN_SENTENCES = 2
SUBJ, OBJ = "SUBJ", "OBJ"


def read_checkthat(path: Path) -> list[tuple[str, str]]:
    """(sentence, SUBJ|OBJ) rows of a CheckThat 2023 subjectivity TSV (header optional)."""
    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
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


def fit(docs: Sequence[Any], labels: Sequence[str], groups: Mapping[str, float] = DEFAULT_GROUPS,
        C: float = DEFAULT_C, sample_weight: Sequence[float] | None = None,
        threshold: float = 0.5, meta: Mapping[str, Any] | None = None,
        embeddings: Sequence[Sequence[float]] | None = None) -> OpinionModel:
    """A fitted OpinionModel from parsed sentences (spaCy Docs or Spans) and SUBJ/OBJ labels.

    With `embeddings` (one unit vector per sentence) the model also learns
    dense weights for them, and will want an embedding at prediction time.
    """
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = _drop_rare([sentence_features(doc, groups) for doc in docs])
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    if embeddings is not None:
        matrix = hstack([matrix, csr_matrix(embeddings)]).tocsr()
    target = [1 if label == SUBJ else 0 for label in labels]
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    clf.fit(matrix, target, sample_weight=sample_weight)
    names = vectorizer.feature_names_
    coef = [float(w) for w in clf.coef_[0]]
    weights = {name: round(w, 6) for name, w in zip(names, coef) if abs(w) >= 1e-6}
    dense = tuple(round(w, 6) for w in coef[len(names):])
    return OpinionModel(dict(groups), weights, float(clf.intercept_[0]), threshold, dict(meta or {}), dense)


def _drop_rare(rows: list[dict[str, float]]) -> list[dict[str, float]]:
    seen = Counter(k for row in rows for k in row)
    return [{k: v for k, v in row.items() if seen[k] >= MIN_SENTENCES} for row in rows]


def parse(nlp, sentences: Iterable[str]) -> list[Any]:
    return list(nlp.pipe(sentences, batch_size=64))
