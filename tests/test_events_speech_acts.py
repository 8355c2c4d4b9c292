"""Speech acts of politics (appeals, verbal attacks, name-calling), general talk, figures and
headline repeats in the events stage (synthetic text)."""
from __future__ import annotations

import pytest

from .helpers import events_pipeline, rule_events

PUBLISHED = "2021-05-20"


@pytest.fixture(scope="module")
def pipeline():
    return events_pipeline()


def _rules(pipeline, text):
    return rule_events(pipeline, text, PUBLISHED)


def _types(pipeline, text):
    return [e.type for e in _rules(pipeline, text)]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The foreign minister urged Ruritania to withdraw its troops from the border.",
    "The opposition called on the prime minister to resign.",
    "The mayor asked the governor to send the National Guard.",
])
def test_appeals_are_requests_that_absorb_what_is_urged(pipeline, text):
    assert _types(pipeline, text) == ["REQUEST"]


@pytest.mark.slow
def test_asked_about_is_not_a_request(pipeline):
    assert "REQUEST" not in _types(pipeline, "The senator asked about the budget on Tuesday.")


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The senator savaged the governor of Ohio on Twitter.",
    "The candidate railed against Ruritania's trade policy.",
    "The Washington Post called the mayor a political opportunist.",
])
def test_verbal_attacks_of_domestic_politics_are_accusations(pipeline, text):
    assert "ACCUSE" in _types(pipeline, text)


@pytest.mark.slow
def test_a_name_of_praise_is_support(pipeline):
    types = _types(pipeline, "The president called the German chancellor a great friend.")
    assert "SUPPORT" in types and "ACCUSE" not in types


@pytest.mark.slow
def test_opposing_a_wrongdoing_is_disapproval_and_a_policy_a_rejection(pipeline):
    assert _types(pipeline, "The United States opposes intimidation by Ruritania.") == ["ACCUSE"]
    assert _types(pipeline, "The United States opposes the plan of Ruritania.") == ["REJECT"]


@pytest.mark.slow
def test_dismissing_an_accusation_keeps_the_accusation(pipeline):
    types = _types(pipeline, "The party chair dismissed Senator Smith's accusations against the governor.")
    assert sorted(types) == ["ACCUSE", "REJECT"]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Removing tariffs is an important condition for any deal.",
    "A strategy for ending the protests is still missing.",
])
def test_an_act_with_no_party_and_no_subject_is_general_talk(pipeline, text):
    assert _types(pipeline, text) == []


@pytest.mark.slow
def test_a_figure_moving_by_a_percentage_is_no_event(pipeline):
    assert _types(pipeline, "The Nikkei 225 declined 0.3% on Monday.") == []
    assert _types(pipeline, "Japan declined to join the talks.") == ["REJECT"]


@pytest.mark.slow
def test_a_verb_sense_for_its_object_beats_the_light_verb_noun(pipeline):
    assert _types(pipeline, "The government accepted demands from the rebels.") == ["CONCEDE"]


@pytest.mark.slow
def test_two_nations_exercising_together_cooperate(pipeline):
    types = _types(pipeline, "French and Egyptian warships launched war games in the Mediterranean.")
    assert types == ["COOPERATE"]


@pytest.mark.slow
def test_a_name_modifier_is_the_party_of_an_event_noun(pipeline):
    analysis = pipeline.analyze("Investors watched the US-China trade talks closely.", published=PUBLISHED)
    (event,) = [e for e in analysis.events if e.trigger.text == "talks"]
    assert event.type == "CONSULT" and event.actors


def test_the_headline_retold_in_the_lead_is_one_event():
    from newsgraph.events.repeats import merge_repeats
    from newsgraph.records import Event, Span

    headline = Event("V1", "REJECT", None, ("E1",), ("E2",), Span(10, 18, "dismisses"), 0)
    lead = Event("V2", "REJECT", None, ("E4",), ("E2",), Span(80, 89, "dismissed"), 1)
    later = Event("V3", "REJECT", None, ("E5",), ("E2",), Span(400, 409, "dismissed"), 6)
    merged = merge_repeats([headline, lead, later])
    assert [(e.trigger.text, e.mentions) for e in merged] == [("dismisses", (lead.trigger,)), ("dismissed", ())]


@pytest.mark.slow
def test_a_yield_needs_someone_who_yields(pipeline):
    assert "CONCEDE" not in _types(pipeline, "It was a limited deal that would allow leaders to claim a victory.")
    assert "CONCEDE" in _types(pipeline, "The Ruritanian government lifted the curfew on Monday.")
