"""The web workbench and API in process, over a small store of hand-made analyses
(synthetic text; no spaCy): every route, its JSON and CSV twins, and every refusal."""
from __future__ import annotations

import asyncio
import csv
import io
import os
import threading

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
pytest.importorskip("jinja2", reason="the web extra is not installed")
from fastapi.testclient import TestClient  # noqa: E402

from newsgraph.web import create_app  # noqa: E402
from newsgraph.web.limits import AnalysisPool, Busy  # noqa: E402
from newsgraph.web.settings import ServerConfig  # noqa: E402

from .web_store import FakePipeline, build  # noqa: E402


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request, tmp_path_factory):
    """The same small store on each backend (PostgreSQL when NEWSGRAPH_TEST_PG is set)."""
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("web") / "web.db")
        build(url)
        yield url
        return
    from .test_store import PG_SKIP_REASON, _drop_schema, _pg_schema_url

    base = os.environ.get("NEWSGRAPH_TEST_PG")
    if not base:
        pytest.skip(PG_SKIP_REASON)
    pytest.importorskip("psycopg", reason="PostgreSQL tests need psycopg: pip install 'newsgraph[postgres]'")
    schema, url = _pg_schema_url(base)
    build(url)
    yield url
    _drop_schema(base, schema)


@pytest.fixture(scope="module")
def client(store):
    config = ServerConfig(body_limit=64 * 1024)
    with TestClient(create_app(store, pipeline_factory=FakePipeline, config=config)) as c:
        yield c


def ids(client, path, **params):
    return client.get(path, params=params).json()


# -- pages and their twins ----------------------------------------------------

@pytest.mark.parametrize("path", ["/articles", "/actors", "/events", "/quotes", "/dyad"])
def test_list_pages_have_html_json_and_csv_twins(client, path):
    page = client.get(path)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    twin = client.get(path + ".json").json()
    assert set(twin) >= {"rows", "total", "next"}
    table = client.get(path + ".csv")
    assert table.status_code == 200 and table.headers["content-type"].startswith("text/csv")
    assert len(list(csv.DictReader(io.StringIO(table.text)))) == len(twin["rows"])


def test_articles_show_a_title_for_untitled_ones(client):
    rows = client.get("/articles.json").json()["rows"]
    untitled = next(r for r in rows if r["doc_id"] == "u1")
    assert untitled["title"] is None and untitled["display_title"] == untitled_first_line()


def untitled_first_line():
    from .web_store import untitled_article

    return untitled_article().article.text.splitlines()[0][:87].rsplit(" ", 1)[0] + "…"


def test_article_search_highlights_and_guillemets_in_text(client):
    page = client.get("/articles", params={"q": "harbour"})
    assert "<mark>harbour</mark>" in page.text
    hit = client.get("/articles.json", params={"q": "harbour"}).json()["rows"][0]
    assert "«harbour»" in hit["snippet"] and hit["doc_id"] == "u1"
    # The article's own « » are text, not highlight marks.
    page = client.get("/articles", params={"q": "ports"})
    assert "«harbour»" in page.text and "<mark>harbour" not in page.text


def test_article_facets_filter_and_count(client):
    data = client.get("/articles.json").json()
    publishers = {f["value"]: f["n"] for f in data["facets"]["publisher"]}
    assert publishers == {"Daily Norland": 2, "Sudovia Times": 1, "Coast Daily": 1}
    assert {f["value"] for f in data["facets"]["event_type"]} == {"CONSULT", "ACCUSE"}
    only = client.get("/articles.json", params={"publisher": "Daily Norland"}).json()
    assert only["total"] == 2 and {r["publisher"] for r in only["rows"]} == {"Daily Norland"}
    assert client.get("/articles.json", params={"month": "2024-03"}).json()["total"] == 2
    assert client.get("/articles.json", params={"type": "consult", "country": "sdv"}).json()["total"] == 3


def test_pagination_counts_and_next(client):
    first = client.get("/articles.json", params={"limit": 3}).json()
    assert first["total"] == 4 and len(first["rows"]) == 3 and "offset=3" in first["next"]
    second = client.get(first["next"]).json()
    assert len(second["rows"]) == 1 and second["next"] is None
    assert {r["id"] for r in first["rows"]}.isdisjoint({r["id"] for r in second["rows"]})


def test_article_sorts(client):
    oldest = [r["published"] for r in ids(client, "/articles.json", sort="oldest")["rows"]]
    assert oldest == sorted(oldest)
    titles = [r["display_title"].lower() for r in ids(client, "/articles.json", sort="title")["rows"]]
    assert titles == sorted(titles)


def test_reading_view_marks_speaker_cue_source_and_trigger(client):
    article_id = next(r["id"] for r in ids(client, "/articles.json", q="Lima")["rows"])
    html = client.get(f"/articles/{article_id}").text
    assert 'class="ent speaker v-attributed"' in html and ">Anna Berg</span>" in html
    assert 'data-type="CONSULT"' in html and 'id="e-v1"' in html and 'id="q-q1"' in html
    assert 'class="cue v-attributed"' in html and 'class="via' in html
    assert 'href="#q-q1"' in html and 'href="#e-v1"' in html  # rows link to their spans
    twin = client.get(f"/articles/{article_id}.json").json()
    assert twin["quotes"][0]["via"][0]["text"] == "the Nortel agency"
    assert [e["type"] for e in twin["events"]] == ["CONSULT", "ACCUSE"]


def test_stored_script_is_shown_as_text(client):
    untitled = next(r["id"] for r in ids(client, "/articles.json", publisher="Coast Daily")["rows"])
    html = client.get(f"/articles/{untitled}").text
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_actor_page_has_coding_aliases_quotes_events_timeline(client):
    berg = ids(client, "/actors.json", name="berg")["rows"][0]
    data = client.get(f"/actors/{berg['id']}.json").json()
    assert (data["country"], data["sector"]) == ("NRL", "GOV")
    assert data["aliases"][0]["text"] == "Anna Berg"
    assert len(data["quotes_by"]) == 2 and len(data["events_as_actor"]) == 2
    assert [t["period"] for t in data["timeline"]] == ["2024-02"]
    assert "Olek Varga" in {c["name"] for c in data["co_occurring"]}
    varga = ids(client, "/actors.json", name="varga")["rows"][0]
    assert len(client.get(f"/actors/{varga['id']}.json").json()["events_as_recipient"]) == 3
    page = client.get(f"/actors/{berg['id']}").text
    assert "Quotes about" in page and f'href="/events?party_id={berg["id"]}&amp;since=2024-02&amp;until=2024-02"' in page
    assert ids(client, "/events.json", party_id=varga_id(client), since="2024-02", until="2024-02")["total"] == 4


def test_reading_view_shows_opinion_probability_and_cue_class(client):
    untitled = next(r["id"] for r in ids(client, "/articles.json", publisher="Coast Daily")["rows"])
    html = client.get(f"/articles/{untitled}").text
    assert 'class="v-opinion" title="opinion sentence (P(opinion) 0.74)"' in html
    twin = client.get(f"/articles/{untitled}.json").json()
    assert twin["sentences"][0]["opinion_probability"] == 0.7421
    talks = next(r["id"] for r in ids(client, "/articles.json", q="Lima")["rows"])
    html = client.get(f"/articles/{talks}").text
    assert "attributed sentence (P(opinion) 0.10)" in html
    assert "<th>cue class</th>" in html and "<td>speech</td>" in html


def varga_id(client):
    return ids(client, "/actors.json", name="varga")["rows"][0]["id"]


def test_events_filters(client):
    assert ids(client, "/events.json", type="ACCUSE")["total"] == 3
    assert ids(client, "/events.json", actor="NRLGOV", recipient="SDV")["total"] == 3
    assert ids(client, "/events.json", quad=3)["total"] == 3
    assert ids(client, "/events.json", since="2024-03-01")["total"] == 2
    assert ids(client, "/events.json", until="2024-02")["total"] == 4
    assert ids(client, "/events.json", actor="SDV", recipient="NRL", both_ways="1")["total"] == 6


def test_quotes_filters(client):
    assert ids(client, "/quotes.json", speaker="holm")["total"] == 1
    assert ids(client, "/quotes.json", about="talks useful")["total"] == 3
    assert ids(client, "/quotes.json", kind="indirect")["total"] == 0
    assert ids(client, "/quotes.json", cue="said", via="nortel")["total"] == 3
    assert ids(client, "/quotes.json", until="2024-02-06")["total"] == 1
    assert ids(client, "/quotes.json")["rows"][0]["via"] == ["the Nortel agency"]


def test_quotes_filter_by_cue_class_on_page_json_csv_and_api(client):
    assert ids(client, "/quotes.json", cue_class="speech")["total"] == 3
    assert ids(client, "/quotes.json", cue_class="thought")["total"] == 0
    assert client.get("/quotes", params={"cue_class": "nope"}).status_code == 400
    page = client.get("/quotes", params={"cue_class": "speech"}).text
    assert "<option selected>speech</option>" in page and "<td>speech</td>" in page
    rows = list(csv.DictReader(io.StringIO(client.get("/quotes.csv", params={"cue_class": "speech"}).text)))
    assert {r["cue_class"] for r in rows} == {"speech"}
    api = client.get("/api/quotes", params={"cue_class": "speech"}).json()
    assert len(api) == 3 and api[0]["cue_class"] == "speech"
    assert client.get("/api/quotes", params={"cue_class": "nope"}).status_code == 422
    assert client.get("/api/quotes", params={"cue_class": "writing"}).json() == []
    event = client.get("/api/events", params={"type": "CONSULT"}).json()[0]
    assert event["confidence"] == 0.75


def test_dyad_chart_bars_link_to_their_events(client):
    data = client.get("/dyad.json", params={"a": "NRL", "b": "SDV", "by": "week"}).json()
    assert [r["period"] for r in data["rows"]] == ["2024-W06", "2024-W08", "2024-W11"]
    assert data["rows"][0]["events_url"] == "/events?actor=NRL&recipient=SDV&since=2024-02-05&until=2024-02-11"
    assert ids(client, "/events.json", actor="NRL", recipient="SDV", since="2024-02-05", until="2024-02-11")["total"] == 1
    assert data["network"] and {"source_name", "target_name", "n"} <= set(data["network"][0])
    page = client.get("/dyad", params={"a": "NRL", "b": "SDV", "measure": "type"}).text
    assert '<svg class="chart"' in page and 'href="/events?actor=NRL&amp;recipient=SDV' in page
    assert '<svg class="network"' in page


# -- the API ------------------------------------------------------------------

def test_api_routes_keep_working(client):
    assert client.get("/api/search", params={"q": "treaty"}).json()[0]["snippet"]
    event = client.get("/api/events", params={"type": "CONSULT"}).json()[0]
    assert event["trigger"] == "met" and event["date"] and event["story_articles"] >= 1
    assert client.get("/api/quotes").json()[0]["via"] == ["the Nortel agency"]
    assert client.get("/api/actors", params={"country": "SDV"}).json()[0]["name"] == "Olek Varga"
    periods = client.get("/api/dyad", params={"a": "NRL", "b": "SDV"}).json()
    assert [p["period"] for p in periods] == ["2024-02", "2024-03"]


def test_api_analyze(client):
    body = client.post("/api/analyze", json={"text": "Harbour opens\n\nThe harbour opened."}).json()
    assert body["article"]["title"] == "Harbour opens" and "sentences" in body
    assert client.post("/api/analyze", json={}).status_code == 422
    assert client.post("/api/analyze", json={"text": "  "}).status_code == 422
    assert client.post("/api/analyze", content=b"not json", headers={"content-type": "application/json"}).status_code == 422


BAD = [
    ("/api/search", {"q": ""}, 400), ("/api/search", {"q": "   "}, 400), ("/api/search", {}, 422),
    ("/api/dyad", {"a": "", "b": ""}, 400), ("/api/dyad", {"a": "NRL"}, 422),
    ("/api/dyad", {"a": "NRL", "b": "SDV", "by": "fortnight"}, 422),
    ("/api/quotes", {"since": "notadate"}, 400), ("/api/quotes", {"since": "2021-13-45"}, 400),
    ("/api/quotes", {"kind": "rumour"}, 422), ("/api/events", {"type": "BOGUS"}, 422),
    ("/api/events", {"until": "2021-02-30"}, 400), ("/api/events", {"limit": "-1"}, 422),
    ("/api/events", {"limit": "1000000000"}, 422), ("/api/events", {"limit": "ten"}, 422),
    ("/api/actors", {"limit": "0"}, 422),
    ("/articles.json", {"q": '"'}, 400), ("/articles.json", {"month": "2024-13"}, 400),
    ("/articles.json", {"sort": "random"}, 400), ("/articles.json", {"type": "BOGUS"}, 400),
    ("/articles.json", {"limit": "-1"}, 400), ("/articles.json", {"offset": "-5"}, 400),
    ("/events.json", {"since": "notadate"}, 400), ("/events.json", {"type": "BOGUS"}, 400),
    ("/events.json", {"limit": "1000000000"}, 400), ("/events.json", {"quad": "7"}, 400),
    ("/quotes.json", {"until": "2021-13-45"}, 400), ("/quotes.json", {"kind": "rumour"}, 400),
    ("/dyad.json", {"a": "NRL"}, 400), ("/dyad.json", {"a": "NRL", "b": "SDV", "by": "decade"}, 400),
    ("/actors.json", {"limit": "abc"}, 400), ("/articles/99999.json", {}, 404), ("/actors/99999.json", {}, 404),
]


@pytest.mark.parametrize("path,params,status", BAD)
def test_bad_parameters_are_client_errors_with_a_message(client, path, params, status):
    r = client.get(path, params=params)
    assert r.status_code == status, r.text
    assert r.json()["detail"]


def test_bad_parameter_on_a_page_is_an_html_error_page(client):
    r = client.get("/events", params={"since": "2021-13-45"})
    assert r.status_code == 400 and "is not a date" in r.text and r.headers["content-type"].startswith("text/html")


def test_messages_speak_http_not_cli(client):
    detail = client.get("/api/events", params={"limit": "-1"}).json()["detail"]
    assert "limit" in detail and "--" not in detail
    detail = client.get("/events.json", params={"limit": "-1"}).json()["detail"]
    assert "query parameter limit" in detail


def test_a_nul_in_a_query_parameter_is_400_on_every_store(client):
    # PostgreSQL refuses NUL in text (a 500 before NoNulQuery); every store now answers 400.
    for path in ("/api/actors", "/articles.json"):
        r = client.get(path, params={"country": "\x00"})
        assert r.status_code == 400 and "NUL" in r.json()["detail"], (path, r.text)
    assert client.get("/api/actors", params={"country": "RUS"}).status_code == 200


def test_body_over_the_limit_is_413_before_it_is_read(client):
    big = b'{"text": "' + b"a" * (70 * 1024) + b'"}'
    r = client.post("/api/analyze", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and "limit" in r.json()["detail"]

    def chunks():  # no Content-Length: counted as it streams
        for _ in range(100):
            yield b"a" * 1024

    r = client.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_security_headers(client):
    headers = client.get("/articles").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "unsafe-inline" not in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


def test_docs_are_served_locally(client):
    for path in ("/docs", "/redoc"):
        page = client.get(path).text
        assert "http" not in page.split("<body>")[1], "docs must not load assets from elsewhere"
    assert client.get("/static/docs/swagger-ui-bundle.js").status_code == 200
    assert client.get("/static/docs/redoc.standalone.js").status_code == 200


def test_openapi_has_models_enums_and_descriptions(client):
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    assert {"EventRow", "QuoteRow", "SearchHit", "DyadPeriod", "ActorRow", "Problem"} <= set(schemas)
    assert "CONSULT" in schemas["EventType"]["enum"]
    limit = next(p for p in spec["paths"]["/api/events"]["get"]["parameters"] if p["name"] == "limit")
    assert limit["schema"]["maximum"] == 1000 and limit["schema"]["minimum"] == 1 and limit["description"]
    assert "/articles" not in spec["paths"]


def test_analyze_page_form_and_save(client):
    assert 'data-busy=' in client.get("/analyze").text
    text = "Quay works end\n\nThe quay works ended <script>window.x=1</script> today."
    r = client.post("/analyze", data={"text": text, "published": "2024-04-01"})
    assert r.status_code == 200 and "&lt;script&gt;" in r.text and "<script>window" not in r.text
    assert 'id="saved"' not in r.text
    r = client.post("/analyze", data={"text": text, "save": "1"})
    saved = r.text.split('id="saved" href="')[1].split('"')[0]
    assert client.get(saved + ".json").json()["article"]["text"] == text


def test_analyze_page_refusals(client):
    assert client.post("/analyze", data={"text": ""}).status_code == 422
    assert client.post("/analyze", data={"text": "x", "published": "2024-02-31"}).status_code == 422


def test_queries_use_read_only_connections(store):
    from newsgraph.web.app import read_only

    with read_only(store) as db:
        with pytest.raises(Exception, match="readonly|read-only"):
            db.execute("DELETE FROM errors")


def test_missing_store_is_503_with_the_fix(tmp_path):
    client = TestClient(create_app(str(tmp_path / "none.db"), pipeline_factory=FakePipeline))
    r = client.get("/articles.json")
    assert r.status_code == 503 and "newsgraph ingest" in r.json()["detail"]


# -- the analysis pool --------------------------------------------------------

def test_pool_refuses_past_its_queue_and_times_out():
    async def scenario():
        pool = AnalysisPool(workers=1, queue=1, time_limit=0.5, retry_after=7)
        gate = threading.Event()
        first = asyncio.ensure_future(pool.run(gate.wait, 5))
        second = asyncio.ensure_future(pool.run(gate.wait, 5))
        await asyncio.sleep(0.05)
        with pytest.raises(Busy) as busy:
            await pool.run(lambda: None)
        assert busy.value.retry_after == 7
        results = await asyncio.gather(first, second, return_exceptions=True)
        gate.set()
        pool.shutdown()
        return results

    results = asyncio.run(scenario())
    assert all(type(r).__name__ == "Overtime" for r in results)


def test_busy_server_answers_503_with_retry_after(tmp_path):
    started, gate = threading.Event(), threading.Event()

    class Slow(FakePipeline):
        def analyze(self, item):
            started.set()
            gate.wait(10)
            return super().analyze(item)

    config = ServerConfig(workers=1, queue=0, retry_after=3)
    with TestClient(create_app(str(tmp_path / "none.db"), pipeline_factory=Slow, config=config)) as c:
        answers = []
        holder = threading.Thread(target=lambda: answers.append(c.post("/api/analyze", json={"text": "one"})))
        holder.start()
        assert started.wait(10)
        refused = c.post("/api/analyze", json={"text": "two"})
        gate.set()
        holder.join()
    assert refused.status_code == 503 and refused.headers["retry-after"] == "3" and "busy" in refused.json()["detail"]
    assert answers[0].status_code == 200


def test_server_config_validates():
    from newsgraph.errors import ConfigError

    assert ServerConfig.from_env({"NEWSGRAPH_WEB_QUEUE": "9"}).queue == 9
    with pytest.raises(ConfigError):
        ServerConfig.from_env({"NEWSGRAPH_WEB_WORKERS": "0"})
    with pytest.raises(ConfigError):
        ServerConfig.from_env({"NEWSGRAPH_WEB_BODY_LIMIT": "big"})


# -- properties -----------------------------------------------------------------

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

ANY_VALUE = st.one_of(st.text(max_size=30), st.integers(-10 ** 12, 10 ** 12).map(str),
                      st.sampled_from(["", " ", "2024-02", "2024-13-01", "CONSULT", "bogus", '"', "«»", "-x", "*"]))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(["/articles.json", "/events.json", "/quotes.json", "/actors.json", "/dyad.json",
                             "/api/search", "/api/events", "/api/quotes", "/api/dyad", "/api/actors"]),
       name=st.sampled_from(["q", "limit", "offset", "since", "until", "type", "kind", "month", "sort", "a", "b",
                             "by", "quad", "country", "publisher", "speaker", "about", "cue", "via", "actor_id",
                             "cue_class"]),
       value=ANY_VALUE)
def test_no_parameter_value_is_a_server_error(client, path, name, value):
    params = {name: value}
    if path == "/api/search" and name != "q":
        params["q"] = "talks"
    if path.endswith("dyad") and name not in ("a", "b"):
        params.update(a="NRL", b="SDV")
    r = client.get(path, params=params)
    assert r.status_code in (200, 400, 404, 422), (path, params, r.text)
    assert r.json() is not None


SPAN = st.tuples(st.integers(0, 60), st.integers(1, 20))


@settings(max_examples=80, deadline=None)
@given(text=st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=60),
       spans=st.lists(SPAN, max_size=8), kinds=st.lists(st.sampled_from(["ent", "trigger", "quote", "loaded"]), max_size=8))
def test_reading_view_keeps_the_text_whole_and_escaped(text, spans, kinds):
    import html
    import re

    from newsgraph.web.reading import highlight

    def cut(i):
        start, width = spans[i]
        start = min(start, len(text) - 1)
        return {"start": start, "end": min(len(text), start + width), "text": ""}

    analysis = {"article": {"text": text}, "entities": [], "quotes": [], "events": [], "sentences": []}
    for i, kind in enumerate(kinds[:len(spans)]):
        s = cut(i)
        if kind == "ent":
            analysis["entities"].append({"id": f"e{i}", "name": "<b>", "kind": "ORG", "mentions": [s]})
        elif kind == "trigger":
            analysis["events"].append({"id": f"v{i}", "type": "CONSULT", "trigger": s})
        elif kind == "quote":
            analysis["quotes"].append({"id": f"q{i}", "kind": "direct", "speaker": None, **s, "via": []})
        else:
            analysis["sentences"].append({"start": 0, "end": len(text), "voice": "opinion", "loaded": [s]})
    out = str(highlight(analysis))
    assert html.unescape(re.sub(r"<[^>]*>", "", out)) == text
    assert "<b>" not in out and "<script" not in out.lower().replace("&lt;script", "")


def test_analyze_form_from_another_site_is_refused(client):
    r = client.post("/analyze", data={"text": "x", "save": "1"}, headers={"origin": "https://elsewhere.example"})
    assert r.status_code == 403 and "another site" in r.text
    assert client.post("/analyze", data={"text": "Quay\n\nok"}, headers={"origin": "http://testserver"}).status_code == 200
