"""Resource pages: every IRI under the base resolves at /id/{kind}/{key}, as HTML or RDF by negotiation."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from endpoint import negotiate
from endpoint.config import EndpointConfig
from ontology import terms as t

TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"),
                        autoescape=select_autoescape(["html"]))
LABELS = [t.CG + "referenceId", t.DCTERMS + "title", t.SKOS + "prefLabel", t.RDFS + "label", t.FOAF + "name"]
OFFERS = ["text/html", "text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"]
INCOMING_LIMIT = 500
_LABEL_PATH = "|".join(f"<{p}>" for p in LABELS)


def short(iri: str) -> str:
    """A prefixed name for an IRI in a known namespace (the IRI itself otherwise)."""
    for prefix, ns in t.PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def local_href(iri: str, base: str) -> str | None:
    """The path on this server that shows an IRI under the base (None for other IRIs)."""
    return "/" + iri[len(base):] if iri.startswith(base + "id/") else None


def _rows(pairs: list[tuple[str, dict]]) -> list[dict]:
    grouped: dict[str, dict] = {}
    for predicate, value in pairs:
        row = grouped.setdefault(predicate, {"predicate": predicate, "label": short(predicate), "values": []})
        if value not in row["values"]:
            row["values"].append(value)
    return sorted(grouped.values(), key=lambda r: (r["predicate"] != t.RDF + "type", r["label"]))


def _value(term, label, base: str) -> dict:
    if isinstance(term, ox.NamedNode):
        href = local_href(term.value, base)
        text = label.value if label is not None else (href[1:] if href else short(term.value))
        return {"text": text, "href": href or term.value, "long": False}
    text = term.value
    return {"text": text, "href": None, "long": len(text) > 300 or "\n" in text}


def page_data(store: ox.Store, iri: str, base: str) -> dict | None:
    """What the HTML page of a resource shows (None when the store says nothing about it)."""
    node = str(ox.NamedNode(iri))  # validated and written by pyoxigraph: nothing can break out of the IRI
    out = store.query(f"SELECT DISTINCT ?p ?o ?l WHERE {{ {node} ?p ?o OPTIONAL {{ ?o {_LABEL_PATH} ?l }} }}",
                      use_default_graph_as_union=True)
    seen, outgoing, types, labels = set(), [], [], {}
    for row in out:
        key = (row["p"].value, row["o"])
        if key in seen:
            continue
        seen.add(key)
        if row["p"].value == t.RDF + "type":
            types.append({"label": short(row["o"].value), "href": row["o"].value})
            continue
        if row["p"].value in LABELS and isinstance(row["o"], ox.Literal):
            labels.setdefault(row["p"].value, row["o"].value)
        outgoing.append((row["p"].value, _value(row["o"], row["l"], base)))
    inc = store.query(f"SELECT DISTINCT ?s ?p ?l WHERE {{ ?s ?p {node} OPTIONAL {{ ?s {_LABEL_PATH} ?l }} }} "
                      f"LIMIT {INCOMING_LIMIT + 1}", use_default_graph_as_union=True)
    incoming, seen = [], set()
    for row in inc:
        key = (row["p"].value, row["s"])
        if key not in seen:
            seen.add(key)
            incoming.append((row["p"].value, _value(row["s"], row["l"], base)))
    if not outgoing and not types and not incoming:
        return None
    ref, title = labels.get(t.CG + "referenceId"), next((labels[p] for p in LABELS[1:] if p in labels), None)
    heading = ": ".join(x for x in (ref, title) if x) or short(iri)
    return {"iri": iri, "title": heading, "types": types, "properties": _rows(outgoing),
            "incoming": _rows(incoming[:INCOMING_LIMIT]), "incoming_capped": len(incoming) > INCOMING_LIMIT,
            "incoming_limit": INCOMING_LIMIT}


def resource_rdf(store: ox.Store, iri: str, media: str) -> bytes:
    """The resource's own triples (from every graph) in an RDF syntax."""
    node = str(ox.NamedNode(iri))
    triples = store.query(f"CONSTRUCT {{ {node} ?p ?o }} WHERE {{ {node} ?p ?o }}", use_default_graph_as_union=True)
    return ox.serialize(triples, format=negotiate.GRAPH[media], prefixes=t.PREFIXES)


def router(store: ox.Store, config: EndpointConfig) -> APIRouter:
    """The /id/... routes over a store."""
    api = APIRouter()
    base = t.Ids(config.base).base

    @api.get("/id/{kind}/{key:path}", summary="A resource of the graph: HTML, Turtle or JSON-LD by negotiation")
    def resource(kind: str, key: str, request: Request) -> Response:
        iri = f"{base}id/{kind}/{key}"
        try:
            ox.NamedNode(iri)
        except ValueError:
            return Response(f"Not a resource IRI: {iri}\n", status_code=404, media_type="text/plain")
        fmt = request.query_params.get("format")
        try:
            if fmt:
                media = negotiate.FORMAT_NAMES.get(fmt.lower(), fmt)
                media = {"application/sparql-results+json": "application/ld+json"}.get(media, media)
                if media not in OFFERS:
                    raise negotiate.NotAcceptable(f"format {fmt!r} is not available; use html, turtle or jsonld")
            else:
                media = negotiate.choose(request.headers.get("accept"), OFFERS)
        except negotiate.NotAcceptable as exc:
            return Response(str(exc) + "\n", status_code=406, media_type="text/plain")
        headers = {"Vary": "Accept"}
        if media == "text/html":
            data = page_data(store, iri, base)
            if data is None:
                return HTMLResponse(f"<!doctype html><p>Nothing is known about {iri}.</p>", status_code=404)
            return HTMLResponse(TEMPLATES.get_template("resource.html").render(**data), headers=headers)
        body = resource_rdf(store, iri, media)
        if not body.strip() or body.strip() == b"[]":
            return Response(f"Nothing is known about {iri}.\n", status_code=404, media_type="text/plain")
        return Response(body, media_type=negotiate.content_type(media), headers=headers)

    return api
