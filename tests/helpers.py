"""Small helpers shared by several test modules (not fixtures: plain functions)."""
from __future__ import annotations


def events_pipeline():
    """A pipeline with the stages the events stage needs, and no language check for short texts."""
    from newsgraph.pipeline import Pipeline

    return Pipeline(stages=("actors", "quotes", "events"), check_language=False)


def rule_events(pipeline, text, published):
    """The rules' events before the classifier (so a test checks the rules themselves)."""
    stage = next(s for s in pipeline.stages if s.name == "events")
    model, stage.model = stage.model, None
    try:
        return pipeline.analyze(text, published=published).events
    finally:
        stage.model = model


def quote_with(quotes, words):
    """The first quote whose content contains `words`; fails, listing the contents, when none does."""
    found = [q for q in quotes if words in q.content]
    assert found, f"no quote contains {words!r}: {[q.content for q in quotes]}"
    return found[0]


def actors_analyzer(published: str):
    """`analyze(text, date=published)`: the entities of an actors-only pipeline, dated `published`
    unless the call gives another date."""
    from newsgraph.pipeline import Pipeline

    pipeline = Pipeline(stages=("actors",))
    return lambda text, date=published: pipeline.analyze(text, published=date).entities


def mention_texts(entities) -> set[str]:
    """The texts of all the entities' mentions."""
    return {m.text for e in entities for m in e.mentions}


def entity_with(entities, text: str):
    """The first entity with a mention reading `text`; fails, listing the entities, when none has."""
    found = [e for e in entities if any(m.text == text for m in e.mentions)]
    assert found, (text, [(e.name, [m.text for m in e.mentions]) for e in entities])
    return found[0]


class ConfidentClassifier:
    """A stand-in voice classifier that calls every text opinion (score 0.9)."""

    threshold = 0.5
    direction = None

    def check_encoder(self, digest):
        pass

    def probabilities(self, embeddings):
        import numpy as np

        return np.full(len(embeddings), 0.9)


class ConstantEncoder:
    """A stand-in sentence encoder: one constant dimension per text, no evidence."""

    digest = "none"

    def __init__(self, value: float = 1.0):
        self.value = value

    def encode(self, texts):
        import numpy as np

        return np.full((len(texts), 1), self.value, dtype=np.float32)

    def encode_with_evidence(self, texts, direction=None):
        return self.encode(texts), [() for _ in texts]
