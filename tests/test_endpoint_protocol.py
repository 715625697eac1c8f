"""The SPARQL 1.1 Protocol, Graph Store Protocol and `cablegraph load` against a live server on real cables."""

from __future__ import annotations

import csv
import io
import shutil

import httpx
import pyoxigraph as ox
import pytest

from tests.conftest import run_cli, start_server

TOKEN = "test-token-5"
CG = "https://w3id.org/cablegraph/ontology#"
DAWN_SUBJECT = (f'SELECT ?subject WHERE {{ ?c <{CG}referenceId> "06ISLAMABAD10261" ; '
                "<http://purl.org/dc/terms/title> ?subject }")
DAWN_GRAPH = "https://w3id.org/cablegraph/graph/cable/06ISLAMABAD10261"


@pytest.fixture(scope="module")
def server(tmp_path_factory, sample_store):
    store = tmp_path_factory.mktemp("protocol") / "store"
    shutil.copytree(sample_store, store)  # a copy of the ingested samples: this server writes to it
    proc, url = start_server(store, "--update-token", TOKEN)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def _subject(response: httpx.Response) -> str:
    assert response.status_code == 200, response.text
    bindings = response.json()["results"]["bindings"]
    return bindings[0]["subject"]["value"]


def test_query_by_get_post_form_and_post_direct(server):
    url = server + "/sparql"
    by_get = _subject(httpx.get(url, params={"query": DAWN_SUBJECT}))
    by_form = _subject(httpx.post(url, data={"query": DAWN_SUBJECT}))
    direct = _subject(httpx.post(url, content=DAWN_SUBJECT, headers={"Content-Type": "application/sparql-query"}))
    assert by_get == by_form == direct
    assert "TAKE THE OFFER" in by_get


def test_select_in_every_results_format_with_q_values_and_format_parameter(server):
    url = server + "/sparql"
    query = f"SELECT ?ref WHERE {{ ?c <{CG}referenceId> ?ref }} ORDER BY ?ref"
    json_refs = [b["ref"]["value"] for b in httpx.get(url, params={"query": query}).json()["results"]["bindings"]]
    assert len(json_refs) > 100 and "06ISLAMABAD10261" in json_refs
    tsv = httpx.get(url, params={"query": query}, headers={"Accept": "text/csv;q=0.5, text/tab-separated-values"})
    assert tsv.headers["content-type"].startswith("text/tab-separated-values")
    assert [line.strip('"') for line in tsv.text.splitlines()[1:]] == json_refs
    as_csv = httpx.get(url, params={"query": query, "format": "csv"}, headers={"Accept": "application/json"})
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert [row["ref"] for row in csv.DictReader(io.StringIO(as_csv.text))] == json_refs
    xml = httpx.get(url, params={"query": query}, headers={"Accept": "application/sparql-results+xml"})
    parsed = ox.parse_query_results(xml.content, format=ox.QueryResultsFormat.XML)
    assert [s["ref"].value for s in parsed] == json_refs
    ask = httpx.post(url, data={"query": f'ASK {{ ?c <{CG}referenceId> "06ISLAMABAD10261" }}'},
                     headers={"Accept": "application/sparql-results+xml"})
    assert ask.status_code == 200 and "<boolean>true</boolean>" in ask.text


def test_construct_in_every_rdf_syntax(server):
    query = f"CONSTRUCT {{ ?c ?p ?o }} WHERE {{ GRAPH <{DAWN_GRAPH}> {{ ?c <{CG}referenceId> ?r ; ?p ?o }} }}"
    counts = {}
    for media, fmt in [("text/turtle", ox.RdfFormat.TURTLE), ("application/n-triples", ox.RdfFormat.N_TRIPLES),
                       ("application/n-quads", ox.RdfFormat.N_QUADS), ("application/trig", ox.RdfFormat.TRIG),
                       ("application/rdf+xml", ox.RdfFormat.RDF_XML), ("application/ld+json", ox.RdfFormat.JSON_LD)]:
        response = httpx.get(server + "/sparql", params={"query": query}, headers={"Accept": media})
        assert response.status_code == 200, (media, response.text)
        assert response.headers["content-type"].startswith(media), media
        counts[media] = len(list(ox.parse(response.content, format=fmt)))
    assert len(set(counts.values())) == 1 and counts["text/turtle"] > 10, counts


def test_errors_are_short_messages_with_the_right_status(server):
    url = server + "/sparql"
    syntax = httpx.get(url, params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert syntax.status_code == 400 and "syntax" in syntax.text.lower() and "Traceback" not in syntax.text
    assert httpx.get(url, params={"query": "ASK {}"}, headers={"Accept": "image/png"}).status_code == 406
    assert httpx.post(url, content="ASK {}", headers={"Content-Type": "text/plain"}).status_code == 415
    assert httpx.get(url, params=[("query", "ASK {}"), ("query", "ASK {}")]).status_code == 400
    assert httpx.put(url, params={"query": "ASK {}"}).status_code == 405


def test_service_description_at_the_endpoint_url(server):
    response = httpx.get(server + "/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    triples = list(ox.parse(response.content, format=ox.RdfFormat.TURTLE))
    sd = "http://www.w3.org/ns/sparql-service-description#"
    endpoints = [t.object.value for t in triples if t.predicate.value == sd + "endpoint"]
    assert endpoints == [server + "/sparql"]
    assert any(t.object.value == sd + "UnionDefaultGraph" for t in triples)


def test_protocol_dataset_restricts_the_default_and_named_graphs(server):
    url = server + "/sparql"
    count = f"SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ ?c <{CG}referenceId> ?r }}"
    union = int(httpx.get(url, params={"query": count}).json()["results"]["bindings"][0]["n"]["value"])
    one = httpx.get(url, params={"query": count, "default-graph-uri": DAWN_GRAPH}).json()
    assert union > 100 and int(one["results"]["bindings"][0]["n"]["value"]) == 1
    named = "SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    graphs = httpx.get(url, params={"query": named, "named-graph-uri": DAWN_GRAPH}).json()["results"]["bindings"]
    assert [b["g"]["value"] for b in graphs] == [DAWN_GRAPH]


def test_large_results_stream_in_chunks(server):
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    tsv = {"Accept": "text/tab-separated-values"}
    with httpx.stream("GET", server + "/sparql", params={"query": query}, headers=tsv) as response:
        assert response.status_code == 200
        assert "content-length" not in response.headers  # chunked: written as the worker produces it
        lines = sum(chunk.count(b"\n") for chunk in response.iter_bytes())
    assert lines > 10_000


def test_update_needs_the_token_and_is_seen_by_the_next_query(server):
    url = server + "/sparql"
    update = 'INSERT DATA { GRAPH <urn:test:notes> { <urn:test:n1> <http://purl.org/dc/terms/title> "note" } }'
    assert httpx.post(url, data={"update": update}).status_code == 401
    wrong = httpx.post(url, data={"update": update}, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    assert httpx.get(url, params={"update": update}).status_code == 405
    ok = httpx.post(url, content=update, headers={"Authorization": f"Bearer {TOKEN}",
                                                  "Content-Type": "application/sparql-update"})
    assert ok.status_code == 204
    ask = httpx.get(url, params={"query": 'ASK { GRAPH <urn:test:notes> { ?n ?p "note" } }'})
    assert ask.json()["boolean"] is True
    bad = httpx.post(url, data={"update": "CLEAR XYZ"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert bad.status_code == 400


def test_graph_store_protocol_read_for_all_write_with_token(server):
    gsp = server + "/rdf-graphs"
    dawn = httpx.get(gsp, params={"graph": DAWN_GRAPH}, headers={"Accept": "text/turtle"})
    assert dawn.status_code == 200 and "06ISLAMABAD10261" in dawn.text
    assert httpx.get(gsp, params={"graph": "urn:test:none"}).status_code == 404
    body = "<urn:test:a> <urn:test:p> 'one' ."
    ctype = {"Content-Type": "text/turtle"}
    assert httpx.put(gsp, params={"graph": "urn:test:gsp"}, content=body, headers=ctype).status_code == 401
    auth = {**ctype, "Authorization": f"Bearer {TOKEN}"}
    assert httpx.put(gsp, params={"graph": "urn:test:gsp"}, content=body, headers=auth).status_code == 201
    more = "<urn:test:b> <urn:test:p> 'two' ."
    assert httpx.post(gsp, params={"graph": "urn:test:gsp"}, content=more, headers=auth).status_code == 204
    got = httpx.get(gsp, params={"graph": "urn:test:gsp"}, headers={"Accept": "application/n-triples"})
    assert sorted(got.text.split("\n"))[1:] == ['<urn:test:a> <urn:test:p> "one" .',
                                                '<urn:test:b> <urn:test:p> "two" .']
    assert httpx.delete(gsp, params={"graph": "urn:test:gsp"}, headers=auth).status_code == 204
    assert httpx.get(gsp, params={"graph": "urn:test:gsp"}).status_code == 404


def test_writes_refused_when_no_token_is_configured(live_server):
    response = httpx.post(live_server + "/sparql", data={"update": "CLEAR ALL"},
                          headers={"Authorization": "Bearer anything"})
    assert response.status_code == 403 and "disabled" in response.text


def test_load_command_reads_rdf_files_into_a_graph(tmp_path):
    store = tmp_path / "store"
    turtle = tmp_path / "mine.ttl"
    turtle.write_text('<https://example.org/me> <http://xmlns.com/foaf/0.1/name> "A researcher" .\n')
    jsonld = tmp_path / "more.jsonld"
    jsonld.write_text('{"@id": "https://example.org/you", "http://xmlns.com/foaf/0.1/name": "Another"}')
    run_cli("load", str(turtle), str(jsonld), "--graph", "https://example.org/mine", "--store", str(store))
    proc = run_cli("query", "SELECT ?n WHERE { GRAPH <https://example.org/mine> { ?p <http://xmlns.com/foaf/0.1/name> "
                   "?n } } ORDER BY ?n", "--format", "csv", "--store", str(store))
    assert proc.stdout.splitlines()[1:] == ["A researcher", "Another"]
    nquads = tmp_path / "q.nq"
    nquads.write_text("<urn:a> <urn:b> <urn:c> <urn:g> .\n")
    refused = run_cli("load", str(nquads), "--graph", "urn:x", "--store", str(store), check=False)
    assert refused.returncode == 1 and "names its own graphs" in refused.stderr
