"""Quotes: colon labels, credit lines, attributions the parser breaks and glosses after a source phrase (synthetic lines)."""
from __future__ import annotations

import pytest

from newsgraph.nlp import sentences
from newsgraph.quotes import find_quotes

from .helpers import quote_with

pytestmark = pytest.mark.slow  # loads the spaCy model

ARTICLE = """Harbor Mayor On Bell: 'We Do Not Pay For Walls.'

The mayor spoke at the port on Monday.

Ruiz Weighs In: Urges Council to Keep Ferry Line

Ted Vega: 'The Wall Is A Waste'

The harbor bond fell 2 percent on Monday, according to market data.

(Reporting by Ana Ruiz, Tom Bell and Lee Park, with reporting by Sam Cole, editing by Jo Vega.)
"""


@pytest.fixture(scope="module")
def quotes(pipeline):
    doc = pipeline.nlp(ARTICLE)
    return find_quotes(doc, sentences(doc))


def test_a_label_speaks_before_its_topic(quotes):
    assert quote_with(quotes, "We Do Not Pay").speaker_mention.text == "Harbor Mayor"


def test_a_phrasal_verb_label_speaks_before_its_verb(quotes):
    assert quote_with(quotes, "Keep Ferry Line").speaker_mention.text == "Ruiz"


def test_a_plain_name_label_still_speaks(quotes):
    assert quote_with(quotes, "The Wall Is A Waste").speaker_mention.text == "Ted Vega"


def test_a_credit_line_is_no_quote(quotes):
    assert not [q for q in quotes if "Ana Ruiz" in q.content or "editing" in q.content]


TRAILING = """The council met on Monday.

"The tide tables are wrong again this year," the report.

"The wall is a waste of the harbor's money," said Harbor ranking Democrat Ana Ruiz (D-Ore.).

"You seem to have picked a new standard out of thin air," the two write.
"""


@pytest.fixture(scope="module")
def trailing(pipeline):
    doc = pipeline.nlp(TRAILING)
    return find_quotes(doc, sentences(doc))


def test_a_long_title_after_said_keeps_its_name_as_speaker(trailing):
    assert "Ruiz" in quote_with(trailing, "waste of the harbor").speaker_mention.text


def test_a_verb_of_saying_read_as_a_noun_still_reports(trailing):
    quote = quote_with(trailing, "new standard")
    assert quote.speaker_mention.text.endswith("two") and quote.cue.text == "write"


def test_a_noun_after_a_quote_is_no_speaker(trailing):
    assert quote_with(trailing, "tide tables").speaker_mention is None


GLOSS = """The state auditor is investigating the harbor board, according to two people familiar with the matter, adding to a growing list of problems for the port.
"""


def test_a_participle_after_an_according_phrase_is_the_writers(pipeline):
    doc = pipeline.nlp(GLOSS)
    quotes = find_quotes(doc, sentences(doc))
    assert quote_with(quotes, "investigating the harbor board").speaker_mention.text.startswith("two people")
    assert not [q for q in quotes if "growing list" in q.content]


WARNING = """But he leaves behind a backlash, particularly his warning that the port would have to close if it wanted a new wall.

The plan that the council approved would close the port.
"""


def test_a_reporting_noun_keeps_a_that_clause_parsed_as_relative(pipeline):
    doc = pipeline.nlp(WARNING)
    quotes = find_quotes(doc, sentences(doc))
    assert quote_with(quotes, "the port would have to close").cue.text == "warning"
    assert not [q for q in quotes if "council approved" in q.content]


APPOSED = """The Harbor Company's parent firm, The Port Group, announced on Sept. 30 that it was withdrawing its bond filing for a public offering, shortly after Bell stepped down as chief.
"""


def test_a_report_the_parser_hung_on_its_subject_noun_keeps_its_speaker(pipeline):
    doc = pipeline.nlp(APPOSED)
    quote = quote_with(find_quotes(doc, sentences(doc)), "withdrawing its bond filing")
    assert quote.cue.text == "announced" and "parent firm" in quote.speaker_mention.text


PARTICIPLE = """Bell said that after legal advice the city had concluded the wall was "not, per se, illegal", saying he trusted the courts to decide.
"""


def test_a_participle_of_saying_after_the_content_is_the_outer_speakers(pipeline):
    doc = pipeline.nlp(PARTICIPLE)
    assert quote_with(find_quotes(doc, sentences(doc)), "trusted the courts").speaker_mention.text == "Bell"
