"""Session 7 coding rules on synthetic sentences: a named private person is a civilian, a generic title
takes the sector of the state body its 'of' phrase names (spaCy model needed)."""
from __future__ import annotations

import pytest

from newsgraph.actors import build_stage
from newsgraph.config import Config

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def analyse():
    from newsgraph.nlp import load_model

    nlp, stage = load_model(Config().model), build_stage(Config())
    return lambda text, date="2018-05-10": stage.entities(nlp(text), date)


def sector_of(entities, text):
    found = [e for e in entities if any(m.text == text for m in e.mentions)]
    assert found, [(e.name, [m.text for m in e.mentions]) for e in entities]
    return found[0].sector


def test_named_private_person_is_civilian(analyse):
    ents = analyse("Marta Quillon, who lives on Elm Street, said the water smelled.")
    assert sector_of(ents, "Marta Quillon") == "CVL"


def test_named_official_keeps_office_sector(analyse):
    ents = analyse("Senator Tunde Bakare said the bill would pass.")
    assert sector_of(ents, "Tunde Bakare") == "LEG"


def test_title_of_a_state_body_takes_the_body_sector(analyse):
    assert sector_of(analyse("The Commissioner of Police, Ngozi Eze, denied the claim."), "Ngozi Eze") == "COP"
    assert sector_of(analyse("President of the Senate, Chidi Obiora, sued the police."), "Chidi Obiora") == "LEG"


def test_hyphenated_inspector_general_is_no_army_general(analyse):
    ents = analyse("Three senators have dragged the Inspector-General of Police, Adaeze Okonkwo, to court.")
    assert sector_of(ents, "Adaeze Okonkwo") == "COP"
