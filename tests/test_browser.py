"""The query page in a real headless browser (Debian's chromium, driven by Playwright): it loads YASGUI from
our own static files, shows the canned queries as tabs, runs a query and shows the results."""

from __future__ import annotations

import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install -y chromium; .ci/run installs it)")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def test_query_page_runs_a_canned_query_and_shows_results(browser, live_server):
    page = browser.new_page()
    errors, outside = [], []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: outside.append(req.url) if not req.url.startswith(live_server)
            and not req.url.startswith("data:") else None)
    page.goto(live_server + "/")
    page.wait_for_selector(".yasqe .CodeMirror", timeout=20_000)
    tab = page.get_by_text("Cables with a TAG", exact=True)
    tab.click()
    assert "KNNP" in page.locator(".tabPanel.active .CodeMirror").inner_text()
    page.locator(".tabPanel.active .yasqe_queryButton").click()
    page.wait_for_selector(".tabPanel.active .yasr table tbody tr", timeout=20_000)
    table = page.locator(".tabPanel.active .yasr table tbody").inner_text()
    assert "06ISLAMABAD10261" in table
    assert errors == [] and outside == []  # no script errors, nothing fetched from another host (no CDN)
    page.close()


def test_query_page_runs_a_typed_query(browser, live_server):
    page = browser.new_page()
    page.goto(live_server + "/")
    page.wait_for_selector(".yasqe .CodeMirror", timeout=20_000)
    page.evaluate("""() => window.cablegraphYasgui.getTab().getYasqe().setValue(
        'PREFIX cg: <https://w3id.org/cablegraph/ontology#> SELECT ?ref WHERE { ?c cg:referenceId ?ref } '
        + 'ORDER BY ?ref LIMIT 7')""")
    page.locator(".tabPanel.active .yasqe_queryButton").click()
    page.wait_for_selector(".tabPanel.active .yasr table tbody tr", timeout=20_000)
    assert page.locator(".tabPanel.active .yasr table tbody tr").count() == 7
    page.close()
