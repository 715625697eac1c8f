"""The query page: YASGUI (vendored in static/yasgui, no CDN) with the canned queries as example tabs."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

import queries as canned
from endpoint.config import EndpointConfig
from endpoint.pages import TEMPLATES

STATIC = Path(__file__).parent / "static"


def examples() -> list[dict[str, str]]:
    """One example per canned query: its summary and its text, bound with its example arguments."""
    out = []
    for name, query in canned.catalogue().items():
        try:
            text = canned.bound_text(query, query.example) if query.params else query.text
        except canned.ParameterError:
            text = query.text
        text = "\n".join(line for line in text.splitlines() if not line.startswith("#+")).strip() + "\n"
        out.append({"name": query.summary or name, "query": text})
    return out


def static_files() -> StaticFiles:
    """The static files (the YASGUI bundle) to mount at /static."""
    return StaticFiles(directory=STATIC)


def router(config: EndpointConfig) -> APIRouter:
    """The / route."""
    api = APIRouter()
    tabs = examples()

    @api.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        page = TEMPLATES.get_template("query.html").render(
            endpoint=str(request.base_url) + "sparql", union=config.union_default_graph, examples=tabs)
        return HTMLResponse(page)

    return api
