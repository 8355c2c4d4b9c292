"""Event modality: what an irrealis word above the event reaches, and what it does not."""
from __future__ import annotations

import pytest

from .helpers import events_pipeline, rule_events

PUBLISHED = "2021-05-20"


@pytest.fixture(scope="module")
def pipeline():
    return events_pipeline()


def _modality(pipeline, text, event_type):
    return [e.modality for e in rule_events(pipeline, text, PUBLISHED) if e.type == event_type]


@pytest.mark.slow
def test_a_verb_joined_to_an_irrealis_word_is_a_second_act_not_its_content(pipeline):
    text = "Governor Tom Hale called the senator a liar and urged him to resign."
    assert _modality(pipeline, text, "REQUEST") == ["asserted"]


@pytest.mark.slow
def test_the_content_under_an_irrealis_word_stays_irrealis(pipeline):
    text = "Governor Tom Hale urged Russia to extend the truce and to release the prisoners."
    assert _modality(pipeline, text, "RETREAT") == ["hypothetical"]


@pytest.mark.slow
def test_a_clause_after_a_temporal_subordinator_is_taken_as_fact(pipeline):
    text = "Governor Tom Hale called for a boycott of Moscow after Russia refused to extend the truce."
    assert _modality(pipeline, text, "REJECT") == ["asserted"]
