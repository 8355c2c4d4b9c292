"""The PolNeAR quote scorer on synthetic annotations, and the dev quality gate."""
from __future__ import annotations

import pytest

from .conftest import needs_data
from newsgraph.evaluation.quotes import Gold, Predicted, evaluate, parse_ann, score_document

TEXT = 'The mayor said the bridge will reopen in May. "It is safe," an engineer added.'
#       0123456789012345678901234567890123456789012345678901234567890123456789012345678
ANN = "\n".join([
    "T1\tSource 0 9\tThe mayor",
    "T2\tCue 10 14\tsaid",
    "T3\tContent 15 44\tthe bridge will reopen in May",
    "T4\tAttribution 10 14\tsaid",
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    "T5\tContent 47 58;59 59\tIt is safe,",
    "T6\tSource 60 71\tan engineer",
    "T7\tCue 72 77\tadded",
    "T8\tAttribution 72 77\tadded",
    "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6",
    "T9\tDiscuss 0 3\tThe",
])


def test_parse_ann_reads_content_source_and_quote_marks():
    first, second = parse_ann(ANN, TEXT)
    assert first.content == ((15, 44),) and first.sources == ((0, 9),) and not first.quoted
    assert second.content == ((47, 58), (59, 59)) and second.sources == ((60, 71),)
    assert not second.quoted  # the marks lie outside the annotated content


def test_correct_content_and_speaker():
    golds = parse_ann(ANN, TEXT)
    preds = [Predicted(15, 44, (4, 9)), Predicted(47, 57, (63, 71))]
    tally = score_document(TEXT, golds, preds, with_speaker=True)
    assert (tally.correct, tally.found, tally.predicted, tally.gold) == (2, 2, 2, 2)


def test_wrong_speaker_counts_only_for_content():
    golds = parse_ann(ANN, TEXT)
    preds = [Predicted(15, 44, (60, 71))]
    assert score_document(TEXT, golds, preds, with_speaker=True).correct == 0
    assert score_document(TEXT, golds, preds, with_speaker=False).correct == 1


def test_prediction_mostly_outside_gold_is_wrong():
    golds = parse_ann(ANN, TEXT)
    # "The mayor said the bridge": 9 of its 21 letters lie in the gold content
    assert score_document(TEXT, golds, [Predicted(0, 25, (0, 9))], with_speaker=False).correct == 0
    # "mayor said the bridge will reopen in May": 24 of 33
    assert score_document(TEXT, golds, [Predicted(4, 44, (0, 9))], with_speaker=False).correct == 1


def test_gold_found_needs_half_its_content_covered():
    golds = parse_ann(ANN, TEXT)
    short = [Predicted(15, 25, (0, 9))]  # "the bridge": correct, but covers too little
    tally = score_document(TEXT, golds, short, with_speaker=True)
    assert tally.correct == 1 and tally.found == 0


def test_gold_without_source_wants_no_speaker():
    gold = (Gold(((15, 44),), (), False),)
    assert score_document(TEXT, gold, [Predicted(15, 44, None)], True).correct == 1
    assert score_document(TEXT, gold, [Predicted(15, 44, (0, 9))], True).correct == 0


def test_quoted_gold_recall():
    gold = (Gold(((46, 59),), ((60, 71),), True),)
    tally = score_document(TEXT, gold, [Predicted(47, 57, (60, 71))], True)
    assert (tally.quoted_gold, tally.quoted_found) == (1, 1)


@pytest.mark.slow
@needs_data("polnear/dev")
def test_dev_quality_gate():
    """Floors a little under the figures measured on PolNeAR dev, all 84 articles
    (content+speaker P 81.4 R 54.1 F1 65.0, quoted R 77.7; content only F1 72.3, quoted R 88.4;
    before the cue-sense work P 79.9 R 51.8 F1 62.8)."""
    result = evaluate("dev", every=1, with_textacy=False)
    ours = result["reports"]["newsgraph"]
    assert result["documents"] == 84
    assert ours.speaker.f1 >= 0.64
    assert ours.speaker.precision >= 0.80
    assert ours.speaker.recall >= 0.53
    assert ours.speaker.quoted_recall >= 0.76
    assert ours.content.f1 >= 0.71
    assert ours.content.quoted_recall >= 0.86
