"""Fit the voice stage's calibrated opinion probability: src/newsgraph/data/voice/opinion_calibration.json.

The calibration (newsgraph.voice.calibration) is a logistic map of the stage's
evidence: the classifier's margin over the threshold in use, whether a frame
or quote attributes the sentence, a stance mark. It is fitted here on
out-of-fold scores of CheckThat 2023 train+dev (NewsSD-ENG, CC BY 4.0): the
classifier is refitted FOLDS times, each time without one fold (plus the
synthetic sentences, as scripts/train_voice.py trains it), and scores that
fold, so no item is scored by a model that saw it. None of the thresholds
was chosen on these scores: the model's 0.5 is the class-balanced default,
the genre shifts were chosen on the audit gold's dev split. Only lone-sentence
items are used (an item of several sentences has no one sentence to label).

Then it prints how well calibrated the probabilities are (Brier score,
expected calibration error, mean probability against the observed rate) on
sets it was not fitted on: CheckThat test, BABE's held-out part (AGPL-3.0:
read for evaluation only, nothing shipped is learnt from it), and the audit
gold's dev and test splits (sentences, gold opinion against the rest).

    python scripts/calibrate_voice.py [--no-write] [--no-check]
"""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import click
import numpy as np

from newsgraph.evaluation import data_dir
from newsgraph.voice.calibration import CALIBRATION_FILE, FEATURES, features, reliability
from newsgraph.voice.training import DEFAULT_C, SUBJ, read_checkthat, read_labelled_tsv

FOLDS = 5
SEED = 0


def _stage_evidence(pipeline, texts):
    """Per text: the voice stage's Evidence of each of its sentences, and the threshold in use."""
    from newsgraph.pipeline import Context, sentences
    from newsgraph.records import Article
    from newsgraph.voice.genre import threshold_for

    voice = next(s for s in pipeline.stages if s.name == "voice")
    out = []
    for i, doc in enumerate(pipeline.nlp.pipe(texts, batch_size=64)):
        ctx = Context(Article(id=f"c{i}", text=texts[i]), doc, sentences(doc))
        ctx = Context(ctx.article, doc, ctx.sentences, {"quotes": tuple(pipeline.stages[0](ctx))})
        evidence, _, _, genre = voice.evidence(ctx)
        out.append((evidence, threshold_for(voice.model.threshold, genre)))
    return out


def _out_of_fold(encoder, texts, labels, synthetic):
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    x = encoder.encode(texts)
    xs = encoder.encode([t for t, _ in synthetic])
    ys = np.array([int(label == SUBJ) for _, label in synthetic])
    y = np.array(labels)
    scores = np.zeros(len(texts))
    for train, held in StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(x, y):
        clf = LogisticRegression(C=DEFAULT_C, class_weight="balanced", max_iter=5000)
        clf.fit(np.vstack([x[train], xs]), np.concatenate([y[train], ys]))
        scores[held] = clf.predict_proba(x[held])[:, 1]
    return scores


def fit_calibration(pipeline) -> tuple[dict, dict]:
    from sklearn.linear_model import LogisticRegression

    voice = next(s for s in pipeline.stages if s.name == "voice")
    base = data_dir("subjectivity") / "subjectivity"
    rows = [row for split in ("train", "dev") for row in read_checkthat(base / f"checkthat2023_{split}.tsv")]
    synthetic = read_labelled_tsv(Path(str(resources.files("newsgraph").joinpath("data", "voice", "synthetic_train.tsv"))))
    texts, labels = [t for t, _ in rows], [int(label == SUBJ) for _, label in rows]
    oof = _out_of_fold(voice.encoder, texts, labels, synthetic)
    table, gold = [], []
    for (evidence, threshold), score, label in zip(_stage_evidence(pipeline, texts), oof, labels):
        if len(evidence) == 1:
            found = features(float(score), threshold, evidence[0].attributed, evidence[0].stance)
            table.append([found[name] for name in FEATURES])
            gold.append(label)
    lr = LogisticRegression(C=100.0, max_iter=5000).fit(np.array(table), np.array(gold))
    fitted = {"weights": {name: round(float(w), 5) for name, w in zip(FEATURES, lr.coef_[0])},
              "intercept": round(float(lr.intercept_[0]), 5),
              "fitted_on": f"CheckThat 2023 train+dev, {FOLDS}-fold out-of-fold scores, {len(gold)} lone sentences",
              "written_by": "scripts/calibrate_voice.py"}
    check = reliability(lr.predict_proba(np.array(table))[:, 1].tolist(), gold)
    return fitted, check


def _items(pipeline, texts, labels):
    """Per item the stage's highest calibrated probability among its sentences (an item is opinion
    when any sentence is), against its label."""
    probs, raw = [], []
    for evidence, threshold in _stage_evidence(pipeline, texts):
        probs.append(max((e.probability(threshold) for e in evidence), default=0.0))
        raw.append(max((e.score for e in evidence), default=0.0))
    return _both(probs, raw, labels)


def _both(probs, raw, gold) -> str:
    def line(found):
        return (f"Brier {found['brier']:.3f}  ECE {found['ece']:.3f}  mean {found['mean_probability']:.3f}"
                f" (rate {found['rate']:.3f}, {found['items']} items)")
    return f"calibrated {line(reliability(probs, gold))}; raw opinion_score {line(reliability(raw, gold))}"


def _audit(split):
    from newsgraph.evaluation.audit_gold import load_gold, read_article
    from newsgraph.pipeline import Pipeline

    pipeline, probs, raw, gold = Pipeline(), [], [], []
    for g in load_gold(split):
        article = read_article(g, data_dir(), pipeline)
        sents = pipeline.run(article, pipeline.nlp(article.text)).as_dict()["sentences"]
        for s in g.record["sentences"]:
            if s["voice"] == "skip":
                continue
            a, b = s["span"]
            best = max(sents, key=lambda x: min(b, x["end"]) - max(a, x["start"]))
            if "opinion_probability" in best:
                probs.append(best["opinion_probability"])
                raw.append(best["opinion_score"])
                gold.append(int(s["voice"] == "opinion"))
    return _both(probs, raw, gold)


@click.command()
@click.option("--write/--no-write", default=True, help="Write the fitted calibration.")
@click.option("--check/--no-check", default=True, help="Print reliability on the sets it was not fitted on.")
def main(write: bool, check: bool) -> None:
    from newsgraph.evaluation.voice import FACTUAL, OPINION, babe, checkthat
    from newsgraph.pipeline import Pipeline
    from newsgraph.voice.calibration import load_calibration

    pipeline = Pipeline(stages=("quotes", "voice"), check_language=False)
    fitted, inside = fit_calibration(pipeline)
    click.echo(json.dumps(fitted, indent=1))
    click.echo(f"fitted on (in-sample): {inside}")
    if write:
        target = Path(str(resources.files("newsgraph").joinpath("data", "voice", CALIBRATION_FILE)))
        target.write_text(json.dumps(fitted, indent=1) + "\n", encoding="utf-8")
        load_calibration.cache_clear()
        click.echo(f"wrote {target}")
    if not check:
        return
    test = checkthat("test")
    click.echo(f"CheckThat test: {_items(pipeline, [t for t, _ in test], [g for _, g in test])}")
    rows = [r for r in babe(part="held-out") if r.opinion in (FACTUAL, OPINION)]
    click.echo(f"BABE held-out: {_items(pipeline, [r.text for r in rows], [int(r.opinion == OPINION) for r in rows])}")
    for split in ("dev", "test"):
        click.echo(f"audit {split} (sentences): {_audit(split)}")


if __name__ == "__main__":
    main()
