"""The events stage's shortcuts (skipping words that can head nothing) skip only what the full
tests would reject (synthetic text)."""
from __future__ import annotations

import pytest

from newsgraph.events import dates
from newsgraph.events.detect import _has_senses, _may_head
from newsgraph.events.lexicon import load_lexicon

TEXT = ("The Kenyan government expelled two diplomats on Monday, and officials were ready to talk. "
        "The ministry's angry protest followed a long, quiet walk through the old city.")


@pytest.fixture(scope="module")
def doc(pipeline):
    return pipeline.nlp(TEXT)


def test_may_head_matches_the_string_test(doc):
    # The same test by part-of-speech and tag names: the int test must agree on every word.
    expected = [t.pos_ in ("VERB", "AUX", "ADJ") or t.tag_.startswith("VB") for t in doc]
    assert [_may_head(t) for t in doc] == expected
    assert any(expected) and not all(expected)  # the text holds words of both kinds


def test_verbs_with_no_reading_are_skipped_and_lexicon_verbs_kept():
    lex = load_lexicon()
    assert _has_senses("expel", lex)
    assert lex.light_verbs and lex.reaction_verbs
    assert all(_has_senses(v, lex) for v in lex.light_verbs | lex.reaction_verbs)
    assert not _has_senses("stroll", lex)


def test_warm_date_parser_keeps_resolutions():
    before = dates.resolve("March 3, 2019", "2021-05-20")
    dates.warm()
    assert dates.resolve("March 3, 2019", "2021-05-20") == before
    assert before.start == "2019-03-03"
