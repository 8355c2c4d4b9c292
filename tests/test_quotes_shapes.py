"""Quotes: attribution shapes PolNeAR counts and the parser often misattaches (synthetic sentences).

Where the parser's mistake depends on the model's mood, the test builds the parse by hand:
the rule under test is the repair, not the parser.
"""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

from newsgraph.quotes import find_quotes
from newsgraph.quotes.indirect import clause_drafts

from .helpers import quote_with

pytestmark = pytest.mark.slow  # loads the spaCy model

ARTICLE = """Harbor levy fight

Harbor chief Ana Cole said the union has "enormous respect" for the port and his earlier comment was instead an expression of anger with the budget.

The bridge is one of at least 40 spans closed this year and the third span closed in the county, according to a state database.

Most residents would see their water rates go up under the plan, according to an analysis by the utility.

The deal was supposed to let leaders from both cities claim an easy victory while calming the markets.

The paper, citing an anonymous port official, reported that the mayor was reluctant to lower the fees.

That ruling by a relatively independent court emphasizes the stakes in this long struggle over the harbor.

The visitors toured the old fort, dubbed the "Rock" by generations of sailors.

Asked if she believed the governor wanted the levy to fail, Ruiz said she would not guess.

OSLO, Norway (AP) — Harbor Minister Kari Dahl on Monday accused the shipping firms of hiding their profits.

In a new poll, Mayor Ruiz leads her rival by four points among likely voters.

Councillor Tom Reyes on Wednesday called on Ana Bell to apologize to the mayor for accusing her of lying about the levy.

One of the engineers called the new seawall a reckless gamble.

Ruiz called the delay a common problem during long budget fights.

The harbor board called an emergency meeting on Sunday.

With 50 days until the election, Ana Bell, a senior adviser to the mayor, called the council's delay "a real wake-up call" for the city.

Council members said the timing of the vote was not planned; they only learned of the storm on Friday.

The port's business is planting trees. The trees soak up the salt from the harbor air. An acre of trees can hold 150 tons of salt over the years, Mr. Vega said.

Esper toured the city's old prison, dubbed the "Rock" by sailors held there during the war.

That would help the farm belt while allowing the mayor to campaign on maintaining her "tough on shipping" stance, which holds appeal to voters in key towns.

The port released a video on Friday. It shows a guard waving a flag at an unseen boat while sailors shout at him.

Polling averages show Ruiz with a lead in the low single digits, with the city paper showing her ahead by three points.

The council met on Friday, with analysts saying the levy would pass easily.

Ruiz was heard on a microphone telling Bell to go home.

The harbor board issued a statement saying the port would reopen in May.

Many council members are afraid that turnout will fall in the harbor wards.

Ruiz is determined to pass the levy before May.

Bell has been critical of the seawall plan.

The levy is certain to pass in May.

Critics of the port see the new levy as a chance to fix the old piers.

The visitors saw the old fort from the ferry.
"""


@pytest.fixture(scope="module")
def quotes(pipeline):
    from newsgraph.nlp import sentences

    doc = pipeline.nlp(ARTICLE)
    return find_quotes(doc, sentences(doc))


def test_two_clauses_hung_on_one_cue_are_one_report(quotes):
    quote = quote_with(quotes, "enormous respect")
    assert "an expression of anger" in quote.content
    assert quote.speaker_mention.text.endswith("Ana Cole")


def test_a_closing_source_phrase_reports_the_whole_coordination(quotes):
    quote = quote_with(quotes, "the third span closed")
    assert quote.content.startswith("The bridge is one of")
    assert quote.speaker_mention.text == "a state database"


def test_a_belief_under_a_source_phrase_is_the_sources_report(quotes):
    quote = quote_with(quotes, "water rates go up")
    assert quote.content.startswith("Most residents")
    assert quote.cue.text == "according to"


def _none_with(quotes, words: str) -> None:
    assert not [q for q in quotes if words in q.content], words


def test_a_claimed_victory_is_taken_not_said(quotes):
    _none_with(quotes, "an easy victory")


def test_a_cited_source_is_no_content(quotes):
    _none_with(quotes, "anonymous port official")
    assert quote_with(quotes, "reluctant to lower").speaker_mention.text == "The paper"


def test_a_thing_stressing_a_topic_reports_nothing(quotes):
    _none_with(quotes, "the stakes in this long struggle")


def test_a_name_given_in_passing_is_no_quote(quotes):
    assert not [q for q in quotes if q.cue is not None and q.cue.text == "dubbed"]


def test_a_belief_asked_about_is_no_report(quotes):
    _none_with(quotes, "wanted the levy to fail")
    _none_with(quotes, "the levy to fail")
    assert quote_with(quotes, "would not guess").speaker_mention.text == "Ruiz"


def test_a_place_in_the_dateline_is_never_the_speaker(quotes):
    quote = quote_with(quotes, "hiding their profits")
    assert quote.speaker_mention.text.endswith("Kari Dahl")


def test_what_a_poll_finds_is_the_polls_not_its_subjects(quotes):
    quote = quote_with(quotes, "leads her rival by four points")
    assert quote.speaker_mention.text == "a new poll"


def test_a_call_holding_an_accusation_is_the_one_report(quotes):
    quote = quote_with(quotes, "to apologize to the mayor")
    assert quote.cue.text == "called" and "accusing her of lying" in quote.content
    assert quote.speaker_mention.text.endswith("Tom Reyes")


def test_one_of_a_group_of_people_holds_a_view(quotes):
    assert quote_with(quotes, "a reckless gamble").speaker_mention.text == "One of the engineers"


def test_a_phrase_after_the_object_belongs_to_what_was_said(quotes):
    assert quote_with(quotes, "a common problem").content.endswith("during long budget fights")


def test_calling_a_meeting_is_no_quote(quotes):
    _none_with(quotes, "an emergency meeting")


def test_the_name_in_an_opening_phrase_is_the_speaker(quotes):
    assert quote_with(quotes, "wake-up call").speaker_mention.text.endswith("Ana Bell")


def test_a_semicolon_ends_what_the_cue_reports(quotes):
    quote = quote_with(quotes, "the timing of the vote was not planned")
    assert "learned of the storm" not in quote.content


def test_a_cue_closing_the_paragraph_reports_the_sentences_before_it(quotes):
    quote = quote_with(quotes, "150 tons of salt")
    assert quote.content.startswith("The port's business is planting trees.")
    assert quote.speaker_mention.text == "Mr. Vega"


def test_a_name_given_by_an_agent_is_no_quote(quotes):
    _none_with(quotes, "Rock")


def test_a_scare_quote_inside_a_noun_phrase_is_no_quote(quotes):
    _none_with(quotes, "tough on shipping")


def test_conjoined_infinitives_are_all_wanted(pipeline):
    from newsgraph.nlp import sentences

    doc = pipeline.nlp("Harbor fund\n\nRuiz wants to triple the size of the harbor fund, grow the ferry service "
                       "and create a new reserve.\n")
    quote = quote_with(find_quotes(doc, sentences(doc)), "to triple the size")
    assert quote.content.endswith("create a new reserve")


def test_it_shows_reports_the_recording_named_before(quotes):
    assert quote_with(quotes, "a guard waving a flag").speaker_mention.text == "It"


def test_an_absolute_with_its_own_report_is_not_content(quotes):
    quote = quote_with(quotes, "a lead in the low single digits")
    assert "city paper" not in quote.content and quote.speaker_mention.text == "Polling averages"


def test_the_noun_a_saying_participle_qualifies_says_it(quotes):
    assert quote_with(quotes, "the levy would pass easily").speaker_mention.text == "analysts"


def test_a_statement_saying_is_its_issuers(quotes):
    assert quote_with(quotes, "the port would reopen in May").speaker_mention.text == "The harbor board"


def test_a_participle_hung_on_a_place_phrase_is_the_subjects(quotes):
    assert quote_with(quotes, "Bell to go home").speaker_mention.text == "Ruiz"


def test_a_stance_adjective_said_of_someone_reports_their_view(quotes):
    afraid = quote_with(quotes, "turnout will fall")
    assert afraid.cue.text == "afraid" and afraid.cue_class == "thought"
    determined = quote_with(quotes, "to pass the levy before May")
    assert determined.speaker_mention.text == "Ruiz" and determined.cue_class == "intention"
    assert quote_with(quotes, "the seawall plan").speaker_mention.text == "Bell"


def test_a_stance_adjective_said_of_a_thing_reports_nothing(quotes):
    _none_with(quotes, "to pass in May")


def test_seeing_something_as_something_is_a_view(quotes):
    quote = quote_with(quotes, "the new levy as a chance")
    assert quote.speaker_mention.text.startswith("Critics") and quote.cue_class == "perception"
    _none_with(quotes, "the old fort")


def _parsed(pipeline, rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """A Doc from (word, head, dep, pos, tag, lemma) rows: the parse a test needs, exactly."""
    words, heads, deps, pos, tags, lemmas = (list(col) for col in zip(*rows))
    return Doc(pipeline.nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def _contents(doc: Doc) -> list[str]:
    return [doc.text[d.start:d.end] for d in clause_drafts(doc[:])]


def test_a_clause_parsed_as_the_object_of_said_is_reported(pipeline):
    # "Lane said many of the claims critics cite failed to count jobs.": "many" taken for the
    # object of "said", and the clause's verb hung under the relative clause.
    doc = _parsed(pipeline, [
        ("Lane", 1, "nsubj", "PROPN", "NNP", "Lane"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("many", 1, "dobj", "ADJ", "JJ", "many"), ("of", 2, "prep", "ADP", "IN", "of"),
        ("the", 5, "det", "DET", "DT", "the"), ("claims", 3, "pobj", "NOUN", "NNS", "claim"),
        ("critics", 7, "nsubj", "NOUN", "NNS", "critic"), ("cite", 5, "relcl", "VERB", "VBP", "cite"),
        ("failed", 7, "advcl", "VERB", "VBD", "fail"), ("to", 10, "aux", "PART", "TO", "to"),
        ("count", 8, "xcomp", "VERB", "VB", "count"), ("jobs", 10, "dobj", "NOUN", "NNS", "job"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ])
    assert "many of the claims critics cite failed to count jobs" in _contents(doc)


def test_a_plain_object_of_said_is_no_clause(pipeline):
    doc = _parsed(pipeline, [
        ("Lane", 1, "nsubj", "PROPN", "NNP", "Lane"), ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("a", 3, "det", "DET", "DT", "a"), ("few", 4, "amod", "ADJ", "JJ", "few"),
        ("words", 1, "dobj", "NOUN", "NNS", "word"), (".", 1, "punct", "PUNCT", ".", "."),
    ])
    assert _contents(doc) == []


def test_a_cue_inside_a_leading_clause_reports_the_whole_sentence(pipeline):
    # "Though it was easy, he said, the vote would be hard.": "said" hung on the "though" clause.
    doc = _parsed(pipeline, [
        ("Though", 2, "mark", "SCONJ", "IN", "though"), ("it", 2, "nsubj", "PRON", "PRP", "it"),
        ("was", 10, "advcl", "AUX", "VBD", "be"), ("easy", 2, "acomp", "ADJ", "JJ", "easy"),
        (",", 6, "punct", "PUNCT", ",", ","), ("he", 6, "nsubj", "PRON", "PRP", "he"),
        ("said", 2, "parataxis", "VERB", "VBD", "say"), (",", 6, "punct", "PUNCT", ",", ","),
        ("the", 9, "det", "DET", "DT", "the"), ("vote", 10, "nsubj", "NOUN", "NN", "vote"),
        ("would", 10, "aux", "AUX", "MD", "would"), ("be", 10, "ROOT", "AUX", "VB", "be"),
        ("hard", 11, "acomp", "ADJ", "JJ", "hard"), (".", 11, "punct", "PUNCT", ".", "."),
    ])
    contents = _contents(doc)
    assert "the vote would be hard" in contents and "Though it was easy" in contents


def test_a_clause_hung_on_the_channel_noun_is_the_verbs_report(pipeline):
    # "The union said in a statement that reform was needed.": the that-clause parsed as the
    # statement's complement; the report is the verb's, with its subject as speaker.
    doc = _parsed(pipeline, [
        ("The", 1, "det", "DET", "DT", "the"), ("union", 2, "nsubj", "NOUN", "NN", "union"),
        ("said", 2, "ROOT", "VERB", "VBD", "say"), ("in", 2, "prep", "ADP", "IN", "in"),
        ("a", 5, "det", "DET", "DT", "a"), ("statement", 3, "pobj", "NOUN", "NN", "statement"),
        ("that", 9, "mark", "SCONJ", "IN", "that"), ("reform", 9, "nsubjpass", "NOUN", "NN", "reform"),
        ("was", 9, "auxpass", "AUX", "VBD", "be"), ("needed", 5, "acl", "VERB", "VBN", "need"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ])
    drafts = [d for d in clause_drafts(doc[:]) if doc.text[d.start:d.end] == "reform was needed"]
    assert len(drafts) == 1
    assert drafts[0].cue.token.text == "said" and drafts[0].speaker.text == "union"


def test_what_someone_should_have_said_is_no_report(pipeline):
    # "The board should have warned that losses would grow.": a counterfactual perfect is no report.
    doc = _parsed(pipeline, [
        ("The", 1, "det", "DET", "DT", "the"), ("board", 4, "nsubj", "NOUN", "NN", "board"),
        ("should", 4, "aux", "AUX", "MD", "should"), ("have", 4, "aux", "AUX", "VB", "have"),
        ("warned", 4, "ROOT", "VERB", "VBN", "warn"), ("that", 8, "mark", "SCONJ", "IN", "that"),
        ("losses", 8, "nsubj", "NOUN", "NNS", "loss"), ("would", 8, "aux", "AUX", "MD", "would"),
        ("grow", 4, "ccomp", "VERB", "VB", "grow"), (".", 4, "punct", "PUNCT", ".", "."),
    ])
    assert _contents(doc) == []
    said = _parsed(pipeline, [
        ("The", 1, "det", "DET", "DT", "the"), ("board", 2, "nsubj", "NOUN", "NN", "board"),
        ("warned", 2, "ROOT", "VERB", "VBD", "warn"), ("that", 6, "mark", "SCONJ", "IN", "that"),
        ("losses", 6, "nsubj", "NOUN", "NNS", "loss"), ("would", 6, "aux", "AUX", "MD", "would"),
        ("grow", 2, "ccomp", "VERB", "VB", "grow"), (".", 2, "punct", "PUNCT", ".", "."),
    ])
    assert _contents(said) == ["losses would grow"]
