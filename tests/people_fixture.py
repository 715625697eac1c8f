"""A store with the Dawn cable plus a hand-made graph of its people and statements (tests/data/dawn_people.ttl).

The people and statement vocabulary is added by other parts of the pipeline; until their data exists, the queries
over it are tested on this small graph, written with exactly those properties.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from tests.conftest import DAWN, run_cli

PEOPLE_TTL = Path(__file__).parent / "data" / "dawn_people.ttl"
DAWN_GRAPH = "https://w3id.org/cablegraph/graph/cable/06ISLAMABAD10261"
PEOPLE_GRAPH = "https://w3id.org/cablegraph/graph/people"
_DROP_EXTRACTED = """
PREFIX cg: <https://w3id.org/cablegraph/ontology#>
DELETE { GRAPH ?g { ?s ?p ?o } } WHERE {
  GRAPH ?g { ?s ?p ?o }
  FILTER(?p IN (cg:mentions, cg:hasStatement, cg:classifiedBy, cg:signedBy)
         || STRSTARTS(STR(?s), "https://w3id.org/cablegraph/id/person/")
         || STRSTARTS(STR(?s), "https://w3id.org/cablegraph/id/statement/"))
}"""


def make_people_store(folder: Path, *extra_sources: Path) -> Path:
    """Ingest the Dawn cable (and any extra sources), then load the people graph into the cable's graph."""
    store_dir = folder / "store"
    run_cli("ingest", str(DAWN), *map(str, extra_sources), "--store", str(store_dir))
    store = ox.Store(str(store_dir))
    store.update(_DROP_EXTRACTED)  # the hand-made graph is then the only people data: answers are known exactly
    store.load(path=str(PEOPLE_TTL), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(DAWN_GRAPH))
    # the same people described again in a shared graph, as a linking step may do: the union default graph then
    # holds every triple twice, and the queries must not count or list anything twice
    store.load(path=str(PEOPLE_TTL), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(PEOPLE_GRAPH))
    store.flush()
    del store
    return store_dir
