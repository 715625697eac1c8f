"""The JSON-LD context of the ontology (ontology/context.jsonld), built from cables.ttl so the two never drift.

    python -m ontology.context > ontology/context.jsonld
"""

from __future__ import annotations

import json

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from ontology import terms as t

_SCHEMA_RANGE = rdflib.URIRef(t.SCHEMA + "rangeIncludes")
_ALIASES = {t.DCTERMS + "created": "created", t.DCTERMS + "title": "title", t.FOAF + "name": "name",
            t.FOAF + "familyName": "familyName", t.OWL + "sameAs": "sameAs", t.SKOS + "exactMatch": "exactMatch",
            t.SKOS + "prefLabel": "prefLabel", t.SKOS + "notation": "notation", t.SKOS + "inScheme": "inScheme",
            t.RDFS + "label": "label", t.PROV + "wasDerivedFrom": "wasDerivedFrom",
            t.PROV + "wasGeneratedBy": "wasGeneratedBy", t.PROV + "generatedAtTime": "generatedAtTime"}


def _compact(iri: str) -> str:
    for prefix, namespace in t.PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


def build_context() -> dict:
    """The @context: every prefix, every cg class and property by its local name, typed values where fixed."""
    g = rdflib.Graph().parse(t.ONTOLOGY_FILE)
    context: dict = dict(t.PREFIXES)
    for cls in sorted(g.subjects(RDF.type, OWL.Class)):
        if str(cls).startswith(t.CG):
            context[str(cls)[len(t.CG):]] = _compact(str(cls))
    terms = {str(p): str(p)[len(t.CG):] for p in g.subjects(RDF.type, None) if str(p).startswith(t.CG)}
    terms.update(_ALIASES)
    for iri, name in sorted(terms.items(), key=lambda item: item[1]):
        node = rdflib.URIRef(iri)
        if (node, RDF.type, OWL.Class) in g:
            continue
        if (node, RDF.type, OWL.ObjectProperty) in g or iri == t.OWL + "sameAs":
            context[name] = {"@id": _compact(iri), "@type": "@id"}
            continue
        datatype = g.value(node, RDFS.range) or g.value(node, _SCHEMA_RANGE)
        if datatype is not None and str(datatype).startswith(t.XSD) and str(datatype) != t.XSD + "string":
            context[name] = {"@id": _compact(iri), "@type": _compact(str(datatype))}
        else:
            context[name] = _compact(iri)
    return {"@context": context}


def context_text() -> str:
    """The context as the text of ontology/context.jsonld."""
    return json.dumps(build_context(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(context_text(), end="")
