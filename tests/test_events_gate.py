"""Quality gate: `newsgraph eval events` figures must not fall below pinned floors.

Floors sit a little below what was measured (docs/event-model.md). The GSR is
scored whole; the penta set on a fixed 500-sentence sample to keep the gate
within a few minutes on a small machine. The headline floor is on data the
classifier never saw: trained on penta, scored on the GSR's classes. Penta
classes follow CAMEO roots (SANCTION = 3, CONCEDE = 2).

What each floor was tuned on: the lexicon and rules were written while reading
error lists of both the GSR and penta (docs/event-model.md), so GSR_FLOORS and
the rules' floors guard against regressions on tuned data, not generalisation;
the classifier was trained, and its C and drop threshold chosen, on penta only,
so CROSS_FLOORS["model_macro_f1"] is its held-out figure (over rules that saw
GSR errors). The events floors on untuned text are the audit gate's "events:"
rows (tests/test_audit_gate.py: 30 hand-judged test articles never tuned on).
"""
from __future__ import annotations

import pytest

from .conftest import needs_data
from newsgraph.evaluation.events import GSR, PENTA

# Measured 2026-12-02: GSR accuracy 0.811, macro-F1 0.803, country match 0.465,
# actor country match 0.731; penta-trained classifier on the GSR classes 0.897
# (rules alone 0.867); whole penta set: rules 0.843, classifier 5-fold CV 0.881.
GSR_FLOORS = {"type_accuracy": 0.79, "type_macro_f1": 0.78, "country_match": 0.44, "actor_country_match": 0.69}
CROSS_FLOORS = {"model_macro_f1": 0.85, "rules_macro_f1": 0.82}
# 2026-12-03: the 500-sentence sample's CV figure fell 0.853 -> 0.849 with events.senses.own_pledge (one
# company the actors stage takes for a person loses its AGREE); the rule removed 6 wrong events on the
# audit test split, so the floor moved from 0.85 to 0.84.
PENTA_FLOORS = {"rules_macro_f1": 0.82, "model_cv_macro_f1": 0.84}
PENTA_SAMPLE = 500


@pytest.mark.slow
@needs_data(GSR)
@needs_data(PENTA)
def test_event_coding_floors():
    from newsgraph.evaluation.events import run

    figures = run(limit=None, penta_limit=PENTA_SAMPLE)
    for part, floors in (("gsr", GSR_FLOORS), ("penta_on_gsr", CROSS_FLOORS), ("penta", PENTA_FLOORS)):
        for name, floor in floors.items():
            assert figures[part][name] >= floor, (part, name, figures[part][name])
    # Beside a baseline that learns from the very sentences it is scored on.
    assert 0.5 <= figures["penta"]["baseline_macro_f1"] <= 1.0
