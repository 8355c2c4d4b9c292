"""The event classifier: features, the JSON model, how the stage weighs proposed events."""
from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, strategies as st

from newsgraph.config import Config
from newsgraph.errors import ConfigError, NewsgraphError
from newsgraph.events import EventsStage
from newsgraph.events.features import SLOTS, slot, vector
from newsgraph.events.model import CLASSES, CONFIRM_FLOORS, RETYPE_FLOOR, EventModel, load_model
from newsgraph.records import Event, Span


@given(st.text(max_size=40))
def test_slots_are_stable_and_in_range(name):
    assert 0 <= slot(name) < SLOTS and slot(name) == slot(str(name))


def test_vector_adds_up_repeated_names():
    out = vector([("w=talks", 0.5), ("w=talks", 0.25), ("type=CONSULT", 1.0)])
    assert out[slot("w=talks")] == pytest.approx(0.75) and out.sum() == pytest.approx(1.75)


def _model(intercepts, weights=None, drop=0.7) -> EventModel:
    coef = np.zeros((len(CLASSES), SLOTS), dtype=np.float32)
    for (cls, name), value in (weights or {}).items():
        coef[cls, slot(name)] = value
    return EventModel.from_dense(coef, intercepts, drop, {"test": True})


def test_model_round_trips_through_json():
    model = _model([0.1, 0.2, -0.3, 0.0, 0.4], {(3, "type=ACCUSE"): 2.0, (1, "w=talks"): -1.5})
    again = EventModel.from_json(json.loads(json.dumps(model.as_json())))
    features = np.stack([vector([("type=ACCUSE", 1.0)]), vector([("w=talks", 1.0)])])
    assert np.allclose(model.probabilities(features), again.probabilities(features), atol=1e-5)
    assert np.allclose(again.probabilities(features).sum(axis=1), 1.0)


def test_a_model_of_another_format_is_refused_with_what_to_do():
    data = _model([0.0] * 5).as_json() | {"slots": SLOTS * 2}
    with pytest.raises(NewsgraphError, match="train_events.py"):
        EventModel.from_json(data)


def test_retyping_needs_a_sure_class_and_a_neighbouring_type():
    model = _model([0.0] * 5)
    sure_verbal = np.array([0.0, RETYPE_FLOOR + 0.01, 0.0, 0.0, 0.0])
    assert model.retyped("CONCEDE", sure_verbal) == "AGREE"
    assert model.retyped("ASSAULT", sure_verbal) is None  # no neighbour of ASSAULT in class 1
    assert model.retyped("CONCEDE", np.array([0.2, 0.5, 0.3, 0.0, 0.0])) is None


def _event(event_type="ACCUSE") -> Event:
    return Event("V1", event_type, None, (), (), Span(0, 4, "said"), 0)


def test_the_stage_drops_what_the_classifier_reads_as_no_event():
    stage = EventsStage(model=_model([0.0] * 5))
    assert stage._weighed(_event(), np.array([0.8, 0.05, 0.05, 0.05, 0.05])) is None
    kept = stage._weighed(_event(), np.array([0.6, 0.0, 0.0, 0.4, 0.0]))  # below the drop threshold
    assert kept is not None and kept.type == "ACCUSE" and kept.confidence == pytest.approx(0.4)


def test_an_assault_or_aid_is_kept_only_when_the_classifier_confirms_it():
    stage = EventsStage(model=_model([0.0] * 5))
    floor = CONFIRM_FLOORS["ASSAULT"]
    unsure = np.array([0.1, 0.0, 0.0, 0.9 - floor + 0.05, floor - 0.05])  # material conflict below the floor
    assert stage._weighed(_event("ASSAULT"), unsure) is None
    assert stage._weighed(_event("AID"), np.array([0.1, 0.0, floor - 0.05, 0.95 - floor, 0.0])) is None
    assert stage._weighed(_event("ACCUSE"), np.array([0.1, 0.0, 0.0, floor - 0.05, 0.95 - floor])) is not None
    sure = stage._weighed(_event("ASSAULT"), np.array([0.05, 0.0, 0.0, 0.0, 0.95]))
    assert sure is not None and sure.confidence == pytest.approx(0.95)


def test_min_confidence_is_validated_and_read_from_the_environment():
    with pytest.raises(ConfigError, match="between 0 and 1"):
        Config(min_confidence=1.5)
    assert Config.from_env({"NEWSGRAPH_MIN_CONFIDENCE": "0.6"}).min_confidence == 0.6


def test_the_shipped_model_was_trained_on_penta_only():
    model = load_model()
    assert model is not None, "run scripts/train_events.py"
    assert "penta" in model.meta["trained_on"] and "GSR" not in model.meta["trained_on"]
    assert set(model.weights) == set(CLASSES)


@pytest.mark.slow
def test_events_carry_a_confidence_and_min_confidence_filters():
    from newsgraph.pipeline import Pipeline

    text = "Poland expelled two Russian diplomats on Monday. Thousands of workers protested in Warsaw."
    events = Pipeline(stages=("actors", "events"), check_language=False).analyze(text).events
    assert events and all(0.0 <= e.confidence <= 1.0 for e in events)
    cut = max(e.confidence for e in events)
    strict = Pipeline(stages=("actors", "events"), check_language=False, min_confidence=cut).analyze(text).events
    assert [e.confidence for e in strict] == [c for c in (e.confidence for e in events) if c >= cut]
    assert all(isinstance(e.as_dict()["confidence"], float) for e in strict)
