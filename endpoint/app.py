"""The app factory: `create_app(store, config)` returns the FastAPI app that serves one pyoxigraph Store."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from endpoint import sparql
from endpoint.canned_api import add_canned_routes
from endpoint.ontology_routes import add_ontology_routes
from ontology import terms as t


@dataclass
class EndpointConfig:
    """What the endpoint needs to know besides the store."""

    base: str = t.DEFAULT_BASE
    union_default_graph: bool = True


def create_app(store: ox.Store, config: EndpointConfig | None = None) -> FastAPI:
    """Build the app over an open store (the composition root opens it and passes it in)."""
    config = config or EndpointConfig()
    app = FastAPI(title="cablegraph", description="A knowledge graph of US diplomatic cables: SPARQL and more.")
    app.state.store = store
    app.state.config = config
    add_canned_routes(app, store, config.union_default_graph)

    @app.get("/sparql", summary="SPARQL 1.1 query (GET)")
    def sparql_get(request: Request) -> Response:
        return sparql.handle(request, store, config.union_default_graph, dict(request.query_params.multi_items()))

    @app.post("/sparql", summary="SPARQL 1.1 query (POST form or application/sparql-query)")
    async def sparql_post(request: Request) -> Response:
        params = await sparql.read_post(request)
        return await _run_sync(sparql.handle, request, store, config.union_default_graph, params)

    @app.get("/health", summary="Liveness and store size")
    def health() -> JSONResponse:
        return JSONResponse({"status": "ok", "quads": len(store)})

    add_ontology_routes(app, config.base)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home() -> HTMLResponse:
        return HTMLResponse(_HOME)

    return app


async def _run_sync(func, *args):
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(func, *args)


_HOME = """<!doctype html><html><head><meta charset="utf-8"><title>cablegraph</title></head>
<body><h1>cablegraph</h1><p>SPARQL endpoint at <a href="/sparql">/sparql</a>. API docs at <a href="/docs">/docs</a>.</p>
<form action="/sparql" method="get"><textarea name="query" rows="8" cols="80">
PREFIX cg: &lt;https://w3id.org/cablegraph/ontology#&gt;
PREFIX dcterms: &lt;http://purl.org/dc/terms/&gt;
SELECT ?ref ?subject WHERE { ?c cg:referenceId ?ref ; dcterms:title ?subject } LIMIT 20</textarea><br>
<button type="submit">Run</button></form></body></html>"""
