"""Quotes: reports whose source is not named (synthetic sentences)."""
from __future__ import annotations

import pytest

from newsgraph.quotes import find_quotes

from .helpers import quote_with

pytestmark = pytest.mark.slow  # loads the spaCy model


def _quotes(pipeline, text):
    from newsgraph.nlp import sentences

    doc = pipeline.nlp(text)
    return find_quotes(doc, sentences(doc))


def test_a_hearsay_adverb_marks_the_clause_as_reported(pipeline):
    quote = quote_with(_quotes(pipeline, "The port authority is reportedly being investigated by the state attorney general."),
                       "being investigated")
    assert quote.speaker is None and quote.speaker_mention is None
    assert quote.cue.text == "reportedly" and quote.content.startswith("The port authority")


def test_a_hedged_word_is_no_report(pipeline):
    assert not [q for q in _quotes(pipeline, "The allegedly stolen boat was found on Friday.") if q.cue is not None]


def test_an_empty_it_with_a_passive_verb_of_saying_reports_its_clause(pipeline):
    quote = quote_with(_quotes(pipeline, "It has been reported that the harbor chief resigned on Monday."), "harbor chief resigned")
    assert quote.speaker_mention is None and quote.cue.text == "reported"


def test_a_named_reporter_keeps_the_clause(pipeline):
    quote = quote_with(_quotes(pipeline, "Police said he allegedly brandished a knife during a scuffle with guards."), "brandished")
    assert quote.speaker_mention.text == "Police"


def test_one_list_of_hearsay_adverbs():
    from newsgraph.quotes.hearsay import HEARSAY_ADVERBS
    from newsgraph.reporting import hearsay_adverbs

    assert HEARSAY_ADVERBS == hearsay_adverbs()
    assert {"reportedly", "allegedly", "rumoredly"} <= hearsay_adverbs()
    # "supposedly" is the writer's doubt (a stance mark), not a report passed on.
    assert "supposedly" not in hearsay_adverbs()


def test_supposedly_is_the_writers_doubt_not_a_report(pipeline):
    assert not [q for q in _quotes(pipeline, "The ferry is supposedly the fastest boat on the lake.") if q.cue is not None]
    quote = quote_with(_quotes(pipeline, "The ferry is rumoredly being sold to a rival line."), "being sold")
    assert quote.cue.text == "rumoredly"
