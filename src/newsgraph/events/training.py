"""Training the event classifier (scripts/train_events.py) and scoring it (`newsgraph eval events`).

One training instance per sentence: the features of the rules' first asserted
or future event (the event the penta class of the sentence is read from), or
the sentence's words alone when the rules find none, labelled with the
sentence's penta class. At run time the same features are built for every
proposed event. scikit-learn is needed here only, at build and evaluation
time; the stage runs the JSON weights with numpy.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from .features import no_event_names, vector
from .model import CLASSES, EventModel

# C: the smallest on the plateau of 5-fold CV macro-F1 on the penta train set
# (0.1: 0.869, 0.5: 0.885, 2: 0.894, 4-16: 0.897, 32: 0.895).
C = 4.0
# "No event" must win with this probability before a proposed event is dropped.
# CV on penta barely moves between 0.4 and 0.9 (macro-F1 0.897-0.892); 0.7 keeps
# readings PLOVER codes and CAMEO's statements class does not (concern voiced to
# someone over their conduct is ACCUSE; penta labels such sentences 0).
DROP_THRESHOLD = 0.7
REAL = ("asserted", "future")


@dataclass(frozen=True)
class Proposed:
    """What the rules made of one short text: its events and each one's features."""

    events: tuple  # records.Event, in text order
    features: tuple  # one list of (name, value) per event
    sentence_features: list  # the no-event features of the whole text

    def first_real(self) -> int | None:
        return next((i for i, e in enumerate(self.events) if e.modality in REAL), None)

    def instance(self) -> list:
        first = self.first_real()
        return self.sentence_features if first is None else self.features[first]


def propose(texts: Sequence[str], pipeline=None) -> list[Proposed]:
    """The rules' events for each text, with the actors stage run first (no classifier)."""
    from ..article import RawInput
    from ..nlp import sentences
    from ..pipeline import Context, Pipeline
    from . import EventsStage

    pipeline = pipeline or Pipeline(stages=("actors",), check_language=False)
    actors = next(s for s in pipeline.stages if s.name == "actors")
    rules = EventsStage(model=None)
    articles = [pipeline.prepare(RawInput(f"<sentence {i}>", text=t)) for i, t in enumerate(texts)]
    out = []
    for article, doc in zip(articles, pipeline.nlp.pipe((a.text for a in articles), batch_size=64)):
        ctx = Context(article, doc, sentences(doc))
        ctx = Context(article, doc, ctx.sentences, {"actors": tuple(actors(ctx))})
        found = rules.propose(ctx)
        out.append(Proposed(tuple(p.event for p in found), tuple(p.features for p in found),
                            no_event_names(doc[:])))
    return out


def matrix(proposed: Sequence[Proposed]) -> np.ndarray:
    return np.stack([vector(p.instance()) for p in proposed])


def fit(features: np.ndarray, labels: Sequence[int], c: float = C):
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=3000)
    model.fit(features, list(labels))
    missing = set(CLASSES) - set(model.classes_)
    if missing:
        raise ValueError(f"training labels lack classes {sorted(missing)}")
    return model


def to_event_model(fitted, meta: dict, drop_threshold: float = DROP_THRESHOLD) -> EventModel:
    return EventModel.from_dense(fitted.coef_, fitted.intercept_, drop_threshold, meta)


def sentence_classes(model: EventModel, proposed: Sequence[Proposed]) -> list[int]:
    """Penta class per text with the classifier (0 when the rules find no real event)."""
    return classes_from(model.probabilities(matrix(proposed)), proposed, model.drop_threshold)


def classes_from(probs: np.ndarray, proposed: Sequence[Proposed], drop_threshold: float) -> list[int]:
    """The first real event's class: "no event" when it wins with at least the drop threshold,
    else the most probable event class (the classifier may re-class the rules' reading)."""
    out = []
    for p, row in zip(proposed, probs):
        if p.first_real() is None or (row[0] >= drop_threshold and row[0] >= row.max()):
            out.append(0)
        else:
            out.append(int(np.argmax(row[1:])) + 1)
    return out


def rule_classes(proposed: Sequence[Proposed], quad: dict[str, int]) -> list[int]:
    """Penta class per text from the rules alone: the quad of the first real event (0 for an
    appeal, CAMEO 02, which the penta labels leave uncoded)."""
    from .lexicon import PENTA_UNCODED

    def cls(event) -> int:
        return 0 if (event.cameo or "")[:2] in PENTA_UNCODED else quad[event.type]
    return [0 if (i := p.first_real()) is None else cls(p.events[i]) for p in proposed]


def cross_validated(proposed: Sequence[Proposed], labels: Sequence[int], folds: int = 5, seed: int = 0,
                    c: float = C) -> list[int]:
    """Out-of-fold penta classes, stratified k-fold."""

    return classes_from(out_of_fold(proposed, labels, folds, seed, c), proposed, DROP_THRESHOLD)


def out_of_fold(proposed: Sequence[Proposed], labels: Sequence[int], folds: int = 5, seed: int = 0,
                c: float = C) -> np.ndarray:
    """Out-of-fold class probabilities per text, stratified k-fold."""
    from sklearn.model_selection import StratifiedKFold

    features = matrix(proposed)
    labels = np.asarray(labels)
    out = np.zeros((len(labels), len(CLASSES)), dtype=np.float32)
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(features, labels):
        model = to_event_model(fit(features[train], labels[train], c), {})
        out[test] = model.probabilities(features[test])
    return out
