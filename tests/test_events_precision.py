"""Precision mechanisms of the events stage: senses through the arguments, polarity,
domestic politics, general talk, datelines and names with numbers (synthetic text)."""
from __future__ import annotations

import pytest

from .helpers import events_pipeline, rule_events

PUBLISHED = "2021-05-20"


@pytest.fixture(scope="module")
def pipeline():
    return events_pipeline()


def _rules(pipeline, text):
    return rule_events(pipeline, text, PUBLISHED)


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The stock index shot up 3 percent after the report.",
    "Shares retreated from a record high on Friday.",
    "The two companies struck a deal to merge their units.",
])
def test_a_verb_without_a_political_party_is_no_event(pipeline, text):
    assert _rules(pipeline, text) == ()


@pytest.mark.slow
def test_the_blast_that_wounded_dozens_stays_an_event(pipeline):
    assert [e.type for e in _rules(pipeline, "The blast wounded dozens in the market.")] == ["ASSAULT"]


@pytest.mark.slow
def test_a_speech_attacking_a_rival_is_verbal(pipeline):
    types = [e.type for e in _rules(pipeline, "The senator gave a speech attacking the governor of Ohio.")]
    assert "ASSAULT" not in types and "ACCUSE" in types


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Mr Smith held a campaign rally in Ohio on Saturday.",
    "The president addressed an election rally of supporters in Miami.",
])
def test_campaign_rallies_are_not_protests(pipeline, text):
    assert "PROTEST" not in [e.type for e in _rules(pipeline, text)]


@pytest.mark.slow
def test_a_hunger_strike_by_a_legislator_is_still_a_protest(pipeline):
    text = "A member of the Ruritanian parliament started a hunger strike on Monday."
    assert "PROTEST" in [e.type for e in _rules(pipeline, text)]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The president of Brazil vowed to repeal the trade agreement with Argentina.",
    "The parliament of Ukraine refused to ratify the treaty with Moldova.",
    "The government of Peru said it was impossible to approve the loan deal with the IMF.",
])
def test_refusals_and_vows_to_undo_are_rejections(pipeline, text):
    events = _rules(pipeline, text)
    assert events and all(not (e.type in ("AGREE", "SUPPORT") and e.modality == "asserted") for e in events)
    assert "REJECT" in [e.type for e in events]


@pytest.mark.slow
def test_general_talk_carries_its_modality(pipeline):
    events = _rules(pipeline, "The minister's tendency to criticise the government of Chile is well known.")
    assert events and all(e.modality != "asserted" for e in events)


@pytest.mark.slow
def test_a_dateline_city_is_never_an_actor(pipeline):
    text = "Talks end\n\nMOSCOW (Reuters) - Russia expelled two Polish diplomats on Monday."
    analysis = pipeline.analyze(text, published=PUBLISHED)
    (event,) = [e for e in analysis.events if e.type == "SANCTION"]
    # The parse takes MOSCOW for a subject too; the actor is the clause's own subject.
    assert [analysis.entity(a).name for a in event.actors] == ["Russia"]


def test_a_number_inside_a_name_is_not_a_date():
    import spacy
    from spacy.tokens import Doc, Span

    from newsgraph.events.location import in_name

    doc = Doc(spacy.blank("en").vocab, words=["The", "committee", "Fund", "21", "met", "on", "May", "21"],
              pos=["DET", "NOUN", "PROPN", "NUM", "VERB", "ADP", "PROPN", "NUM"])
    assert in_name(Span(doc, 3, 4, label="DATE"))
    assert not in_name(Span(doc, 7, 8, label="DATE"))  # "May 21" is a date


def test_dateline_words_are_found_only_at_a_line_start():
    import spacy

    from newsgraph.events.arguments import in_dateline

    doc = spacy.blank("en")("Title\n\nKYIV (AP) - KYIV officials met.")
    flags = [(t.text, in_dateline(t)) for t in doc if t.text == "KYIV"]
    assert flags == [("KYIV", True), ("KYIV", False)]


def test_the_same_act_told_twice_is_one_event_with_its_mentions():
    from newsgraph.events.repeats import merge_repeats
    from newsgraph.records import Event, EventDate, Span

    day = EventDate("Monday", "2021-05-17", "2021-05-17", "day", Span(40, 46, "Monday"))
    first = Event("V1", "SANCTION", "discontinue", ("E1",), ("E2",), Span(3, 12, "sanctions"), 0, confidence=0.7)
    again = Event("V2", "SANCTION", "discontinue", ("E1",), ("E2",), Span(60, 67, "imposed"), 2, date=day,
                  confidence=0.9)
    other = Event("V3", "SANCTION", "discontinue", ("E3",), ("E2",), Span(90, 97, "imposed"), 3)
    merged = merge_repeats([first, again, other])
    assert [e.id for e in merged] == ["V1", "V2"]
    assert merged[0].mentions == (again.trigger,) and merged[0].date == day and merged[0].confidence == 0.9
    assert merged[0].as_dict()["mentions"] == [again.trigger.as_dict()]
    # Events with no named actor are never merged: nothing says they are the same act.
    actorless = Event("V1", "ASSAULT", None, (), (), Span(0, 4, "shot"), 0)
    assert len(merge_repeats([actorless, replace_id(actorless, "V2")])) == 2


def replace_id(event, new_id):
    from dataclasses import replace

    return replace(event, id=new_id)


def test_one_sentence_naming_its_act_again_is_one_event():
    from newsgraph.events.repeats import merge_repeats
    from newsgraph.records import Event, Span

    met = Event("V1", "CONSULT", None, ("E1", "E2"), (), Span(10, 13, "met"), 0)
    meeting = Event("V2", "CONSULT", None, ("E3", "E4"), (), Span(60, 67, "meeting"), 0)
    elsewhere = Event("V3", "CONSULT", None, ("E3", "E4"), (), Span(160, 167, "meeting"), 4)
    countries = {"E1": "USA", "E2": "RUS", "E3": "RUS", "E4": "USA"}
    merged = merge_repeats([met, meeting, elsewhere], countries)
    assert [(e.trigger.text, e.mentions) for e in merged] == [("met", (meeting.trigger,)), ("meeting", ())]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Senate Democrats threatened to block the spending bill.",
    "The governor threatened to veto the budget passed by the state legislature.",
])
def test_threats_of_parliamentary_moves_are_not_threats(pipeline, text):
    assert "THREATEN" not in [e.type for e in _rules(pipeline, text)]


@pytest.mark.slow
def test_a_threat_of_force_stays_a_threat(pipeline):
    assert "THREATEN" in [e.type for e in _rules(pipeline, "North Korea threatened to strike the United States.")]


@pytest.mark.slow
def test_an_attack_on_a_plan_is_verbal(pipeline):
    types = [e.type for e in _rules(pipeline, "Republicans attacked the president's tax plan on Tuesday.")]
    assert types == ["ACCUSE"]


def _named(analysis, ids):
    return {analysis.entity(i).name for i in ids} | {m.text for i in ids for m in analysis.entity(i).mentions}


@pytest.mark.slow
def test_a_possessive_names_who_accuses(pipeline):
    analysis = pipeline.analyze("The senator's allegations against the governor of Ohio prompted an inquiry.")
    (event,) = [e for e in analysis.events if e.trigger.text == "allegations"]
    assert event.type == "ACCUSE" and "senator" in " ".join(_named(analysis, event.actors))
    assert "governor" in " ".join(_named(analysis, event.recipients))


@pytest.mark.slow
def test_talks_between_two_capitals_have_both_as_actors(pipeline):
    analysis = pipeline.analyze("Talks between Washington and Beijing resumed on Tuesday.")
    (event,) = [e for e in analysis.events if e.trigger.text == "Talks"]
    assert event.type == "CONSULT" and {analysis.entity(a).country for a in event.actors} == {"USA", "CHN"}


@pytest.mark.slow
def test_a_material_act_named_by_a_noun_is_background(pipeline):
    analysis = pipeline.analyze("Beijing condemned Washington's sanctions on Huawei.")
    assert [e.type for e in analysis.events] == ["ACCUSE"]


def test_the_acts_word_told_again_with_no_party_refers_back_to_it():
    from newsgraph.events.repeats import merge_repeats
    from newsgraph.records import Event, Span

    first = Event("V1", "ACCUSE", None, ("E1",), ("E2",), Span(10, 23, "investigation"), 1)
    again = Event("V2", "ACCUSE", None, (), (), Span(300, 313, "investigation"), 6)
    assert [(e.id, e.mentions) for e in merge_repeats([first, again])] == [("V1", (again.trigger,))]
    # Another word, a party of its own, or no party in the first report either: separate acts.
    other_word = Event("V2", "ACCUSE", None, (), (), Span(300, 306, "probes"), 6)
    with_party = Event("V2", "ACCUSE", None, ("E3",), (), Span(300, 313, "investigation"), 6)
    partyless = Event("V1", "ACCUSE", None, (), (), Span(10, 23, "investigation"), 1)
    assert len(merge_repeats([first, other_word])) == 2
    assert len(merge_repeats([first, with_party])) == 2
    assert len(merge_repeats([partyless, again])) == 2


def test_the_same_parties_act_in_another_word_far_on_is_another_act():
    from newsgraph.events.repeats import merge_repeats
    from newsgraph.records import Event, Span

    backed = Event("V1", "SUPPORT", None, ("E1",), ("E2",), Span(100, 106, "backed"), 2)
    next_sentence = Event("V2", "SUPPORT", None, ("E1",), ("E2",), Span(200, 208, "endorsed"), 3)
    far_on = Event("V3", "SUPPORT", None, ("E1",), ("E2",), Span(900, 907, "praised"), 9)
    same_word = Event("V4", "SUPPORT", None, ("E1",), ("E2",), Span(990, 996, "backed"), 11)
    merged = merge_repeats([backed, next_sentence, far_on, same_word])
    assert [e.trigger.text for e in merged] == ["backed", "praised"]
    assert merged[0].mentions == (next_sentence.trigger, same_word.trigger)
    # A headline's act is retold anywhere in the story.
    headline = Event("V1", "SUPPORT", None, ("E1",), ("E2",), Span(0, 6, "backs"), 0)
    assert len(merge_repeats([headline, far_on])) == 1
