"""Quality gate: `newsgraph eval voice` figures stay above pinned floors.

Floors sit a little below what was measured on data no choice was made on:
BABE's held-out part (evaluation/voice.py BABE_PARTS: 1,012 sentences of 691
articles, split off by a hash of the article link, apart from the 800-sentence
spread that voice/loaded.py's EVIDENCE_FLOOR was chosen on); tune on
`newsgraph eval voice --babe-part tuning` only. CheckThat test was never
trained or tuned on, though it has been scored after decisions (docs/voice.md).
Measured 2026-12-02 (`newsgraph eval voice --babe-part held-out`): CheckThat
test 0.776; BABE held-out opinion macro-F1 0.879 (675 polar sentences),
loaded words P 0.398 R 0.290.
"""
from __future__ import annotations

import pytest

from .conftest import needs_data

pytestmark = [pytest.mark.slow, needs_data("subjectivity"), needs_data("babe")]

BABE_PART = "held-out"
CHECKTHAT_FLOOR = 0.75
BABE_OPINION_FLOOR = 0.86
LOADED_PRECISION_FLOOR = 0.38
LOADED_RECALL_FLOOR = 0.27


@pytest.fixture(scope="module")
def result():
    from newsgraph.evaluation.voice import evaluate

    measured = evaluate(babe_part=BABE_PART)
    print(measured)  # shown with -s: what to re-pin floors from
    return measured


def test_checkthat_test_macro_f1(result):
    ct = result["checkthat"]
    assert ct["newsgraph"] >= CHECKTHAT_FLOOR
    assert ct["newsgraph"] > ct["baseline"]


def test_babe_opinion_macro_f1(result):
    assert result["babe"]["part"] == BABE_PART and result["babe"]["items"] > 600
    assert result["babe"]["newsgraph"] >= BABE_OPINION_FLOOR


def test_babe_loaded_words(result):
    loaded = result["babe"]["loaded"]
    assert loaded["precision"] >= LOADED_PRECISION_FLOOR
    assert loaded["recall"] >= LOADED_RECALL_FLOOR
    # The lexicon trades recall for precision against the word-identity baseline.
    assert loaded["precision"] > result["babe"]["loaded_baseline"]["precision"]


def test_babe_parts_are_fixed_disjoint_and_keep_the_tuning_spread_out():
    from newsgraph.evaluation.voice import TUNING_SPREAD, babe

    tuning, held_out = babe(part="tuning"), babe(part="held-out")
    assert len(tuning) + len(held_out) == len(babe()) and len(held_out) > 900
    assert not {r.link for r in tuning} & {r.link for r in held_out}
    assert not {r.text for r in babe(TUNING_SPREAD)} & {r.text for r in held_out}
