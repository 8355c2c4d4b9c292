"""The HTTP API and explorer page, over a real SQLite store."""
from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
from fastapi.testclient import TestClient  # noqa: E402

from newsgraph.web import create_app  # noqa: E402

STORY = ("Ministers Meet Over Border Dispute\n\n"
         "The foreign ministers of Chile and Peru met in Lima on Monday to discuss the border crossing, "
         "officials said. \"We want trade to flow again,\" the Chilean minister told reporters.\n")


@pytest.fixture(scope="module")
def client(pipeline, tmp_path_factory):
    from newsgraph.corpus.db import open_database
    from newsgraph.corpus.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    with open_database(url) as db:
        Store(db).write(pipeline.analyze({"id": "b1", "text": STORY, "published": "2024-02-05"}))
    return TestClient(create_app(url, pipeline_factory=lambda: pipeline))


@pytest.mark.slow
def test_analyze_returns_the_contract(client):
    r = client.post("/api/analyze", json={"text": STORY, "published": "2024-02-05"})
    assert r.status_code == 200
    body = r.json()
    assert body["article"]["title"] == "Ministers Meet Over Border Dispute"
    assert {"entities", "quotes", "events", "sentences"} <= body.keys()


@pytest.mark.slow
def test_analyze_rejects_empty_and_bad_input(client):
    assert client.post("/api/analyze", json={}).status_code == 422
    r = client.post("/api/analyze", json={"text": "   "})
    assert r.status_code == 422 and "empty" in r.json()["detail"]


@pytest.mark.slow
def test_store_queries(client):
    hits = client.get("/api/search", params={"q": "border"}).json()
    assert hits and hits[0]["title"] == "Ministers Meet Over Border Dispute"
    assert client.get("/api/actors").status_code == 200
    assert client.get("/api/quotes").status_code == 200
    assert client.get("/api/events", params={"type": "CONSULT"}).status_code == 200


@pytest.mark.slow
def test_bad_query_is_a_400_with_a_message(client):
    r = client.get("/api/search", params={"q": "   "})
    assert r.status_code == 400 and r.json()["detail"]


@pytest.mark.slow
def test_explorer_page_is_served(client):
    r = client.get("/")
    assert r.status_code == 200 and "newsgraph explorer" in r.text
