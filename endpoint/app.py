"""The app factory: `create_app(store, config)` returns the ASGI app that serves one pyoxigraph Store."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

import pyoxigraph as ox
from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from endpoint import description, gsp, pages, sparql, ui
from endpoint.canned_api import add_canned_routes
from endpoint.config import EndpointConfig
from endpoint.hotpath import SparqlHotPath
from endpoint.inline import InlinePool
from endpoint.observe import Metrics, ObserveMiddleware
from endpoint.ontology_routes import add_ontology_routes
from endpoint.pool import QueryPool
from endpoint.writer import Writer

log = logging.getLogger("cablegraph.endpoint")

__all__ = ["EndpointConfig", "create_app"]


def create_app(store: ox.Store, config: EndpointConfig | None = None) -> ObserveMiddleware:
    """Build the app over an open, writable store (the composition root opens it and passes it in).

    Returns the ASGI application: the access log and metrics around CORS around the SPARQL hot path
    (endpoint.hotpath) around the FastAPI app, which answers everything else.

    With `config.store_path`, queries run in killable worker processes holding read-only handles on that
    directory (the timeout really stops them); without it (an in-memory store) or with `workers=0`, they run
    in this process, where nothing can stop them.
    """
    config = config or EndpointConfig()
    pool = (QueryPool(config.store_path, config.workers, config.query_timeout)
            if config.store_path and config.workers > 0 else InlinePool(store))
    writer = Writer(store, pool)
    metrics = Metrics()

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        pool.close()

    app = FastAPI(title="cablegraph", lifespan=lifespan,
                  description="A knowledge graph of US diplomatic cables: SPARQL 1.1 Protocol, Graph Store "
                              "Protocol, resource pages and a query page.")
    app.state.store = store
    app.state.config = config
    app.state.pool = pool
    app.state.metrics = metrics
    add_canned_routes(app, store, config.union_default_graph)
    add_ontology_routes(app, config.base)

    @app.exception_handler(sparql.ProtocolError)
    async def protocol_error(_request: Request, exc: sparql.ProtocolError) -> Response:
        return sparql.error(exc.status, str(exc))

    @app.exception_handler(Exception)
    async def internal_error(_request: Request, exc: Exception) -> Response:
        log.exception("internal error")
        return sparql.error(500, "internal server error (see the server log)")

    async def answer(op: sparql.Operation, request: Request) -> Response:
        if op.kind == "description":
            return description.response(sparql.endpoint_iri(request.scope), config, request.headers.get("accept"),
                                        op.one("format") or op.one("output"))
        if op.kind == "update":
            return await run_in_threadpool(sparql.run_update, op, request, writer, config)
        response = await sparql.run_query(op, request.headers.get("accept"), sparql.endpoint_iri(request.scope), pool,
                                          config)
        if response.status_code == 503:
            metrics.timeouts.inc()
        return response

    @app.get("/sparql", summary="SPARQL 1.1 query by GET, or the service description without a query")
    @app.get("/sparql/", include_in_schema=False)
    async def sparql_get(request: Request) -> Response:
        return await answer(sparql.read_get(request), request)

    @app.post("/sparql", summary="SPARQL 1.1 query or update by POST (form, sparql-query or sparql-update)")
    @app.post("/sparql/", include_in_schema=False)
    async def sparql_post(request: Request) -> Response:
        return await answer(await sparql.read_post(request, config.max_request_bytes), request)

    @app.api_route("/rdf-graphs", methods=["GET", "HEAD"], summary="Graph Store Protocol: read a graph")
    def graphs_read(request: Request) -> Response:
        return gsp.read(request, store)

    @app.api_route("/rdf-graphs", methods=["PUT", "POST", "DELETE"],
                   summary="Graph Store Protocol: replace, add to or delete a graph (bearer token)")
    async def graphs_write(request: Request) -> Response:
        return await gsp.write(request, writer, config)

    @app.get("/health", summary="Liveness")
    async def health() -> JSONResponse:
        return JSONResponse({"status": "ok", "query_timeout": config.query_timeout,
                             "union_default_graph": config.union_default_graph, "timeouts": pool.timeouts})

    @app.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
    def prometheus() -> Response:
        data, ctype = metrics.render()
        return Response(data, media_type=ctype)

    app.include_router(ui.router(config))
    app.include_router(pages.router(store, config))
    app.mount("/static", ui.static_files(), name="static")

    hot = SparqlHotPath(app, pool, config, metrics)
    return ObserveMiddleware(CORSMiddleware(hot, allow_origins=config.cors_origins, allow_methods=["GET"],
                                            allow_headers=["*"]), metrics=metrics)
