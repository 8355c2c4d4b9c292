"""The default spaCy pipeline is the published en_core_web_sm 3.8.0 (docs/model.md)."""
from __future__ import annotations

import pytest

from newsgraph.config import DEFAULT_MODEL

PUBLISHED = {"tag_acc": 0.972937262, "dep_uas": 0.9176955214, "dep_las": 0.8991533598, "ents_f": 0.8433119744}


@pytest.mark.slow
def test_default_model_meta_matches_the_published_figures(pipeline):
    meta = pipeline.nlp.meta
    assert pipeline.config.model == DEFAULT_MODEL and meta["version"] == "3.8.0"
    for key, value in PUBLISHED.items():
        assert meta["performance"][key] == pytest.approx(value, abs=1e-9), key
    assert {"PERSON", "ORG", "GPE", "NORP", "LOC", "DATE"} <= set(meta["labels"]["ner"])


@pytest.mark.slow
def test_line_breaks_start_sentences(pipeline):
    doc = pipeline.nlp("Minister Quits Over Leak\nThe minister resigned on Friday after the leak.")
    assert [s.text.strip() for s in doc.sents] == ["Minister Quits Over Leak", "The minister resigned on Friday after the leak."]
