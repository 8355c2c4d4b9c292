"""End to end in a real headless Chromium (Playwright driving Debian's `chromium`).

One server per module, over a store of the synthetic articles of web_store plus
the seed article analysed by the real pipeline (read from ../shared/seeds at test
time). Screenshots go to test-artifacts/ (git-ignored), or NEWSGRAPH_TEST_ARTIFACTS.
Skips with the reason when Playwright, Chromium or the seed is missing.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed")
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (test extra)")

from .conftest import SEEDS  # noqa: E402
from .web_store import build  # noqa: E402

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(os.environ.get("NEWSGRAPH_TEST_ARTIFACTS") or ROOT / "test-artifacts")
SEED = SEEDS / "000_e494edcee4030ef3.txt"


def chromium_path() -> str | None:
    for candidate in (os.environ.get("NEWSGRAPH_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def server(pipeline, seed_analysis, tmp_path_factory):
    import uvicorn

    from newsgraph.corpus.db import open_database
    from newsgraph.corpus.store import Store
    from newsgraph.web import create_app

    url = str(tmp_path_factory.mktemp("e2e") / "e2e.db")
    build(url)
    with open_database(url) as db:
        Store(db).write_batch([(seed_analysis, None)])
        seed_id = db.scalar("SELECT id FROM articles WHERE doc_id = ?", (seed_analysis.id,))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app(url, pipeline_factory=lambda: pipeline)
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield {"base": f"http://127.0.0.1:{port}", "seed": seed_id}
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    if path is None:
        pytest.skip("Chromium not found (apt-get install -y chromium, or set NEWSGRAPH_CHROMIUM)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with playwright_api.sync_playwright() as p:
        try:
            chrome = p.chromium.launch(executable_path=path, args=["--no-sandbox"])
        except Exception as exc:  # a Chromium that Playwright cannot drive
            pytest.skip(f"cannot start Chromium at {path}: {str(exc).splitlines()[0]}")
        yield chrome
        chrome.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.errors = []
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    tab.on("dialog", lambda dialog: (tab.errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield tab
    context.close()


def test_seed_reading_page_highlights_speaker_and_event(server, page):
    page.goto(f"{server['base']}/articles/{server['seed']}")
    speaker = page.locator(".article .speaker", has_text="Lavrov").first
    playwright_api.expect(speaker).to_be_visible()
    consult = page.locator('.article .trigger[data-type="CONSULT"]').first
    playwright_api.expect(consult).to_be_visible()
    # Highlighted: painted differently from the plain text around them.
    plain = page.evaluate("getComputedStyle(document.querySelector('.article')).backgroundColor")
    for element in (speaker, consult):
        assert element.evaluate("el => getComputedStyle(el).backgroundColor") != plain
    assert any(t.startswith("CONSULT") for t in page.locator("table.events .event-type").all_inner_texts())
    consult.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "seed-reading.png"))
    assert not page.errors


def test_quote_row_links_to_its_span_and_speaker_to_actor_page(server, page):
    page.goto(f"{server['base']}/articles/{server['seed']}")
    row = page.locator("table.quotes tr", has=page.locator(".speaker-cell", has_text="Lavrov")).first
    row.locator("a[href^='#q-']").first.click()
    playwright_api.expect(page.locator(".article .focus").first).to_be_visible()
    row.locator(".speaker-cell a").click()
    page.wait_for_url("**/actors/*")
    playwright_api.expect(page.locator("#actor-name")).to_contain_text("Lavrov")
    playwright_api.expect(page.locator("table.quotes").first).to_contain_text("constructive")
    page.screenshot(path=str(ARTIFACTS / "actor-lavrov.png"), full_page=True)
    assert not page.errors


def test_facet_narrows_the_articles(server, page):
    page.goto(f"{server['base']}/articles")
    before = page.locator("table.articles tr").count() - 1
    page.locator('ul.facet[data-facet="publisher"] a', has_text="Daily Norland").click()
    page.wait_for_url("**publisher=Daily+Norland**")
    rows = page.locator("table.articles tr")
    playwright_api.expect(rows).to_have_count(3)  # header + 2
    assert before > 2
    playwright_api.expect(page.locator('ul.facet[data-facet="publisher"] li.on')).to_contain_text("Daily Norland")
    page.screenshot(path=str(ARTIFACTS / "articles-facet.png"), full_page=True)


def test_pasted_script_does_not_run(server, page):
    page.goto(f"{server['base']}/analyze")
    text = ("Harbour talks resume\n\nPort officials met union leaders in Gdansk on Monday. "
            "<script>window.__ran = true; alert('x')</script> <img src=x onerror=\"window.__ran = true\"> "
            "\"We are close to a deal,\" the union leader said.")
    page.fill("textarea[name=text]", text)
    # The page's own submit handler runs first; this one records what it left (the
    # tab's sessionStorage outlives the navigation to the result).
    page.evaluate("""() => { const form = document.querySelector("form[data-busy]"), button = form.querySelector("#run");
        form.addEventListener("submit", () => sessionStorage.setItem("busy", `${button.disabled} ${button.textContent}`)); }""")
    page.locator("button#run").click()
    playwright_api.expect(page.locator("#result")).to_be_visible(timeout=60_000)
    assert page.evaluate("sessionStorage.getItem('busy')") == "true Analysing…"
    playwright_api.expect(page.locator("button#run")).to_be_enabled()
    playwright_api.expect(page.locator(".article")).to_contain_text("<script>window.__ran = true;")
    assert page.evaluate("window.__ran") is None
    assert not page.errors, page.errors
    page.screenshot(path=str(ARTIFACTS / "analyze-script.png"), full_page=True)


def test_api_docs_render_offline(server, page):
    outside = []

    def local_only(route):
        if route.request.url.startswith(server["base"]) or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:  # as on a machine without network
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", local_only)
    page.goto(f"{server['base']}/docs")
    playwright_api.expect(page.locator(".swagger-ui .info .title")).to_contain_text("newsgraph", timeout=15_000)
    playwright_api.expect(page.locator(".opblock-summary-path", has_text="/api/events").first).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / "api-docs.png"))
    assert not outside and not page.errors
