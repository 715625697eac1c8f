"""The one writable store handle: SPARQL Update and Graph Store writes go through it, then the query workers
reopen their read-only handles."""

from __future__ import annotations

import threading

import pyoxigraph as ox

from endpoint.inline import InlinePool
from endpoint.pool import QueryPool


class Writer:
    """The one writable store handle: every write goes through it, then the query workers are refreshed."""

    def __init__(self, store: ox.Store, pool: QueryPool | InlinePool | None) -> None:
        self.store = store
        self.pool = pool
        self.lock = threading.Lock()

    def update(self, text: str, base_iri: str | None) -> None:
        """Run a SPARQL update (SyntaxError on bad syntax)."""
        with self.lock:
            self.store.update(text, base_iri=base_iri)
            self._done()

    def replace_graph(self, graph: ox.NamedNode | ox.DefaultGraph, quads: list[ox.Quad], replace: bool) -> None:
        """Put quads into a graph, first emptying it when `replace`."""
        with self.lock:
            if replace:
                self.store.clear_graph(graph)
            self.store.extend(quads)
            if isinstance(graph, ox.NamedNode) and not quads:
                self.store.add_graph(graph)
            self._done()

    def drop_graph(self, graph: ox.NamedNode | ox.DefaultGraph) -> None:
        """Remove a named graph (or empty the default graph)."""
        with self.lock:
            if isinstance(graph, ox.DefaultGraph):
                self.store.clear_graph(graph)
            else:
                self.store.remove_graph(graph)
            self._done()

    def _done(self) -> None:
        self.store.flush()
        if self.pool is not None:
            self.pool.refresh()
