"""Exports: one cable round-trips through Turtle; the store, a graph and a CONSTRUCT export in every syntax."""

from __future__ import annotations

import io
import json

import pyoxigraph as ox
import pytest

from cablegraph.export import ExportError, export_construct, export_graph, export_store, readable_order
from ontology import terms as t
from ontology.context import context_text
from tests.conftest import run_cli

DAWN_ID = "06ISLAMABAD10261"


def _store(sample_store) -> ox.Store:
    return ox.Store.read_only(str(sample_store))


def test_one_cable_round_trips_through_turtle(sample_store, tmp_path):
    out = tmp_path / "cable.ttl"
    run_cli("export", "--cable", DAWN_ID, "--store", str(sample_store), "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("@prefix cg: <https://w3id.org/cablegraph/ontology#> .\n@prefix rdf: ")
    assert f"cable:{DAWN_ID} a cg:Cable ;" in text  # the cable opens the file, in prefixed form
    graph = ox.NamedNode(t.Ids().cable_graph(DAWN_ID))
    fresh = ox.Store()
    with out.open("rb") as handle:
        fresh.load(handle, format=ox.RdfFormat.TURTLE, to_graph=graph)
    original = set(_store(sample_store).quads_for_pattern(None, None, None, graph))
    assert len(original) > 40
    assert set(fresh) == original


@pytest.mark.parametrize("fmt", ["turtle", "nt", "nquads", "trig", "json-ld"])
def test_one_graph_in_every_syntax_parses_back(sample_store, fmt):
    graph = t.Ids().cable_graph(DAWN_ID)
    buffer = io.BytesIO()
    export_graph(_store(sample_store), graph, buffer, fmt)
    syntax = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
              "trig": ox.RdfFormat.TRIG, "json-ld": ox.RdfFormat.JSON_LD}[fmt]
    parsed = list(ox.parse(buffer.getvalue(), format=syntax))
    original = list(_store(sample_store).quads_for_pattern(None, None, None, ox.NamedNode(graph)))
    assert len({(q.subject, q.predicate, q.object) for q in parsed}) == len(original)


def test_json_ld_of_a_cable_is_compacted_with_the_ontology_context(sample_store):
    buffer = io.BytesIO()
    export_graph(_store(sample_store), t.Ids().cable_graph(DAWN_ID), buffer, "json-ld")
    document = json.loads(buffer.getvalue())
    cable = next(node for node in document["@graph"] if node.get("referenceId") == DAWN_ID)
    assert cable["@type"] == "Cable"
    assert cable["title"] == 'FM KASURI TELLS IRAN "TAKE THE OFFER"'
    assert cable["sentBy"].endswith("/post/ISLAMABAD")


def test_the_context_file_is_in_step_with_the_ontology():
    assert t.CONTEXT_FILE.read_text(encoding="utf-8") == context_text()
    context = json.loads(context_text())["@context"]
    assert context["sentBy"] == {"@id": "cg:sentBy", "@type": "@id"}
    assert context["created"] == {"@id": "dcterms:created", "@type": "xsd:dateTime"}


def test_whole_store_export_streams_every_quad(sample_store, tmp_path):
    store = _store(sample_store)
    out = tmp_path / "all.nq"
    with out.open("wb") as handle:
        export_store(store, handle, "nquads")
    assert sum(1 for _ in ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS)) == len(store)
    ttl = tmp_path / "all.ttl"
    with ttl.open("wb") as handle:
        export_store(store, handle, "turtle")
    assert ttl.read_text(encoding="utf-8").startswith("@prefix cg: ")
    assert {(tr.subject, tr.predicate, tr.object) for tr in ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE)} \
        == {(q.subject, q.predicate, q.object) for q in store}
    nt = io.BytesIO()
    export_store(store, nt, "nt")
    triples = {(q.subject, q.predicate, q.object) for q in store}
    assert {(tr.subject, tr.predicate, tr.object) for tr in ox.parse(nt.getvalue(), format=ox.RdfFormat.N_TRIPLES)} \
        == triples


def test_construct_export(sample_store):
    query = t.sparql_prefixes() + """
        CONSTRUCT { ?cable cg:sentBy ?post . ?post skos:prefLabel ?label }
        WHERE { ?cable cg:sentBy ?post ; cg:tag/cg:tagCode "KNNP" . ?post skos:prefLabel ?label }"""
    buffer = io.BytesIO()
    export_construct(_store(sample_store), query, buffer, "turtle")
    text = buffer.getvalue().decode()
    assert "post:ISLAMABAD" in text and '"Embassy Islamabad"@en' in text
    proc = run_cli("export", "--store", str(sample_store), "--construct", query, "--format", "nt")
    assert f"<{t.Ids().cable(DAWN_ID)}> <{t.CG}sentBy>" in proc.stdout
    with pytest.raises(ExportError):
        export_construct(_store(sample_store), "SELECT * WHERE { ?s ?p ?o }", io.BytesIO(), "turtle")


def test_unknown_graph_and_conflicting_options_are_errors(sample_store):
    proc = run_cli("export", "--cable", "99NOWHERE1", "--store", str(sample_store), check=False)
    assert proc.returncode == 1 and "no named graph" in proc.stderr
    proc = run_cli("export", "--cable", DAWN_ID, "--graph", "urn:x", "--store", str(sample_store), check=False)
    assert proc.returncode == 2


def test_readable_order_puts_the_cable_first_and_paragraphs_in_number_order():
    ids = t.Ids()
    p = ox.NamedNode(t.CG + "text")
    triples = [ox.Triple(ox.NamedNode(ids.paragraph("X", n)), p, ox.Literal(str(n))) for n in (10, 2, 1)]
    triples.append(ox.Triple(ox.NamedNode(ids.cable("X")), ox.NamedNode(t.RDF + "type"),
                             ox.NamedNode(t.CG + "Cable")))
    ordered = readable_order(triples)
    assert [tr.object.value for tr in ordered] == [t.CG + "Cable", "1", "2", "10"]
