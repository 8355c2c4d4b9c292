"""Quotes: reported clauses and speakers the parser misattaches (synthetic sentences)."""
from __future__ import annotations

import pytest

from newsgraph.quotes import find_quotes

from .helpers import quote_with

pytestmark = pytest.mark.slow  # loads the spaCy model

ARTICLE = """Levy vote delayed

Mayor Ana Ruiz said after the meeting she would not sign the levy if it passed.

At a rally with supporters of the Green Party Ruiz said that the levy was unfair.

"The levy will not pass, and the harbor will pay for it," Bell said in an interview with "Harbor News Tonight."

Here is the exchange:

"HOST: Mayor, will the levy pass on Friday?

"RUIZ: Well, the council has the votes, and the harbor needs the money.

"HOST: And if it fails?

"RUIZ: Then we will try again in the spring.

"""


@pytest.fixture(scope="module")
def quotes(pipeline):
    from newsgraph.nlp import sentences

    doc = pipeline.nlp(ARTICLE)
    return find_quotes(doc, sentences(doc))


_with = quote_with


def test_a_bare_clause_hung_as_adverbial_is_reported(quotes):
    quote = _with(quotes, "she would not sign the levy")
    assert quote.speaker_mention.text.endswith("Ana Ruiz")


def test_a_name_taken_into_the_phrase_before_the_verb_is_its_subject(quotes):
    quote = _with(quotes, "the levy was unfair")
    assert quote.speaker_mention.text.endswith("Ruiz")


def test_a_show_name_ending_the_sentence_is_no_quote(quotes):
    assert not [q for q in quotes if "Harbor News Tonight" in q.content]
    assert _with(quotes, "The levy will not pass").speaker_mention.text == "Bell"


def test_turns_opened_by_a_quotation_mark_are_each_their_speakers(quotes):
    quote = _with(quotes, "the council has the votes")
    assert quote.speaker_mention.text == "RUIZ" and "HOST" not in quote.content
    assert _with(quotes, "try again in the spring").speaker_mention.text == "RUIZ"
