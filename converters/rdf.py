"""RDF mapping: a parsed Cable to pyoxigraph quads in the cable's own named graph (deterministic IRIs).

Every field of the JSON record contract is mapped (see docs/ontology.md for the table). What the cable says goes
into its own named graph; what it only names (its post, its topics, addressees, caveats, the cables it cites, the
software that converted it) is described once in shared graphs, so that the union default graph does not repeat
those triples once per cable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad

from converters.rdf_people import find_person, people_quads
from converters.record import Cable
from ontology import terms as t
from ontology.reference import TAG_CLASSES, known_concepts, resolve_addressee, resolve_station, tag_kind, tag_table

CONVERTER_VERSION = "0.2.0"

_TYPE = NamedNode(t.RDF + "type")
_LABEL = NamedNode(t.RDFS + "label")
_XSD_DATETIME = NamedNode(t.XSD + "dateTime")
_XSD_DATE = NamedNode(t.XSD + "date")
_XSD_INT = NamedNode(t.XSD + "integer")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")

Object = NamedNode | Literal


def _cg(name: str) -> NamedNode:
    return NamedNode(t.CG + name)


def _ns(namespace: str, name: str) -> NamedNode:
    return NamedNode(namespace + name)


def _get(item: Any, key: str) -> Any:
    """A field of a record part that may be a dataclass (Recipient, Paragraph, ClassifiedBy) or a dict."""
    if isinstance(item, dict):
        return item.get(key)
    return getattr(item, key, None)


def _int(value: int | str) -> Literal:
    return Literal(str(int(value)), datatype=_XSD_INT)


class _Graphs:
    """The named graphs one cable writes to: its own and the shared ones."""

    def __init__(self, ids: t.Ids, ref_id: str) -> None:
        self.cable = NamedNode(ids.cable_graph(ref_id))
        for name in ("posts", "topics", "cited", "addressees", "persons", "caveats", "provenance"):
            setattr(self, name, NamedNode(ids.graph(name)))


def cable_quads(cable: Cable, ids: t.Ids, ingested_at: str | None = None) -> Iterator[Quad]:
    """Every quad one cable contributes: its own named graph plus its share of the shared graphs."""
    gs = _Graphs(ids, cable.reference_id)
    c = NamedNode(ids.cable(cable.reference_id))

    def q(s: NamedNode, p: NamedNode, o: Object, graph: NamedNode = gs.cable) -> Quad:
        return Quad(s, p, o, graph)

    yield q(c, _TYPE, _cg("Cable"))
    yield q(c, _cg("referenceId"), Literal(cable.reference_id))
    if cable.station:
        known = resolve_station(cable.station)
        post = NamedNode(ids.post(known.station_key if known else cable.station))
        yield q(c, _cg("sentBy"), post)
        if known is None:  # known posts are described by the reference graph
            yield q(post, _TYPE, _cg("Post"), gs.posts)
            yield q(post, _cg("stationKey"), Literal(cable.station), gs.posts)
        if cable.origin:
            yield q(post, _LABEL, Literal(cable.origin), gs.posts)
    if cable.created:
        kind = _XSD_DATETIME if _ISO_DATETIME.match(cable.created) else _XSD_DATE
        if kind == _XSD_DATETIME or _ISO_DATE.match(cable.created):
            yield q(c, _ns(t.DCTERMS, "created"), Literal(cable.created, datatype=kind))
    if cable.classification:
        yield q(c, _cg("classification"), NamedNode(ids.classification(cable.classification)))
    yield from _caveats(cable, ids, c, gs)
    yield from _tags(cable, ids, c, gs)
    if cable.subject:
        yield q(c, _ns(t.DCTERMS, "title"), Literal(cable.subject))
    for ref in cable.references:
        cited = NamedNode(ids.cable(ref))
        yield q(c, _cg("references"), cited)
        yield q(cited, _cg("referenceId"), Literal(ref), gs.cited)
    yield from _classified_by(cable, ids, c, gs)
    if cable.declassify_on:
        if _ISO_DATE.match(cable.declassify_on):
            yield q(c, _cg("declassifyOn"), Literal(cable.declassify_on, datatype=_XSD_DATE))
        else:
            yield q(c, _cg("declassifyInstruction"), Literal(cable.declassify_on))
    if cable.transmission_id:
        yield q(c, _cg("transmissionId"), Literal(cable.transmission_id))
    if cable.dtg:
        yield q(c, _cg("dtg"), Literal(cable.dtg))
    yield from _routing(cable, ids, c, gs)
    if cable.summary:
        yield q(c, _cg("summary"), Literal(cable.summary))
    if cable.body:
        yield q(c, _cg("text"), Literal(cable.body))
    yield from _paragraphs(cable, ids, c, gs)
    yield from _signer(cable, ids, c, gs)
    yield from people_quads(cable, ids)
    for warning in cable.warnings:
        yield q(c, _cg("parseWarning"), Literal(warning))
    yield from _provenance(cable, ids, c, gs, ingested_at)


def _caveats(cable: Cable, ids: t.Ids, c: NamedNode, gs: _Graphs) -> Iterator[Quad]:
    scheme = NamedNode(ids.scheme("caveats"))
    for prop, codes in (("caveat", cable.caveats), ("handling", cable.handling)):
        for code in codes:
            concept = NamedNode(ids.caveat(code))
            yield Quad(c, _cg(prop), concept, gs.cable)
            if " ".join(code.upper().split()) in known_concepts():
                continue
            yield Quad(concept, _TYPE, _cg("Caveat"), gs.caveats)
            yield Quad(concept, _ns(t.SKOS, "notation"), Literal(" ".join(code.upper().split())), gs.caveats)
            yield Quad(concept, _ns(t.SKOS, "inScheme"), scheme, gs.caveats)


def _tags(cable: Cable, ids: t.Ids, c: NamedNode, gs: _Graphs) -> Iterator[Quad]:
    scheme = NamedNode(ids.scheme("tags"))
    for tag in cable.tags:
        topic = NamedNode(ids.topic(tag))
        yield Quad(c, _cg("tag"), topic, gs.cable)
        if tag in tag_table():  # known tags are described by the reference graph
            continue
        yield Quad(topic, _TYPE, _cg("Topic"), gs.topics)
        kind = tag_kind(tag)
        if kind:
            yield Quad(topic, _TYPE, _cg(TAG_CLASSES[kind]), gs.topics)
        yield Quad(topic, _cg("tagCode"), Literal(tag), gs.topics)
        yield Quad(topic, _ns(t.SKOS, "inScheme"), scheme, gs.topics)


def _classified_by(cable: Cable, ids: t.Ids, c: NamedNode, gs: _Graphs) -> Iterator[Quad]:
    who = cable.classified_by
    if who is None:
        return
    name, title, reasons = _get(who, "name"), _get(who, "title"), _get(who, "reasons") or []
    if name:
        person = find_person(cable, ids, name)  # the extractor's person, resolved across cables, when found
        if person is None:
            person = NamedNode(ids.person(t.name_slug(name)))
            yield Quad(person, _TYPE, _cg("Person"), gs.persons)
            yield Quad(person, _ns(t.FOAF, "name"), Literal(name), gs.persons)
        yield Quad(c, _cg("classifiedBy"), person, gs.cable)
    if title:
        yield Quad(c, _cg("classifierTitle"), Literal(title), gs.cable)
    for reason in reasons:
        yield Quad(c, _cg("classificationReason"), Literal(reason), gs.cable)


def _routing(cable: Cable, ids: t.Ids, c: NamedNode, gs: _Graphs) -> Iterator[Quad]:
    entries = [("action", r) for r in cable.recipients] + [("info", r) for r in cable.info_recipients]
    for position, (kind, recipient) in enumerate(entries, start=1):
        name = _get(recipient, "name")
        if not name:
            continue
        route = _get(recipient, "route")
        post = resolve_addressee(name, route)
        addressee = NamedNode(ids.post(post.station_key) if post else ids.addressee(name))
        entry = NamedNode(ids.routing(cable.reference_id, position))
        yield Quad(c, _cg("sentTo" if kind == "action" else "infoTo"), addressee, gs.cable)
        yield Quad(c, _cg("routing"), entry, gs.cable)
        yield Quad(entry, _TYPE, _cg("RoutingEntry"), gs.cable)
        yield Quad(entry, _cg("routedTo"), addressee, gs.cable)
        yield Quad(entry, _cg("routingKind"), Literal(kind), gs.cable)
        yield Quad(entry, _cg("position"), _int(position), gs.cable)
        for field in ("precedence", "serial"):
            if _get(recipient, field):
                yield Quad(entry, _cg(field), Literal(str(_get(recipient, field))), gs.cable)
        if route:
            yield Quad(entry, _cg("routingIndicator"), Literal(route), gs.cable)
        if post is not None:  # a known post: the reference graph describes it
            continue
        yield Quad(addressee, _TYPE, _cg("Addressee"), gs.addressees)
        yield Quad(addressee, _LABEL, Literal(" ".join(name.upper().split())), gs.addressees)
        if route:
            yield Quad(addressee, _cg("routingIndicator"), Literal(route), gs.addressees)


def _paragraphs(cable: Cable, ids: t.Ids, c: NamedNode, gs: _Graphs) -> Iterator[Quad]:
    for para in cable.paragraphs:
        number = _get(para, "number")
        p = NamedNode(ids.paragraph(cable.reference_id, number))
        yield Quad(c, _cg("hasParagraph"), p, gs.cable)
        yield Quad(p, _TYPE, _cg("Paragraph"), gs.cable)
        yield Quad(p, _cg("paragraphNumber"), _int(number), gs.cable)
        if _get(para, "classification"):
            yield Quad(p, _cg("marking"), Literal(_get(para, "classification")), gs.cable)
        yield Quad(p, _cg("text"), Literal(_get(para, "text") or ""), gs.cable)


def _signer(cable: Cable, ids: t.Ids, c: NamedNode, gs: _Graphs) -> Iterator[Quad]:
    if not cable.signer:
        return
    yield Quad(c, _cg("signerName"), Literal(cable.signer), gs.cable)
    person = find_person(cable, ids, cable.signer)  # the extractor's person, resolved across cables, when found
    if person is None:
        person = NamedNode(ids.signer(cable.station or "UNKNOWN", cable.signer))
        yield Quad(person, _TYPE, _cg("Person"), gs.persons)
        yield Quad(person, _ns(t.FOAF, "familyName"), Literal(cable.signer.title()), gs.persons)
    yield Quad(c, _cg("signedBy"), person, gs.cable)


def _provenance(cable: Cable, ids: t.Ids, c: NamedNode, gs: _Graphs, ingested_at: str | None) -> Iterator[Quad]:
    """PROV-O: the cable was derived from a source record by an ingest activity of a converter version."""
    g = gs.cable
    yield Quad(g, _TYPE, _cg("CableGraph"), g)
    activity = NamedNode(ids.ingest_activity(cable.reference_id))
    agent = NamedNode(ids.agent(CONVERTER_VERSION))
    yield Quad(g, _ns(t.PROV, "wasGeneratedBy"), activity, g)
    yield Quad(activity, _TYPE, _cg("Ingest"), g)
    yield Quad(activity, _ns(t.PROV, "wasAssociatedWith"), agent, g)
    yield Quad(agent, _TYPE, _ns(t.PROV, "SoftwareAgent"), gs.provenance)
    yield Quad(agent, _LABEL, Literal(f"cablegraph converters {CONVERTER_VERSION}"), gs.provenance)
    yield Quad(agent, _cg("softwareVersion"), Literal(CONVERTER_VERSION), gs.provenance)
    if ingested_at:
        stamp = Literal(ingested_at, datatype=_XSD_DATETIME)
        yield Quad(g, _ns(t.PROV, "generatedAtTime"), stamp, g)
        yield Quad(activity, _ns(t.PROV, "endedAtTime"), stamp, g)
    if cable.source is None:
        return
    src = NamedNode(ids.source(cable.reference_id))
    yield Quad(c, _ns(t.PROV, "wasDerivedFrom"), src, g)
    yield Quad(activity, _ns(t.PROV, "used"), src, g)
    yield Quad(src, _TYPE, _cg("SourceRecord"), g)
    yield Quad(src, _cg("sourcePath"), Literal(cable.source.path), g)
    yield Quad(src, _cg("sourceRecord"), _int(cable.source.record), g)
    if cable.source.format:
        yield Quad(src, _cg("sourceFormat"), Literal(cable.source.format), g)


def now_iso() -> str:
    """The current UTC time to the second, ISO 8601 without offset (for prov:generatedAtTime)."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0).isoformat()
