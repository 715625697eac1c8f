"""Resource pages (/id/...), the query page and its bundled YASGUI, and the access log, on the sample cables."""

from __future__ import annotations

import httpx
import pyoxigraph as ox

from tests.conftest import SAMPLES, run_cli, start_server

CABLE = "/id/cable/06ISLAMABAD10261"
IRI = "https://w3id.org/cablegraph/id/cable/06ISLAMABAD10261"


def test_cable_page_as_html(live_server):
    response = httpx.get(live_server + CABLE, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    html = response.text
    assert "06ISLAMABAD10261: FM KASURI TELLS IRAN &#34;TAKE THE OFFER&#34;" in html
    assert 'href="/id/post/ISLAMABAD"' in html  # its post
    assert 'href="/id/topic/KNNP"' in html  # its topics
    assert "On June 2, Pakistani Foreign" in html  # its text
    assert "/id/cable/06ISLAMABAD10142" in html  # a reference out


def test_cable_page_as_turtle_and_json_ld(live_server):
    turtle = httpx.get(live_server + CABLE, headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200 and turtle.headers["content-type"].startswith("text/turtle")
    triples = list(ox.parse(turtle.content, format=ox.RdfFormat.TURTLE))
    assert triples and all(t.subject.value == IRI for t in triples)
    jsonld = httpx.get(live_server + CABLE, params={"format": "jsonld"})
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    assert len(list(ox.parse(jsonld.content, format=ox.RdfFormat.JSON_LD))) == len(triples)


def test_post_page_links_back_to_its_cables_and_unknown_is_404(live_server):
    post = httpx.get(live_server + "/id/post/ISLAMABAD")
    assert post.status_code == 200 and "Linked from" in post.text and f'href="{CABLE}"' in post.text
    assert httpx.get(live_server + "/id/cable/99NOWHERE1").status_code == 404
    assert httpx.get(live_server + CABLE, headers={"Accept": "image/png"}).status_code == 406
    # A key that would break out of an IRI is not a resource (and never reaches a query's text).
    assert httpx.get(live_server + "/id/cable/x%3E%20%7D%20%7B%20%3Fs%20%3Fp%20%3Fo").status_code == 404


def test_query_page_and_bundled_yasgui(live_server):
    page = httpx.get(live_server + "/")
    assert page.status_code == 200
    assert '<script src="/static/yasgui/yasgui.min.js">' in page.text
    assert "Cables with a TAG" in page.text and "cdn" not in page.text.lower()
    script = httpx.get(live_server + "/static/yasgui/yasgui.min.js")
    assert script.status_code == 200 and len(script.content) > 500_000
    assert httpx.get(live_server + "/static/yasgui/yasgui.min.css").status_code == 200


def test_one_access_log_line_per_request(tmp_path):
    store = tmp_path / "store"
    run_cli("ingest", str(SAMPLES / "dawn"), "--store", str(store))
    proc, url = start_server(store)
    try:
        for path in ("/sparql?query=ASK%20%7B%7D", CABLE, "/nowhere"):
            httpx.get(url + path)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    output = proc.log_path.read_text()
    lines = [line for line in output.splitlines() if "cablegraph.access" in line]
    assert any('"GET /sparql?query=ASK%20%7B%7D" 200' in line for line in lines)
    assert any(f'"GET {CABLE}" 200' in line for line in lines)
    assert any('"GET /nowhere" 404' in line for line in lines)
