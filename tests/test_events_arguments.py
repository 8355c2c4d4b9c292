"""Event arguments: pronouns read on the entities layer, controlled clauses, objects and settings.

The referent tests give hand-made entities to a parsed sentence, so they test
events/referents.py alone, whatever the actors stage links; the stage tests
run the pipeline on synthetic sentences.
"""
from __future__ import annotations

import pytest

from newsgraph.records import Entity, Mention

PUBLISHED = "2021-05-20"


@pytest.fixture(scope="module")
def pipeline():
    from newsgraph.pipeline import Pipeline

    return Pipeline(stages=("actors", "quotes", "events"), check_language=False)


def _entity(eid, kind, text, words, country=None, sector=None, pronouns=()):
    """An entity with a mention for each of `words` (each the first occurrence in `text`) and
    each of `pronouns` (word, occurrence) linked to it."""
    mentions = [Mention(text.index(w), text.index(w) + len(w), w, "name") for w in words]
    for word, nth in pronouns:
        start = _nth(text, word, nth)
        mentions.append(Mention(start, start + len(word), word, "pronoun"))
    return Entity(eid, words[0], kind, tuple(mentions), country=country, sector=sector)


def _nth(text, word, nth):
    start = -1
    for _ in range(nth):
        start = text.index(word, start + 1)
    return start


def _token(doc, word, nth=1):
    return [t for t in doc if t.text == word][nth - 1]


def _referent(pipeline, text, entities, word, nth=1):
    from newsgraph.events.referents import referent

    doc = pipeline.nlp(text)
    found = referent(_token(doc, word, nth), entities)
    return found.id if found is not None else None


@pytest.mark.slow
def test_object_pronoun_goes_to_the_one_person_in_view(pipeline):
    text = "Mayor Tom Hale closed the port on Monday. The dockers' union urged him to resign."
    hale = _entity("E1", "PERSON", text, ["Tom Hale"], "USA", "GOV")
    union = _entity("E2", "ORG", text, ["dockers' union"], "USA", "LAB")
    assert _referent(pipeline, text, [hale, union], "him") == "E1"


@pytest.mark.slow
def test_it_and_its_go_to_a_state_never_to_a_person(pipeline):
    text = "Chile signed the treaty in May, Minister Ana Soto said. Peru accused it of breaking its terms."
    chile = _entity("E1", "GPE", text, ["Chile"], "CHL", "GOV")
    soto = _entity("E2", "PERSON", text, ["Ana Soto"], "CHL", "GOV")
    peru = _entity("E3", "GPE", text, ["Peru"], "PER", "GOV")
    assert _referent(pipeline, text, [chile, soto, peru], "it") == "E1"


@pytest.mark.slow
def test_a_name_modifying_a_noun_is_no_antecedent(pipeline):
    """'Chilean ports' names no party for 'it' to point back to: Peru does."""
    text = "Peru protested on Monday. Officials said Chilean ports were closed. Bolivia urged it to reopen talks."
    peru = _entity("E1", "GPE", text, ["Peru"], "PER", "GOV")
    chile = _entity("E2", "GPE", text, ["Chilean"], "CHL", "GOV")
    bolivia = _entity("E3", "GPE", text, ["Bolivia"], "BOL", "GOV")
    assert _referent(pipeline, text, [peru, chile, bolivia], "it") == "E1"


@pytest.mark.slow
def test_an_object_pronoun_is_not_its_own_clause_subject(pipeline):
    text = "Governor Tom Hale spoke on Monday. Later he praised him."
    hale = _entity("E1", "PERSON", text, ["Tom Hale"], "USA", "GOV", pronouns=[("he", 1)])
    assert _referent(pipeline, text, [hale], "him") is None


@pytest.mark.slow
def test_gender_known_from_linked_pronouns_and_honorifics(pipeline):
    text = "Mr. Tom Hale met Senator Ann Ruiz, and she thanked him. Later the union criticised her."
    hale = _entity("E1", "PERSON", text, ["Tom Hale"], "USA", "GOV")
    ruiz = _entity("E2", "PERSON", text, ["Ann Ruiz"], "USA", "LEG", pronouns=[("she", 1)])
    assert _referent(pipeline, text, [hale, ruiz], "her") == "E2"
    assert _referent(pipeline, text, [hale, ruiz], "him") == "E1"


@pytest.mark.slow
def test_two_people_of_one_gender_leave_the_pronoun_unresolved(pipeline):
    text = "Governor Tom Hale said Senator Bob Reyes would lose and Reyes said Hale would lose. Critics urged him to stop."
    hale = _entity("E1", "PERSON", text, ["Tom Hale", "Hale"], "USA", "GOV")
    reyes = _entity("E2", "PERSON", text, ["Bob Reyes", "Reyes "], "USA", "LEG")
    assert _referent(pipeline, text, [hale, reyes], "him") is None


@pytest.mark.slow
def test_a_pronoun_in_a_fronted_clause_is_the_main_subject(pipeline):
    text = "After he met the envoy, Governor Tom Hale criticised the plan."
    hale = _entity("E1", "PERSON", text, ["Tom Hale"], "USA", "GOV")
    assert _referent(pipeline, text, [hale], "he") == "E1"


@pytest.mark.slow
@pytest.mark.parametrize("text, verb, doer", [
    ("The council urged Iran to release the sailors.", "release", "Iran"),
    ("Poland accused Russia of sending troops to the border.", "sending", "Russia"),
    ("Ghana blamed Togo for closing the border.", "closing", "Togo"),
    ("Merkel spoke to reporters after meeting Macron.", "meeting", "Merkel"),
    ("Spain wants to sign the deal.", "sign", "Spain"),
    ("The governor wants the option of signing a deal with Ohio.", "signing", "governor"),
    ("Norway has shown a willingness to support Chile.", "support", "Norway"),
    ("Egypt sent troops to support the rebels.", "support", "Egypt"),
    # a thing as the object does not do the infinitive's act: the one who uses it does
    ("The army used tear gas to disperse the crowd.", "disperse", "army"),
    # a participle the parser joined to the object noun shares the doer of that noun's verb
    ("Footage shows soldiers using water cannons to disperse protests and beating demonstrators with sticks.",
     "beating", "soldiers"),
])
def test_the_doer_of_a_controlled_clause(pipeline, text, verb, doer):
    from newsgraph.events.arguments import subject_tokens

    doc = pipeline.nlp(text)
    subjects, _ = subject_tokens(_token(doc, verb))
    assert [t.text for t in subjects] == [doer]


def _events(pipeline, text):
    analysis = pipeline.analyze(text, published=PUBLISHED)
    names = {e.id: e.name for e in analysis.entities}
    return [(ev.type, [names[i] for i in ev.actors], [names[i] for i in ev.recipients]) for ev in analysis.events]


@pytest.mark.slow
def test_a_setting_after_a_party_object_is_no_recipient(pipeline):
    events = _events(pipeline, "Governor Tom Hale attacked Senator Ann Ruiz on Twitter on Monday.")
    recipients = [r for _, _, rs in events for r in rs]
    assert any("Ruiz" in r for r in recipients) and not any("Twitter" in r for r in recipients), events


@pytest.mark.slow
def test_called_her_a_name_has_her_as_recipient(pipeline):
    events = _events(pipeline, "Senator Ann Ruiz won the primary. Governor Tom Hale later called her “third-rate”.")
    accuse = [e for e in events if e[0] == "ACCUSE"]
    assert accuse and any("Ruiz" in r for r in accuse[0][2]), events


@pytest.mark.slow
def test_we_joined_to_a_clause_of_the_speakers_state_is_that_state(pipeline):
    events = _events(pipeline, "“Germany firmly opposes the tariffs, and we call for an end to the blockade,” "
                               "Foreign Minister Ana Ruiz said.")
    request = [e for e in events if e[0] == "REQUEST"]
    assert request and request[0][1] == ["Germany"], events


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Costa and Polish leader Jan Nowak have been expected to sign a trade deal.",
    "Merkel and French leader Emmanuel Macron are expected to sign a deal.",
])
def test_a_name_stranded_by_a_broken_coordination_is_a_subject_too(pipeline, text):
    from newsgraph.events.arguments import subject_tokens

    doc = pipeline.nlp(text)
    subjects, _ = subject_tokens(_token(doc, "sign"))
    assert {t.text for t in subjects} == {doc[0].text, doc[5].text}


@pytest.mark.slow
def test_a_threats_condition_names_its_recipient(pipeline):
    events = _events(pipeline, "Russia threatened to end the talks if Norway deploys the new missiles.")
    threat = [e for e in events if e[0] == "THREATEN"]
    assert threat and threat[0][1] == ["Russia"] and threat[0][2] == ["Norway"], events


@pytest.mark.slow
@pytest.mark.parametrize("text, event_type, recipient", [
    ("Chad launched its invasion of Sudan on Monday.", "ASSAULT", "Sudan"),
    ("Senator Ann Ruiz repeated her criticism of Governor Tom Hale on Monday.", "ACCUSE", "Tom Hale"),
])
def test_of_on_an_event_noun_names_the_one_it_is_done_to(pipeline, text, event_type, recipient):
    events = [e for e in _events(pipeline, text) if e[0] == event_type]
    assert events and recipient in events[0][2], events


@pytest.mark.slow
def test_a_relative_pronoun_is_the_noun_its_clause_hangs_on(pipeline):
    events = _events(pipeline, "Mayor Tom Hale, who was criticised by the union last week, defended the budget.")
    accuse = [e for e in events if e[0] == "ACCUSE"]
    assert accuse and accuse[0][1] == ["union"] and accuse[0][2] == ["Tom Hale"], events


@pytest.mark.slow
def test_the_addressee_of_a_letter_is_the_recipient_of_its_demand(pipeline):
    events = _events(pipeline, "In a letter to Governor Tom Hale, the union demanded higher wages.")
    request = [e for e in events if e[0] == "REQUEST"]
    assert request and request[0][2] == ["Tom Hale"], events


@pytest.mark.slow
def test_an_object_pronoun_on_a_noun_is_not_its_possessor(pipeline):
    text = "Governor Tom Hale lost the vote. The senator's allegations against him were dismissed."
    hale = _entity("E1", "PERSON", text, ["Tom Hale"], "USA", "GOV")
    senator = _entity("E2", "PERSON", text, ["senator"], "USA", "LEG")
    assert _referent(pipeline, text, [hale, senator], "him") == "E1"


@pytest.mark.slow
def test_they_and_them_go_to_a_group_named_in_the_plural(pipeline):
    text = "The rebels seized the town on Monday, the ministry said. The army later accused them of looting."
    rebels = _entity("E1", "ORG", text, ["rebels"], "TCD", "REB")
    ministry = _entity("E2", "ORG", text, ["ministry"], "TCD", "GOV")
    army = _entity("E3", "ORG", text, ["army"], "TCD", "MIL")
    assert _referent(pipeline, text, [rebels, ministry, army], "them") == "E1"


@pytest.mark.slow
@pytest.mark.parametrize("text, recipient", [
    ("Canada imposed tariffs on Mexico on Monday.", "Mexico"),
    ("Canada slapped new tariffs on Mexican steel last week.", "Mexico"),
])
def test_an_on_phrase_hung_on_the_light_verb_right_after_the_noun_is_the_nouns_target(pipeline, text, recipient):
    events = [e for e in _events(pipeline, text) if e[0] == "SANCTION"]
    assert events and recipient in events[0][2], events


@pytest.mark.slow
def test_an_on_phrase_apart_from_the_noun_says_when(pipeline):
    events = [e for e in _events(pipeline, "Canada held talks with Mexico in the capital on Monday.")
              if e[0] == "CONSULT"]
    assert events and "Monday" not in events[0][1] + events[0][2], events


@pytest.mark.slow
@pytest.mark.parametrize("text, kind, actor, recipient", [
    ("The tariffs imposed on Peru by Canada have hurt farmers.", "SANCTION", "Canada", "Peru"),
    ("New sanctions imposed on Chile by Norway took effect.", "SANCTION", "Norway", "Chile"),
    ("Two Chilean diplomats expelled by Norway left the country on Friday.", "SANCTION", "Norway", "Chile"),
])
def test_a_participle_that_names_its_doer_with_by_is_the_doers_event(pipeline, text, kind, actor, recipient):
    events = [e for e in _events(pipeline, text) if e[0] == kind]
    assert events and actor in events[0][1] and any(recipient in r for r in events[0][2]), events


@pytest.mark.slow
def test_a_light_verb_participle_reports_the_act_its_noun_names(pipeline):
    analysis = pipeline.analyze("The tariffs imposed on Peru have hurt farmers.", published=PUBLISHED)
    names = {e.id: e.name for e in analysis.entities}
    events = [e for e in analysis.events if e.type == "SANCTION"]
    assert events and events[0].trigger.text == "imposed" and [names[i] for i in events[0].recipients] == ["Peru"]


@pytest.mark.slow
def test_a_participle_without_a_doer_or_event_noun_only_describes_its_noun(pipeline):
    events = _events(pipeline, "Two Chilean diplomats expelled from the embassy returned home.")
    assert not [e for e in events if e[0] == "SANCTION"], events


@pytest.mark.slow
def test_a_quoted_we_meeting_a_partner_is_the_speakers_side(pipeline):
    events = _events(pipeline, "“We met with Hamas in Doha,” Foreign Minister Ana Ruiz of Spain said.")
    consult = [e for e in events if e[0] == "CONSULT"]
    assert consult and set(consult[0][1]) == {"Spain", "Hamas"}, events


@pytest.mark.slow
@pytest.mark.parametrize("text, event_type, actor", [
    ("Israel is opposed to French mediation in the talks.", "REJECT", "Israel"),
    ("Vietnam is committed to opening up its economy.", "AGREE", "Vietnam"),
])
def test_a_stance_participle_has_its_subject_as_actor(pipeline, text, event_type, actor):
    events = [e for e in _events(pipeline, text) if e[0] == event_type]
    assert events and events[0][1] == [actor] and actor not in events[0][2], events


@pytest.mark.slow
@pytest.mark.parametrize("text, holder", [
    ("Ann Ruiz spoke. DNC chair dismisses the claims.", "E2"),
    ("Ann Ruiz spoke. The chair dismissed the claims.", "E2"),
    ("Ann Ruiz spoke. The NAACP chair dismissed the claims.", None),  # another body's chair
])
def test_a_bare_title_is_the_one_person_holding_it(pipeline, text, holder):
    from dataclasses import replace

    from newsgraph.events.holders import title_holder

    ruiz = replace(_entity("E2", "PERSON", text, ["Ann Ruiz"], "USA", "PTY"), role="Democratic National Committee chair")
    bodies = [replace(_entity(f"E{i}", "ORG", text, [word], "USA"), name=name)
              for i, (word, name) in enumerate((("DNC", "Democratic National Committee"), ("NAACP", "NAACP")), 3)
              if word in text]
    found = title_holder(_token(pipeline.nlp(text), "chair"), [ruiz, *bodies])
    assert (found.id if found is not None else None) == holder


@pytest.mark.slow
def test_a_participle_conjoined_to_a_passive_is_passive_too(pipeline):
    events = _events(pipeline, "The Norwegian diplomat was arrested in May and sentenced to ten years in prison.")
    sanction = [e for e in events if e[0] == "SANCTION"]
    assert sanction and sanction[0][1] == [] and sanction[0][2] == ["Norwegian diplomat"], events


@pytest.mark.slow
def test_a_conjoined_passive_shares_its_heads_agent(pipeline):
    from newsgraph.events.arguments import subject_tokens

    doc = pipeline.nlp("The envoy was detained by the police and expelled from the country.")
    subjects, patient = subject_tokens(_token(doc, "expelled"))
    assert [t.text for t in subjects] == ["police"] and patient.text == "envoy"


@pytest.mark.slow
def test_an_active_verb_conjoined_to_an_active_keeps_its_subject(pipeline):
    from newsgraph.events.arguments import subject_tokens

    doc = pipeline.nlp("Russia has invaded and annexed Crimea.")
    subjects, patient = subject_tokens(_token(doc, "annexed"))
    assert [t.text for t in subjects] == ["Russia"] and patient is None


@pytest.mark.slow
def test_the_by_phrase_on_a_noun_does_its_infinitive(pipeline):
    events = _events(pipeline, "Senator Ann Ruiz said it was the latest move by Russia to force the Ukrainians "
                               "to give up their claims.")
    coerce = [e for e in events if e[0] == "COERCE"]
    assert coerce and coerce[0][1] == ["Russia"], events


@pytest.mark.slow
def test_a_statement_participle_is_done_by_the_one_who_made_the_statement(pipeline):
    events = _events(pipeline, "In a statement condemning the attack, the Polish foreign ministry said it was a crime.")
    accuse = [e for e in events if e[0] == "ACCUSE"]
    assert accuse and accuse[0][1] == ["Polish foreign ministry"], events


@pytest.mark.slow
def test_for_x_to_act_has_x_as_doer(pipeline):
    events = _events(pipeline, "For Senator Ann Ruiz to praise Putin raises questions, she said.")
    support = [e for e in events if e[0] == "SUPPORT"]
    assert support and support[0][1] == ["Ann Ruiz"] and support[0][2] == ["Putin"], events


@pytest.mark.slow
@pytest.mark.parametrize("text, freed", [
    ("The Afghan government freed three Taliban prisoners on Monday.", "Taliban prisoners"),
    ("The rebels released two Norwegian hostages.", "Norwegian hostages"),
])
def test_the_people_released_are_the_recipients(pipeline, text, freed):
    retreat = [e for e in _events(pipeline, text) if e[0] == "RETREAT"]
    assert retreat and retreat[0][2] == [freed], retreat


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Senator Ann Ruiz continues to draw support among union members.",
    "Senator Ann Ruiz drew support from union members.",
])
def test_support_drawn_among_a_group_is_that_groups(pipeline, text):
    support = [e for e in _events(pipeline, text) if e[0] == "SUPPORT"]
    assert support and support[0][1] == ["union members"] and support[0][2] == ["Ann Ruiz"], support


@pytest.mark.slow
@pytest.mark.parametrize("text, named", [
    ("Iran condemned leaders like President Luis Ortega of Chile.", ["Luis Ortega"]),
    ("The minister criticised countries such as Iran and Syria.", ["Iran", "Syria"]),
    ("Peru urged neighbours like Chile to reopen the border.", ["Chile"]),
])
def test_the_examples_named_for_a_group_are_recipients(pipeline, text, named):
    events = _events(pipeline, text)
    assert events and all(n in events[0][2] for n in named), events


@pytest.mark.slow
def test_a_like_phrase_the_parser_hangs_on_the_verb_names_the_group_it_follows(pipeline):
    from newsgraph.events.subjects import exemplars

    doc = pipeline.nlp("Ruiz lashed out against rivals - like Governor Tom Hale - who oppose the plan.")
    assert [t.text for t in exemplars(_token(doc, "rivals"))] == ["Hale"]


@pytest.mark.slow
def test_a_past_form_conjoined_to_a_passive_act_done_to_someone_is_passive(pipeline):
    """The parser tags "sentenced" a past tense here: the Peruvian is sentenced, sentences no one."""
    events = _events(pipeline, "The 61-year-old Peruvian was expelled in March and sentenced to 40 weeks "
                               "in jail for skipping bail.")
    sanction = [e for e in events if e[0] == "SANCTION"]
    assert sanction and sanction[0][1] == [] and sanction[0][2], events


@pytest.mark.slow
def test_a_past_form_with_an_object_after_a_passive_stays_active(pipeline):
    events = _events(pipeline, "Mayor Tom Hale was arrested in May and denied the charges.")
    reject = [e for e in events if e[0] == "REJECT"]
    assert reject and reject[0][1] == ["Tom Hale"], events


@pytest.mark.slow
@pytest.mark.parametrize("text, asked", [
    ("Peru is seeking Senator Ann Ruiz's extradition from Chile.", "Chile"),
    ("Regulators in Ohio are demanding answers from the Chilean government.", "Chile"),
])
def test_a_thing_requested_from_a_party_is_asked_of_it(pipeline, text, asked):
    events = [e for e in _events(pipeline, text) if e[0] == "REQUEST"]
    assert events and events[0][2] == [asked], events


@pytest.mark.slow
def test_who_after_a_party_the_parser_did_not_hang_it_on_is_that_party(pipeline):
    events = _events(pipeline, "He hoped for direct talks between his government and the Taliban, "
                               "who have long refused to negotiate with Kabul.")
    reject = [e for e in events if e[0] == "REJECT"]
    assert reject and reject[0][1] == ["Taliban"], events


@pytest.mark.slow
def test_who_on_a_party_keeps_that_party(pipeline):
    events = _events(pipeline, "Officials criticised the leader of Hamas, who rejected the plan.")
    reject = [e for e in events if e[0] == "REJECT"]
    assert reject and reject[0][1] == ["leader"], events


@pytest.mark.slow
@pytest.mark.parametrize("text, kind", [
    ("A trade deal between Chile and Peru was signed on Monday.", "SUPPORT"),
    ("Talks between Chile and Peru resumed.", "CONSULT"),
])
def test_the_parties_an_act_is_between_take_part_in_it(pipeline, text, kind):
    events = [e for e in _events(pipeline, text) if e[0] == kind]
    assert events and sorted(events[0][1]) == ["Chile", "Peru"], events


@pytest.mark.slow
def test_a_body_of_its_own_acts_without_the_person_owning_it(pipeline):
    """The owner stands in for a countryless head ("leaders of X"), but a body that is an entity of
    its own acts itself: "Hale's administration" is not Hale too."""
    from newsgraph.events.arguments import _entities_of

    text = "Peru criticised Hale's administration."
    hale = _entity("E1", "PERSON", text, ["Hale"], "USA", "GOV")
    admin = _entity("E2", "ORG", text, ["administration"])
    doc = pipeline.nlp(text)
    assert [e.id for e in _entities_of(_token(doc, "administration"), [hale, admin])] == ["E2"]


@pytest.mark.slow
def test_the_doer_of_acts_listed_after_including(pipeline):
    from newsgraph.events.arguments import subject_tokens

    doc = pipeline.nlp("The plan is the latest in a series of moves by Chile's government, "
                       "including recognising Peru as a state.")
    subjects, _ = subject_tokens(_token(doc, "recognising"))
    assert [t.text for t in subjects] == ["government"]


@pytest.mark.slow
@pytest.mark.parametrize("text, sender", [
    ("Governor Tom Hale issued a memo instructing the state's police to arrest the protesters.", "Tom Hale"),
    ("Peru sent a letter urging Chile to reopen the border.", "Peru"),
])
def test_who_sends_a_statement_does_what_it_says(pipeline, text, sender):
    events = [e for e in _events(pipeline, text) if e[0] == "REQUEST"]
    assert events and events[0][1] == [sender], events


@pytest.mark.slow
def test_a_participle_hung_on_a_thing_is_done_by_the_phrase_host(pipeline):
    events = _events(pipeline, "Soldiers in armoured vehicles firing on protesters killed ten people.")
    firing = [e for e in events if e[0] == "ASSAULT" and e[2] == ["protesters"]]
    assert firing and firing[0][1] == ["Soldiers"], events


@pytest.mark.slow
def test_with_a_thing_doing_is_done_by_that_thing(pipeline):
    from newsgraph.events.arguments import subject_tokens

    doc = pipeline.nlp("With protests exploding across Chile, the president met his ministers.")
    subjects, _ = subject_tokens(_token(doc, "exploding"))
    assert [t.text for t in subjects] == ["protests"]


TALKS = "Peru and Chile resumed trade talks on Monday. Peru wants lower tariffs. "


@pytest.mark.slow
@pytest.mark.parametrize("text, recipients", [
    # the story keeps naming one foreign state: the agreement is made with it
    (TALKS + "Officials in Peru said the talks were useful. The talks in Peru will go on. "
     "Chile agreed to cut tariffs on copper.", ["Peru"]),
    # two foreign states named about as often: no counterpart is plain
    (TALKS + "Bolivia wants them too. Officials in Peru and Bolivia said the talks were useful. "
     "The talks in Peru and Bolivia will go on. Chile agreed to cut tariffs on copper.", []),
])
def test_an_implicit_recipient_is_the_storys_dominant_foreign_state(pipeline, text, recipients):
    agree = [e for e in _events(pipeline, text) if e[0] == "AGREE"]
    assert agree and agree[-1][1] == ["Chile"] and agree[-1][2] == recipients, agree
