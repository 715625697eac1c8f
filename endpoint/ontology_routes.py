"""The ontology at its namespace path: /ontology as Turtle, JSON-LD or an HTML page by content negotiation."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response

from ontology import describe
from ontology import terms as t

_TURTLE = "text/turtle"
_TYPES = {"turtle": _TURTLE, "ttl": _TURTLE, "html": "text/html", "jsonld": "application/ld+json",
          "json-ld": "application/ld+json"}


def negotiate(accept: str, offered: list[str]) -> str:
    """The offered media type the Accept header prefers (q-values honoured; the first offered one by default)."""
    best, best_q = offered[0], -1.0
    for position, part in enumerate(accept.split(",")):
        media, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        media = media.strip().lower()
        for candidate in offered:
            if media in (candidate, "*/*", candidate.split("/")[0] + "/*"):
                score = q - position * 1e-6 - (0.01 if "*" in media else 0.0)
                if score > best_q:
                    best, best_q = candidate, score
    return best


def add_ontology_routes(app: FastAPI, base: str = t.DEFAULT_BASE) -> None:
    """Serve the ontology (/ontology), its SHACL shapes (/ontology/shapes) and JSON-LD context."""
    del base  # the ontology namespace does not depend on the resource base

    @app.get("/ontology", summary="The cablegraph ontology (Turtle, JSON-LD or HTML by content negotiation)",
             responses={200: {"content": {_TURTLE: {}, "text/html": {}, "application/ld+json": {}}}})
    def ontology(request: Request, format: str | None = None) -> Response:  # noqa: A002 - a query parameter
        media = _TYPES.get((format or "").lower()) or negotiate(
            request.headers.get("accept", _TURTLE), [_TURTLE, "text/html", "application/ld+json"])
        headers = {"Vary": "Accept"}
        if media == "text/html":
            return HTMLResponse(describe.html_page(), headers=headers)
        if media == "application/ld+json":
            import rdflib

            body = rdflib.Graph().parse(t.ONTOLOGY_FILE).serialize(format="json-ld")
            return Response(body, media_type=media, headers=headers)
        return Response(t.ONTOLOGY_FILE.read_bytes(), media_type=_TURTLE, headers=headers)

    @app.get("/ontology/shapes", summary="The SHACL shapes of a well-formed cable graph (Turtle)")
    def shapes() -> Response:
        return Response(t.SHAPES_FILE.read_bytes(), media_type=_TURTLE)

    @app.get("/ontology/context.jsonld", summary="The JSON-LD context of the ontology")
    def context() -> Response:
        return Response(t.CONTEXT_FILE.read_bytes(), media_type="application/ld+json")
