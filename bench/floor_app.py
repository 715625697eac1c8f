"""The floor: the least any Python endpoint can cost here, for bench/endpoint.py.

A bare ASGI app under the same HTTP server as ours (granian): it runs the query inline on a read-only handle of
the store named by $BENCH_STORE and writes the result, with no protocol checks, negotiation, timeout, row cap,
CORS, metrics or log. Not for use: it shows how much of the gap to `oxigraph serve` no Python design can close.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qsl

import pyoxigraph as ox

_store: ox.Store | None = None


async def app(scope, receive, send) -> None:
    """Answer GET ?query=... with SPARQL JSON results, or N-Triples for graphs."""
    global _store
    if scope["type"] != "http":
        return
    if _store is None:
        _store = ox.Store.read_only(os.environ["BENCH_STORE"])
    query = dict(parse_qsl(scope["query_string"].decode("latin-1")))["query"]
    result = _store.query(query, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryTriples):
        body, media = ox.serialize(result, format=ox.RdfFormat.N_TRIPLES), b"application/n-triples"
    else:
        body, media = result.serialize(format=ox.QueryResultsFormat.JSON), b"application/sparql-results+json"
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", media)]})
    await send({"type": "http.response.body", "body": body})
