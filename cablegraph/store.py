"""The on-disk store: a pyoxigraph Store in a directory, seen from rdflib as a Dataset (oxrdflib)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Dataset
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from ontology import terms as t


class StoreError(RuntimeError):
    """The store cannot be opened (locked by another process, not a store, ...)."""


class CableStore:
    """One store directory: `ox` is the pyoxigraph Store, `dataset` the rdflib Dataset over the same data."""

    def __init__(self, path: Path, read_only: bool = False) -> None:
        self.path = Path(path)
        try:
            if read_only:
                self.ox = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self.ox = ox.Store(str(self.path))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc
        self.dataset = Dataset(store=OxigraphStore(store=self.ox), default_union=True)
        for prefix, iri in t.PREFIXES.items():
            self.dataset.bind(prefix, iri)
        assert self.dataset.default_context.identifier == DATASET_DEFAULT_GRAPH_ID

    def __len__(self) -> int:
        return len(self.ox)

    def query(self, sparql: str, union: bool = True):
        """Run a SPARQL query string on Oxigraph's engine (union default graph unless union=False)."""
        return self.ox.query(sparql, use_default_graph_as_union=union)

    def has_graph(self, iri: str) -> bool:
        """Whether a named graph exists."""
        return self.ox.contains_named_graph(ox.NamedNode(iri))

    def replace_graphs(self, graphs: Iterable[str], quads: list[ox.Quad]) -> None:
        """Drop the given named graphs, then bulk-load the quads (the fast, non-transactional path)."""
        for iri in graphs:
            node = ox.NamedNode(iri)
            if self.ox.contains_named_graph(node):
                self.ox.remove_graph(node)
        self.ox.bulk_extend(quads)

    def flush(self) -> None:
        """Write everything to disk."""
        self.ox.flush()

    def optimize(self) -> None:
        """Compact the files after a bulk load: read-only handles (the endpoint's query workers) then answer
        aggregates up to twice as fast, and no compaction right after the server opens the store pulls files
        from under them."""
        self.ox.optimize()

    def close(self) -> None:
        """Flush (when writable) and release the store."""
        try:
            self.ox.flush()
        except OSError:
            pass
        del self.dataset
        del self.ox
