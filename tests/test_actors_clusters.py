"""Entity spans and clusters on real news (issue 14, third round): name suffixes, counts of people, and
the other mechanisms of this round.

Synthetic sentences written for these tests; each mechanism beside the same words used for an actor.
"""
from __future__ import annotations

import pytest

from .helpers import actors_analyzer, entity_with, mention_texts


def test_a_generational_suffix_is_no_surname():
    from newsgraph.actors.names import full_names_agree, generation, surname

    assert surname(["Tomas", "R.", "Veldkamp", "Jr."]) == "Veldkamp" and surname(["Tomas", "Veldkamp"]) == "Veldkamp"
    assert generation(["Jr."]) is None and generation(["Tomas", "Veldkamp", "III"]) == "iii"
    assert not full_names_agree(["Tomas", "Veldkamp", "Jr."], ["Tomas", "Veldkamp"])
    assert full_names_agree(["T.", "Veldkamp", "Jr."], ["Tomas", "Veldkamp", "Jr"])


@pytest.fixture(scope="module")
def analyze():
    return actors_analyzer("2016-05-01")


@pytest.mark.slow
def test_a_surname_after_a_suffixed_full_name_is_that_person(analyze):
    ents = analyze("Tomas R. Veldkamp Jr. was charged on Monday. Prosecutors said Veldkamp made the calls.")
    assert "Veldkamp" in {m.text for m in entity_with(ents, "Tomas R. Veldkamp Jr.").mentions}


@pytest.mark.slow
def test_a_population_counted_in_thousands_is_no_group(analyze):
    ents = analyze("The agency estimated that 812,000 people lacked insurance. In June, 40 people protested outside "
                   "the office, and a show had 9 million people. Power was cut to 5,000 people.")
    assert {"40 people", "5,000 people"} <= mention_texts(ents), mention_texts(ents)
    assert not {"812,000 people", "9 million people"} & mention_texts(ents), mention_texts(ents)


@pytest.mark.slow
def test_an_abbreviation_bracketed_after_a_name_is_that_body(analyze):
    ents = analyze("Ruritania's Ministry of Labour, Welfare and Housing (MOLWH) has announced new rules. MOLWH said "
                   "the rules start in June.")
    body = entity_with(ents, "Ministry of Labour, Welfare and Housing")  # not "Labour", the party inside it
    assert [m.text for m in body.mentions].count("MOLWH") == 2, [m.text for m in body.mentions]
    assert body.kind == "ORG"


def test_an_abbreviation_may_take_the_small_words_initials():
    from newsgraph.actors.acronyms import spells

    assert spells("MOFFR", "Ministry of Fisheries Forests and Rivers".split())
    assert spells("MFFR", "Ministry of Fisheries Forests and Rivers".split())
    assert not spells("MOF", "Ministry of Fisheries Forests and Rivers".split())


def test_inner_names_are_the_middle_words_of_a_long_name():
    from newsgraph.actors.names import inner_names

    assert inner_names(["Ana", "Lucia", "Ferro", "Quintal"]) == ["Lucia", "Ferro"]
    assert inner_names(["Tomas", "R.", "Veldkamp", "Jr."]) == [] and inner_names(["Ana", "Ferro"]) == []


@pytest.mark.slow
def test_a_first_family_name_alone_is_the_person_of_the_double_surname(analyze):
    ents = analyze("The ministry named Rodrigo Alvaro Ferro Quintal as its envoy on Monday. Ferro, a former "
                   "consul, said he would travel to Lima.")
    assert "Ferro" in {m.text for m in entity_with(ents, "Rodrigo Alvaro Ferro Quintal").mentions}


@pytest.mark.slow
def test_capitalised_words_after_a_lower_case_title_are_a_person(analyze):
    ents = analyze("The deal was signed by chief executive Hugo Barrantes on Monday. Barrantes told reporters it "
                   "was good.")
    person = entity_with(ents, "Hugo Barrantes")
    assert person.kind == "PERSON" and "Barrantes" in {m.text for m in person.mentions}


@pytest.mark.slow
def test_a_capital_unit_after_a_number_is_no_actor(analyze):
    ents = analyze("The firm plans a 4 GW solar park, and its rivals run plants of 20-500 MW. The GWU said it "
                   "would study the park.")
    assert not {"GW", "MW"} & mention_texts(ents), mention_texts(ents)


@pytest.mark.slow
def test_the_company_is_the_last_named_body_the_knowledge_base_does_not_know(analyze):
    ents = analyze("Ford Motor Company said it would cut jobs. The company has many plants. Last week, Zentrix "
                   "Dynamics said it would not fund the convention, even though the company has done so for years.")
    assert [m.text for m in entity_with(ents, "Zentrix Dynamics").mentions] == ["Zentrix Dynamics", "company"]


@pytest.mark.slow
def test_the_company_takes_an_uncoded_name_only_from_its_sentence_or_the_one_before(analyze):
    ents = analyze("Zentrix Dynamics opened a plant. Workers cheered. Officials spoke. Later the company said it "
                   "would hire.")
    assert [m.text for m in entity_with(ents, "Zentrix Dynamics").mentions] == ["Zentrix Dynamics"]


def test_initials_leave_out_a_company_s_legal_form():
    from newsgraph.actors.acronyms import initials, spells

    assert initials("Northern Gas & Power Co.") == "NGP" and initials("Northern Gas & Power") == "NGP"
    assert spells("NGP", "Northern Gas & Power Co.".split()) and not spells("NG", "Northern Gas & Power Co.".split())


@pytest.mark.slow
def test_a_long_name_spelling_a_known_abbreviation_is_that_organisation(analyze):
    ents = analyze("Pacific Gas & Electric Co. began cutting power on Tuesday. PG&E said the cuts would last days. "
                   "The European Union's top court ruled on Monday, and EU states must comply.")
    company = entity_with(ents, "PG&E")
    assert "Pacific Gas & Electric Co." in {m.text for m in company.mentions}, company
    assert "European Union's top court" not in {m.text for m in entity_with(ents, "EU").mentions}


@pytest.mark.slow
def test_the_one_word_description_is_the_mention_before_ending_in_its_word(analyze):
    ents = analyze("The Afghan government imposed a curfew on Monday. Protesters marched in the capital. "
                   "The government said the curfew would stay.")
    assert "government" in {m.text for m in entity_with(ents, "Afghan government").mentions}


@pytest.mark.slow
def test_the_one_word_description_looks_back_three_sentences_only(analyze):
    ents = analyze("The Afghan government imposed a curfew on Monday. Protesters marched. Shops closed. Roads "
                   "emptied. Schools shut. The government said the curfew would stay.")
    assert "government" not in {m.text for m in entity_with(ents, "Afghan government").mentions}


@pytest.mark.slow
def test_a_bare_group_is_the_group_of_the_one_country_the_article_gives_it(analyze):
    ents = analyze("Swedish prosecutors dropped the rape case on Tuesday. Prosecutors said the evidence had "
                   "weakened over the years.")
    group = entity_with(ents, "Swedish prosecutors")
    assert "Prosecutors" in {m.text for m in group.mentions} and group.country == "SWE"


@pytest.mark.slow
def test_a_bare_group_given_two_countries_stays_apart(analyze):
    ents = analyze("Mexican people want jobs, he said, and American people want them too. People marched in "
                   "the square on Sunday.")
    assert "People" not in {m.text for m in entity_with(ents, "Mexican people").mentions}
    assert "People" not in {m.text for m in entity_with(ents, "American people").mentions}


@pytest.mark.slow
def test_a_bare_plural_is_the_group_named_before_ending_in_its_word(analyze):
    ents = analyze("Police detained 100 protesters on Monday. Witnesses said officers beat protesters in the square.")
    assert "protesters" in {m.text for m in entity_with(ents, "100 protesters").mentions}
