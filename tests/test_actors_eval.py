"""`newsgraph eval actors`: gold readers, scoring rules, and the quality gate."""
from __future__ import annotations

import json

import pytest

from newsgraph.evaluation import actors as ev
from newsgraph.records import Entity, Mention
from tests.conftest import needs_data

# Measured 0.950 and 0.974 (see docs/actors.md); floors sit a little below.
COUNTRY_ACCURACY_FLOOR = 0.92
MENTION_RECALL_FLOOR = 0.95


def test_locate_finds_actor_text_and_elided_pieces():
    text = "Senior Hungarian officials met the U.N. envoy in Budapest."
    assert ev.locate(text, "Hungarian") == (7, 16)
    assert ev.locate(text, "u.n. envoy") == (35, 45)  # case-insensitive fallback
    assert ev.locate(text, "Senior ... officials") == (0, 6)  # elision: the first piece
    assert ev.locate(text, "Paris") is None


def test_read_conll_builds_text_and_spans(tmp_path):
    path = tmp_path / "a.conll"
    path.write_text("Iraqi B-S\ntroops I-S\nhit O\nthe B-T\nrebels I-T\n. O\n\nPolice B-S\nleft O\n")
    sentences = list(ev.read_conll(path))
    assert sentences[0][0] == "Iraqi troops hit the rebels ."
    assert sentences[0][1] == [(0, 12, "S"), (17, 27, "T")]
    assert sentences[1] == ("Police left", [(0, 6, "S")])


def test_read_gsr_skips_documentation_and_odd_targets(tmp_path):
    path = tmp_path / "g.json"
    path.write_text(json.dumps([
        {"id": "doc", "event": "DOCUMENT"},
        {"text": "Tokyo and Seoul agreed.", "event": "AGREE",
         "source": [{"actorText": "Tokyo", "code": "JAP"}], "target": "diplomatic"},
    ]))
    ((text, actors),) = list(ev.read_gsr(path))
    assert [(a.text, a.code, a.span) for a in actors] == [("Tokyo", "JAP", (0, 5))]


def _entity(country, start, end, text):
    return Entity("E1", text, "ORG", (Mention(start, end, text),), country=country)


def test_scoring_reads_cameo_codes_and_finer_plover_codes():
    score = ev.CountryScore()
    ev._score_actor(score, "Tokyo agreed", ev.GoldActor("Tokyo", "JAP", None, (0, 5)), [_entity("JPN", 0, 5, "Tokyo")])
    ev._score_actor(score, "The UN said", ev.GoldActor("UN", "IGO", None, (4, 6)), [_entity("UNO", 4, 6, "UN")])
    ev._score_actor(score, "Paris said", ev.GoldActor("Paris", "FRA", None, (0, 5)), [_entity("DEU", 0, 5, "Paris")])
    ev._score_actor(score, "x", ev.GoldActor("nowhere", "FRA", None, None), [])
    assert (score.gold, score.located, score.found, score.strict) == (4, 3, 2, 2)
    assert score.accuracy == pytest.approx(2 / 3)


@pytest.mark.slow
@needs_data(ev.GSR_FILE)
@needs_data(ev.CONLL_FILE)
def test_quality_gate_on_the_shared_gold_sets():
    from newsgraph.evaluation import data_dir

    base = data_dir(ev.GSR_FILE)
    gsr = ev.score_gsr(base / ev.GSR_FILE)
    assert gsr.located > 600
    assert gsr.accuracy >= COUNTRY_ACCURACY_FLOOR, gsr.misses[:20]
    conll = ev.score_conll(base / ev.CONLL_FILE)
    assert conll.gold > 2000
    assert conll.recall >= MENTION_RECALL_FLOOR, conll.misses[:20]
