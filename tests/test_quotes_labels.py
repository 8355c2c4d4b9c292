"""Quotes: colon labels and credit lines in headline form (synthetic lines)."""
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
