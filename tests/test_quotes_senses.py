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

Councillor Ana Bell called for more school funding.

The ferry firm agreed to a rescue by its largest lender.

The ferry firm agreed to sell the old pier to the city.

Councillor Ana Bell called for a “fair deal” for the dock workers.

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

Given the delays -- and the fact that the ferry has missed every deadline since 2010, according to the county auditor -- the town will vote again.

The strike drew wide support ("We want our jobs back," wrote Mara Lind, a welder in Dunmore, on the union's page), and the next vote will draw more.

The ferry -- according to the harbor board -- will stop in March.

A spokeswoman for the harbor board declined to comment.

The port authority declined to comment on the tender.

Mayor Reyes pledged to release his tax returns.

The harbor board refused to pay the levy.

The port authority reported a profit of $2.15 a ton, well above the $1.90 that shippers had expected.

Mayor Reyes noted that traffic on the ferry is in decline — a decline that began before he took office.

Councillor Bell suspects the old ferry contract.

A Gazette poll found a slim lead for Mayor Reyes.

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


def test_a_thing_asked_for_or_agreed_to_alone_is_no_proposition(quotes):
    # A "for" or "to" phrase with no verb or quoted words in it names what was wanted, not what
    # was said; an infinitive or quoted words under it say something.
    assert not [q for q in quotes if "school funding" in q.content or "a rescue" in q.content]
    assert quote_with(quotes, "to sell the old pier").speaker_mention.text == "The ferry firm"
    assert quote_with(quotes, "fair deal").speaker_mention.text == "Councillor Ana Bell"


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


def test_a_source_inside_an_aside_reports_the_aside_only(quotes):
    assert not [q for q in quotes if "the town will vote again" in q.content or "The strike drew" in q.content]
    assert quote_with(quotes, "the ferry has missed every deadline").speaker_mention.text == "the county auditor"
    assert quote_with(quotes, "We want our jobs back").speaker_mention.text == "Mara Lind"


def test_an_aside_of_the_source_phrase_alone_reports_the_sentence(quotes):
    assert quote_with(quotes, "will stop in March").speaker_mention.text == "the harbor board"


def test_a_refusal_to_speak_says_nothing(quotes):
    assert not [q for q in quotes if q.content == "to comment"]
    assert not [q for q in quotes if q.content == "the tender"]  # the topic of a refusal, not a talk's
    # What a pledge to speak names is its content (the voice reads no statement in it).
    assert quote_with(quotes, "to release his tax returns").cue_class == "intention"
    assert quote_with(quotes, "to pay the levy").cue_class == "intention"


def test_a_thing_thought_of_is_no_proposition_but_a_documents_finding_is(quotes):
    assert not [q for q in quotes if "the old ferry contract" in q.content]
    assert quote_with(quotes, "a slim lead for Mayor Reyes").speaker_mention.text == "Gazette"  # the poll's issuer


def test_a_set_off_gloss_ending_the_content_is_the_writers(quotes):
    assert quote_with(quotes, "a profit of $2.15").content == "a profit of $2.15 a ton"
    assert quote_with(quotes, "traffic on the ferry").content == "traffic on the ferry is in decline"


def test_a_dash_sets_off_an_aside_only_when_spaced(pipeline):
    from newsgraph.quotes.edges import aside_dash

    doc = pipeline.nlp("The Dunmore-based union - the board said -- will strike \u2014 again.")
    assert [t.text for t in doc if aside_dash(t)] == ["-", "--", "\u2014"]
