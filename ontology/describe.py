"""The ontology described for people: its classes and properties as rows, and as an HTML page.

Used by the endpoint (the HTML view of /ontology), by docs/ontology.md's table and by the diagram script.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from html import escape

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from ontology import terms as t

_SCHEMA_RANGE = rdflib.URIRef(t.SCHEMA + "rangeIncludes")
_SCHEMA_DOMAIN = rdflib.URIRef(t.SCHEMA + "domainIncludes")


@dataclass(frozen=True)
class Term:
    """One class or property: compact name, label, definition, and for properties kind, domain and range."""

    name: str
    iri: str
    label: str
    comment: str
    parents: tuple[str, ...] = ()
    kind: str = "class"
    domain: str = ""
    range: str = ""


def compact(iri: str) -> str:
    """An IRI in prefixed form when a known prefix fits (cg:Cable, xsd:string)."""
    for prefix, namespace in t.PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return iri


@lru_cache(maxsize=1)
def _graph() -> rdflib.Graph:
    return rdflib.Graph().parse(t.ONTOLOGY_FILE)


def _one(g: rdflib.Graph, node, *predicates) -> str:
    for predicate in predicates:
        value = g.value(node, predicate)
        if isinstance(value, rdflib.BNode):  # owl:unionOf
            members = rdflib.collection.Collection(g, g.value(value, OWL.unionOf))
            return " or ".join(compact(str(m)) for m in members)
        if value is not None:
            return compact(str(value))
    return ""


def classes() -> list[Term]:
    """Every class the ontology defines (cg:), with its superclasses."""
    g = _graph()
    out = []
    for node in sorted(g.subjects(RDF.type, OWL.Class)):
        if str(node).startswith(t.CG):
            parents = tuple(sorted(compact(str(p)) for p in g.objects(node, RDFS.subClassOf)))
            out.append(Term(compact(str(node)), str(node), str(g.value(node, RDFS.label) or ""),
                            str(g.value(node, RDFS.comment) or ""), parents))
    return out


def properties() -> list[Term]:
    """Every property the ontology defines or documents (cg: and the outside terms with a definition)."""
    g = _graph()
    out = []
    for kind, cls in (("object", OWL.ObjectProperty), ("datatype", OWL.DatatypeProperty)):
        for node in g.subjects(RDF.type, cls):
            if not (str(node).startswith(t.CG) or g.value(node, RDFS.comment) is not None):
                continue
            parents = tuple(sorted(compact(str(p)) for p in g.objects(node, RDFS.subPropertyOf)))
            out.append(Term(compact(str(node)), str(node), str(g.value(node, RDFS.label) or ""),
                            str(g.value(node, RDFS.comment) or ""), parents, kind,
                            _one(g, node, RDFS.domain, _SCHEMA_DOMAIN), _one(g, node, RDFS.range, _SCHEMA_RANGE)))
    return sorted(out, key=lambda term: (not term.name.startswith("cg:"), term.name.lower()))


def version() -> str:
    """The ontology's owl:versionInfo."""
    return str(_graph().value(rdflib.URIRef(t.ONTOLOGY_IRI), OWL.versionInfo))


def markdown_tables() -> str:
    """The classes and properties as two Markdown tables (pasted into docs/ontology.md; a test keeps them in step)."""
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    lines = ["| class | label | definition | subclass of |", "|---|---|---|---|"]
    lines += [f"| `{c.name}` | {cell(c.label)} | {cell(c.comment)} | {', '.join(c.parents)} |" for c in classes()]
    lines += ["", "| property | kind | domain | range | definition | subproperty of |", "|---|---|---|---|---|---|"]
    lines += [f"| `{p.name}` | {p.kind} | {p.domain} | {p.range} | {cell(p.comment)} | {', '.join(p.parents)} |"
              for p in properties()]
    return "\n".join(lines) + "\n"


def html_page() -> str:
    """A self-contained HTML page: the ontology's classes and properties with their definitions."""
    def rows(terms: list[Term], cells) -> str:
        return "\n".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells(term)) + "</tr>" for term in terms)

    class_rows = rows(classes(), lambda c: (c.name, c.label, c.comment, ", ".join(c.parents)))
    prop_rows = rows(properties(), lambda p: (p.name, p.comment, p.domain, p.range, ", ".join(p.parents)))
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>cablegraph ontology {escape(version())}</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:80em}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}}th{{background:#eee}}</style>
</head><body><h1>cablegraph ontology</h1>
<p>Namespace <code>{escape(t.CG)}</code> (prefix <code>cg:</code>), version {escape(version())}.
Turtle: <a href="?format=turtle">this IRI as text/turtle</a>;
SHACL shapes: <a href="/ontology/shapes">/ontology/shapes</a>;
JSON-LD context: <a href="/ontology/context.jsonld">/ontology/context.jsonld</a>.</p>
<h2>Classes</h2><table><tr><th>class</th><th>label</th><th>definition</th><th>subclass of</th></tr>
{class_rows}</table>
<h2>Properties</h2><table>
<tr><th>property</th><th>definition</th><th>domain</th><th>range</th><th>subproperty of</th></tr>
{prop_rows}</table></body></html>"""
