"""Every analysis validates against the shared output contract, with true offsets."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.inputs import iter_inputs

from .conftest import FIXTURES

CONTRACT = Path(__file__).resolve().parents[2] / "shared" / "contract" / "analysis.schema.json"
needs_contract = pytest.mark.skipif(not CONTRACT.exists(), reason=f"contract not found at {CONTRACT}")


@pytest.fixture(scope="module")
def validator():
    from jsonschema import Draft202012Validator

    return Draft202012Validator(json.loads(CONTRACT.read_text()))


def spans_of(record: dict):
    """Every (start, end, text) span anywhere in a contract object."""
    if isinstance(record, dict):
        if {"start", "end", "text"} <= record.keys() and isinstance(record["start"], int):
            yield record["start"], record["end"], record["text"]
        for value in record.values():
            yield from spans_of(value)
    elif isinstance(record, list):
        for value in record:
            yield from spans_of(value)


def check(analysis: dict, validator) -> None:
    errors = sorted(validator.iter_errors(analysis), key=str)
    assert not errors, errors[0].message
    text = analysis["article"]["text"]
    for start, end, span_text in spans_of({k: v for k, v in analysis.items() if k != "article"}):
        assert text[start:end] == span_text, (start, end, span_text)
    for q in analysis["quotes"]:
        assert text[q["start"]:q["end"]] == q["content"]
    ids = {e["id"] for e in analysis["entities"]}
    for ev in analysis["events"]:
        assert set(ev["actors"]) | set(ev["recipients"]) <= ids
        assert 0 <= ev["sentence"] < len(analysis["sentences"])


@needs_contract
@pytest.mark.slow
def test_fixtures_validate(pipeline, validator):
    outcomes = list(pipeline.analyze_many(iter_inputs([str(FIXTURES)])))
    assert len(outcomes) == 5
    for outcome in outcomes:
        check(outcome.as_dict(), validator)


@needs_contract
@pytest.mark.slow
def test_seed_validates_and_has_metadata(seed_analysis, validator):
    record = seed_analysis.as_dict()
    check(record, validator)
    art = record["article"]
    assert art["title"] == "Russian FM Says Meeting With Blinken Was ‘Constructive’"
    assert art["subtitle"].startswith("Blinken said the US seeks")
    assert art["authors"] == ["Dave DeCamp"]
    assert art["publisher"] == "Antiwar.com"
    assert art["published"] == "2021-05-20"


@pytest.mark.slow
def test_sentences_cover_headline_and_paragraphs_separately(seed_analysis):
    text = seed_analysis.article.text
    firsts = [text[s.start:s.end] for s in seed_analysis.sentences[:3]]
    assert firsts[0] == "Russian FM Says Meeting With Blinken Was ‘Constructive’"
    assert firsts[1].startswith("Blinken said the US seeks") and firsts[1].endswith("towards Russia")
    assert firsts[2].startswith("Secretary of State Antony Blinken met")
