"""Quotes: cue senses, non-speech verbs, documents, gendered and "it" speakers, datelines, data lines."""
from __future__ import annotations

import pytest

from newsgraph.quotes.lexicon import SENSES, cue_class, cue_sense

pytestmark = pytest.mark.slow  # loads the spaCy model

ARTICLE = """Harbor vote goes ahead

Harbor City Mayor Ana Ruiz said the levees had held. Ruiz tweeted that the water stayed out.
Council member Tom Bell believes the plan will fail. Bell wants a new vote on the levy.
A fisherman, Ray Ortiz, saw that the old pier had collapsed.

The dock workers' union backs the mayor. The port authority planned a new terminal and sought federal money.

Bill Smith and his wife, Mary Smith, attended the meeting. Mr. Smith left early. Mrs. Smith said the levy was unfair.

The Harbor Trust said the fund was empty. Repairs would take a year, it said.

Police notes show the suspect fled at noon.

A Gazette poll of harbor voters has found that the levy is unpopular.

According to data released by the Harbor Trust, ferry traffic fell by a third. According to reports received by the Harbor Trust, the ferry sank twice.

The minister is expected by analysts to resign on Friday. The port is expected to reopen in May.

Murphy said he supports the bill, which includes new money for the port.

The levy plan was first reported by The Harbor Gazette.

A recount is unlikely; the clerk’s office says the count will finish on Monday.

“We will rebuild the pier before the summer, whatever it costs.” ― Rosa Delgado

Ruiz now holds a lead of nine points among harbor voters, according to a Gazette poll released Friday.
Councillor Ann Lee spoke of the long fight for the sea wall.
Bell praised the crews but stopped short of calling the repairs finished.
The union said it was opposed to the levy and warned the council to drop it.
“The pumps held because the crews stayed,” Lee, a harbor engineer, said Monday.

Poll: Harbor Voters Back Ruiz On Levy Plan

HOST: Mayor, did the levees hold on Sunday night?
RUIZ: The levees held, and the pumps kept running all night.
HOST: What comes next for the harbor?
RUIZ: We rebuild the pier and we raise the wall.

The mayor asked her deputy to call the governor.

Nikkei: UP 0.4 percent at 28,000
"""

DATELINE = """Vote dispute widens

CLEVELAND — Former governor Jane Doe told reporters the count had been rigged.
"""


@pytest.fixture(scope="module")
def analysis(pipeline):
    return pipeline.analyze(ARTICLE)


def _with(analysis, words):
    found = [q for q in analysis.quotes if words in q.content]
    assert found, f"no quote contains {words!r}: {[q.content for q in analysis.quotes]}"
    return found[0]


def _entity_name(analysis, entity_id):
    return next((e.name for e in analysis.entities if e.id == entity_id), None)


def test_lexicon_gives_every_cue_a_sense():
    assert cue_sense("say") == "speech" and cue_sense("tweet") == "writing"
    assert cue_sense("believe") == "thought" and cue_sense("want") == "intention"
    assert cue_sense("see") == "perception"
    assert all(cue_sense(lemma) in SENSES for lemma in ("vow", "hope", "find", "accuse", "call"))


def test_acting_is_not_saying():
    for verb in ("back", "endorse", "support", "plan", "seek", "push"):
        assert cue_class(verb) is None, verb


def test_each_quote_carries_its_cue_class(analysis):
    assert _with(analysis, "the levees had held").cue_class == "speech"
    assert _with(analysis, "the water stayed out").cue_class == "writing"
    assert _with(analysis, "the plan will fail").cue_class == "thought"
    assert _with(analysis, "a new vote on the levy").cue_class == "intention"
    assert _with(analysis, "the old pier had collapsed").cue_class == "perception"
    assert all(q.as_dict()["cue_class"] in SENSES for q in analysis.quotes)


def test_backing_planning_and_seeking_are_not_quotes(analysis):
    cues = {q.cue.text for q in analysis.quotes if q.cue}
    assert "said" in cues and not cues & {"backs", "planned", "sought"}


def test_wife_is_not_given_to_her_husband(analysis):
    quote = _with(analysis, "the levy was unfair")
    assert quote.speaker_mention.text == "Mrs. Smith"
    assert _entity_name(analysis, quote.speaker) != "Bill Smith"


def test_it_said_is_the_organisation_named_before(analysis):
    quote = _with(analysis, "Repairs would take a year")
    assert quote.speaker_mention.text == "it"
    assert "Harbor Trust" in (_entity_name(analysis, quote.speaker) or "")


def test_a_document_speaks_for_its_issuer(analysis):
    quote = _with(analysis, "the suspect fled at noon")
    assert quote.speaker_mention.text == "Police"
    assert [v.text for v in quote.via][:1] == ["Police notes"]


def test_a_document_speaks_for_the_agent_that_issued_it(analysis):
    quote = _with(analysis, "ferry traffic fell by a third")
    assert quote.speaker_mention.text.endswith("Harbor Trust")
    assert "data" in [v.text for v in quote.via]
    # Who received a report only holds it: the reports speak for nobody named.
    held = _with(analysis, "the ferry sank twice")
    assert held.speaker_mention is None or "Trust" not in held.speaker_mention.text


def test_a_poll_speaks_for_the_name_before_it_not_for_whom_it_asked(analysis):
    quote = _with(analysis, "the levy is unpopular")
    assert quote.speaker_mention.text.endswith("Gazette")


def test_a_passive_belief_is_its_agents(analysis):
    quote = _with(analysis, "resign on Friday")
    assert quote.speaker_mention.text == "analysts" and quote.cue.text == "expected"
    assert quote.content.startswith("The minister") and quote.cue_class == "thought"
    assert not [q for q in analysis.quotes if "reopen" in q.content]  # nobody named: the writer's


def test_a_passive_report_is_its_agents(analysis):
    quote = _with(analysis, "The levy plan")
    assert quote.speaker_mention.text == "The Harbor Gazette" and quote.cue.text == "reported"


def test_the_clause_after_the_cue_not_the_one_before_a_semicolon(analysis):
    quote = _with(analysis, "the count will finish")
    assert quote.content == "the count will finish on Monday" and quote.speaker_mention.text == "the clerk’s office"
    assert not [q for q in analysis.quotes if "A recount is unlikely" in q.content]


def test_a_signature_dash_names_the_speaker(analysis):
    quote = _with(analysis, "We will rebuild the pier")
    assert quote.speaker_mention.text == "Rosa Delgado" and quote.kind == "direct"


def test_a_transcript_turn_is_its_labels(analysis):
    turns = [q for q in analysis.quotes if q.cue is not None and q.cue.text == ":" and q.speaker_mention
             and q.speaker_mention.text in ("HOST", "RUIZ")]
    assert [q.speaker_mention.text for q in turns] == ["HOST", "RUIZ", "HOST", "RUIZ"]
    assert turns[1].content == "The levees held, and the pumps kept running all night"


def test_a_comma_set_relative_clause_is_the_writers_gloss(analysis):
    assert _with(analysis, "he supports the bill").content == "he supports the bill"


def test_a_request_is_its_object_and_infinitive(analysis):
    quote = _with(analysis, "to call the governor")
    assert quote.speaker_mention.text == "The mayor" and quote.cue.text == "asked"


def test_market_data_line_is_never_a_quote(analysis):
    assert not [q for q in analysis.quotes if "percent" in q.content]


def test_dateline_is_never_the_speaker(pipeline):
    quotes = pipeline.analyze(DATELINE).quotes
    quote = next(q for q in quotes if "rigged" in q.content)
    assert quote.speaker_mention is not None and "CLEVELAND" not in quote.speaker_mention.text
    assert "Doe" in quote.speaker_mention.text


def test_a_source_phrase_is_the_source_when_no_cue_reports_the_clause(analysis):
    quote = _with(analysis, "holds a lead of nine points")
    assert quote.speaker_mention.text == "Gazette" and quote.cue.text == "according to"
    assert "a Gazette poll" in [v.text for v in quote.via]  # the issuer speaks through its poll


def test_the_topic_of_a_talk_is_reported(analysis):
    quote = _with(analysis, "the long fight for the sea wall")
    assert quote.speaker_mention.text == "Councillor Ann Lee" and quote.cue.text == "spoke"


def test_stopping_short_of_a_label_is_the_subjects(analysis):
    quote = _with(analysis, "the repairs finished")
    assert quote.speaker_mention.text == "Bell" and quote.cue.text == "calling"


def test_coordinated_reports_share_the_speaker(analysis):
    opposed = _with(analysis, "it was opposed to the levy")
    assert opposed.content == "it was opposed to the levy" and opposed.speaker_mention.text == "The union"
    warned = _with(analysis, "to drop it")
    assert warned.speaker_mention.text == "The union" and warned.cue.text == "warned"


def test_a_date_after_the_cue_is_never_the_speaker(analysis):
    quote = _with(analysis, "The pumps held because the crews stayed")
    assert quote.speaker_mention is not None and "Lee" in quote.speaker_mention.text


def test_a_headline_poll_speaks(analysis):
    quote = _with(analysis, "Harbor Voters Back Ruiz")
    assert quote.speaker_mention.text == "Poll" and quote.cue.text == ":"
