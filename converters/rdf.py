"""RDF mapping: a parsed Cable to pyoxigraph quads in the cable's own named graph (deterministic IRIs)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from pyoxigraph import Literal, NamedNode, Quad

from converters.record import Cable
from ontology import terms as t

CONVERTER_VERSION = "0.1.0"

_TYPE = NamedNode(t.RDF + "type")
_LABEL = NamedNode(t.RDFS + "label")
_XSD_DATETIME = NamedNode(t.XSD + "dateTime")
_XSD_DATE = NamedNode(t.XSD + "date")
_XSD_INT = NamedNode(t.XSD + "integer")


def _cg(name: str) -> NamedNode:
    return NamedNode(t.CG + name)


def _dc(name: str) -> NamedNode:
    return NamedNode(t.DCTERMS + name)


def _prov(name: str) -> NamedNode:
    return NamedNode(t.PROV + name)


def cable_quads(cable: Cable, ids: t.Ids, ingested_at: str | None = None) -> Iterator[Quad]:
    """Every quad one cable contributes.

    What the cable says goes into its own named graph; what it only names (its post, its topics, the cables
    it cites) is described once in the shared graphs `posts`, `topics` and `cited`, so that the union default
    graph does not repeat those triples once per cable.
    """
    g = NamedNode(ids.cable_graph(cable.reference_id))
    c = NamedNode(ids.cable(cable.reference_id))
    posts, topics, cited_graph = (NamedNode(ids.graph(name)) for name in ("posts", "topics", "cited"))

    def q(s: NamedNode, p: NamedNode, o: NamedNode | Literal, graph: NamedNode = g) -> Quad:
        return Quad(s, p, o, graph)

    yield q(c, _TYPE, _cg("Cable"))
    yield q(c, _cg("referenceId"), Literal(cable.reference_id))
    if cable.station:
        post = NamedNode(ids.post(cable.station))
        yield q(c, _cg("sentBy"), post)
        yield q(post, _TYPE, _cg("Post"), posts)
        yield q(post, _cg("stationKey"), Literal(cable.station), posts)
        if cable.origin:
            yield q(post, _LABEL, Literal(cable.origin), posts)
    if cable.created:
        yield q(c, _dc("created"), Literal(cable.created, datatype=_XSD_DATETIME))
    if cable.classification:
        yield q(c, _cg("classification"), NamedNode(ids.classification(cable.classification)))
    for caveat in cable.caveats:
        yield q(c, _cg("caveat"), Literal(caveat))
    for marker in cable.handling:
        yield q(c, _cg("handling"), Literal(marker))
    for tag in cable.tags:
        topic = NamedNode(ids.topic(tag))
        yield q(c, _cg("tag"), topic)
        yield q(topic, _TYPE, _cg("Topic"), topics)
        yield q(topic, _cg("tagCode"), Literal(tag), topics)
    if cable.subject:
        yield q(c, _dc("title"), Literal(cable.subject))
    for ref in cable.references:
        cited = NamedNode(ids.cable(ref))
        yield q(c, _cg("references"), cited)
        yield q(cited, _cg("referenceId"), Literal(ref), cited_graph)
    if cable.declassify_on:
        yield q(c, _cg("declassifyOn"), Literal(cable.declassify_on, datatype=_XSD_DATE))
    if cable.dtg:
        yield q(c, _cg("dtg"), Literal(cable.dtg))
    if cable.signer:
        yield q(c, _cg("signerName"), Literal(cable.signer))
    if cable.body:
        yield q(c, _cg("text"), Literal(cable.body))
    for para in cable.paragraphs:
        p = NamedNode(ids.paragraph(cable.reference_id, para["number"]))
        yield q(c, _cg("hasParagraph"), p)
        yield q(p, _TYPE, _cg("Paragraph"))
        yield q(p, _cg("paragraphNumber"), Literal(str(para["number"]), datatype=_XSD_INT))
        if para.get("classification"):
            yield q(p, _cg("marking"), Literal(para["classification"]))
        yield q(p, _cg("text"), Literal(para["text"]))
    for warning in cable.warnings:
        yield q(c, _cg("parseWarning"), Literal(warning))
    yield from _provenance(cable, ids, g, c, ingested_at)


def _provenance(cable: Cable, ids: t.Ids, g: NamedNode, c: NamedNode, ingested_at: str | None) -> Iterator[Quad]:
    if cable.source is None:
        return
    src = NamedNode(ids.source(cable.reference_id))
    yield Quad(c, _prov("wasDerivedFrom"), src, g)
    yield Quad(src, _TYPE, _prov("Entity"), g)
    yield Quad(src, _cg("sourcePath"), Literal(cable.source.path), g)
    yield Quad(src, _cg("sourceRecord"), Literal(str(cable.source.record), datatype=_XSD_INT), g)
    if cable.source.format:
        yield Quad(src, _cg("sourceFormat"), Literal(cable.source.format), g)
    yield Quad(g, _prov("wasGeneratedBy"), Literal(f"cablegraph converters {CONVERTER_VERSION}"), g)
    if ingested_at:
        yield Quad(g, _prov("generatedAtTime"), Literal(ingested_at, datatype=_XSD_DATETIME), g)


def now_iso() -> str:
    """The current UTC time to the second, ISO 8601 without offset (for prov:generatedAtTime)."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0).isoformat()
