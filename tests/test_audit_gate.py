"""Quality gate: `newsgraph eval audit --split test` figures stay above pinned floors.

The audit gold set (docs/annotation.md) is hand-judged real news; its test
split is held out: changes are never tuned on it, and only these aggregate
figures are read. Floors sit a little below what today's pipeline measured
on the committed test articles (the issue note gives the table); raise them
when a change lifts a figure, never lower them to let one through.
Tuned on: nothing of the test split; rules are developed on the dev split
(`newsgraph eval audit --split dev --show`) and the other gold sets.
"""
from __future__ import annotations

import pytest

from newsgraph.evaluation import has_data
from newsgraph.evaluation.audit_gold import load_gold

GOLD = load_gold("test")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not has_data("polnear/train") or not has_data("html/pages"),
                       reason="shared data (polnear/train, html/pages) not found; set NEWSGRAPH_DATA"),
    pytest.mark.skipif(not GOLD, reason="no audit gold files of the test split"),
]

# row -> (precision floor, recall floor), measured minus a small margin
FLOORS = {
    "events: type": (0.53, 0.35),  # 0.545 / 0.368 after the s12 confirmation floors and argument rules (s10: 0.540 / 0.364)
    "events: type+actors+recipients": (0.20, 0.13),  # 0.216 / 0.146 (s12 counterpart recipients; s10 0.204 / 0.138)
    "quotes: content": (0.835, 0.705),  # 0.853 / 0.720 (s12: a passive view with no holder; a thing asked for alone 0.851 / 0.711)
    "quotes: content+speaker": (0.79, 0.67),  # 0.807 / 0.682 (s12: a passive view with no holder; a thing asked for alone 0.804 / 0.673)
    "quotes: content+speaker, speech/writing": (0.825, 0.72),  # 0.842 / 0.737 (s12)
    "entities: span": (0.75, 0.80),  # 0.765 / 0.820 (s9)
    "entities: span+country+sector": (0.54, 0.61),  # issue 14: 0.560 / 0.621 after s12 plural titles (s9 0.557 / 0.615)
    "entities: actor (vs place)": (0.93, 0.95),
    "entities: place (vs actor)": (0.77, 0.69),
    "voice: reporting": (0.77, 0.81),  # 0.778 / 0.830 (s12: a speech verb whose subject the parser lost; s9 0.774 / 0.825)
    "voice: attributed": (0.86, 0.86),  # 0.882 / 0.880 (s12: a thing asked for alone is no quote, a passive view is one; 0.877 / 0.877 before)
    "voice: opinion": (0.73, 0.63),  # 0.756 / 0.648 (s9: opinion in hard news only by a stance mark)
    "sentences: boundaries": (0.91, 0.96),  # 0.930 / 0.979 measured with the sentence-start rules
}
MIN_ARTICLES = 30


@pytest.fixture(scope="module")
def result(pipeline):
    from newsgraph.evaluation.audit import evaluate, report_lines

    measured = evaluate("test", pipeline=pipeline)
    print("\n".join(report_lines(measured)))  # shown with -s: what to re-pin floors from
    return measured


def test_every_test_article_is_read_as_annotated(result):
    assert result.drift == []
    assert len(result.articles) >= MIN_ARTICLES


@pytest.mark.parametrize("row", sorted(FLOORS))
def test_floor(result, row):
    precision, recall = FLOORS[row]
    got = result.tallies[row]
    assert got.precision >= precision, f"{row}: precision {got.precision:.3f} < floor {precision}"
    assert got.recall >= recall, f"{row}: recall {got.recall:.3f} < floor {recall}"
