"""Word senses, polarity and repeats of the events stage, second pass: events told as going on,
refusals named by nouns, releases of things, standing states, the writer's estimates, one act named
twice in a sentence (synthetic text)."""
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
    return [(e.type, e.trigger.text) for e in _rules(pipeline, text)]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "With Ruritanian protests exploding to new heights, the king left the capital.",
    "The protests in Ruritania retreated from the main square.",
])
def test_an_event_going_on_is_no_new_act_of_force(pipeline, text):
    assert not [t for t, _ in _types(pipeline, text) if t in ("ASSAULT", "MOBILIZE", "COERCE", "RETREAT")]


@pytest.mark.slow
def test_an_attack_that_kills_stays_an_assault(pipeline):
    assert "ASSAULT" in [t for t, _ in _types(pipeline, "The attack by the rebels killed 40 soldiers in Ruritania.")]


@pytest.mark.slow
def test_a_partys_reluctance_to_yield_is_a_rejection_at_the_noun(pipeline):
    found = _types(pipeline, "President Smith's reluctance to roll back the tariffs on Ruritania worried investors.")
    assert found == [("REJECT", "reluctance")]


@pytest.mark.slow
def test_a_month_is_no_march(pipeline):
    assert _types(pipeline, "The Ruritanian crisis escalated sharply in March.") == []


@pytest.mark.slow
def test_not_accepting_offered_help_is_a_rejection_at_the_verb(pipeline):
    found = _types(pipeline, "The government of Ruritania chose not to accept the aid from Borduria.")
    assert found == [("REJECT", "accept")]


@pytest.mark.slow
@pytest.mark.parametrize("text, kept", [
    ("The government of Ruritania released the emails on Monday.", False),
    ("The government of Ruritania released the sailors on Monday.", True),
    ("The government of Ruritania released two Britons on Monday.", True),
])
def test_a_release_of_things_is_no_retreat(pipeline, text, kept):
    assert ("RETREAT" in [t for t, _ in _types(pipeline, text)]) is kept


@pytest.mark.slow
def test_a_standing_agreement_is_no_new_act(pipeline):
    assert _types(pipeline, "Both parties of Ruritania have a joint fundraising agreement with the union.") == []


@pytest.mark.slow
def test_reaching_an_agreement_is_still_one(pipeline):
    found = _types(pipeline, "The parties of Ruritania reached a joint agreement with the union on Monday.")
    assert ("AGREE", "agreement") in found


@pytest.mark.slow
def test_how_a_country_should_be_governed_is_no_demand(pipeline):
    text = "The senator told the mayors that Ruritania should be governed by honest people."
    assert "REQUEST" not in [t for t, _ in _types(pipeline, text)]


@pytest.mark.slow
def test_a_demand_on_a_party_stays_one(pipeline):
    text = "The senator said that Ruritania must withdraw its troops from Borduria."
    assert "REQUEST" in [t for t, _ in _types(pipeline, text)]


@pytest.mark.slow
def test_a_likely_deployment_is_the_writers_estimate_not_a_threat(pipeline):
    (event,) = _rules(pipeline, "The president of Ruritania is likely to deploy troops onto the streets of the capital.")
    assert (event.type, event.modality) == ("MOBILIZE", "hypothetical")


@pytest.mark.slow
def test_one_sentence_naming_one_act_twice_is_one_event(pipeline):
    events = _rules(pipeline, "The president of Ruritania praised Borduria, and Borduria was also praised in the capital.")
    assert [(e.type, e.trigger.text, [m.text for m in e.mentions]) for e in events] == [
        ("SUPPORT", "praised", ["praised"])]


@pytest.mark.slow
def test_two_recipients_in_one_sentence_are_two_acts(pipeline):
    events = _rules(pipeline, "The president of Ruritania condemned Borduria and criticised Moldova on Friday.")
    assert [e.trigger.text for e in events] == ["condemned", "criticised"]


@pytest.mark.slow
def test_a_promise_to_back_a_party_is_the_support_retold_later_without_doer(pipeline):
    text = ("The president of Ruritania promised to back Borduria. "
            "He later showed a willingness to support Borduria in the war.")
    events = _rules(pipeline, text)
    assert [(e.type, e.trigger.text, [m.text for m in e.mentions]) for e in events] == [
        ("SUPPORT", "back", ["support"])]


@pytest.mark.slow
def test_a_trade_war_between_named_parties_is_a_sanction(pipeline):
    found = _types(pipeline, "Investors worried about the Ruritania-Borduria trade war on Monday.")
    assert ("SANCTION", "war") in found and "ASSAULT" not in [t for t, _ in found]


@pytest.mark.slow
def test_beating_a_rival_candidate_is_no_assault(pipeline):
    text = "The governor said Senator John Smith is the best candidate to beat Senator Mary Jones in November."
    assert "ASSAULT" not in [t for t, _ in _types(pipeline, text)]


@pytest.mark.slow
def test_soldiers_beating_a_villager_stay_an_assault(pipeline):
    text = "Ruritanian soldiers beat a villager in the market of Borduria on Monday."
    assert "ASSAULT" in [t for t, _ in _types(pipeline, text)]


@pytest.mark.slow
def test_a_participle_with_its_own_date_reports_the_act(pipeline):
    text = "The president of Borduria welcomed the prisoners released by Ruritania on Monday."
    assert ("RETREAT", "released") in _types(pipeline, text)


@pytest.mark.slow
def test_a_participle_describing_a_party_is_no_event(pipeline):
    text = "Rebels backed by Borduria held the town of Ruritania."
    assert "SUPPORT" not in [t for t, _ in _types(pipeline, text)]


@pytest.mark.slow
def test_polls_released_on_a_day_are_no_retreat(pipeline):
    text = "New polls released Sunday showed Senator Smith taking a lead in the race."
    assert "RETREAT" not in [t for t, _ in _types(pipeline, text)]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The campaign of Senator Smith denies any wrongdoing in Ruritania.",
    "The government of Ruritania refuted the accusations of Borduria.",
])
def test_denying_or_refuting_an_accusation_is_a_rejection(pipeline, text):
    assert "REJECT" in [t for t, _ in _types(pipeline, text)]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The government of Ruritania turned down the offer of Borduria.",
    "The president of Ruritania balked at signing the treaty with Borduria.",
    "Ruritania repudiated the treaty with Borduria on Monday.",
])
def test_verbs_of_refusal_are_rejections(pipeline, text):
    assert "REJECT" in [t for t, _ in _types(pipeline, text)]


@pytest.mark.slow
def test_a_date_is_no_prepositional_complement(pipeline):
    text = "The president of Ruritania fired his campaign manager on Monday."
    assert "ASSAULT" not in [t for t, _ in _types(pipeline, text)]


@pytest.mark.slow
def test_firing_on_protesters_stays_an_assault(pipeline):
    text = "Ruritanian soldiers fired on protesters in the capital on Monday."
    assert "ASSAULT" in [t for t, _ in _types(pipeline, text)]


@pytest.mark.slow
def test_calling_for_a_ban_is_a_request_not_the_ban(pipeline):
    found = _types(pipeline, "The senator called for a ban on Ruritanian imports on Friday.")
    assert [t for t, _ in found] == ["REQUEST"]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Senator John Smith attacked Senator Mary Jones over her emails.",
    "Senator John Smith launched an attack on his rival's record.",
])
def test_politicians_attack_each_other_with_words(pipeline, text):
    types = [t for t, _ in _types(pipeline, text)]
    assert "ACCUSE" in types and "ASSAULT" not in types


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Ruritania attacked Borduria on Monday.",
    "Taliban fighters attacked the governor's convoy.",
])
def test_states_and_fighters_still_assault(pipeline, text):
    assert "ASSAULT" in [t for t, _ in _types(pipeline, text)]


@pytest.mark.slow
@pytest.mark.parametrize("text, kept", [
    ("The markets rallied after the decision of the central bank.", False),
    ("Protesters marched in the capital of Ruritania on Sunday.", True),
    ("Hillary Clinton held a rally in Iowa on Monday.", False),
    ("Opposition leader Maria Lopez held a rally against the government.", True),
])
def test_rallies_of_markets_and_campaigns_are_no_protests(pipeline, text, kept):
    assert ("PROTEST" in [t for t, _ in _types(pipeline, text)]) is kept


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The storm killed 12 people in the mountains.",
    "The virus has killed more than 3,000 people.",
])
def test_natural_harm_is_no_assault(pipeline, text):
    assert "ASSAULT" not in [t for t, _ in _types(pipeline, text)]


@pytest.mark.slow
@pytest.mark.parametrize("text, kept", [
    ("The government announced new measures to support the economy.", False),
    ("The senator said she would support the bill on Friday.", True),
    ("Ruritania supported Borduria at the United Nations.", True),
])
def test_supporting_a_thing_that_is_no_party_or_policy_is_no_event(pipeline, text, kept):
    types = [t for t, _ in _types(pipeline, text)]
    assert (bool({"SUPPORT", "AGREE"} & set(types))) is kept


@pytest.mark.slow
def test_a_thing_expected_to_change_is_asked_nothing(pipeline):
    text = "The minister of Ruritania said the weather should ease by Monday."
    assert "REQUEST" not in [t for t, _ in _types(pipeline, text)]


@pytest.mark.slow
def test_a_thought_that_a_party_ought_to_be_something_is_no_demand(pipeline):
    for text in ("Many voters in Ruritania think that every minister should be honest.",
                 "The senator said that the minister should be honest."):
        assert "REQUEST" not in [t for t, _ in _types(pipeline, text)], text


@pytest.mark.slow
def test_a_demand_on_a_named_party_through_should_stays_one(pipeline):
    text = "The minister of Ruritania said the army should leave the capital."
    assert "REQUEST" in [t for t, _ in _types(pipeline, text)]


@pytest.mark.slow
@pytest.mark.parametrize("text, kept", [
    ("French President Emmanuel Macron made a trip to the Lyon University Hospital on Saturday.", False),
    ("French President Emmanuel Macron made a trip to Germany on Saturday.", True),
])
def test_a_trip_at_home_to_a_body_without_office_is_no_visit(pipeline, text, kept):
    assert (("CONSULT", "trip") in _types(pipeline, text)) is kept


@pytest.mark.slow
@pytest.mark.parametrize("text, kept", [
    ("Conceding that a treaty with France was far off, the Spanish minister left Paris.", False),
    ("The Spanish government conceded defeat in the vote on Monday.", True),
])
def test_conceding_a_point_is_no_yield(pipeline, text, kept):
    assert ("CONCEDE" in [t for t, _ in _types(pipeline, text)]) is kept


@pytest.mark.slow
@pytest.mark.parametrize("text, kept", [
    ("The Spanish government cannot allow the chaos to continue.", False),
    ("The Spanish government allowed the inspectors to enter the site.", True),
    ("The Ruritanian government allowed relief convoys into the northern provinces.", True),
])
def test_allowing_a_state_of_affairs_is_no_concession(pipeline, text, kept):
    assert ("CONCEDE" in [t for t, _ in _types(pipeline, text)]) is kept


@pytest.mark.slow
def test_a_letter_from_a_person_released_is_no_release_of_people(pipeline):
    text = "The senator released a letter from his doctor Jane Smith on Monday."
    assert "RETREAT" not in [t for t, _ in _types(pipeline, text)]


@pytest.mark.slow
def test_a_network_beating_its_rivals_is_no_assault(pipeline):
    text = "Fox News consistently beats rival networks in total viewers."
    assert "ASSAULT" not in [t for t, _ in _types(pipeline, text)]


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The Chinese government is balking at committing to a specific amount of purchases.",
    "The Chinese government reneged on paying aid to Nepal.",
])
def test_an_act_refused_is_no_event_of_its_own(pipeline, text):
    types = [t for t, _ in _types(pipeline, text)]
    assert "REJECT" in types and not {"AGREE", "AID"} & set(types)


@pytest.mark.slow
@pytest.mark.parametrize("text, kept", [
    ("The French banker faces charges in Spain, including violating banking laws.", False),
    ("Ruritanian troops violated the embargo that the United Nations imposed.", True),
])
def test_breaking_a_standing_law_is_no_rejection(pipeline, text, kept):
    assert ("REJECT" in [t for t, _ in _types(pipeline, text)]) is kept


@pytest.mark.slow
@pytest.mark.parametrize("text, kept", [
    ("The Republican candidate Jane Doe promises to cut the income tax.", False),
    ("The Spanish government promised to send aid to Chile.", True),
    ("Leaders of the Spanish opposition coalition agreed to postpone the march in Madrid.", True),
])
def test_a_candidates_own_plan_is_no_offer(pipeline, text, kept):
    assert (bool({"AGREE", "AID"} & {t for t, _ in _types(pipeline, text)})) is kept


@pytest.mark.slow
def test_a_private_person_asking_no_party_is_no_appeal(pipeline):
    text = "Jane Smith, 42, of Ohio, encourages her neighbours to share their recipes."
    assert "REQUEST" not in [t for t, _ in _types(pipeline, text)]
