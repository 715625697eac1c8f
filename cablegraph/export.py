"""Exports: the whole store, one named graph, one cable or a CONSTRUCT result, in any RDF syntax, streamed.

The whole store and CONSTRUCT results stream straight from pyoxigraph to the output (memory does not grow with
the store). One named graph is small, so it is sorted to read like hand-written Turtle: the cable first, then
its paragraphs, routing and provenance in order, `a` first in each block; JSON-LD of one graph is compacted with
the ontology's context (ontology/context.jsonld).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO

import pyoxigraph as ox

from ontology import terms as t

FORMATS = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
           "trig": ox.RdfFormat.TRIG, "json-ld": ox.RdfFormat.JSON_LD}
_TYPE = t.RDF + "type"
_FIRST_PREDICATES = [_TYPE, t.CG + "referenceId", t.DCTERMS + "title", t.DCTERMS + "created", t.CG + "sentBy"]
_SUBJECT_ORDER = ["cable", "paragraph", "routing", "statement", "person", "source", "ingest", "graph"]


class _PrefixOrder:
    """A write-through wrapper that puts the @prefix lines Oxigraph writes first in the order of `prefixes()`."""

    def __init__(self, output: BinaryIO, order: list[str]) -> None:
        self.output, self.order, self.head, self.done = output, order, b"", False

    def write(self, data: bytes) -> int:
        if self.done:
            return self.output.write(data)
        self.head += bytes(data)
        lines = self.head.split(b"\n")
        for i, line in enumerate(lines[:-1]):
            if not line.startswith(b"@prefix "):
                self._flush(lines[:i], b"\n".join(lines[i:]))
                break
        return len(data)

    def _flush(self, prefix_lines: list[bytes], rest: bytes) -> None:
        rank = {name.encode(): i for i, name in enumerate(self.order)}
        prefix_lines.sort(key=lambda line: rank.get(line[8:].split(b":", 1)[0], len(rank)))
        self.output.write(b"".join(line + b"\n" for line in prefix_lines) + rest)
        self.done = True

    def flush(self) -> None:
        if not self.done:
            lines = self.head.split(b"\n")
            self._flush([line for line in lines if line], b"")

    def __enter__(self) -> _PrefixOrder:
        return self

    def __exit__(self, *exc) -> None:
        self.flush()


def _ordered(output: BinaryIO, fmt: str, base: str) -> _PrefixOrder:
    """The output, with the prefix header ordered when the syntax has one (Turtle, TriG)."""
    return _PrefixOrder(output, list(prefixes(base)) if fmt in ("turtle", "trig") else [])


class ExportError(ValueError):
    """The export cannot be made (no such graph, a query that is not a CONSTRUCT, ...)."""


def prefixes(base: str = t.DEFAULT_BASE) -> dict[str, str]:
    """The ontology's prefixes plus the resource namespaces under the base (cable:, post:, para:, ...)."""
    return {**t.PREFIXES, **t.Ids(base).prefixes()}


def _natural(text: str) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text)]


def _subject_key(term, base: str) -> tuple:
    value = term.value
    kind = value[len(base):].split("/")[1] if value.startswith(base + "id/") else "graph"
    rank = _SUBJECT_ORDER.index(kind) if kind in _SUBJECT_ORDER else len(_SUBJECT_ORDER)
    return rank, _natural(value)


def _predicate_key(term) -> tuple:
    value = term.value
    return (_FIRST_PREDICATES.index(value), "") if value in _FIRST_PREDICATES else (len(_FIRST_PREDICATES), value)


def readable_order(triples: Iterable[ox.Triple], base: str = t.DEFAULT_BASE) -> list[ox.Triple]:
    """Triples sorted so that Turtle groups them as a person would write them."""
    base = base if base.endswith("/") else base + "/"
    return sorted(triples, key=lambda tr: (_subject_key(tr.subject, base), _predicate_key(tr.predicate),
                                           _natural(str(tr.object))))


def _triples(quads: Iterable[ox.Quad]) -> Iterator[ox.Triple]:
    for quad in quads:
        yield ox.Triple(quad.subject, quad.predicate, quad.object)


def export_store(store: ox.Store, output: BinaryIO, fmt: str, base: str = t.DEFAULT_BASE) -> None:
    """Stream every quad of the store (datasets formats keep the named graphs; triple formats merge them)."""
    rdf_format = FORMATS[fmt]
    with _ordered(output, fmt, base) as out:
        if rdf_format.supports_datasets:
            store.dump(out, format=rdf_format, prefixes=prefixes(base))
        else:
            ox.serialize(_triples(store.quads_for_pattern(None, None, None, None)), out, rdf_format,
                         prefixes=prefixes(base))


def export_graph(store: ox.Store, graph: str, output: BinaryIO, fmt: str, base: str = t.DEFAULT_BASE) -> None:
    """Write one named graph, sorted for reading (TriG and N-Quads keep its name)."""
    node = ox.NamedNode(graph)
    if not store.contains_named_graph(node):
        raise ExportError(f"no named graph <{graph}> in the store")
    triples = readable_order(_triples(store.quads_for_pattern(None, None, None, node)), base)
    if fmt == "json-ld":
        output.write(_compacted_jsonld(triples, graph).encode("utf-8"))
        return
    rdf_format = FORMATS[fmt]
    items = [ox.Quad(tr.subject, tr.predicate, tr.object, node) for tr in triples] \
        if rdf_format.supports_datasets else triples
    with _ordered(output, fmt, base) as out:
        ox.serialize(items, out, rdf_format, prefixes=prefixes(base))


def export_construct(store: ox.Store, query: str, output: BinaryIO, fmt: str, base: str = t.DEFAULT_BASE) -> None:
    """Stream the triples of a CONSTRUCT (or DESCRIBE) query over the union of all graphs."""
    try:
        result = store.query(query, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise ExportError(f"SPARQL syntax error: {exc}") from exc
    if not isinstance(result, ox.QueryTriples):
        raise ExportError("--construct takes a CONSTRUCT or DESCRIBE query")
    with _ordered(output, fmt, base) as out:
        ox.serialize(result, out, FORMATS[fmt], prefixes=prefixes(base))


def _compacted_jsonld(triples: list[ox.Triple], graph: str) -> str:
    """JSON-LD of a small graph, compacted with the ontology's context (rdflib does the compaction)."""
    import rdflib

    data = rdflib.Graph()
    data.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8"), format="nt")
    context = json.loads(t.CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    text = data.serialize(format="json-ld", context=context, auto_compact=True)
    document = json.loads(text)
    document["@id"] = graph
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
