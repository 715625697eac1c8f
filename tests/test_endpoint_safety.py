"""Safe by default: a runaway query is stopped at the timeout, rows and request sizes are capped, SERVICE only
reaches the allowlist, CORS is on for GET, and the server reports itself (/health, /metrics)."""

from __future__ import annotations

import shutil
import time

import httpx
import pytest

from tests.conftest import SAMPLES, run_cli, start_server

CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # ~10^13 rows on the samples
TITLES = "SELECT ?c ?t WHERE { ?c <http://purl.org/dc/terms/title> ?t }"


@pytest.fixture(scope="module")
def strict_server(tmp_path_factory, sample_store):
    store = tmp_path_factory.mktemp("safety") / "store"
    shutil.copytree(sample_store, store)  # a copy of the ingested samples: this server writes to it
    proc, url = start_server(store, "--query-timeout", "2", "--max-rows", "100000", "--max-request-bytes", "4096")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def capped_server(tmp_path_factory, sample_store):
    """Rows capped, with a timeout long enough that the cap, not the clock, ends the stream on a loaded machine."""
    store = tmp_path_factory.mktemp("capped") / "store"
    shutil.copytree(sample_store, store)
    proc, url = start_server(store, "--query-timeout", "60", "--max-rows", "100000")
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def _rows(response: httpx.Response) -> int:
    assert response.status_code == 200, response.text
    return len(response.json()["results"]["bindings"])


def test_a_query_that_would_run_for_minutes_gets_503_at_the_timeout_and_the_next_query_works(strict_server):
    url = strict_server + "/sparql"
    start = time.monotonic()
    response = httpx.get(url, params={"query": CROSS_JOIN}, timeout=60)
    elapsed = time.monotonic() - start
    assert response.status_code == 503
    assert "timeout" in response.text and "Traceback" not in response.text
    assert 1.9 <= elapsed < 6, elapsed
    start = time.monotonic()
    assert _rows(httpx.get(url, params={"query": TITLES + " LIMIT 5"})) == 5
    assert time.monotonic() - start < 1.0
    # The killed worker is replaced: a burst of queries all succeed.
    for _ in range(6):
        assert _rows(httpx.get(url, params={"query": TITLES + " LIMIT 3"})) == 3
    metrics = httpx.get(strict_server + "/metrics").text
    timeouts = [line for line in metrics.splitlines() if line.startswith("cablegraph_query_timeouts_total")]
    assert timeouts and float(timeouts[0].split()[-1]) >= 1


def test_result_rows_are_capped(capped_server):
    pairs = "SELECT ?a ?d WHERE { ?a ?b ?c . ?d ?e ?f }"  # ~5 * 10^8 rows on the samples
    response = httpx.get(capped_server + "/sparql", params={"query": pairs}, headers={"Accept": "text/csv"},
                         timeout=60)
    assert response.status_code == 200 and response.headers["x-max-rows"] == "100000"
    assert len(response.text.splitlines()) == 1 + 100_000
    assert _rows(httpx.get(capped_server + "/sparql", params={"query": TITLES + " LIMIT 7"})) == 7


def test_a_stream_still_running_at_the_timeout_is_cut_off_visibly(strict_server):
    wide = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    received = 0
    with pytest.raises(httpx.HTTPError):  # an incomplete chunked body, not a short "complete" one
        with httpx.stream("GET", strict_server + "/sparql", params={"query": wide},
                          headers={"Accept": "application/sparql-results+xml"}, timeout=30) as response:
            assert response.status_code == 200
            for chunk in response.iter_bytes():
                if not received:
                    time.sleep(2.5)  # read slowly: the query is still running when its 2 s are up
                received += len(chunk)
    assert 0 < received
    assert _rows(httpx.get(strict_server + "/sparql", params={"query": TITLES + " LIMIT 2"})) == 2


def test_request_size_is_limited(strict_server):
    big = TITLES + " #" + "x" * 5000
    response = httpx.post(strict_server + "/sparql", content=big, headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413


def test_service_to_an_address_off_the_allowlist_is_refused_without_contacting_it(strict_server):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    response = httpx.get(strict_server + "/sparql", params={"query": query})
    assert response.status_code == 403
    assert "not allowed" in response.text and "query.wikidata.org" in response.text
    hidden = "PREFIX x: <http://10.0.0.1/> SELECT * WHERE { SERVICE SILENT x:sparql { ?s ?p ?o } }"
    assert httpx.post(strict_server + "/sparql", data={"query": hidden}).status_code == 403
    variable = "SELECT * WHERE { BIND(<http://10.0.0.1/sparql> AS ?e) SERVICE ?e { ?s ?p ?o } }"
    assert httpx.get(strict_server + "/sparql", params={"query": variable}).status_code == 403


def test_cors_is_on_for_get(strict_server):
    response = httpx.get(strict_server + "/sparql", params={"query": "ASK {}"},
                         headers={"Origin": "https://notebook.example"})
    assert response.headers.get("access-control-allow-origin") == "*"
    preflight = httpx.options(strict_server + "/sparql", headers={"Origin": "https://notebook.example",
                                                                  "Access-Control-Request-Method": "GET"})
    assert preflight.status_code == 200 and "GET" in preflight.headers["access-control-allow-methods"]


def test_health_and_metrics(strict_server):
    health = httpx.get(strict_server + "/health").json()
    assert health["status"] == "ok" and health["query_timeout"] == 2
    httpx.get(strict_server + "/sparql", params={"query": "ASK {}"})
    metrics = httpx.get(strict_server + "/metrics")
    assert metrics.status_code == 200
    assert 'cablegraph_http_requests_total{method="GET",route="/sparql",status="200"}' in metrics.text
    assert "cablegraph_http_request_seconds_bucket" in metrics.text


def test_update_token_from_the_environment(tmp_path, monkeypatch):
    store = tmp_path / "store"
    run_cli("ingest", str(SAMPLES / "dawn"), "--store", str(store))
    monkeypatch.setenv("CABLEGRAPH_UPDATE_TOKEN", "from-env")
    proc, url = start_server(store)
    try:
        body = "<urn:test:a> <urn:test:p> 'env' ."
        headers = {"Content-Type": "text/turtle", "Authorization": "Bearer from-env"}
        assert httpx.put(url + "/rdf-graphs", params={"graph": "urn:test:env"}, content=body,
                         headers=headers).status_code == 201
        ask = httpx.get(url + "/sparql", params={"query": "ASK { GRAPH <urn:test:env> { ?s ?p 'env' } }"})
        assert ask.json()["boolean"] is True
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_canned_queries_run_under_the_same_timeout(tmp_path, sample_store):
    """/api/queries/NAME runs in the killable worker pool too: a scan of every cable's text cannot beat 1 ms."""
    store = tmp_path / "store"
    shutil.copytree(sample_store, store)
    proc, url = start_server(store, "--query-timeout", "0.001")
    try:
        response = httpx.get(url + "/api/queries/phrase_search", params={"phrase": "enrichment"}, timeout=30)
        assert response.status_code == 503 and "timeout" in response.json()["detail"]
        shown = httpx.get(url + "/api/queries/phrase_search", params={"phrase": "enrichment", "show": "sparql"})
        assert shown.status_code == 200 and "enrichment" in shown.text
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_second_server_on_a_busy_port_fails_clearly(strict_server, tmp_path):
    """Granian binds with SO_REUSEPORT, so without the check a second server would share the port silently."""
    port = strict_server.rsplit(":", 1)[1]
    store = tmp_path / "other"
    run_cli("ingest", str(SAMPLES / "dawn"), "--store", str(store))
    done = run_cli("serve", "--store", str(store), "--port", port, check=False, timeout=60)
    assert done.returncode == 2
    assert "cannot listen" in done.stderr and port in done.stderr
