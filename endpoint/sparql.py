"""The SPARQL 1.1 Protocol query operation: read the request, run it on Oxigraph, serialize the answer."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pyoxigraph as ox
from fastapi import Request
from fastapi.responses import PlainTextResponse, Response

RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
}
GRAPH_TYPES = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}


async def read_post(request: Request) -> dict[str, str]:
    """The protocol parameters of a POST: a form, or a query in the body (application/sparql-query)."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    params = dict(request.query_params.multi_items())
    if ctype == "application/sparql-query":
        params["query"] = body.decode("utf-8")
    elif ctype == "application/x-www-form-urlencoded":
        params.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    return params


def _choose(accept: str, table: dict, default: str) -> str:
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media in table:
            return media
        if media in ("*/*", "") or media.endswith("/*"):
            return default
    return default


def handle(request: Request, store: ox.Store, union: bool, params: dict[str, str]) -> Response:
    """Run the query in `params` and answer in the negotiated format (400 on a syntax error)."""
    query = params.get("query")
    if not query:
        return PlainTextResponse("Missing the 'query' parameter.", status_code=400)
    try:
        result = store.query(query, use_default_graph_as_union=union)
    except SyntaxError as exc:
        return PlainTextResponse(f"SPARQL syntax error: {exc}", status_code=400)
    accept = request.headers.get("accept", "*/*")
    if isinstance(result, ox.QueryTriples):
        media = _choose(accept, GRAPH_TYPES, "text/turtle")
        data = ox.serialize(result, format=GRAPH_TYPES[media])
        return Response(data, media_type=media)
    media = _choose(accept, RESULT_TYPES, "application/sparql-results+json")
    data = result.serialize(format=RESULT_TYPES[media])
    return Response(data, media_type="application/sparql-results+json" if media == "application/json" else media)
