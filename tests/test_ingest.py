"""Ingest's accounting of duplicates on the bundled samples (the same cables in several containers): every record is
a graph of the store or a line of the rejects file, whether two copies meet in one batch or in two, and people and
statements are extracted only from the copy that is written."""

from __future__ import annotations

import json

import pytest

import cablegraph.ingest as ingest_module
from cablegraph.ingest import ingest
from cablegraph.store import CableStore
from tests.conftest import SAMPLES

# The containers of the samples that hold copies of the same cables (CSV rows, their flattened reprints, JSON lines)
SOURCES = [SAMPLES / "cables-csv", SAMPLES / "flattened-2010-11-28", SAMPLES / "wikileaks-2010-12"]


def _cable_graphs(store: CableStore) -> set[str]:
    return {g.value for g in store.ox.named_graphs() if "/graph/cable/" in g.value}


def _run(tmp_path, name: str, batch_size: int):
    store = CableStore(tmp_path / name)
    report = ingest(store, SOURCES, batch_size=batch_size)
    rejects = [json.loads(line) for line in (store.path / "rejects.jsonl").read_text().splitlines()]
    return store, report, rejects


@pytest.mark.parametrize("batch_size", [500, 7])
def test_every_record_is_a_graph_or_a_reject(tmp_path, batch_size):
    # batch 7: most copies of a cable meet in different batches, where the later copy replaces the graph
    store, report, rejects = _run(tmp_path, f"b{batch_size}", batch_size)
    graphs = _cable_graphs(store)
    assert report.duplicates > 50
    assert report.ingested == len(graphs)
    assert report.read == report.ingested + report.rejected == len(graphs) + len(rejects)
    duplicates = [r for r in rejects if r["reason"].startswith("duplicate")]
    assert len(duplicates) == report.duplicates
    # each duplicate names its cable, and that cable is in the store
    assert all(r["reference_id"] and any(g.endswith("/" + r["reference_id"]) for g in graphs) for r in duplicates)
    # no record is listed twice
    assert len({(r["path"], r["record"]) for r in rejects}) == len(rejects)
    # and no person is described that no cable of the store mentions (a later copy can name fewer)
    assert not store.query("ASK { GRAPH <https://w3id.org/cablegraph/graph/persons> { ?p a ?type } "
                           "FILTER NOT EXISTS { GRAPH ?g { ?c <https://w3id.org/cablegraph/ontology#mentions> ?p } } }")


def test_the_batches_do_not_change_what_is_kept(tmp_path):
    one, one_report, one_rejects = _run(tmp_path, "one", 500)
    many, many_report, many_rejects = _run(tmp_path, "many", 7)
    assert _cable_graphs(one) == _cable_graphs(many)
    assert len(one) == len(many)
    assert (one_report.ingested, one_report.rejected, one_report.duplicates) == \
        (many_report.ingested, many_report.rejected, many_report.duplicates)
    assert {(r["path"], r["record"]) for r in one_rejects} == {(r["path"], r["record"]) for r in many_rejects}


def test_only_the_written_copy_is_extracted(tmp_path, monkeypatch):
    extracted: list[str] = []
    real = ingest_module.extract

    def counting(cable):
        extracted.append(cable.reference_id)
        return real(cable)

    monkeypatch.setattr(ingest_module, "extract", counting)
    store, report, _ = _run(tmp_path, "count", 500)
    assert len(extracted) == len(set(extracted)) == report.ingested < report.read - 50
    assert store.query("ASK { ?s a <https://w3id.org/cablegraph/ontology#Person> }")


def test_a_fuller_copy_in_the_store_is_kept(tmp_path):
    store, first, _ = _run(tmp_path, "store", 500)
    size = len(store)
    flattened = SAMPLES / "flattened-2010-11-28"  # (copies without line breaks: a lower rank than the store's)
    again = ingest(store, [flattened])
    rejects = [json.loads(line) for line in (store.path / "rejects.jsonl").read_text().splitlines()]
    assert again.ingested == 0 and again.duplicates == again.read - len(
        [r for r in rejects if not r["reason"].startswith("duplicate")]) > 50
    assert all(r["reason"].endswith("is already in the store from a fuller copy")
               for r in rejects if r["reason"].startswith("duplicate"))
    assert len(store) == size
