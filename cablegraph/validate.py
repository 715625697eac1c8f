"""Validation: the ontology is consistent (owlready2 + HermiT) and the data conforms to the SHACL shapes (pyshacl).

The SHACL check streams the store: cable graphs are validated in batches, each batch together with the shared
and reference graphs (posts, topics, levels, caveats, ...), so memory does not grow with the corpus.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import rdflib

from ontology import terms as t


@dataclass
class OntologyReport:
    """What the reasoner said about the ontology."""

    consistent: bool
    classes: int = 0
    inconsistent_classes: list[str] = field(default_factory=list)
    message: str = ""


@dataclass
class ShaclReport:
    """What pyshacl said about the data: conforms, how many cables were checked, the violations in words."""

    conforms: bool = True
    cables: int = 0
    violations: int = 0
    text: str = ""
    results: list[str] = field(default_factory=list)


def ontology_as_rdfxml(path: Path, ttl: Path = t.ONTOLOGY_FILE) -> Path:
    """Write the Turtle ontology as RDF/XML (owlready2 reads no Turtle) and return the written path."""
    rdflib.Graph().parse(ttl).serialize(path, format="xml")
    return path


def check_ontology(ttl: Path = t.ONTOLOGY_FILE) -> OntologyReport:
    """Load the ontology with owlready2 and run HermiT; report consistency and unsatisfiable classes."""
    import owlready2

    with tempfile.TemporaryDirectory() as tmp:
        owl = ontology_as_rdfxml(Path(tmp) / "cables.owl", ttl)
        world = owlready2.World()
        onto = world.get_ontology(owl.as_uri()).load()
        try:
            with onto:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError as exc:
            return OntologyReport(consistent=False, message=f"inconsistent: {exc}")
        unsatisfiable = sorted(c.iri for c in world.inconsistent_classes())
        classes = len(list(onto.classes()))
        world.close()
    return OntologyReport(consistent=not unsatisfiable, classes=classes, inconsistent_classes=unsatisfiable,
                          message="consistent" if not unsatisfiable else "unsatisfiable classes")


CABLE_GRAPH_CLASSES = {t.CG + n for n in ("Cable", "Paragraph", "RoutingEntry", "Statement", "SourceRecord",
                                          "CableGraph", "Ingest")}
_SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


@lru_cache(maxsize=4)
def split_shapes(path: Path = t.SHAPES_FILE) -> tuple[rdflib.Graph, rdflib.Graph]:
    """The shapes as two graphs: those that target classes of cable graphs, and those for the shared graphs."""
    shapes = rdflib.Graph().parse(path)
    cable, shared = rdflib.Graph(), rdflib.Graph()
    for shape in set(shapes.subjects(rdflib.RDF.type, _SH.NodeShape)):
        targets = {str(o) for o in shapes.objects(shape, _SH.targetClass)}
        into = cable if targets & CABLE_GRAPH_CLASSES else shared
        for triple in shapes.cbd(shape):
            into.add(triple)
    return cable, shared


def _to_rdflib(term):
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language is not None or term.datatype.value == t.XSD + "string":  # RDF 1.1 simple literals
        return rdflib.Literal(term.value, lang=term.language)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def _add(graph: rdflib.Graph, quads) -> None:
    graph.addN((_to_rdflib(q.subject), _to_rdflib(q.predicate), _to_rdflib(q.object), graph) for q in quads)


@lru_cache(maxsize=1)
def _class_closure() -> rdflib.Graph:
    """The subclass axioms of the ontology, so that sh:class follows rdfs:subClassOf (Embassy is a Post)."""
    onto = rdflib.Graph().parse(t.ONTOLOGY_FILE)
    closure = rdflib.Graph()
    for triple in onto.triples((None, rdflib.RDFS.subClassOf, None)):
        closure.add(triple)
    return closure


def _run(data: rdflib.Graph, shapes: rdflib.Graph, report: ShaclReport, max_results: int) -> None:
    import pyshacl

    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=False)
    if conforms:
        return
    report.conforms = False
    for result in results.subjects(rdflib.RDF.type, _SH.ValidationResult):
        report.violations += 1
        if len(report.results) < max_results:
            report.results.append(_describe(results, result))


def _describe(results: rdflib.Graph, result) -> str:
    def short(term) -> str:
        if term is None:
            return "-"
        text = str(term)
        for prefix, iri in t.PREFIXES.items():
            if text.startswith(iri):
                return f"{prefix}:{text[len(iri):]}"
        return text

    focus = results.value(result, _SH.focusNode)
    path = results.value(result, _SH.resultPath)
    message = results.value(result, _SH.resultMessage)
    value = results.value(result, _SH.value)
    shown = f" (value {short(value)})" if value is not None else ""
    return f"{short(focus)} {short(path)}: {message}{shown}"


def cable_graphs(store: ox.Store, base: str) -> Iterator[ox.NamedNode]:
    """Every cable graph of the store."""
    prefix = t.Ids(base).cable_graph("")
    for graph in store.named_graphs():
        if isinstance(graph, ox.NamedNode) and graph.value.startswith(prefix):
            yield graph


def check_store(store: ox.Store, base: str = t.DEFAULT_BASE, batch: int = 500, max_results: int = 50,
                shapes: Path = t.SHAPES_FILE, parts: tuple[str, ...] = ("shared", "cables")) -> ShaclReport:
    """Validate a store against the SHACL shapes: the shared graphs once, the cable graphs in batches.

    `parts` chooses the passes ("shared", "cables"); both by default.

    Each batch holds its cable graphs plus the rdf:type triples of every IRI they point to (from any graph) and
    the ontology's subclass axioms, so that sh:class checks see posts, topics and concepts.
    """
    cable_shapes, shared_shapes = split_shapes(shapes)
    closure = _class_closure()
    report = ShaclReport()
    prefix = t.Ids(base).cable_graph("")
    if "shared" in parts:
        shared = rdflib.Graph()
        for graph in store.named_graphs():
            if not graph.value.startswith(prefix):
                _add(shared, store.quads_for_pattern(None, None, None, graph))
        shared += closure
        _run(shared, shared_shapes, report, max_results)
    if "cables" not in parts:
        report.text = "\n".join(report.results)
        return report
    rdf_type = ox.NamedNode(t.RDF + "type")
    references = ox.NamedNode(t.CG + "references")  # a cited cable is checked in its own batch, not as a target
    graphs = list(cable_graphs(store, base))
    for start in range(0, len(graphs), batch):
        data = rdflib.Graph()
        data += closure
        objects: set[ox.NamedNode] = set()
        for graph in graphs[start:start + batch]:
            quads = list(store.quads_for_pattern(None, None, None, graph))
            _add(data, quads)
            objects.update(q.object for q in quads if isinstance(q.object, ox.NamedNode)
                           and q.predicate not in (rdf_type, references))
        for node in objects:
            _add(data, store.quads_for_pattern(node, rdf_type, None))
        _run(data, cable_shapes, report, max_results)
        report.cables += min(batch, len(graphs) - start)
    report.text = "\n".join(report.results)
    return report
