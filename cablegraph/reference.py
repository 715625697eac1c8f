"""Load the ontology and the reference graphs (posts, TAGS, classification levels, caveats) into a store."""

from __future__ import annotations

from cablegraph.store import CableStore
from ontology import reference
from ontology import terms as t


def load_reference(store: CableStore, base: str = t.DEFAULT_BASE) -> dict[str, int]:
    """Replace every reference graph with the shipped tables' current content; returns quads per graph."""
    ids = t.Ids(base)
    counts = {}
    for name, quads in reference.reference_quads(ids).items():
        store.replace_graphs([ids.graph(name)], quads)
        counts[name] = len(quads)
    store.flush()
    return counts
