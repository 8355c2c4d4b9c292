"""records.entity_at: the mention index answers as a scan over every mention does."""
from __future__ import annotations

import random

from newsgraph.records import Entity, Mention, _scan, entity_at


def _entity(n: int, spans: list[tuple[int, int]]) -> Entity:
    return Entity(f"E{n}", f"name {n}", "PERSON", tuple(Mention(a, b, "x" * (b - a)) for a, b in spans))


def test_tightest_mention_wins_and_ties_go_to_the_first_entity():
    wide, tight, twin = _entity(1, [(0, 20)]), _entity(2, [(5, 9)]), _entity(3, [(5, 9)])
    entities = (wide, tight, twin)
    assert entity_at(entities, 6, 7) is tight
    assert entity_at(entities, 15, 16) is wide
    assert entity_at(entities, 20, 25) is None  # end is exclusive
    assert entity_at((), 0, 5) is None


def test_the_index_agrees_with_a_scan_on_random_layouts():
    rnd = random.Random(7)
    for _ in range(200):
        entities = tuple(_entity(n, [(a, a + rnd.randint(1, 30)) for a in rnd.sample(range(200), rnd.randint(1, 5))])
                         for n in range(rnd.randint(0, 8)))
        for _ in range(20):
            start = rnd.randint(0, 230)
            end = start + rnd.randint(0, 10)
            assert entity_at(entities, start, end) is _scan(entities, start, end)
            assert entity_at(list(entities), start, end) is _scan(entities, start, end)


def test_a_new_tuple_gets_its_own_index():
    first, second = (_entity(1, [(0, 5)]),), (_entity(2, [(0, 5)]),)
    assert entity_at(first, 1, 2).id == "E1"
    assert entity_at(second, 1, 2).id == "E2"
    assert entity_at(first, 1, 2).id == "E1"


def test_doc_tokens_are_made_once_per_doc(pipeline):
    from newsgraph.nlp import tokens

    one, two = pipeline.nlp("The mayor spoke today."), pipeline.nlp("Rain fell.")
    made = tokens(one)
    assert tokens(one) is made and [t.text for t in made] == [t.text for t in one]
    assert [t.text for t in tokens(two)] == ["Rain", "fell", "."]
    assert tokens(one) is not made and [t.i for t in tokens(one)] == list(range(len(one)))
