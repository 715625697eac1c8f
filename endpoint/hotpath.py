"""The hot path: GET /sparql?query=... answered in plain ASGI, without the framework's routing and middleware.

Researchers' tools (SPARQLWrapper, R's SPARQL packages, notebooks) send most queries this way, so this one request
shape skips FastAPI's routing, dependency solving and request objects. It does everything the app does for the
same request (protocol checks, negotiation, the row cap and SERVICE allowlist, the worker pool with its timeout);
CORS, metrics and the access log wrap it as they wrap the app. Every other request goes to the FastAPI app.
"""

from __future__ import annotations

import logging
from types import SimpleNamespace

from endpoint import sparql
from endpoint.config import EndpointConfig
from endpoint.inline import InlinePool
from endpoint.observe import Metrics
from endpoint.pool import QueryPool

log = logging.getLogger("cablegraph.endpoint")
PATHS = ("/sparql", "/sparql/")
ROUTE = SimpleNamespace(path="/sparql")  # what the metrics label the request with


def header(scope: dict, name: bytes) -> str | None:
    """One request header from an ASGI scope (None when absent)."""
    for key, value in scope["headers"]:
        if key == name:
            return value.decode("latin-1")
    return None


class SparqlHotPath:
    """Answers GET /sparql?query=... itself and hands every other request to `app`."""

    def __init__(self, app, pool: QueryPool | InlinePool, config: EndpointConfig, metrics: Metrics) -> None:
        self.app = app
        self.pool = pool
        self.config = config
        self.metrics = metrics

    async def __call__(self, scope, receive, send) -> None:
        """The ASGI entry point."""
        if (scope["type"] != "http" or scope["method"] != "GET" or scope["path"] not in PATHS
                or b"query=" not in scope["query_string"]):
            await self.app(scope, receive, send)
            return
        try:
            op = sparql.read_query_string(scope["query_string"])
        except sparql.ProtocolError as exc:
            scope["route"] = ROUTE
            await sparql.error(exc.status, str(exc))(scope, receive, send)
            return
        if op.kind != "query":  # the service description, with a query-like parameter: the app answers
            await self.app(scope, receive, send)
            return
        scope["route"] = ROUTE
        try:
            response = await sparql.run_query(op, header(scope, b"accept"), sparql.endpoint_iri(scope), self.pool,
                                              self.config)
        except Exception:
            log.exception("internal error")
            response = sparql.error(500, "internal server error (see the server log)")
        if response.status_code == 503:
            self.metrics.timeouts.inc()
        await response(scope, receive, send)
