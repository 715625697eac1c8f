"""The canned-query API: one typed, documented operation per canned query, under /api/queries/NAME.

The routes are built from each query's `#+` metadata, so the OpenAPI document (and the /docs page) is the
catalogue. Answers are JSON, CSV, TSV or SPARQL results JSON, chosen by `?format=` or the Accept header;
`?show=sparql` answers the SPARQL text that would run, parameters bound. Parameters are validated twice: by
FastAPI from their declared types, then by `queries.to_term`; both failures answer 400 naming the parameter.
"""

from __future__ import annotations

import inspect
from datetime import date
from typing import Any, Literal

import pyoxigraph as ox
from fastapi import FastAPI, Query, Request
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool

import queries as canned
from endpoint.pool import QueryError, QueryTimeout
from queries.results import FORMATS, MEDIA_TYPES, Answer, answer_of, run_text, serialize

PREFIX = "/api/queries"
_PATTERNS = {
    "cable": r"^\d{2}[A-Za-z][A-Za-z-]*\d+$",
    "post": r"^[A-Za-z][A-Za-z -]*$",
    "tag": r"^[A-Za-z0-9][A-Za-z0-9 ,.()/-]{0,60}$",
    "iri": r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*$",
}
_BY_MEDIA = {media: fmt for fmt, media in MEDIA_TYPES.items()}


def add_canned_routes(app: FastAPI, store: ox.Store, union: bool = True,
                      catalogue: dict[str, canned.CannedQuery] | None = None) -> None:
    """Add GET /api/queries (the catalogue) and GET /api/queries/NAME for every canned query to the app."""
    catalogue = catalogue if catalogue is not None else canned.catalogue()

    @app.get(PREFIX, summary="The catalogue of canned queries", tags=["canned queries"])
    def list_queries() -> JSONResponse:
        return JSONResponse([_describe(q) for q in catalogue.values()])

    for query in catalogue.values():
        app.add_api_route(
            f"{PREFIX}/{query.name}", _endpoint(query, store, union), methods=["GET"], name=query.name,
            summary=query.summary, description=_doc(query), tags=["canned queries"],
            operation_id=f"canned_{query.name}", response_class=Response,
            responses={200: {"description": "The answer", "content": {m: {} for m in MEDIA_TYPES.values()}},
                       400: {"description": "A parameter is missing or does not fit its type"}})
    app.add_exception_handler(RequestValidationError, _validation_error)


def _endpoint(query: canned.CannedQuery, store: ox.Store, union: bool):
    names = {f"p_{p.name}": p.name for p in query.params}

    async def endpoint(request: Request, **kwargs: Any) -> Response:
        values = {names[k]: v for k, v in kwargs.items() if k in names and v is not None}
        try:
            text = canned.bound_text(query, values)
        except canned.ParameterError as exc:
            return JSONResponse({"detail": str(exc)}, status_code=400)
        if kwargs.get("show") == "sparql":
            return PlainTextResponse(text, media_type="application/sparql-query")
        pool = getattr(request.app.state, "pool", None)
        try:
            answer = await _run_in_pool(pool, text, union) if pool else await run_in_threadpool(
                run_text, store, text, union)
        except QueryTimeout as exc:
            return JSONResponse({"detail": f"{exc}; narrow the parameters and try again"}, status_code=503,
                                headers={"Retry-After": "1"})
        except QueryError as exc:
            return JSONResponse({"detail": str(exc)}, status_code=exc.status)
        fmt = kwargs.get("format") or _negotiate(request.headers.get("accept", ""))
        body = serialize(answer, fmt, query.name)
        media = MEDIA_TYPES[fmt] + ("; charset=utf-8" if fmt in ("csv", "tsv") else "")
        return Response(body, media_type=media, headers={"X-Result-Rows": str(len(answer.rows))})

    parameters = [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request)]
    parameters += [_parameter(p) for p in query.params]
    parameters.append(inspect.Parameter(
        "format", inspect.Parameter.KEYWORD_ONLY, annotation=Literal[FORMATS] | None,  # type: ignore[valid-type]
        default=Query(None, description="Answer format; otherwise chosen from the Accept header (JSON by default)")))
    parameters.append(inspect.Parameter(
        "show", inspect.Parameter.KEYWORD_ONLY, annotation=Literal["sparql"] | None,
        default=Query(None, description="`sparql`: answer the SPARQL text that would run, parameters bound")))
    endpoint.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    endpoint.__name__ = f"canned_{query.name}"
    return endpoint


async def _run_in_pool(pool: Any, text: str, union: bool) -> Answer:
    """Run the bound query in the endpoint's worker pool (so the query timeout stops it) and read the rows back."""
    reply = await pool.run_async({"query": text, "union": union, "default_graph": None, "named_graphs": None,
                                  "accept": "application/sparql-results+json", "format": None, "base_iri": None})
    data = reply.head
    if reply.rest is not None:
        data += b"".join([chunk async for chunk in reply.rest])
    return answer_of(ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON), text)


def _parameter(p: canned.Param) -> inspect.Parameter:
    annotation: Any = str
    extra: dict[str, Any] = {}
    if p.allowed:
        annotation = Literal[tuple(str(a) for a in p.allowed)]  # type: ignore[valid-type]
    elif p.type == "integer":
        annotation = int
        extra = {"ge": p.minimum, "le": p.maximum}
    elif p.type == "date":
        annotation = date
    elif p.type in _PATTERNS:
        extra = {"pattern": _PATTERNS[p.type]}
    description = f"{p.description} (type: {p.type})"
    if p.required:
        default = Query(..., alias=p.name, description=description, **extra)
    else:
        annotation = annotation | None
        default = Query(p.default, alias=p.name, description=description, **extra)
    return inspect.Parameter(f"p_{p.name}", inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)


def _negotiate(accept: str) -> str:
    """The answer format for an Accept header: the first listed media type we serve, else JSON."""
    for part in accept.split(","):
        media = part.split(";")[0].strip().lower()
        if media in _BY_MEDIA:
            return _BY_MEDIA[media]
    return "json"


async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    """400 naming the parameter on the canned-query routes; FastAPI's own 422 everywhere else."""
    if not request.url.path.startswith(PREFIX + "/"):
        return await request_validation_exception_handler(request, exc)
    problems = [f"parameter {'.'.join(str(x) for x in e['loc'][1:])!r}: {e['msg']}" for e in exc.errors()]
    return JSONResponse({"detail": "; ".join(problems)}, status_code=400)


def _describe(q: canned.CannedQuery) -> dict[str, Any]:
    return {"name": q.name, "summary": q.summary, "description": q.description, "tags": q.tags,
            "path": f"{PREFIX}/{q.name}", "example": q.example,
            "params": [{"name": p.name, "type": p.type, "default": p.default, "required": p.required,
                        "description": p.description, "allowed": p.allowed} for p in q.params]}


def _doc(q: canned.CannedQuery) -> str:
    example = "&".join(f"{k}={v}" for k, v in q.example.items())
    return (f"{q.description}\n\nTags: {', '.join(q.tags)}. Example: `{PREFIX}/{q.name}"
            f"{'?' + example if example else ''}`. Add `show=sparql` to see the SPARQL.")
