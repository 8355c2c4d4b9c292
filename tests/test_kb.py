"""The actors knowledge base: lookups, data integrity, the user's actors file."""
from __future__ import annotations

import re

import pycountry
import pytest

from newsgraph.actors.kb import KB_DIR, NON_STATE_CODES, SECTOR_CODES, load_kb, norm
from newsgraph.actors.memory import build_memory, load_actors_file
from newsgraph.errors import ConfigError
from newsgraph.records import KnownActor

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_norm_folds_case_quotes_accents_and_leading_article():
    assert norm("The  Kremlin") == "kremlin"
    assert norm("Erdoğan") == "erdogan"
    assert norm("Côte d\u2019Ivoire") == "cote d'ivoire"


@pytest.mark.parametrize("text, code", [
    ("Russia", "RUS"), ("Russian", "RUS"), ("Russians", "RUS"), ("Moscow", "RUS"), ("the Kremlin", "RUS"),
    ("U.S.", "USA"), ("White House", "USA"), ("Downing Street", "GBR"), ("Icelandic", "ISL"),
    ("Ivory Coast", "CIV"), ("Burmese", "MMR"), ("Palestinian", "PSE"), ("Kosovo", "KOS"),
])
def test_country_of_names_adjectives_demonyms_and_seats(kb, text, code):
    assert kb.country_of(text) == code


def test_country_of_unknown_word_is_none(kb):
    assert kb.country_of("Narnian") is None


def test_places_cities_regions_and_ties(kb):
    assert kb.place_country("Juba") == "SSD"
    assert kb.place_country("West Darfur State") == "SDN"  # generic words dropped
    assert kb.place_country("Tripoli") == "LBY"  # the larger one by default ...
    assert kb.place_country("Tripoli", prefer={"LBN"}) == "LBN"  # ... unless the article is about Lebanon
    assert kb.place_country("Puerto Rico") == "USA"  # dependencies fold into their state (PLOVER)


def test_roles_give_sectors_and_canonical_keys(kb):
    assert kb.sector_of_role("journalists") == "JRN"
    assert kb.sector_of_role("riot police") == "COP"
    assert kb.sector_of_role("rebels") == "REB"
    assert kb.role("FM").key == kb.role("foreign minister").key == "foreign minister"
    assert kb.role("Secretary of State").country == "USA"
    assert kb.sector_of_role("senior editor") == "JRN"  # falls back to the head word


def test_office_holders_by_date(kb):
    lavrov = kb.person("Lavrov", "2021-05-20")
    assert (lavrov.name, lavrov.country, lavrov.sector) == ("Sergey Lavrov", "RUS", "GOV")
    assert kb.person("Biden", "2021-05-20").role == "President"
    assert kb.person("Biden", "2012-03-01").role == "Vice President"
    former = kb.person("Obama", "2021-05-20")
    assert (former.sector, former.role) == ("ELI", "former President")
    assert kb.person("Rutte", "2025-01-10").country == "IGO"  # NATO, after leading the Dutch government
    assert kb.person("Rutte", "2020-01-10").country == "NLD"


def test_the_elder_bush_is_his_own_person(kb):
    assert kb.person("George H.W. Bush", "1990-05-01").role == "President"
    assert kb.person("George H. W. Bush", "2016-03-01").sector == "ELI"  # former President
    assert kb.person("Bush", "2006-05-01").name == "George W. Bush"  # the bare surname stays the son's


def test_organisations_media_and_igos(kb):
    assert (kb.organisation("TASS").country, kb.organisation("Tass").sector) == ("RUS", "JRN")
    assert kb.organisation("RFE/RL").name == "Radio Free Europe/Radio Liberty"
    assert kb.organisation("U.N.").country == "UNO"
    assert kb.organisation("NATO").country == "IGO"


def test_every_state_is_present_with_demonyms(kb):
    folded = {line.split()[1].split(">")[0] for line in (KB_DIR / "states_additions.psv").read_text().splitlines()
              if line.startswith("FOLD ")}
    expected = {c.alpha_3 for c in pycountry.countries} - folded
    assert expected <= set(kb.states)
    without = [iso for iso, s in kb.states.items() if not s.adjectives]
    assert len(without) <= 2, without


def test_data_files_use_valid_codes_and_dates(kb):
    codes = set(kb.states) | NON_STATE_CODES
    for org in kb.organisations.values():
        assert org.country in codes, org
        assert org.sector is None or org.sector in SECTOR_CODES, org
    for offices in kb.offices.values():
        for office in offices:
            assert office.country in codes and office.sector in SECTOR_CODES, office
            assert ISO_DATE.match(office.start) and (office.end is None or office.start < office.end), office
    for role in kb.roles.values():
        assert role.sector in SECTOR_CODES and role.type in ("person", "group", "body"), role
        assert role.country is None or role.country in codes, role


# -- the user's actors file -------------------------------------------------------------
def test_yaml_actors_file_loads(tmp_path, kb):
    path = tmp_path / "actors.yaml"
    path.write_text("- name: Maria Kovacs\n  country: hun\n  sector: JRN\n  role: editor\n"
                    "  aliases: [Kovacs]\n- {name: Blue Lake Rangers, kind: ORG, country: CAN, sector: SOC}\n")
    actors = load_actors_file(path, kb)
    assert actors[0] == KnownActor("Maria Kovacs", "PERSON", "HUN", "JRN", "editor", ("Kovacs",))
    assert actors[1].kind == "ORG"


def test_csv_actors_file_loads(tmp_path, kb):
    path = tmp_path / "actors.csv"
    path.write_text("name,kind,country,sector,aliases\nTomas Ferreira,PERSON,PRT,GOV,Ferreira;T. Ferreira\n")
    (actor,) = load_actors_file(path, kb)
    assert actor.aliases == ("Ferreira", "T. Ferreira") and actor.country == "PRT"


@pytest.mark.parametrize("content, message", [
    ("- name: X\n  country: Russia\n", "did you mean RUS"),
    ("- name: X\n  sector: POLITICS\n", "not a PLOVER sector"),
    ("- name: X\n  kind: ANIMAL\n", "kind 'ANIMAL'"),
    ("- country: RUS\n", "'name' is required"),
    ("- name: X\n  colour: red\n", "unknown field"),
    ("name: X\n", "must hold a list"),
    ("- name: [unclosed\n", "not valid YAML"),
])
def test_bad_actors_files_fail_clearly(tmp_path, kb, content, message):
    path = tmp_path / "actors.yml"
    path.write_text(content)
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_actors_file(path, kb)


def test_csv_without_name_column_fails(tmp_path, kb):
    path = tmp_path / "actors.csv"
    path.write_text("who,country\nX,RUS\n")
    with pytest.raises(ConfigError, match="'name' column"):
        load_actors_file(path, kb)


def test_memory_prefers_user_entries_and_knows_surnames():
    corpus = KnownActor("Sergey Lavrov", country="RUS", sector="GOV", role="Foreign Minister")
    user = KnownActor("Sergey Lavrov", country="RUS", sector="ELI")
    memory = build_memory([corpus], [user])
    assert memory.get("Lavrov").sector == "ELI"
    assert memory.get("sergey lavrov") is user


def test_supranational_words_tie_to_a_region_or_organisation_never_a_state(kb):
    assert (kb.supranational("European").code, kb.supranational("European").organisation) == ("EUR", "European Union")
    assert kb.supranational("Arab").code is None
    assert kb.supranational("Brussels").form == "seat"
    assert kb.supranational("Russian") is None
    assert kb.supranational("Asia").form == "region" and kb.country_of("Asia") is None  # no Philippine town
    for word in kb.supranational_words.values():
        assert word.form in ("adjective", "people", "seat", "region"), word
        assert word.code is None or word.code in NON_STATE_CODES, word
        assert word.organisation is None or word.organisation in kb.organisations, word
        assert kb.country_of(word.name) is None or word.form == "seat", word  # no state owns the word


def test_hyphenated_vice_president_is_the_same_role(kb):
    assert kb.role("Vice-President").key == kb.role("vice president").key


@pytest.mark.parametrize("word, plural", [
    ("professor", "professors"), ("spokesman", "spokesmen"), ("secretary", "secretaries"),
    ("coach", "coaches"), ("foreign minister", "foreign ministers"), ("envoy", "envoys"),
])
def test_plural_of_regular_and_man_words(word, plural):
    from newsgraph.actors.kb import plural_of
    assert plural_of(word) == plural


def test_titles_name_groups_of_their_holders_in_the_plural(kb):
    professors, executives = kb.role("professors"), kb.role("executives")
    assert (professors.sector, professors.type) == ("EDU", "group")
    assert (executives.sector, executives.type) == ("BUS", "group")


def test_civilian_words_and_listed_plurals_are_not_derived(kb):
    assert kb.role("women") is None  # a civilian's word in the plural is people in general
    assert kb.role("speakers").sector == "CVL"  # listed: commencement speakers hold no office


def test_office_sectors_are_one_list():
    """The state's offices and the public offices (with a party's) are one list and its one extension;
    clustering and nominals read kb's list instead of keeping their own (issue 19: one list per concept)."""
    from newsgraph.actors import cluster, kb as kb_module, nominals
    assert cluster.STATE_OFFICE_SECTORS is kb_module.STATE_OFFICE_SECTORS
    assert not hasattr(cluster, "OFFICE_SECTORS")
    assert nominals.OWN_OFFICE_SECTORS == kb_module.STATE_OFFICE_SECTORS - {"GOV"}
    assert kb_module.OFFICE_SECTORS - kb_module.STATE_OFFICE_SECTORS == {"PTY"}
