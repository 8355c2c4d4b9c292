"""Spark scale-out: a real local Spark session over a small JSONL file."""
from __future__ import annotations

import json

import pytest

from newsgraph.spark import event_rows, quote_rows, row_input

STORY = ("Ministers from Chile and Peru met in Lima on Monday and agreed to reopen the border crossing, "
         "officials said. \"We want trade to flow again,\" the Chilean minister told reporters.")


def test_row_input_keeps_metadata_and_makes_an_id():
    raw = row_input({"text": STORY, "title": "Border to reopen", "id": None}, 7)
    assert raw.meta == {"title": "Border to reopen", "id": "row7"} and raw.text == STORY


def test_event_and_quote_rows_flatten_the_contract():
    record = {"id": "a1", "entities": [{"id": "E1", "name": "Chile", "country": "CHL"}],
              "events": [{"id": "V1", "type": "CONSULT", "mode": None, "modality": "asserted",
                          "actors": ["E1"], "recipients": [], "trigger": {"text": "met"},
                          "date": {"text": "Monday", "start": "2024-01-01", "end": "2024-01-01"}, "location": None}],
              "quotes": [{"id": "Q1", "kind": "direct", "content": "We want", "speaker": "E1",
                          "cue": {"text": "told"}, "via": [{"text": "Reuters"}]}]}
    (ev,) = event_rows(json.dumps(record))
    assert ev[:5] == ("a1", "V1", "CONSULT", None, "asserted") and ev[5] == ["Chile"] and ev[7] == ["CHL"]
    (q,) = quote_rows(json.dumps(record))
    assert q[4:] == ("Chile", "CHL", "told", ["Reuters"])


@pytest.mark.slow
def test_local_spark_job_writes_parquet(tmp_path):
    pytest.importorskip("pyspark", reason="the spark extra is not installed")
    import pyarrow.parquet as pq

    from newsgraph.spark import run_job

    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in (
        {"id": "a", "text": STORY}, {"id": "b", "text": STORY.replace("Lima", "Santiago")}, {"id": "c", "text": ""},
    )) + "\n")
    counts = run_job(str(src), str(tmp_path / "out"), master="local[1]")
    assert counts == {"articles": 2, "failed": 1}
    analyses = pq.read_table(tmp_path / "out" / "analyses").to_pylist()
    assert sorted(r["id"] for r in analyses) == ["a", "b", "c"]
    good = next(r for r in analyses if r["id"] == "a")
    assert json.loads(good["analysis"])["article"]["text"] == STORY
    assert (tmp_path / "out" / "events").is_dir() and (tmp_path / "out" / "quotes").is_dir()
