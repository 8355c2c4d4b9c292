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


def test_a_speaker_claimed_quote_stays(quotes):
    assert any("fields our families" in q.content and q.speaker_mention for q in quotes)


def test_a_marked_sentence_of_its_own_stays_without_speaker(pipeline):
    """A whole marked sentence reads as someone's words whose speaker was missed: kept, null speaker."""
    text = ("The council met on Tuesday to discuss the budget.\n\n"
            "\"We have waited long enough for the new bridge and we will not wait any longer.\"\n\n"
            "The vote was postponed.")
    doc = pipeline.nlp(text)
    kept = [q for q in find_quotes(doc, sentences(doc)) if "waited long enough" in q.content]
    assert kept and kept[0].speaker_mention is None


def _marked(pipeline, text, words):
    doc = pipeline.nlp(text)
    return next(q for q in find_quotes(doc, sentences(doc)) if words in q.content)


def test_a_marked_sentence_after_a_named_persons_sentence_is_theirs(pipeline):
    """A cue-less marked sentence closing the paragraph of a sentence whose subject is a named
    person, the one person subject there, is that person's words (a journalist's lead-in)."""
    text = ("The flood reached the old mill on Sunday.\n\n"
            "On the radio, Mayor Helen Okafor, who grew up by the river, blamed years of neglect for the damage. "
            "\"The town has ignored these banks for decades and now we are paying for it.\"\n\n"
            "The water fell by Monday.")
    quote = _marked(pipeline, text, "ignored these banks")
    assert quote.speaker_mention is not None and "Okafor" in quote.speaker_mention.text


def test_a_lead_in_with_two_people_leaves_the_speaker_open(pipeline):
    text = ("The flood reached the old mill on Sunday.\n\n"
            "Mayor Helen Okafor blamed the plan Governor Tom Reyes approved last year. "
            "\"The town has ignored these banks for decades and now we are paying for it.\"\n\n"
            "The water fell by Monday.")
    quote = _marked(pipeline, text, "ignored these banks")
    assert quote.speaker_mention is None
