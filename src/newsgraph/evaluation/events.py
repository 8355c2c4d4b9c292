"""`newsgraph eval events`: PLOVER types on the GSR, penta classes beside a baseline.

GSR (`events/plover_gsr_cameo.json`): each record is one sentence with one
gold event. Its 0.5 labels are mapped to PLOVER 2.0 (DEMAND->REQUEST,
DISAPPROVE and INVESTIGATE->ACCUSE, FIGHT->ASSAULT). The predicted event is
the one whose trigger is a word of the gold event text, else the first one;
a sentence without events predicts NONE. Reported: type accuracy, macro-F1
over the gold types, and the share of predicted events whose actor and
recipient country sets equal the gold source and target codes.

Penta (`events/cameo_penta_train.tsv`): a sentence's class is the quad class
(by CAMEO root: SANCTION 3, CONCEDE 2) of its first asserted or future event
by trigger position (no event = 0), for the rules alone; the classifier's
class is scored by stratified 5-fold cross-validation (events/training.py).
The bag-of-words logistic regression is cross-validated the same way. The
shipped classifier, trained on all penta sentences, is also scored on the
GSR sentences with their gold types mapped to classes: the GSR is never
trained on, so that figure is held out. Reported besides: on penta's
no-event sentences, the share left without an event, and the precision of
saying that a sentence has one.
"""
from __future__ import annotations

import json
import random
import re
import time
from dataclasses import dataclass
from typing import Iterable, Sequence

import click

from . import data_dir

GSR = "events/plover_gsr_cameo.json"
PENTA = "events/cameo_penta_train.tsv"
OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
NONE = "NONE"
STAGES = ("actors", "events")


@dataclass(frozen=True)
class GsrRecord:
    text: str
    type: str
    event_words: frozenset[str]
    sources: frozenset[str]
    targets: frozenset[str]


def load_gsr(limit: int | None = None, seed: int = 0) -> list[GsrRecord]:
    raw = json.loads((data_dir(GSR) / GSR).read_text(encoding="utf-8"))
    records = [_gsr_record(r) for r in raw if r.get("event") not in (None, "DOCUMENT") and r.get("text")]
    return _sample(records, limit, seed)


def _gsr_record(raw: dict) -> GsrRecord:
    words = frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", raw.get("eventText", "")))
    return GsrRecord(text=raw["text"], type=OLD_LABELS.get(raw["event"], raw["event"]), event_words=words,
                     sources=_codes(raw.get("source")), targets=_codes(raw.get("target")))


def _codes(actors) -> frozenset[str]:
    if not isinstance(actors, list):
        return frozenset()
    return frozenset(a["code"].upper() for a in actors if isinstance(a, dict) and a.get("code"))


def load_penta(limit: int | None = None, seed: int = 0) -> list[tuple[str, int]]:
    rows = []
    for line in (data_dir(PENTA) / PENTA).read_text(encoding="utf-8").splitlines():
        text, _, label = line.rstrip("\r").rpartition("\t")
        if text and label.strip().isdigit():
            rows.append((text, int(label)))
    return _sample(rows, limit, seed)


def _sample(items: list, limit: int | None, seed: int) -> list:
    if limit is None or limit >= len(items):
        return items
    return [items[i] for i in sorted(random.Random(seed).sample(range(len(items)), limit))]


def analyse(texts: Sequence[str], pipeline=None) -> list:
    """Analyses of one-sentence articles (actors and events stages only)."""
    from ..article import RawInput
    from ..pipeline import Pipeline

    pipeline = pipeline or Pipeline(stages=STAGES, check_language=False)
    inputs = [RawInput(f"<sentence {i}>", text=t) for i, t in enumerate(texts)]
    return list(pipeline.analyze_many(inputs))


def chosen_event(analysis, words: frozenset[str]):
    """The event whose trigger is a gold event word (inflections allowed), else the first."""
    events = getattr(analysis, "events", ())
    for event in events:
        stem = event.trigger.text.lower()[:4]
        if any(w.startswith(stem) or stem.startswith(w[:4]) for w in words if len(w) > 2):
            return event
    return events[0] if events else None


def gsr_scores(records: Sequence[GsrRecord], analyses: Sequence) -> dict:
    from sklearn.metrics import f1_score

    gold = [r.type for r in records]
    chosen = [chosen_event(a, r.event_words) for a, r in zip(analyses, records)]
    predicted = [e.type if e is not None else NONE for e in chosen]
    labels = sorted(set(gold))
    matched = [_countries_match(a, e, r) for a, e, r in zip(analyses, chosen, records) if e is not None]
    actor_matched = [_countries(a, e.actors) == r.sources for a, e, r in zip(analyses, chosen, records)
                     if e is not None]
    return {
        "sentences": len(records),
        "type_accuracy": sum(p == g for p, g in zip(predicted, gold)) / len(gold),
        "type_macro_f1": f1_score(gold, predicted, labels=labels, average="macro", zero_division=0),
        "detected": sum(e is not None for e in chosen) / len(chosen),
        "country_match": sum(matched) / len(matched) if matched else 0.0,
        "actor_country_match": sum(actor_matched) / len(actor_matched) if actor_matched else 0.0,
        "per_type_f1": dict(zip(labels, f1_score(gold, predicted, labels=labels, average=None, zero_division=0))),
    }


def _countries_match(analysis, event, record: GsrRecord) -> bool:
    actors = _countries(analysis, event.actors)
    recipients = _countries(analysis, event.recipients)
    return actors == record.sources and recipients == record.targets


def _countries(analysis, ids: Iterable[str]) -> frozenset[str]:
    out = set()
    for entity_id in ids:
        entity = analysis.entity(entity_id)
        if entity is not None and entity.country:
            out.add(entity.country.upper())
    return frozenset(out)


def penta_class(analysis, quad: dict[str, int]) -> int:
    events = [e for e in getattr(analysis, "events", ()) if e.modality in ("asserted", "future")]
    if not events:
        return 0
    first = min(events, key=lambda e: e.trigger.start)
    return quad[first.type]


def macro_f1(gold: Sequence[int], predicted: Sequence[int], labels: Sequence[int] | None = None) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(gold, predicted, labels=labels, average="macro", zero_division=0))


def no_event_figures(gold: Sequence[int], predicted: Sequence[int]) -> dict:
    """On the sentences the gold gives no event: how many are left without one; and the
    precision of saying "event" at all."""
    empty = [p for g, p in zip(gold, predicted) if g == 0]
    said = [g for g, p in zip(gold, predicted) if p != 0]
    return {"no_event_kept_empty": sum(p == 0 for p in empty) / len(empty) if empty else 0.0,
            "event_precision": sum(g != 0 for g in said) / len(said) if said else 0.0}


def penta_scores(rows: Sequence[tuple[str, int]], proposed: Sequence, folds: int = 5, seed: int = 0) -> dict:
    """Rules alone on every sentence; the classifier 5-fold cross-validated on the same sentences."""
    from ..events import training
    from ..events.lexicon import load_lexicon

    quad = load_lexicon().quad
    gold = [label for _, label in rows]
    rules = training.rule_classes(proposed, quad)
    model = training.cross_validated(proposed, gold, folds, seed)
    out = {
        "sentences": len(rows),
        "rules_macro_f1": macro_f1(gold, rules),
        "rules_accuracy": sum(p == g for p, g in zip(rules, gold)) / len(gold),
        "model_cv_macro_f1": macro_f1(gold, model),
        "model_cv_accuracy": sum(p == g for p, g in zip(model, gold)) / len(gold),
        "baseline_macro_f1": baseline_macro_f1(rows, folds, seed),
    }
    out.update({f"rules_{k}": v for k, v in no_event_figures(gold, rules).items()})
    out.update({f"model_cv_{k}": v for k, v in no_event_figures(gold, model).items()})
    return out


def penta_on_gsr(records: Sequence[GsrRecord], proposed: Sequence, model) -> dict:
    """The penta-trained classifier on the GSR sentences, gold types mapped to penta classes.

    The GSR is never trained on, so this is a held-out figure for a model fitted on penta.
    Every GSR sentence has an event: a prediction of 0 counts as a miss of its class.
    """
    from ..events import training
    from ..events.lexicon import load_lexicon

    quad = load_lexicon().quad
    gold = [quad[r.type] for r in records]
    labels = sorted(set(gold))
    rules = training.rule_classes(proposed, quad)
    out = {"sentences": len(records), "rules_macro_f1": macro_f1(gold, rules, labels)}
    if model is not None:
        predicted = training.sentence_classes(model, proposed)
        out["model_macro_f1"] = macro_f1(gold, predicted, labels)
        out["model_accuracy"] = sum(p == g for p, g in zip(predicted, gold)) / len(gold)
    return out


def baseline_macro_f1(rows: Sequence[tuple[str, int]], folds: int = 5, seed: int = 0) -> float:
    """Bag-of-words logistic regression, stratified k-fold cross-validated."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline

    texts = [t for t, _ in rows]
    gold = [label for _, label in rows]
    model = make_pipeline(CountVectorizer(lowercase=True), LogisticRegression(max_iter=2000))
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    return macro_f1(gold, cross_val_predict(model, texts, gold, cv=cv))


def run(limit: int | None = None, seed: int = 0, penta_limit: int | None = None) -> dict:
    """All figures `newsgraph eval events` prints: the shipped stage, the rules alone, the classifier."""
    from ..events import training
    from ..pipeline import Pipeline

    started = time.perf_counter()
    pipeline = Pipeline(stages=STAGES, check_language=False)
    events_stage = next(s for s in pipeline.stages if s.name == "events")
    records = load_gsr(limit, seed)
    texts = [r.text for r in records]
    shipped = gsr_scores(records, analyse(texts, pipeline))
    model, events_stage.model = events_stage.model, None
    rules = gsr_scores(records, analyse(texts, pipeline))
    events_stage.model = model
    actors_only = Pipeline(stages=("actors",), check_language=False)
    gsr_proposed = training.propose(texts, actors_only)
    rows = load_penta(penta_limit or limit, seed)
    penta = penta_scores(rows, training.propose([t for t, _ in rows], actors_only), seed=seed)
    return {"gsr": shipped, "gsr_rules": rules, "penta": penta,
            "penta_on_gsr": penta_on_gsr(records, gsr_proposed, model),
            "model": dict(model.meta) if model is not None else None,
            "seconds": time.perf_counter() - started}


@click.command(name="events")
@click.option("--limit", type=int, help="Evaluate a deterministic sample of this many sentences per set.")
@click.option("--seed", type=int, default=0, show_default=True, help="Sampling and fold seed.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def command(limit: int | None, seed: int, as_json: bool) -> None:
    """PLOVER event coding on the GSR and CAMEO penta sets (../shared/data/events)."""
    figures = run(limit, seed)
    if as_json:
        click.echo(json.dumps(figures, indent=2, sort_keys=True))
        return
    gsr, rules, penta, cross = figures["gsr"], figures["gsr_rules"], figures["penta"], figures["penta_on_gsr"]
    click.echo(f"PLOVER GSR ({gsr['sentences']} sentences)      with classifier | rules alone")
    for key, label in (("type_accuracy", "type accuracy"), ("type_macro_f1", "type macro-F1"),
                       ("detected", "sentences with event"), ("country_match", "country match"),
                       ("actor_country_match", "actor country match")):
        click.echo(f"  {label:<22}{gsr[key]:.3f}           | {rules[key]:.3f}")
    click.echo("  per-type F1          " + ", ".join(f"{k} {v:.2f}" for k, v in gsr["per_type_f1"].items()))
    click.echo("  (country match: actor and recipient countries = gold codes; actor: = gold source codes)")
    click.echo("Penta classes on the GSR (gold type -> class; never trained on the GSR)")
    if "model_macro_f1" in cross:
        click.echo(f"  trained on penta      macro-F1 {cross['model_macro_f1']:.3f}  (accuracy {cross['model_accuracy']:.3f})")
    click.echo(f"  rules alone           macro-F1 {cross['rules_macro_f1']:.3f}")
    click.echo(f"CAMEO penta ({penta['sentences']} sentences; SANCTION = 3, CONCEDE = 2)")
    click.echo(f"  classifier, 5-fold CV macro-F1 {penta['model_cv_macro_f1']:.3f}  (accuracy {penta['model_cv_accuracy']:.3f})")
    click.echo(f"  rules alone           macro-F1 {penta['rules_macro_f1']:.3f}  (accuracy {penta['rules_accuracy']:.3f}; not trained)")
    click.echo(f"  BoW LR, 5-fold CV     macro-F1 {penta['baseline_macro_f1']:.3f}")
    click.echo(f"  no-event sentences left empty  classifier (CV) {penta['model_cv_no_event_kept_empty']:.3f} | "
               f"rules {penta['rules_no_event_kept_empty']:.3f}")
    click.echo(f"  precision of 'has an event'    classifier (CV) {penta['model_cv_event_precision']:.3f} | "
               f"rules {penta['rules_event_precision']:.3f}")
    click.echo(f"  {figures['seconds']:.1f}s")
