"""Quotes: marked passages nobody is given as saying are not quotes (synthetic text).

docs/annotation.md counts a quote when the text attributes words to a source; a passage in
quotation marks with no cue governing it and no speaker claiming it (after the colon and
continuation rules) is the writer's own marked phrase.
"""
from __future__ import annotations

import pytest

from newsgraph.nlp import sentences
from newsgraph.quotes import find_quotes

pytestmark = pytest.mark.slow  # loads the spaCy model

ARTICLE = """The council met on Tuesday to discuss the budget.

The mood in the hall was "we have heard all of this before and nothing ever changes."

Farmers gathered in the square at dawn.

Many carried signs with "Our land is not for sale to anyone at any price" written on them.

"We will not give up the fields our families have worked for a century," said Ana Ruiz, a grower.
"""


@pytest.fixture(scope="module")
def quotes(pipeline):
    doc = pipeline.nlp(ARTICLE)
    return find_quotes(doc, sentences(doc))


def test_a_marked_passage_with_no_cue_and_no_speaker_is_no_quote(quotes):
    contents = [q.content for q in quotes]
    assert not any("nothing ever changes" in c for c in contents), contents
    assert not any("not for sale" in c for c in contents), contents


def test_every_quote_left_has_a_cue_or_a_speaker(quotes):
    assert quotes and all(q.cue is not None or q.speaker_mention is not None for q in quotes)
    assert any("fields our families" in q.content and q.speaker_mention for q in quotes)
