"""The end-to-end slice on real cables: the Dawn reprint through ingest, SPARQL over the CLI and HTTP."""

from __future__ import annotations

import json

import httpx
import pyoxigraph as ox

from tests.conftest import DAWN, SAMPLES, run_cli

CG = "https://w3id.org/cablegraph/ontology#"
DAWN_QUERY = """
PREFIX cg: <https://w3id.org/cablegraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?post ?created ?level ?subject WHERE {
  ?c cg:referenceId "06ISLAMABAD10261" ; cg:sentBy ?p ; dcterms:created ?created ;
     cg:classification ?level ; dcterms:title ?subject .
  ?p cg:stationKey ?post .
}"""


def _select(store, query):
    return [
        {v.value: row[v.value].value for v in rows.variables if row[v.value] is not None}
        for rows in [store.query(query, use_default_graph_as_union=True)]
        for row in rows
    ]


def test_dawn_cable_through_sparql(tmp_path):
    store_dir = tmp_path / "store"
    run_cli("ingest", str(DAWN), "--store", str(store_dir))
    store = ox.Store.read_only(str(store_dir))
    [row] = _select(store, DAWN_QUERY)
    assert row["post"] == "ISLAMABAD"
    assert row["created"].startswith("2006-06-02")
    assert row["level"].endswith("/CONFIDENTIAL")
    assert row["subject"] == 'FM KASURI TELLS IRAN "TAKE THE OFFER"'
    origin = _select(
        store,
        'SELECT ?l WHERE { ?p <https://w3id.org/cablegraph/ontology#stationKey> "ISLAMABAD" ;'
        " <http://www.w3.org/2000/01/rdf-schema#label> ?l }",
    )
    assert {r["l"] for r in origin} == {"Embassy Islamabad"}
    tags = _select(
        store,
        f'SELECT ?tag WHERE {{ ?c <{CG}referenceId> "06ISLAMABAD10261" ; <{CG}tag>/<{CG}tagCode> ?tag }}',
    )
    assert {r["tag"] for r in tags} == {"PK", "PREL", "PGOV", "IR", "KNNP"}
    refs = _select(
        store,
        f'SELECT ?r WHERE {{ ?c <{CG}referenceId> "06ISLAMABAD10261" ; '
        f"<{CG}references>/<{CG}referenceId> ?r }}",
    )
    assert {r["r"] for r in refs} == {"06ISLAMABAD10142", "06STATE87686"}


def test_reingest_is_idempotent_and_every_record_is_accounted_for(tmp_path):
    store_dir = tmp_path / "store"
    first = run_cli("ingest", str(SAMPLES), "--store", str(store_dir))
    size_1 = len(ox.Store.read_only(str(store_dir)))
    second = run_cli("ingest", str(SAMPLES), "--store", str(store_dir))
    size_2 = len(ox.Store.read_only(str(store_dir)))
    assert size_1 == size_2 > 10_000
    assert first.stderr.split("store has")[0] == second.stderr.split("store has")[0]
    # every record read is either a graph in the store or a line of the rejects file
    rejects = [json.loads(line) for line in (store_dir / "rejects.jsonl").read_text().splitlines()]
    assert all(r["path"] and r["record"] and r["reason"] for r in rejects)
    store = ox.Store.read_only(str(store_dir))
    graphs = sum(1 for g in store.named_graphs() if "/graph/cable/" in g.value)
    read = int(first.stderr.split("read ")[1].split(" records")[0])
    assert graphs + len(rejects) == read
    unreadable = [r for r in rejects if not r["reason"].startswith("duplicate")]
    assert all(r["format"] == "bodies" for r in unreadable), unreadable[:3]


def test_parse_json_record_of_the_dawn_cable():
    proc = run_cli("parse", str(DAWN), "--json")
    record = json.loads(proc.stdout)
    assert record["reference_id"] == "06ISLAMABAD10261"
    assert record["station"] == "ISLAMABAD"
    assert record["origin"] == "Embassy Islamabad"
    assert record["created"] == "2006-06-02T12:46:00"
    assert record["tags"] == ["PK", "PREL", "PGOV", "IR", "KNNP"]
    assert record["references"] == ["06ISLAMABAD10142", "06STATE87686"]
    assert record["declassify_on"] == "2016-06-02"
    assert record["signer"] == "CROCKER"
    assert [p["number"] for p in record["paragraphs"]] == [1, 2, 3, 4, 5]
    assert record["source"]["path"].endswith("06ISLAMABAD10261.txt")


def test_cli_query_and_canned_queries(sample_store):
    proc = run_cli(
        "query",
        "SELECT (COUNT(*) AS ?n) WHERE { ?c a <https://w3id.org/cablegraph/ontology#Cable> }",
        "--store",
        str(sample_store),
        "--format",
        "csv",
    )
    assert int(proc.stdout.splitlines()[1]) > 300
    proc = run_cli(
        "queries",
        "run",
        "cables_with_tag",
        "--param",
        "tag=KNNP",
        "--store",
        str(sample_store),
        "--format",
        "csv",
    )
    assert "06ISLAMABAD10261" in proc.stdout
    proc = run_cli(
        "queries",
        "run",
        "cables_citing",
        "-p",
        "cable=06STATE87686",
        "--store",
        str(sample_store),
        "--format",
        "csv",
    )
    assert "06ISLAMABAD10261" in proc.stdout
    proc = run_cli(
        "queries",
        "run",
        "cables_by_post",
        "-p",
        "post=ISLAMABAD",
        "--store",
        str(sample_store),
        "--format",
        "json",
    )
    refs = {b["ref"]["value"] for b in json.loads(proc.stdout)["results"]["bindings"]}
    assert "06ISLAMABAD10261" in refs and all("ISLAMABAD" in r for r in refs)
    bad = run_cli(
        "queries", "run", "cables_citing", "-p", "cable=not an id", "--store", str(sample_store), check=False
    )
    assert bad.returncode == 2 and "cable" in bad.stderr


def test_export_one_cable_as_turtle(sample_store):
    proc = run_cli("export", "--cable", "06ISLAMABAD10261", "--store", str(sample_store))
    assert "@prefix cg:" in proc.stdout
    graph = ox.parse(proc.stdout.encode(), format=ox.RdfFormat.TURTLE)
    assert sum(1 for _ in graph) > 20


def test_http_endpoint_select_and_construct(live_server):
    response = httpx.get(
        live_server + "/sparql",
        params={"query": DAWN_QUERY},
        headers={"Accept": "application/sparql-results+json"},
    )
    assert response.status_code == 200
    [row] = response.json()["results"]["bindings"]
    assert row["post"]["value"] == "ISLAMABAD"
    response = httpx.post(
        live_server + "/sparql",
        content="ASK { ?c a <https://w3id.org/cablegraph/ontology#Cable> }",
        headers={"Content-Type": "application/sparql-query"},
    )
    assert response.json()["boolean"] is True
    response = httpx.post(
        live_server + "/sparql",
        data={
            "query": "CONSTRUCT { ?c ?p ?o } WHERE { ?c <https://w3id.org/cablegraph/ontology#referenceId> "
            '"06ISLAMABAD10261" ; ?p ?o }'
        },
    )
    assert response.headers["content-type"].startswith("text/turtle")
    assert "06ISLAMABAD10261" in response.text
    response = httpx.get(live_server + "/sparql", params={"query": "SELEKT nothing"})
    assert response.status_code == 400 and "syntax" in response.text.lower()


WHO_TOLD_WHOM = """
PREFIX cg: <https://w3id.org/cablegraph/ontology#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?para ?speaker ?speakerWd ?verb ?addressee ?text WHERE {
  ?c cg:referenceId "06ISLAMABAD10261" ; cg:hasStatement ?s .
  ?s cg:paragraph ?para ; cg:speaker ?sp ; cg:reportingVerb ?verb ; cg:text ?text .
  ?sp foaf:name ?speaker ; owl:sameAs ?speakerWd .
  OPTIONAL { ?s cg:addressee/foaf:name ?addressee }
}"""


def test_dawn_cable_says_who_told_whom_what(tmp_path):
    store_dir = tmp_path / "store"
    run_cli("ingest", str(DAWN), "--store", str(store_dir))
    rows = _select(ox.Store.read_only(str(store_dir)), WHO_TOLD_WHOM)
    kasuri, muttaki = "http://www.wikidata.org/entity/Q707883", "http://www.wikidata.org/entity/Q374481"
    assert any(r["para"] == "1" and r["speakerWd"] == kasuri and r["verb"] == "told"
               and "Crocker" in r.get("addressee", "") and "telephoned" in r["text"] and "Muttaki" in r["text"]
               for r in rows)
    assert any(r["para"] == "2" and r["speakerWd"] == muttaki and r["verb"] == "said"
               and "not accept these preconditions" in r["text"] for r in rows)
    assert any(r["para"] == "3" and r["speakerWd"] == kasuri and r["verb"] == "urged"
               and "suspension of its enrichment" in r["text"] for r in rows)
    links = _select(ox.Store.read_only(str(store_dir)), """
        PREFIX cg: <https://w3id.org/cablegraph/ontology#>
        SELECT ?wd WHERE { ?c cg:referenceId "06ISLAMABAD10261" ;
                           cg:mentions/<http://www.w3.org/2002/07/owl#sameAs> ?wd }""")
    assert {"Q707883", "Q374481", "Q47216"} <= {r["wd"].rsplit("/", 1)[1] for r in links}
    signer = _select(ox.Store.read_only(str(store_dir)), """
        PREFIX cg: <https://w3id.org/cablegraph/ontology#>
        SELECT ?name WHERE { ?c cg:referenceId "06ISLAMABAD10261" ; cg:signedBy/<http://xmlns.com/foaf/0.1/name> ?name ;
                             cg:classifiedBy/<http://xmlns.com/foaf/0.1/name> ?name }""")
    assert [r["name"] for r in signer] == ["Ryan Crocker"]
