"""SHACL validation: the ingested samples conform; a broken cable graph fails with a readable report."""

from __future__ import annotations

import pyoxigraph as ox

from cablegraph.validate import check_store, split_shapes
from ontology import terms as t
from tests.conftest import run_cli

CG = t.CG
DAWN_ID = "06ISLAMABAD10261"


def _copy(sample_store) -> ox.Store:
    """An in-memory store with the shared and reference graphs of the samples and the Dawn cable's graph only."""
    source = ox.Store.read_only(str(sample_store))
    ids = t.Ids()
    keep = ox.NamedNode(ids.cable_graph(DAWN_ID))
    cables = ids.cable_graph("")
    copy = ox.Store()
    for graph in source.named_graphs():
        if graph == keep or not graph.value.startswith(cables):
            copy.extend(source.quads_for_pattern(None, None, None, graph))
    return copy


def test_the_shapes_split_into_cable_and_shared_shapes():
    cable, shared = split_shapes()
    assert len(cable) > 50 and len(shared) > 20
    sh = "http://www.w3.org/ns/shacl#"
    targets = {str(o) for o in cable.objects(None, __import__("rdflib").URIRef(sh + "targetClass"))}
    assert CG + "Cable" in targets and CG + "Post" not in targets


def test_the_sample_graph_has_no_violation(sample_store):
    report = check_store(ox.Store.read_only(str(sample_store)))
    assert report.cables > 300
    assert report.conforms, report.text
    assert report.violations == 0


def test_a_broken_cable_graph_fails_with_a_readable_report(sample_store):
    store = _copy(sample_store)
    ids = t.Ids()
    graph = ox.NamedNode(ids.cable_graph(DAWN_ID))
    cable = ox.NamedNode(ids.cable(DAWN_ID))
    ref = ox.NamedNode(CG + "referenceId")
    sent_by = ox.NamedNode(CG + "sentBy")
    created = ox.NamedNode(t.DCTERMS + "created")
    for quad in list(store.quads_for_pattern(cable, sent_by, None, graph)):
        store.remove(quad)
    store.add(ox.Quad(cable, ref, ox.Literal("06ISLAMABAD99999"), graph))
    store.add(ox.Quad(cable, created, ox.Literal("June 2006"), graph))
    store.add(ox.Quad(cable, ox.NamedNode(CG + "tag"), ox.NamedNode(ids.post("ISLAMABAD")), graph))
    report = check_store(store, parts=("cables",))
    assert not report.conforms
    assert report.violations == 5  # two reference ids, no sender, two created values one not a dateTime, a bad tag
    text = report.text
    assert f"cable/{DAWN_ID} cg:referenceId: a cable has exactly one reference id" in text
    assert f"cable/{DAWN_ID} cg:sentBy: a cable is sent by exactly one Post" in text
    assert "dcterms:created: a cable has at most one creation time, an xsd:dateTime (value June 2006)" in text
    assert "cg:tag: a tag is a Topic of the TAGS scheme" in text


def test_a_shared_graph_defect_is_reported(sample_store):
    store = _copy(sample_store)
    ids = t.Ids()
    post = ox.NamedNode(ids.post("ISLAMABAD"))
    store.add(ox.Quad(post, ox.NamedNode(CG + "stationKey"), ox.Literal("ISLAMABAD2"),
                      ox.NamedNode(ids.graph("posts"))))
    report = check_store(store, parts=("shared",))
    assert not report.conforms
    assert "post/ISLAMABAD cg:stationKey: a post has exactly one station key" in report.text


def test_validate_command_exits_zero_when_valid_and_one_on_violations(tmp_path):
    store_dir = tmp_path / "dawn"
    run_cli("ingest", "samples/dawn", "--store", str(store_dir))
    proc = run_cli("validate", "--store", str(store_dir))
    assert "ontology: consistent" in proc.stderr
    assert "1 cable graphs checked, 0 violation(s)" in proc.stderr
    store = ox.Store(str(store_dir))
    ids = t.Ids()
    second_id = ox.Literal("06ISLAMABAD99999")
    store.add(ox.Quad(ox.NamedNode(ids.cable(DAWN_ID)), ox.NamedNode(CG + "referenceId"), second_id,
                      ox.NamedNode(ids.cable_graph(DAWN_ID))))
    store.flush()
    del store
    proc = run_cli("validate", "--store", str(store_dir), "--no-reasoner", check=False)
    assert proc.returncode == 1
    assert f"cable/{DAWN_ID} cg:referenceId: a cable has exactly one reference id" in proc.stdout
    assert "1 violation(s)" in proc.stderr


def test_a_cited_cable_in_another_batch_is_not_checked_as_a_stub(sample_store):
    # 06ISLAMABAD10467 cites 06ISLAMABAD9890, both in the samples; one cable per batch puts them apart.
    source = ox.Store.read_only(str(sample_store))
    ids = t.Ids()
    keep = {ox.NamedNode(ids.cable_graph(ref)) for ref in ("06ISLAMABAD10467", "06ISLAMABAD9890")}
    cables = ids.cable_graph("")
    store = ox.Store()
    for graph in source.named_graphs():
        if graph in keep or not graph.value.startswith(cables):
            store.extend(source.quads_for_pattern(None, None, None, graph))
    cites = ox.Quad(ox.NamedNode(ids.cable("06ISLAMABAD10467")), ox.NamedNode(CG + "references"),
                    ox.NamedNode(ids.cable("06ISLAMABAD9890")), ox.NamedNode(ids.cable_graph("06ISLAMABAD10467")))
    assert cites in store
    report = check_store(store, batch=1, parts=("cables",))
    assert report.cables == 2
    assert report.conforms, report.text
