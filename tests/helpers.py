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
