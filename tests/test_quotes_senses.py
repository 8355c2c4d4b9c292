"""Quotes: cues in a sense that reports nothing, and reports whose words lie elsewhere (synthetic sentences)."""
from __future__ import annotations

import pytest

from newsgraph.quotes import find_quotes

from .helpers import quote_with

pytestmark = pytest.mark.slow  # loads the spaCy model

ARTICLE = """Harbor levy talks stall

A port official, who spoke on the condition of anonymity, said the talks had stalled.

Councillor Ana Bell spoke on Tuesday to the Harbor Gazette about the levy.

Mayor Tom Reyes complained about the cost of the new sea wall.

Mayor Tom Reyes spoke of the long fight for the ferry line.

Vega has advised Mayor Reyes since the spring.

The harbor board warned the mayor about the rising costs of the wall.

In a speech last week, Reyes declared:

"The harbor will not pay for a wall it does not need."

The ferry line has been a steady earner for the city, however — the mayor reported earning $4 million from it on his disclosure form.

Councillor Bell praised Mayor Reyes on Monday.

Councillor Bell also praised Mayor Reyes for saving the ferry line.

Voters in the harbor district prefer Mayor Reyes.

"The wall is a waste of money," said Councillor Bell.

The harbor board denied the allegations on Friday.

The harbor board denied any wrongdoing in the tender.

DON'T MISS

Harbor town 'sinking into the sea' [VIDEO]

"""


@pytest.fixture(scope="module")
def quotes(pipeline):
    from newsgraph.nlp import sentences

    doc = pipeline.nlp(ARTICLE)
    return find_quotes(doc, sentences(doc))


def test_speaking_on_a_condition_or_a_day_reports_no_topic(quotes):
    assert not [q for q in quotes if "anonymity" in q.content or q.content.startswith("Tuesday")]
    assert quote_with(quotes, "the talks had stalled").speaker_mention.text == "A port official"


def test_a_topic_alone_is_no_proposition(quotes):
    assert not [q for q in quotes if "the cost of the new sea wall" in q.content]
    assert quote_with(quotes, "the long fight for the ferry line").speaker_mention.text.endswith("Reyes")


def test_an_addressed_person_alone_is_no_content(quotes):
    assert not [q for q in quotes if q.content.startswith("Mayor Reyes since")]
    assert quote_with(quotes, "the mayor about the rising costs")


def test_a_cue_opening_a_colon_under_a_source_phrase_keeps_its_own_words(quotes):
    assert not [q for q in quotes if q.content == "Reyes declared"]
    assert quote_with(quotes, "The harbor will not pay").speaker_mention.text == "Reyes"


def test_a_cue_with_its_own_object_reports_that_not_the_clause_before(quotes):
    assert not [q for q in quotes if "steady earner" in q.content]
    assert quote_with(quotes, "earning $4 million").speaker_mention.text == "the mayor"


def test_a_person_alone_is_whom_words_were_about_not_what_they_said(quotes):
    assert not [q for q in quotes if q.content.startswith("Mayor Reyes on Monday")
                or q.content == "Mayor Reyes" and q.cue_class == "speech"]
    assert quote_with(quotes, "Mayor Reyes for saving the ferry line").speaker_mention.text == "Councillor Bell"


def test_a_person_preferred_is_what_is_held(quotes):
    assert [q for q in quotes if q.content == "Mayor Reyes" and q.cue_class == "intention"]


def test_a_marked_passage_on_a_teaser_line_is_no_quote(quotes):
    assert not [q for q in quotes if "sinking into the sea" in q.content]
    assert quote_with(quotes, "The wall is a waste of money").speaker_mention.text == "Councillor Bell"


def test_an_object_pointing_back_at_a_known_thing_is_no_content(quotes):
    assert not [q for q in quotes if q.content.startswith("the allegations")]
    assert quote_with(quotes, "any wrongdoing").speaker_mention.text == "The harbor board"
