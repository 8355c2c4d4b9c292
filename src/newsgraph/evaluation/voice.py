"""`newsgraph eval voice`: sentence voice and loaded wording, beside bag-of-words baselines.

Three measurements, each beside a bag-of-words logistic regression run here:
- CheckThat! 2023 English test: SUBJ (the writer's opinion) vs OBJ, macro-F1.
  newsgraph counts an item as SUBJ when the voice stage calls one of its
  sentences opinion (quotes stage included, so a quoted opinion is not);
  "classifier" is the opinion model alone on the whole item. The baseline is
  trained on CheckThat train+dev, like the shipped model.
- BABE "Entirely factual" vs "Expresses writer's opinion", macro-F1. The
  shipped model never saw BABE (AGPL); the baseline is trained on BABE in
  5 folds grouped by news_link, so it has the home advantage.
- BABE loaded words: precision and recall of the words inside newsgraph's
  loaded spans against `biased_words`, word by word (lowercase). The
  baseline is a class-balanced token-level logistic regression on the
  lowercase word, 5 folds grouped by news_link.
"""
from __future__ import annotations

import ast
import csv
import hashlib
import re
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Sequence

import click

from . import data_dir, f1

FACTUAL, OPINION = "Entirely factual", "Expresses writer’s opinion"
WORD = re.compile(r"[a-z][a-z'\-]*")
FOLDS = 5
# What the baseline trains on for each scored split (dev is for development runs only).
TRAIN_SPLITS = {"test": ("train", "dev"), "dev": ("train",)}
# BABE is split once into two fixed parts, by article (news_link), so an article's sentences
# stay together. "tuning": the articles of the even spread of TUNING_SPREAD sentences over the
# whole file (voice/loaded.py's EVIDENCE_FLOOR was chosen on that spread) and every article whose
# news_link's SHA-1 starts with an even byte; "held-out": the rest, which the quality gate scores.
BABE_PARTS = ("all", "tuning", "held-out")
TUNING_SPREAD = 800


@dataclass(frozen=True)
class BabeRow:
    text: str
    link: str
    opinion: str
    biased: frozenset[str]


def checkthat(split: str) -> list[tuple[str, int]]:
    from ..voice.training import SUBJ, read_checkthat

    path = data_dir("subjectivity") / "subjectivity" / f"checkthat2023_{split}.tsv"
    return [(text, int(label == SUBJ)) for text, label in read_checkthat(path)]


def babe(limit: int | None = None, part: str = "all") -> list[BabeRow]:
    """BABE rows of one part (all, tuning, held-out); with `limit`, a deterministic spread of about that many."""
    path = data_dir("babe") / "babe" / "final_labels_SG2.csv"
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = [BabeRow(r["text"], r["news_link"], r["label_opinion"], _words(r["biased_words"]))
                for r in csv.DictReader(handle, delimiter=";")]
    if part != "all":
        rows = [row for row, its in zip(rows, babe_parts(rows)) if its == part]
    return _spread(rows, limit)


def babe_parts(rows: Sequence[BabeRow]) -> list[str]:
    """"tuning" or "held-out" for each row of the whole BABE file, in order (see BABE_PARTS)."""
    spread = {rows[i].link for i in _spread_indices(len(rows), TUNING_SPREAD)}
    return ["tuning" if row.link in spread or not _odd_hash(row.link) else "held-out" for row in rows]


def _odd_hash(link: str) -> bool:
    return bool(hashlib.sha1(link.encode("utf-8")).digest()[0] & 1)


@lru_cache(maxsize=4)
def _spread_indices(total: int, limit: int) -> frozenset[int]:
    if limit >= total:
        return frozenset(range(total))
    step = total / limit
    return frozenset(int(i * step) for i in range(limit))


def _spread(rows: list[BabeRow], limit: int | None) -> list[BabeRow]:
    if not limit or limit >= len(rows):
        return rows
    return [rows[i] for i in sorted(_spread_indices(len(rows), limit))]


def _words(listed: str) -> frozenset[str]:
    try:
        entries = ast.literal_eval(listed) if listed.strip() else []
    except (ValueError, SyntaxError):
        entries = []
    return frozenset(w for entry in entries for w in WORD.findall(str(entry).lower()))


def macro_f1(gold: Sequence[int], predicted: Sequence[int]) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(list(gold), list(predicted), average="macro"))


class System:
    """The voice stage (after the quotes stage) and its classifier, on short texts."""

    def __init__(self):
        from ..pipeline import Pipeline

        self.pipeline = Pipeline(stages=("quotes", "voice"), check_language=False)
        self.voice = next(stage for stage in self.pipeline.stages if stage.name == "voice")
        self.model = self.voice.model
        self.seconds = 0.0
        self.items = 0

    def analyse(self, texts: Sequence[str]) -> list[tuple[Any, float]]:
        """(Analysis, classifier probability on the whole text) for each text."""
        from ..records import Article

        analyses = []
        docs = self.pipeline.nlp.pipe(texts, batch_size=64)
        for i, (text, doc) in enumerate(zip(texts, docs)):
            started = time.perf_counter()
            analyses.append(self.pipeline.run(Article(id=f"item{i}", text=text), doc))
            self.seconds += time.perf_counter() - started
            self.items += 1
        return list(zip(analyses, (float(p) for p in self.voice.opinion_probabilities(list(texts)))))

    def is_opinion(self, analysis) -> int:
        return int(any(s.voice == "opinion" for s in analysis.sentences))

    def loaded_words(self, analysis) -> set[str]:
        return {w for s in analysis.sentences for span in s.loaded for w in WORD.findall(span.text.lower())}


def score_checkthat(system: System, split: str = "test") -> dict[str, Any]:
    test = checkthat(split)
    gold = [y for _, y in test]
    results = system.analyse([t for t, _ in test])
    threshold = system.model.threshold
    return {
        "items": len(test),
        "newsgraph": macro_f1(gold, [system.is_opinion(a) for a, _ in results]),
        "classifier": macro_f1(gold, [int(p >= threshold) for _, p in results]),
        "baseline": _bow_checkthat(test, TRAIN_SPLITS[split]),
        "split": split,
    }


def _bow_checkthat(test: list[tuple[str, int]], splits: Sequence[str]) -> float:
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    train = [row for split in splits for row in checkthat(split)]
    vectorizer = CountVectorizer()
    clf = LogisticRegression(max_iter=2000).fit(vectorizer.fit_transform([t for t, _ in train]), [y for _, y in train])
    return macro_f1([y for _, y in test], clf.predict(vectorizer.transform([t for t, _ in test])))


def score_babe(system: System, rows: list[BabeRow]) -> dict[str, Any]:
    results = system.analyse([r.text for r in rows])
    polar = [(r, res) for r, res in zip(rows, results) if r.opinion in (FACTUAL, OPINION)]
    gold = [int(r.opinion == OPINION) for r, _ in polar]
    threshold = system.model.threshold
    predicted_words = [system.loaded_words(a) for a, _ in results]
    return {
        "items": len(polar),
        "sentences": len(rows),
        "newsgraph": macro_f1(gold, [system.is_opinion(a) for _, (a, _) in polar]),
        "classifier": macro_f1(gold, [int(p >= threshold) for _, (_, p) in polar]),
        "baseline": _bow_babe_opinion([r for r, _ in polar]),
        "loaded": _word_scores(rows, predicted_words),
        "loaded_baseline": _word_scores(rows, _bow_babe_words(rows)),
    }


def _bow_babe_opinion(rows: list[BabeRow]) -> float:
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    gold = [int(r.opinion == OPINION) for r in rows]
    predicted = [0] * len(rows)
    for train, test in GroupKFold(FOLDS).split(rows, gold, [r.link for r in rows]):
        vectorizer = CountVectorizer()
        matrix = vectorizer.fit_transform([rows[i].text for i in train])
        clf = LogisticRegression(max_iter=2000).fit(matrix, [gold[i] for i in train])
        for i, label in zip(test, clf.predict(vectorizer.transform([rows[i].text for i in test]))):
            predicted[i] = int(label)
    return macro_f1(gold, predicted)


def _bow_babe_words(rows: list[BabeRow]) -> list[set[str]]:
    """Each sentence's words that a word-identity classifier, trained on other articles, calls biased."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    tokens = [WORD.findall(r.text.lower()) for r in rows]
    predicted: list[set[str]] = [set() for _ in rows]
    for train, test in GroupKFold(FOLDS).split(rows, groups=[r.link for r in rows]):
        samples = [({"w": w}, int(w in rows[i].biased)) for i in train for w in tokens[i]]
        vectorizer = DictVectorizer()
        clf = LogisticRegression(max_iter=2000, class_weight="balanced").fit(vectorizer.fit_transform([s for s, _ in samples]),
                                                    [y for _, y in samples])
        for i in test:
            if tokens[i]:
                flags = clf.predict(vectorizer.transform([{"w": w} for w in tokens[i]]))
                predicted[i] = {w for w, flag in zip(tokens[i], flags) if flag}
    return predicted


def _word_scores(rows: list[BabeRow], predicted: list[set[str]]) -> dict[str, float]:
    hits = sum(len(p & r.biased) for p, r in zip(predicted, rows))
    n_pred = sum(len(p) for p in predicted)
    n_gold = sum(len(r.biased) for r in rows)
    precision = hits / n_pred if n_pred else 0.0
    recall = hits / n_gold if n_gold else 0.0
    return {"precision": precision, "recall": recall, "f1": f1(precision, recall),
            "predicted": n_pred, "gold": n_gold}


def evaluate(babe_limit: int | None = None, split: str = "test", babe_part: str = "all") -> dict[str, Any]:
    system = System()
    result = {"checkthat": score_checkthat(system, split),
              "babe": score_babe(system, babe(babe_limit, babe_part)) | {"part": babe_part}}
    result["ms_per_item"] = 1000 * system.seconds / max(1, system.items)
    return result


@click.command(name="voice")
@click.option("--babe-limit", type=int, default=None, help="Score about this many BABE sentences (spread evenly).")
@click.option("--split", type=click.Choice(["test", "dev"]), default="test", show_default=True,
              help="CheckThat split to score (dev: for development; the shipped model trains on it).")
@click.option("--babe-part", type=click.Choice(BABE_PARTS), default="all", show_default=True,
              help="BABE part to score: tune on 'tuning' only; 'held-out' is what the quality gate scores.")
def command(babe_limit: int | None, split: str, babe_part: str) -> None:
    """Opinion and loaded wording: CheckThat 2023 test and BABE, beside bag-of-words baselines."""
    result = evaluate(babe_limit, split, babe_part)
    ct, bb = result["checkthat"], result["babe"]
    click.echo(f"{'measure':44} {'newsgraph':>10} {'classifier':>10} {'BoW-LR':>8}")
    click.echo(_row(f"CheckThat 2023 {split} macro-F1 ({ct['items']})", ct["newsgraph"], ct["classifier"], ct["baseline"]))
    click.echo(_row(f"BABE factual vs opinion macro-F1 ({bb['items']})", bb["newsgraph"], bb["classifier"], bb["baseline"]))
    loaded, base = bb["loaded"], bb["loaded_baseline"]
    for key in ("precision", "recall", "f1"):
        click.echo(_row(f"BABE loaded words {key} ({bb['sentences']} sent.)", loaded[key], None, base[key]))
    click.echo(f"voice+quotes stages: {result['ms_per_item']:.1f} ms per item; BoW-LR on BABE: "
               f"{FOLDS} folds grouped by news_link; BABE part: {babe_part}")


def _row(label: str, ours: float, classifier: float | None, baseline: float) -> str:
    middle = f"{classifier:10.3f}" if classifier is not None else f"{'-':>10}"
    return f"{label:44} {ours:10.3f} {middle} {baseline:8.3f}"
