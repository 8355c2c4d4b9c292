"""The shipped actor phrase set: reading, scoring rules, the quality gate, and the rules it checks."""
from __future__ import annotations

import pytest

from newsgraph.actors.build_kb import check_offices, office_category
from newsgraph.evaluation import actors as ev
from newsgraph.records import Entity, Mention

# Held-out half measured 0.923 / 0.953 (docs/actors.md); the bars are 0.90 and 0.80.
PHRASE_COUNTRY_FLOOR = 0.90
PHRASE_SECTOR_FLOOR = 0.80


def test_reader_finds_the_bracketed_phrase_and_the_default_date(tmp_path):
    path = tmp_path / "p.tsv"
    path.write_text("# comment\nactor\t\tPER\tGOV\t[Peru's Interior Ministry] said so.\n"
                    "junk\t2020-01-02\t-\t-\tThey signed [the Paris Agreement].\n", encoding="utf-8")
    first, second = ev.read_phrases(path)
    assert (first.kind, first.date, first.country, first.sector) == ("actor", ev.PHRASE_DATE, "PER", "GOV")
    assert first.target == "Peru's Interior Ministry" and "[" not in first.text
    assert (second.country, second.sector, second.target, second.date) == (None, None, "the Paris Agreement",
                                                                            "2020-01-02")


def test_reader_rejects_a_bad_kind(tmp_path):
    path = tmp_path / "p.tsv"
    path.write_text("person\t\tPER\tGOV\t[X] said.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="actor, place or junk"):
        ev.read_phrases(path)


def test_both_halves_ship_and_hold_enough_phrases():
    dev, test = (ev.read_phrases(ev.phrase_file(s)) for s in ev.PHRASE_SPLITS)
    assert len(dev) + len(test) >= 300
    assert {p.kind for p in dev} == {p.kind for p in test} == {"actor", "place", "junk"}
    assert not {p.text for p in dev} & {p.text for p in test}


def _phrase(sentence, kind="actor", country="USA", sector="GOV"):
    start, end = sentence.index("["), sentence.index("]")
    return ev.Phrase(kind, ev.PHRASE_DATE, country, sector, sentence.replace("[", "").replace("]", ""),
                     (start, end - 1))


def test_head_word_is_the_last_before_a_preposition():
    phrase = _phrase("[The mayor of Chicago] spoke.")
    assert phrase.text[slice(*ev.phrase_head(phrase))] == "mayor"
    phrase = _phrase("[Zimbabwe's ruling ZANU-PF] met.")
    assert phrase.text[slice(*ev.phrase_head(phrase))] == "ZANU-PF"


def test_scoring_takes_the_entity_covering_the_head_and_counts_junk():
    phrase = _phrase("[The mayor of Chicago] spoke.")
    mayor = Entity("E1", "mayor", "PERSON", (Mention(4, 9, "mayor"),), country="USA", sector="GOV")
    city = Entity("E2", "Chicago", "GPE", (Mention(13, 20, "Chicago"),), country="USA")
    score = ev.PhraseScore()
    ev._score_phrase(score, phrase, [city, mayor])
    assert (score.coded, score.country, score.sector) == (1, 1, 1)
    junk = _phrase("They signed [the Paris Agreement].", "junk", None, None)
    ev._score_phrase(score, junk, [Entity("E1", "Paris", "GPE", (Mention(16, 21, "Paris"),), country="FRA")])
    ev._score_phrase(score, junk, [Entity("E1", "Paris Agreement", "OTHER", (Mention(16, 31, "Paris Agreement"),))])
    assert (score.junk, score.junk_rejected) == (2, 1)


def test_office_rows_name_their_source_and_categories_read_roles(tmp_path):
    path = tmp_path / "leaders.psv"
    path.write_text("A B|B|USA|GOV|President|2001-01-01|2002-01-01|m\n# -- added 2026-12\n"
                    "C D|D|USA|GOV|President|2003-01-01|2004-01-01|m|list: presidents\n"
                    "E F|F|USA|GOV|President|2005-01-01|2004-01-01|m\n", encoding="utf-8")
    problems = check_offices(path)
    assert len(problems) == 2 and "no source for E F" in problems[0] and "before taking it" in problems[1]
    assert office_category("Foreign Minister", "GOV") == "foreign minister"
    assert office_category("President-elect", "GOV") == "candidate or president-elect"
    assert office_category("Taliban spokesman", "REB") == "party, opposition or armed-group leader"


def test_shipped_office_rows_pass_the_check():
    from newsgraph.actors.kb import KB_DIR

    assert check_offices(KB_DIR / "leaders.psv") == []


@pytest.mark.slow
def test_quality_gate_on_the_held_out_phrases():
    score = ev.score_phrases(ev.read_phrases(ev.phrase_file("test")))
    assert score.country_accuracy >= PHRASE_COUNTRY_FLOOR, score.misses
    assert score.sector_accuracy >= PHRASE_SECTOR_FLOOR, score.misses


# -- the rules behind the phrase set, on synthetic sentences ------------------------------
@pytest.fixture(scope="module")
def entities():
    from newsgraph.pipeline import Pipeline

    stage = Pipeline(stages=("actors",))

    def run(text, date="2021-05-20"):
        return stage.stages[0].entities(stage.nlp(text), date)
    return run


def coded(ents, text):
    found = [e for e in ents if any(m.text == text for m in e.mentions)]
    assert found, [(e.name, [m.text for m in e.mentions]) for e in ents]
    return found[0].kind, found[0].country, found[0].sector


@pytest.mark.slow
@pytest.mark.parametrize("sentence, mention, want", [
    ("The Labour Party of Malta elected a new leader.", "Labour Party", ("ORG", "MLT", "PTY")),
    ("The Commons foreign affairs committee criticised the plan.", "Commons foreign affairs committee",
     ("ORG", "GBR", "LEG")),
    ("A FARC commander said the group would disarm.", "FARC commander", ("PERSON", "COL", "REB")),
    ("House Democrats passed the relief package.", "House Democrats", ("NORP", "USA", "LEG")),
    ("A Tory MP said the vote would be close.", "Tory MP", ("PERSON", "GBR", "LEG")),
    ("Thousands marched in Marseille on Saturday.", "Marseille", ("GPE", "FRA", None)),
    ("Heavy rain flooded streets in Lagos.", "Lagos", ("GPE", "NGA", None)),
])
def test_the_phrase_codes_itself(entities, sentence, mention, want):
    assert coded(entities(sentence), mention) == want


@pytest.mark.slow
@pytest.mark.parametrize("sentence, junk", [
    ("Both countries signed the Paris Agreement in 2016.", "Paris"),
    ("The FTSE 100 closed higher on Friday.", "FTSE"),
    ("The Nikkei rose 1.5 percent in Tokyo.", "Nikkei"),
    ("Critics said the Treaty of Lisbon gave Brussels more power.", "Lisbon"),
])
def test_documents_and_indices_are_no_actors(entities, sentence, junk):
    ents = entities(sentence)
    assert not [e for e in ents if any(junk in m.text for m in e.mentions)], [e.name for e in ents]


@pytest.mark.slow
def test_a_known_actor_before_a_document_word_stays_an_actor(entities):
    ents = entities("Hungary will support a UN Security Council resolution on Monday.")
    assert coded(ents, "UN Security Council")[1] == "UNO"
    assert coded(entities("The Nikkei reported the merger on Monday."), "Nikkei") == ("ORG", "JPN", "JRN")


@pytest.mark.slow
def test_first_names_and_honorifics_keep_people_apart(entities):
    ents = entities("Joe Biden and his wife Jill Biden visited Ohio. Biden said the trip went well.")
    joe, jill = (next(e for e in ents if e.name == n) for n in ("Joe Biden", "Jill Biden"))
    assert [m.text for m in jill.mentions] == ["Jill Biden"]
    assert "Biden" in [m.text for m in joe.mentions]
    ents = entities("Amir Haddad spoke to reporters on Friday.")
    assert coded(ents, "Amir Haddad")[1] is None  # not the knowledge base's Fernando Haddad (BRA)
    ents = entities("Mr Smith and Mrs Smith arrived.")
    assert len([e for e in ents if e.kind == "PERSON"]) == 2


@pytest.mark.slow
def test_headline_verb_is_cut_from_the_name(entities):
    ents = entities("Kovacs Warns Brussels Over Budget Plans\nMaria Kovacs said the budget must pass.")
    assert "Kovacs Warns" not in [m.text for e in ents for m in e.mentions]


@pytest.mark.slow
def test_a_description_names_the_organisation_before_it(entities):
    ents = entities("The story was first reported by Kommersant on Monday. The influential daily said more.")
    paper = next(e for e in ents if e.name == "Kommersant")
    assert "influential daily" in [m.text for m in paper.mentions]


@pytest.mark.slow
def test_the_dateline_is_a_place_and_the_home_of_a_two_country_story(entities):
    ents = entities("WASHINGTON (Reuters) - China and the United States held talks. Chinese officials met "
                    "U.S. officials. China said it would respond. Administration officials said the Navy was ready.")
    assert coded(ents, "WASHINGTON") == ("GPE", "USA", None)
    assert coded(ents, "Navy")[1:] == ("USA", "MIL")
