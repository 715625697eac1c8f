"""Load RDF files (Turtle, N-Triples, N-Quads, TriG, RDF/XML, JSON-LD) into the store with the bulk loader."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox


class LoadError(ValueError):
    """A file cannot be loaded: unknown syntax, a graph given for a dataset syntax, or a parse error."""


def rdf_format(path: Path, name: str | None = None) -> ox.RdfFormat:
    """The RDF syntax of a file: from `name` (extension or media type) when given, else from its extension."""
    if name:
        fmt = ox.RdfFormat.from_media_type(name) if "/" in name else ox.RdfFormat.from_extension(name)
    else:
        suffixes = [s.lstrip(".") for s in path.suffixes]
        fmt = ox.RdfFormat.from_extension(suffixes[-1]) if suffixes else None
        if fmt is None and suffixes and suffixes[-1] == "jsonld":
            fmt = ox.RdfFormat.JSON_LD
    if fmt is None:
        raise LoadError(f"{path}: cannot tell its RDF syntax; name it with --format (ttl, nt, nq, trig, rdf, jsonld)")
    return fmt


def load_file(store: ox.Store, path: Path, graph: str | None = None, fmt: str | None = None) -> int:
    """Bulk-load one file (into `graph` when given, for triple syntaxes) and return the store's new size."""
    syntax = rdf_format(path, fmt)
    if graph and syntax in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
        raise LoadError(f"{path}: {syntax.name} names its own graphs; --graph only applies to triple syntaxes")
    target = ox.NamedNode(graph) if graph else None
    try:
        store.bulk_load(path=str(path), format=syntax, base_iri=path.resolve().as_uri(), to_graph=target)
    except SyntaxError as exc:
        raise LoadError(f"{path}: {exc}") from exc
    store.flush()
    return len(store)
