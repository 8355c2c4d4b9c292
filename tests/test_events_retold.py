"""Events stage, third pass on precision (synthetic text): questions are no requests, a speaker's
own resolve is no demand, a fronted passive participle's subject suffers its act, and a participle
clause that tells the main verb's act again is that act's mention, not a second event, and an object
pronoun is never the subject its clause inherits ("threatened to kill them"); a prospect told twice is
one event; an official's "we" is the state she speaks for; a force deployed is the mobiliser, and on
home ground acts on no one there; a gerund with no doer, or a counted thing, names no party."""
from __future__ import annotations

import pytest

from .helpers import events_pipeline, rule_events

PUBLISHED = "2021-05-20"


@pytest.fixture(scope="module")
def pipeline():
    return events_pipeline()


def _events(pipeline, text):
    return rule_events(pipeline, text, PUBLISHED)


def _types(pipeline, text):
    return [e.type for e in _events(pipeline, text)]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The reporter asked the minister whether the talks with Borduria would resume.",
    "A journalist asked President Smith how he would pay for the new wall.",
])
def test_a_question_put_to_someone_is_no_request(pipeline, text):
    assert "REQUEST" not in _types(pipeline, text)


@pytest.mark.slow
def test_asking_someone_to_act_stays_a_request(pipeline):
    assert "REQUEST" in _types(pipeline, "The minister asked Borduria to release the prisoners.")


@pytest.mark.slow
@pytest.mark.parametrize("text, kept", [
    ("The president said we must rebuild our army.", False),
    ("The president said Borduria must withdraw its troops.", True),
])
def test_the_speakers_own_resolve_is_no_demand(pipeline, text, kept):
    assert ("REQUEST" in _types(pipeline, text)) is kept


@pytest.mark.slow
def test_a_fronted_passive_participle_has_the_main_subject_as_its_patient(pipeline):
    text = "Forced to choose between war and surrender, the king of Ruritania chose war."
    king = next(e.id for e in pipeline.analyze(text, published=PUBLISHED).entities if "king" in e.name.lower())
    coerce = next(e for e in _events(pipeline, text) if e.type == "COERCE")
    assert king not in coerce.actors and king in coerce.recipients


@pytest.mark.slow
def test_a_fronted_passive_participle_with_its_agent_has_both_parties(pipeline):
    ev = next(e for e in _events(pipeline, "Attacked by rebels, the army of Ruritania retreated from the town.")
              if e.type == "ASSAULT")
    assert ev.actors and ev.recipients and not set(ev.actors) & set(ev.recipients)


@pytest.mark.slow
def test_a_participle_clause_retelling_the_act_is_its_mention(pipeline):
    events = _events(pipeline, "The senator condemned the president's plan on Tuesday, calling it a disgrace.")
    assert [e.type for e in events] == ["ACCUSE"]
    assert [m.text for m in events[0].mentions] == ["calling"]


@pytest.mark.slow
def test_a_participle_clause_of_another_act_stays_its_own_event(pipeline):
    types = _types(pipeline, "The minister condemned the attack, demanding that Borduria withdraw its troops.")
    assert "ACCUSE" in types and "REQUEST" in types


@pytest.mark.slow
def test_an_object_pronoun_is_not_the_subject_its_infinitive_inherits(pipeline):
    text = "The rebels seized the soldiers and vowed to kill them."
    names = {e.id: e.name for e in pipeline.analyze(text, published=PUBLISHED).entities}
    threat = next(e for e in _events(pipeline, text) if e.type == "THREATEN")
    assert [names[i] for i in threat.recipients] == ["soldiers"]


@pytest.mark.slow
def test_a_prospect_told_twice_is_one_event(pipeline):
    events = _events(pipeline, "Norway may agree to a new round of talks with Chile. The foreign minister said "
                               "on Monday that Norway will agree to the talks next month.")
    assert [e.type for e in events] == ["AGREE"] and len(events[0].mentions) == 1


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Norway imposed sanctions on Chile in May. Norway may impose new sanctions on Chile in June.",
    "Norway may agree to a new round of talks with Chile. The foreign minister said that Norway has not "
    "agreed to the talks so far.",
])
def test_a_prospect_is_not_merged_with_a_done_or_negated_act(pipeline, text):
    assert len(_events(pipeline, text)) == 2


@pytest.mark.slow
@pytest.mark.parametrize("speaker, state", [
    ("Norway's foreign minister Anna Berg", True),
    ("the novelist Anna Berg", False),
])
def test_an_officials_we_is_the_state_she_speaks_for(pipeline, speaker, state):
    text = (f"Norway will not accept threats against Chile. \u201cWe will not accept attempts to seize the "
            f"islands,\u201d {speaker} said on Monday.")
    names = {e.id: e.name for e in pipeline.analyze(text, published=PUBLISHED).entities}
    quoted = next(e for e in _events(pipeline, text) if e.quote is not None and e.type == "REJECT")
    assert ([names[i] for i in quoted.actors] == ["Norway"]) is state


def _named(pipeline, text, event_type):
    names = {e.id: e.name for e in pipeline.analyze(text, published=PUBLISHED).entities}
    event = next(e for e in _events(pipeline, text) if e.type == event_type)
    return [names[i] for i in event.actors], [names[i] for i in event.recipients]


@pytest.mark.slow
def test_a_force_deployed_with_no_mover_named_is_the_one_that_mobilises(pipeline):
    actors, recipients = _named(pipeline, "The army of Ruritania was deployed in the capital on Monday.", "MOBILIZE")
    assert actors and not recipients


@pytest.mark.slow
@pytest.mark.parametrize("text, abroad", [
    ("China deployed troops in Beijing on Monday.", False),
    ("Russia deployed troops in Ukraine on Monday.", True),
])
def test_a_force_moved_on_home_ground_has_no_recipient_by_place(pipeline, text, abroad):
    _, recipients = _named(pipeline, text, "MOBILIZE")
    assert bool(recipients) is abroad


@pytest.mark.slow
def test_a_light_verb_gerund_with_no_doer_is_the_act_in_general(pipeline):
    assert not _events(pipeline, "Making such concessions now would be a mistake.")


@pytest.mark.slow
def test_protests_held_keep_their_event(pipeline):
    assert "PROTEST" in _types(pipeline, "Protests were held in the capital of Ruritania on Monday.")


@pytest.mark.slow
def test_a_count_in_a_subject_names_no_party(pipeline):
    assert not _events(pipeline, "The index of the two hundred largest firms shot up on Monday.")
