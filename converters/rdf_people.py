"""RDF mapping of a cable's persons and statements: Person and Statement nodes in the cable's named graph.

Wikidata and POCOM links go to the shared `links` graph (owl:sameAs, with cg:linkMethod, cg:linkConfidence and
cg:pocomId on the person there), so that how a link was made stays apart from what the cable says.
"""

from __future__ import annotations

from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Quad

from converters.record import Cable
from ontology import terms as t

_TYPE = NamedNode(t.RDF + "type")
_SAME = NamedNode(t.OWL + "sameAs")
_XSD_INT = NamedNode(t.XSD + "integer")
_XSD_DEC = NamedNode(t.XSD + "decimal")
_FOAF_NAME = NamedNode(t.FOAF + "name")
_FOAF_FAMILY = NamedNode(t.FOAF + "familyName")
_LABEL = NamedNode(t.RDFS + "label")


def _cg(name: str) -> NamedNode:
    return NamedNode(t.CG + name)


def person_node(cable: Cable, ids: t.Ids, person: dict) -> NamedNode:
    """The IRI of a person of the record: corpus-wide when the extractor resolved an id, else local to the cable."""
    return NamedNode(ids.person(person.get("id") or f"{cable.reference_id}-{person['name']}"))


def canonical_name(person: dict) -> str:
    """The name a corpus-wide person goes by: Wikidata's label, else POCOM's name, else the cable's."""
    return ((person.get("wikidata") or {}).get("label") or (person.get("pocom") or {}).get("name")
            or person["name"])


def find_person(cable: Cable, ids: t.Ids, name: str | None) -> NamedNode | None:
    """The IRI of the record's person one of whose mentions (or name) is `name`, case-insensitively."""
    if not name:
        return None
    wanted = " ".join(name.split()).lower()
    for person in cable.persons:
        forms = {person["name"].lower(), *(m.lower() for m in person.get("mentions") or [])}
        if wanted in forms:
            return person_node(cable, ids, person)
    return None


def people_quads(cable: Cable, ids: t.Ids) -> Iterator[Quad]:
    """Every quad the cable's `persons` and `statements` contribute (record dicts as extract() makes them).

    A person resolved across the corpus (Wikidata or POCOM id) is described once, in the shared `persons`
    graph; one known only in this cable is described in the cable's graph. Role and country, which depend
    on the cable, stay in the cable's graph; the country is the country TAG's Topic.
    """
    g = NamedNode(ids.cable_graph(cable.reference_id))
    links = NamedNode(ids.graph("links"))
    shared = NamedNode(ids.graph("persons"))
    c = NamedNode(ids.cable(cable.reference_id))
    by_surname: dict[str, NamedNode] = {}
    for person in cable.persons:
        p = person_node(cable, ids, person)
        by_surname.setdefault(person["surname"], p)
        yield Quad(c, _cg("mentions"), p, g)
        if person.get("id"):  # one description across the corpus: the linked name, not this cable's spelling
            yield Quad(p, _TYPE, _cg("Person"), shared)
            yield Quad(p, _FOAF_NAME, Literal(canonical_name(person)), shared)
            yield Quad(p, _LABEL, Literal(person["name"]), g)
        else:
            yield Quad(p, _TYPE, _cg("Person"), g)
            yield Quad(p, _FOAF_NAME, Literal(person["name"]), g)
        yield Quad(p, _FOAF_FAMILY, Literal(person["surname"]), g)
        if person.get("role"):
            yield Quad(p, _cg("role"), Literal(person["role"]), g)
        if person.get("country"):
            yield Quad(p, _cg("country"), NamedNode(ids.topic(person["country"])), g)
        wikidata = person.get("wikidata")
        if wikidata:
            yield Quad(p, _SAME, NamedNode(t.WD + wikidata["qid"]), links)
            yield Quad(p, _cg("linkMethod"), Literal(wikidata["method"]), links)
            yield Quad(p, _cg("linkConfidence"), Literal(f"{wikidata['confidence']:.2f}", datatype=_XSD_DEC), links)
        pocom = person.get("pocom")
        if pocom:
            yield Quad(p, _cg("pocomId"), Literal(pocom["pocom"]), links)
            yield Quad(p, _cg("linkMethod"), Literal(pocom["method"]), links)
    counters: dict[int, int] = {}
    for statement in cable.statements:
        para = statement.get("paragraph") or 0
        counters[para] = counters.get(para, 0) + 1
        s = NamedNode(ids.statement(cable.reference_id, para, counters[para]))
        yield Quad(c, _cg("hasStatement"), s, g)
        yield Quad(s, _TYPE, _cg("Statement"), g)
        speaker = _person(statement, "speaker", ids, by_surname)
        if speaker is not None:
            yield Quad(s, _cg("speaker"), speaker, g)
        addressee = _person(statement, "addressee", ids, by_surname)
        if addressee is not None:
            yield Quad(s, _cg("addressee"), addressee, g)
        yield Quad(s, _cg("reportingVerb"), Literal(statement["verb"]), g)
        yield Quad(s, _cg("paragraph"), Literal(str(para), datatype=_XSD_INT), g)
        if para:
            yield Quad(s, _cg("inParagraph"), NamedNode(ids.paragraph(cable.reference_id, para)), g)
        yield Quad(s, _cg("text"), Literal(statement["text"]), g)


def _person(statement: dict, role: str, ids: t.Ids, by_surname: dict[str, NamedNode]) -> NamedNode | None:
    slug = statement.get(f"{role}_id")
    if slug:
        return NamedNode(ids.person(slug))
    surname = statement.get(role)
    return by_surname.get(surname) if surname else None
