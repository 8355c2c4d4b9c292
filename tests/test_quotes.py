"""The quotes stage on synthetic news text and on the seed article."""
from __future__ import annotations

import pytest

from newsgraph.quotes import find_quotes

from .helpers import quote_with

pytestmark = pytest.mark.slow  # loads the spaCy model

ARTICLE = """Mayor Says Flood Plan Is 'Working'

Harbor City Mayor Ana Ruiz said on Monday that the new levees had held through the storm.

"We were ready this time, and the water stayed out of the old town," Ruiz told Reuters. "Nobody had to leave home."

Opposition leader Tom Bell disagreed. He said: "The levees were built on borrowed money.

"Someone will have to pay that back," he added.

According to the city's budget office, the project cost twice the original estimate. In a statement, the office blamed rising steel prices.

Critics called the scheme a "gold-plated" wall. Local papers ran a series titled "Water Everywhere" about the "sponge city" idea.

Ruiz told council members that the city "would not cut a single school" to pay for it, according to a transcript published by the Harbor Gazette.

"We'll see," Bell said in an interview with CNN.
"""


@pytest.fixture(scope="module")
def quotes(pipeline):
    doc = pipeline.nlp(ARTICLE)
    from newsgraph.nlp import sentences

    return find_quotes(doc, sentences(doc))


_with = quote_with


def test_ids_are_sequential_and_offsets_point_at_content(quotes):
    assert quotes and [q.id for q in quotes] == [f"Q{n}" for n in range(1, len(quotes) + 1)]
    for q in quotes:
        assert ARTICLE[q.start:q.end] == q.content
        assert q.content == q.content.strip()


def test_direct_quote_with_speaker_after_it_and_outlet_addressee_is_via(quotes):
    q = _with(quotes, "We were ready this time")
    assert q.kind == "direct"
    assert q.speaker_mention.text == "Ruiz" and q.cue.text == "told"
    assert q.content.endswith("old town")  # the handing-over comma is not content
    assert [v.text for v in q.via] == ["told Reuters"]
    assert q.addressee_mention is None


def test_second_quote_in_paragraph_inherits_speaker(quotes):
    q = _with(quotes, "Nobody had to leave home")
    assert q.speaker_mention.text == "Ruiz"


def test_indirect_quote_content_excludes_that(quotes):
    q = _with(quotes, "the new levees had held")
    assert q.kind == "indirect"
    assert q.content.startswith("the new levees")
    assert q.speaker_mention.text == "Harbor City Mayor Ana Ruiz"


def test_colon_intro_and_quote_across_paragraphs(quotes):
    q = _with(quotes, "built on borrowed money")
    assert "Someone will have to pay that back" in q.content  # reopened in the next paragraph
    assert q.speaker_mention.text == "He"
    assert q.kind == "direct"


def test_according_to_a_source_without_speaker_of_its_own(quotes):
    q = _with(quotes, "twice the original estimate")
    assert q.cue.text == "According to"
    assert q.speaker_mention.text == "the city's budget office"


def test_scare_quotes_and_titles_are_not_quotes(quotes):
    for words in ("Water Everywhere", "sponge city"):
        at = ARTICLE.index(words)
        assert not [q for q in quotes if q.start <= at < q.end], words


def test_label_verb_with_quoted_object_is_attributed(quotes):
    q = _with(quotes, "gold-plated")
    assert q.speaker_mention.text == "Critics" and q.cue.text == "called"
    assert "Local papers" not in q.content


def test_statement_channel_is_via_not_source(quotes):
    q = _with(quotes, "rising steel prices")
    assert q.speaker_mention.text == "the office"
    assert [v.text for v in q.via] == ["In a statement"]


def test_mixed_quote_with_addressee_and_via_document(quotes):
    q = _with(quotes, "would not cut a single school")
    assert q.kind == "mixed"
    assert q.speaker_mention.text == "Ruiz"
    assert q.addressee_mention.text == "council members"
    assert [v.text for v in q.via] == ["according to a transcript published by the Harbor Gazette"]


def test_interview_channel_is_via(quotes):
    q = _with(quotes, "We'll see")
    assert q.speaker_mention.text == "Bell"
    assert [v.text for v in q.via] == ["in an interview with CNN"]


def test_headline_quote(quotes):
    q = _with(quotes, "Flood Plan Is")
    assert q.speaker_mention.text.endswith("Mayor")
    assert q.content.endswith("'Working'")


def test_unbalanced_marks_do_not_crash(pipeline):
    from newsgraph.nlp import sentences

    text = 'He said "this never closes.\n\nShe said ” and then \' and “ and ‘ again.'
    doc = pipeline.nlp(text)
    for q in find_quotes(doc, sentences(doc)):
        assert 0 <= q.start <= q.end <= len(text)


MORE = """Port Workers' Union: 'We Will Strike Until The Cranes Are Safe'

As the Coastal Ledger reported, the dock authority plans to replace half its cranes next year.

Dock managers dismissed the union's claim that two cranes failed inspections in March.

“We have waited long enough,” union secretary Dana Okafor, who has led the local since 2019, said on Friday. “Nobody else will fix this.”

“The cranes will be inspected again.” The port's safety officer said so on Sunday.

Asked about the dispute, the authority's director promised a review, and he described the cranes as "perfectly serviceable".
"""


@pytest.fixture(scope="module")
def more_quotes(pipeline):
    from newsgraph.nlp import sentences

    doc = pipeline.nlp(MORE)
    return find_quotes(doc, sentences(doc))


def test_colon_headline(more_quotes):
    q = _with(more_quotes, "We Will Strike")
    assert q.speaker_mention.text.endswith("Union") and q.cue.text == ":"
    assert q.content == "We Will Strike Until The Cranes Are Safe"


def test_as_outlet_reported(more_quotes):
    q = _with(more_quotes, "plans to replace half its cranes")
    assert q.speaker_mention.text == "the Coastal Ledger"
    assert not q.content.startswith("As")


def test_reporting_noun_with_owner(more_quotes):
    q = _with(more_quotes, "two cranes failed inspections")
    assert q.speaker_mention.text == "the union" and q.cue.text == "claim"
    assert q.content.startswith("two cranes")


def test_speaker_with_apposition_and_relative_clause(more_quotes):
    first = _with(more_quotes, "We have waited long enough")
    second = _with(more_quotes, "Nobody else will fix this")
    assert first.speaker_mention.text == "union secretary Dana Okafor"
    assert second.speaker_mention == first.speaker_mention


def test_quote_before_its_speaker_in_next_sentence(more_quotes):
    q = _with(more_quotes, "inspected again")
    assert q.speaker_mention.text == "The port's safety officer"


def test_label_quote_after_participle_question(more_quotes):
    q = _with(more_quotes, "perfectly serviceable")
    assert q.speaker_mention.text == "he"
    assert q.content == "the cranes as \"perfectly serviceable\""


# -- the seed article ------------------------------------------------------
def _seed_quote(seed_analysis, words):
    found = [q for q in seed_analysis.quotes if words in q.content]
    assert found, f"no quote contains {words!r}"
    return found[0]


def _speaker_name(analysis, quote) -> str | None:
    entity = analysis.entity(quote.speaker)
    return entity.name if entity else None


def test_seed_lavrov_direct_quote_via_tass(seed_analysis):
    q = _seed_quote(seed_analysis, "The conversation seemed to me constructive")
    assert q.kind == "direct" and q.speaker_mention.text == "he"
    assert "previous years" in q.content  # the quote runs over two sentences
    assert [v.text for v in q.via] == ["according to the Russian news agency Tass"]
    assert _speaker_name(seed_analysis, q) in (None, "Sergey Lavrov")  # never someone else


def test_seed_second_lavrov_quote(seed_analysis):
    q = _seed_quote(seed_analysis, "Today we confirmed our proposal")
    assert q.kind == "direct" and q.speaker_mention.text == "he"
    assert q.content.endswith("experts still have to work on it")
    assert _speaker_name(seed_analysis, q) in (None, "Sergey Lavrov")


def test_seed_blinken_mixed_quote_to_lavrov_via_readout(seed_analysis):
    q = _seed_quote(seed_analysis, "sought a more stable and predictable relationship")
    assert q.kind == "mixed"
    assert q.speaker_mention.text == "Blinken" and "Blinken" in _speaker_name(seed_analysis, q)
    assert q.addressee_mention.text == "Lavrov"
    assert [v.text for v in q.via] == ["According to a State Department readout of the meeting"]


def test_seed_blinken_deep_concern(seed_analysis):
    q = _seed_quote(seed_analysis, "deep concern")
    assert q.content == "deep concern"
    assert q.speaker_mention.text == "Blinken" and q.cue.text == "expressed"


def test_seed_lavrov_indirect_dialogue(seed_analysis):
    q = _seed_quote(seed_analysis, "willingness to start a dialogue")
    assert q.kind == "indirect" and q.speaker_mention.text == "Lavrov"
    assert "Lavrov" in _speaker_name(seed_analysis, q)


def test_seed_headline_quote(seed_analysis):
    q = _seed_quote(seed_analysis, "Meeting With Blinken Was")
    assert q.speaker_mention.text == "Russian FM" and q.cue.text == "Says"
    assert _speaker_name(seed_analysis, q) in (None, "Sergey Lavrov")


def test_seed_scare_quotes_are_not_quotes(seed_analysis):
    contents = [q.content for q in seed_analysis.quotes]
    assert "foreign agent" not in contents and "stable" not in contents


def test_seed_quotes_cover_content_not_attribution(seed_analysis):
    assert seed_analysis.quotes
    for q in seed_analysis.quotes:
        assert " he said" not in q.content and "according to" not in q.content.lower()


_WORDS = ["He", "said", "told", "Reuters", "the", "minister", "according", "to", "“", "”", '"', "'", "‘", "’",
          ",", ".", ":", "\n\n", "\n", "Lavrov", "that", "we", "will", "win", "Says", "in", "a", "statement"]


def test_stage_never_crashes_on_random_marks(pipeline):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from newsgraph.nlp import sentences

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=60).map(" ".join))
    def check(text):
        doc = pipeline.nlp(text)
        for q in find_quotes(doc, sentences(doc)):
            assert 0 <= q.start <= q.end <= len(text) and text[q.start:q.end] == q.content
            if q.speaker_mention is not None:
                assert text[q.speaker_mention.start:q.speaker_mention.end] == q.speaker_mention.text

    check()
