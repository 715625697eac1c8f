"""The canned-query API over HTTP, against a live server on the sample store."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

import queries

DAWN = "06ISLAMABAD10261"


def get(url, path, accept=None, **params):
    """GET a canned-query route with query parameters."""
    headers = {"Accept": accept} if accept else {}
    return httpx.get(url + path, params=params, headers=headers, timeout=30)


def test_every_canned_query_is_a_typed_operation_of_the_openapi_document(live_server):
    doc = httpx.get(live_server + "/openapi.json", timeout=30).json()
    for name, q in queries.catalogue().items():
        op = doc["paths"][f"/api/queries/{name}"]["get"]
        assert op["summary"] == q.summary and op["operationId"] == f"canned_{name}"
        declared = {p["name"]: p for p in op["parameters"]}
        assert {p.name for p in q.params} | {"format", "show"} == set(declared)
        for p in q.params:
            assert declared[p.name]["required"] is p.required and p.description in declared[p.name]["description"]
    params = {p["name"]: p for p in doc["paths"]["/api/queries/cables_by_post"]["get"]["parameters"]}
    assert params["from"]["schema"]["anyOf"][0] == {"type": "string", "format": "date"}
    limit = {p["name"]: p for p in doc["paths"]["/api/queries/most_cited_cables"]["get"]["parameters"]}["limit"]
    assert limit["schema"]["anyOf"][0]["type"] == "integer" and limit["schema"]["anyOf"][0]["minimum"] == 1
    level = doc["paths"]["/api/queries/cables_by_classification"]["get"]["parameters"][0]
    assert level["schema"]["enum"] == ["UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET"]
    catalogue = httpx.get(live_server + "/api/queries", timeout=30).json()
    assert {q["name"] for q in catalogue} == set(queries.catalogue())


def test_json_answer_with_a_real_result(live_server):
    r = get(live_server, "/api/queries/cable_summary", cable=DAWN.lower())
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    [row] = r.json()["rows"]
    assert row["subject"] == 'FM KASURI TELLS IRAN "TAKE THE OFFER"' and row["classification"] == "CONFIDENTIAL"


@pytest.mark.parametrize(("accept", "fmt", "media", "sep"), [
    ("text/csv", None, "text/csv", ","),
    ("text/tab-separated-values", None, "text/tab-separated-values", "\t"),
    (None, "csv", "text/csv", ","),
    ("application/json", "tsv", "text/tab-separated-values", "\t"),
])
def test_csv_and_tsv_by_negotiation_or_format_parameter(live_server, accept, fmt, media, sep):
    params = {"tag": "KNNP", **({"format": fmt} if fmt else {})}
    r = get(live_server, "/api/queries/tag_cooccurrence", accept=accept, **params)
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    table = list(csv.reader(io.StringIO(r.text), delimiter=sep))
    assert table[0] == ["other", "cables"]
    assert "IR" in {row[0] for row in table[1:]} and int(r.headers["x-result-rows"]) == len(table) - 1


def test_sparql_results_json_keeps_the_term_types(live_server):
    r = get(live_server, "/api/queries/cables_citing", accept="application/sparql-results+json", cable="06STATE87686")
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    [binding] = r.json()["results"]["bindings"]
    assert binding["ref"] == {"type": "literal", "value": DAWN}
    assert binding["created"]["datatype"] == "http://www.w3.org/2001/XMLSchema#dateTime"


def test_show_sparql_gives_the_bound_query_text(live_server):
    r = get(live_server, "/api/queries/cables_by_post", post="madrid", show="sparql", **{"from": "2006-01-01"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/sparql-query")
    assert 'VALUES (?post ?from ?to) { ("MADRID" "2006-01-01"^^<http://www.w3.org/2001/XMLSchema#date>' in r.text
    assert "#+ summary:" in r.text


@pytest.mark.parametrize(("path", "params", "name"), [
    ("/api/queries/cables_by_post", {"post": "MADRID", "from": "2006-02-30"}, "from"),
    ("/api/queries/cables_by_post", {"post": "MADRID", "to": "not a date"}, "to"),
    ("/api/queries/cables_by_post", {}, "post"),
    ("/api/queries/most_cited_cables", {"limit": "many"}, "limit"),
    ("/api/queries/cables_mentioning_wikidata_person", {"item": "http://www.wikidata.org/entity/Q1> } DROP ALL {"},
     "item"),
    ("/api/queries/cable_summary", {"cable": 'x" } ; DROP ALL ; #'}, "cable"),
    ("/api/queries/statements_by_person", {"person": "1; DROP"}, "person"),
    ("/api/queries/phrase_search", {"phrase": "iran", "field": "title"}, "field"),
])
def test_bad_parameters_are_a_400_naming_the_parameter(live_server, path, params, name):
    r = get(live_server, path, **params)
    assert r.status_code == 400, r.text
    assert f"'{name}'" in r.json()["detail"]


def _quads(url: str) -> int:
    r = httpx.get(url + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"},
                  headers={"Accept": "application/sparql-results+json"}, timeout=30)
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_a_hostile_phrase_is_bound_harmlessly(live_server):
    before = _quads(live_server)
    r = get(live_server, "/api/queries/phrase_search", phrase='x" } ; DROP ALL ; #')
    assert r.status_code == 200 and r.json()["rows"] == []
    assert _quads(live_server) == before > 10_000


def test_other_routes_keep_their_own_errors(live_server):
    assert httpx.get(live_server + "/sparql", params={"query": "SELEKT"}, timeout=30).status_code == 400
    assert httpx.get(live_server + "/api/queries/no_such_query", timeout=30).status_code == 404


def test_the_docs_page_is_the_catalogue(live_server):
    page = httpx.get(live_server + "/docs", timeout=30)
    assert page.status_code == 200 and "swagger" in page.text.lower()
