"""The entity list (issue 14, session 8): titles set off before a name, names that open longer names,
organisations named by their first words.

Synthetic sentences written for these tests.
"""
from __future__ import annotations

import pytest

from .helpers import actors_analyzer, entity_with

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def analyze():
    return actors_analyzer("2018-09-10")


def names(entities) -> list[str]:
    return [e.name for e in entities]


def test_a_title_with_its_body_set_off_before_a_name_is_the_persons(analyze):
    ents = analyze("Speaker of the Assembly, Aminu Garba, and the Commissioner of Police, Musa Bello, "
                   "went to court on Monday.")
    okafor = entity_with(ents, "Aminu Garba")
    assert "Speaker of the Assembly" in {m.text for m in okafor.mentions}
    bello = entity_with(ents, "Musa Bello")
    assert "Commissioner of Police" in {m.text for m in bello.mentions} and bello.sector == "COP"
    assert not any(e.name in ("Assembly", "Speaker", "Commissioner") for e in ents), names(ents)


def test_a_surname_opening_a_longer_name_is_not_the_person(analyze):
    ents = analyze("Maria Delacroix spoke on Monday. The Delacroix Foundation paid for the trip.")
    person = entity_with(ents, "Maria Delacroix")
    assert {m.text for m in person.mentions} == {"Maria Delacroix"}
    assert entity_with(ents, "Delacroix Foundation") is not person


def test_an_organisation_named_by_its_first_words_is_that_one(analyze):
    ents = analyze("The Harbin Rowing League moved its final to Oslo. The Harbin Rowing could not find a sponsor, "
                   "and the HRX Tour said so too. The HRX hired a lawyer.")
    league = entity_with(ents, "Harbin Rowing League")
    assert "Harbin Rowing" in {m.text for m in league.mentions}
    assert "HRX" in {m.text for m in entity_with(ents, "HRX Tour").mentions}


def test_counted_people_telling_something_are_unnamed_sources(analyze):
    ents = analyze("Three people familiar with the plan said the mayor of Dunmore would resign. "
                   "Police arrested 12 people on Friday.")
    assert not any(m.text == "people" for e in ents for m in e.mentions if m.start < 20), names(ents)
    assert any(m.text in ("12 people", "people") and m.start > 60 for e in ents for m in e.mentions), names(ents)


def test_the_collective_after_a_named_force_is_that_force(analyze):
    ents = analyze("The Kwara State Police summoned the two senators on Monday. The police later withdrew the summons.")
    force = entity_with(ents, "Kwara State Police")
    assert "police" in {m.text for m in force.mentions}


def test_a_state_led_thing_names_no_actor_but_a_led_coalition_keeps_it(analyze):
    ents = analyze("Beijing wants to usurp the Canadian-led liberal trading order.")
    assert not any(e.country == "CAN" for e in ents), names(ents)
    ents = analyze("The Canadian-led war went on for a year.")
    assert any(e.country == "CAN" for e in ents), names(ents)


def test_a_quoted_lower_case_term_names_no_one(analyze):
    ents = analyze("Harlow mocks Dunmore over 'border brigade' plan.")
    assert not any("brigade" in m.text for e in ents for m in e.mentions), names(ents)


def test_a_word_of_a_hyphenated_phrase_is_no_mention(analyze):
    ents = analyze("She took the stand-by-your-man approach again, and the man said nothing.")
    assert not any(m.start < 30 and m.text == "man" for e in ents for m in e.mentions), names(ents)


def test_people_someone_has_are_nobody_in_particular(analyze):
    ents = analyze("You have some excellent, hard-working people in this town, the mayor said.")
    assert not any("people" in m.text for e in ents for m in e.mentions), names(ents)


def test_social_media_are_a_medium_wherever_they_stand(analyze):
    ents = analyze("Of course, Korean social media is a poor mirror of public opinion.")
    assert not any("media" in m.text for e in ents for m in e.mentions), names(ents)


def test_advisers_of_a_seat_of_government_are_a_group_of_its_state(analyze):
    ents = analyze("Some Elysee advisers would like to see Italy agree, and White House aides said so.")
    group = entity_with(ents, "White House aides")
    assert group.country == "USA" and group.sector == "GOV"


def test_a_surname_titled_with_the_kb_persons_office_stays_that_person(analyze):
    ents = analyze("Michelle Obama spoke in Ohio on Monday. President Obama told voters it was personal, "
                   "and Obama added that he would campaign.", date="2016-09-19")
    president = entity_with(ents, "President")
    assert "Michelle Obama" not in {m.text for m in president.mentions}, names(ents)
    assert president.sector == "GOV"


def test_groups_of_experts_users_nationalists_and_agents_are_actors(analyze):
    ents = analyze("Cyber security experts said the files were stolen. The video prompted some Twitter users to "
                   "complain, and the nationalists cheered. Families were hurt by illegal aliens, and the agents "
                   "of the Kwara police arrested two men.")
    found = {m.text for e in ents for m in e.mentions}
    for group in ("Cyber security experts", "Twitter users", "nationalists", "illegal aliens", "agents"):
        assert any(group in text for text in found), (group, sorted(found))


def test_a_titles_office_is_a_body_not_the_office_holder(analyze):
    ents = analyze("Governor Ann Halvorsen defended the plan. The governor's office did not respond on Monday.")
    person = entity_with(ents, "Ann Halvorsen")
    assert not any("governor" in m.text.lower() and m.start > 40 for m in person.mentions), names(ents)
    assert entity_with(ents, "governor's office").kind == "ORG"
