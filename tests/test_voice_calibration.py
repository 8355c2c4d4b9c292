"""The calibrated opinion probability per sentence (voice/calibration.py)."""
from __future__ import annotations

import pytest

from newsgraph.records import Sentence
from newsgraph.voice.calibration import load_calibration, opinion_probability, reliability


def test_the_shipped_calibration_rises_with_the_score_and_falls_with_attribution():
    low, mid, high = (opinion_probability(s, 0.5, False, False) for s in (0.1, 0.5, 0.9))
    assert 0 < low < mid < high < 1
    assert opinion_probability(0.9, 0.5, True, False) < high  # someone else's words
    assert opinion_probability(0.5, 0.5, False, True) > mid  # a stance mark
    # The margin counts from the threshold in use: a column's lower bar, a wire report's higher one.
    assert opinion_probability(0.5, 0.2, False, False) > mid > opinion_probability(0.5, 0.6, False, False)
    assert load_calibration().weights["margin"] > 0


def test_reliability_compares_probabilities_with_frequencies():
    assert reliability([1.0, 0.0], [1, 0])["brier"] == 0.0
    found = reliability([0.8] * 10, [1] * 4 + [0] * 6)
    assert found["ece"] == pytest.approx(0.4) and found["rate"] == pytest.approx(0.4)
    assert reliability([], []) == {"items": 0}


def test_the_probability_is_an_added_contract_field():
    record = Sentence(0, 10, "opinion", (), 0.91234, 0.71234).as_dict()
    assert record["opinion_score"] == 0.9123 and record["opinion_probability"] == 0.7123
    assert "opinion_probability" not in Sentence(0, 10).as_dict()  # no voice stage run


@pytest.mark.slow
def test_every_voiced_sentence_of_the_seed_has_a_probability(seed_analysis):
    probabilities = [s.probability for s in seed_analysis.sentences]
    assert probabilities and all(p is not None and 0 < p < 1 for p in probabilities)
    by_voice = {}
    for s in seed_analysis.sentences:
        by_voice.setdefault(s.voice, []).append(s.probability)
    # The writer's opinions are, on average, more likely opinion than the plain reporting.
    assert sum(by_voice["opinion"]) / len(by_voice["opinion"]) > sum(by_voice["reporting"]) / len(by_voice["reporting"])
