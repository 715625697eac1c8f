"""The SPARQL 1.1 Protocol: read a query or update request, run it, and answer (streamed, negotiated, safe)."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import parse_qsl

from fastapi import Request
from fastapi.responses import PlainTextResponse, Response, StreamingResponse
from starlette.datastructures import URL

from endpoint import negotiate, sparql_text
from endpoint.config import EndpointConfig
from endpoint.inline import InlinePool
from endpoint.pool import QueryError, QueryPool, QueryTimeout
from endpoint.writer import Writer

log = logging.getLogger("cablegraph.endpoint")
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
FORM_TYPE = "application/x-www-form-urlencoded"


class ProtocolError(Exception):
    """A request the protocol does not allow; `status` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Operation:
    """One protocol request: a query, an update, or a request for the service description."""

    kind: str
    text: str = ""
    params: dict[str, list[str]] = field(default_factory=dict)

    def one(self, name: str) -> str | None:
        """The single value of a parameter (None when absent)."""
        values = self.params.get(name) or []
        return values[0] if values else None

    def many(self, name: str) -> list[str]:
        """Every value of a repeatable parameter."""
        return list(self.params.get(name) or [])


def error(status: int, message: str, headers: dict[str, str] | None = None) -> PlainTextResponse:
    """A plain-text error answer (never a stack trace)."""
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


def _collect(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, value in pairs:
        out.setdefault(key, []).append(value)
    return out


def _media(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    parts = [p.strip() for p in header.split(";")]
    charset = None
    for part in parts[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return parts[0].lower(), charset


def _utf8(body: bytes, charset: str | None) -> str:
    if charset not in (None, "utf-8", "utf8"):
        raise ProtocolError(415, f"only UTF-8 is accepted, not charset={charset}")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, f"the request body is not valid UTF-8: {exc}") from exc


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 when it is larger than `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise ProtocolError(413, f"the request body is larger than the limit of {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ProtocolError(413, f"the request body is larger than the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def read_get(request: Request) -> Operation:
    """The operation of a GET: a query, or the service description when there is no query."""
    return read_params(_collect(request.query_params.multi_items()))


@lru_cache(maxsize=1024)
def read_query_string(query_string: bytes) -> Operation:
    """The operation of a GET from its raw query string (as the ASGI scope carries it; parsed once per string:
    percent-decoding a long query costs more than running a small one). Shared between requests: read it only."""
    return read_params(_collect(parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)))


def read_params(params: dict[str, list[str]]) -> Operation:
    """The operation of a GET from its parameters."""
    if "update" in params:
        raise ProtocolError(405, "SPARQL Update must be sent with POST")
    return _checked(Operation("query" if "query" in params else "description", "", params))


async def read_post(request: Request, limit: int) -> Operation:
    """The operation of a POST: a form (query= or update=) or a query/update directly in the body."""
    media, charset = _media(request.headers.get("content-type"))
    body = await read_body(request, limit)
    params = _collect(request.query_params.multi_items())
    if media == FORM_TYPE:
        form = _collect(parse_qsl(_utf8(body, charset), keep_blank_values=True))
        for key, values in form.items():
            params.setdefault(key, []).extend(values)
        if "query" in params and "update" in params:
            raise ProtocolError(400, "a request carries either a query or an update, not both")
        kind = "update" if "update" in params else "query"
        if kind not in params:
            raise ProtocolError(400, "the form has neither a 'query' nor an 'update' parameter")
        return _checked(Operation(kind, "", params))
    if media == QUERY_TYPE:
        params["query"] = [_utf8(body, charset)] + params.get("query", [])
        return _checked(Operation("query", "", params))
    if media == UPDATE_TYPE:
        params["update"] = [_utf8(body, charset)] + params.get("update", [])
        return _checked(Operation("update", "", params))
    if not media:
        raise ProtocolError(400, "a POST needs a Content-Type: application/x-www-form-urlencoded, "
                                 f"{QUERY_TYPE} or {UPDATE_TYPE}")
    raise ProtocolError(415, f"unsupported Content-Type {media}: use {FORM_TYPE}, {QUERY_TYPE} or {UPDATE_TYPE}")


def _checked(op: Operation) -> Operation:
    if op.kind == "description":
        return op
    values = op.params.get(op.kind) or []
    if len(values) != 1:
        raise ProtocolError(400, f"exactly one '{op.kind}' parameter is allowed, got {len(values)}")
    if not values[0].strip():
        raise ProtocolError(400, f"the '{op.kind}' parameter is empty")
    op.text = values[0]
    return op


def endpoint_iri(scope: dict) -> str:
    """The IRI of the endpoint itself from a request's ASGI scope (the base IRI for relative IRIs in queries and
    updates)."""
    return str(URL(scope=scope).replace(query="", fragment=""))


@lru_cache(maxsize=2048)
def _prepared(text: str, max_rows: int, allowlist: tuple[str, ...]) -> tuple[str, str | None]:
    refusal = sparql_text.service_refusal(text, list(allowlist))
    return (sparql_text.cap_rows(text, max_rows) if max_rows else text), refusal


async def run_query(op: Operation, accept: str | None, base_iri: str, pool: QueryPool | InlinePool,
                    config: EndpointConfig) -> Response:
    """Answer a query: check SERVICE, cap the rows, run it in a worker, stream the negotiated result.

    `accept` is the request's Accept header and `base_iri` the endpoint's IRI (see `endpoint_iri`).
    """
    text, refusal = _prepared(op.text, config.max_rows, tuple(config.service_allowlist))
    if refusal:
        return error(403, refusal)
    default_graphs, named_graphs = op.many("default-graph-uri"), op.many("named-graph-uri")
    explicit = bool(default_graphs or named_graphs)
    task = {
        "query": text,
        "default_graph": default_graphs if explicit else None,
        "named_graphs": named_graphs if explicit else None,
        "union": config.union_default_graph and not explicit,
        "accept": accept,
        "format": op.one("format") or op.one("output"),
        "base_iri": base_iri,
    }
    try:
        answer = await pool.run_async(task)
    except QueryTimeout as exc:
        return error(503, f"{exc}. Narrow the query (LIMIT, more specific patterns) and try again.",
                     {"Retry-After": "1"})
    except QueryError as exc:
        return error(exc.status, str(exc))
    headers = {"Vary": "Accept"}
    if config.max_rows:
        headers["X-Max-Rows"] = str(config.max_rows)
    ctype = negotiate.content_type(answer.media)
    if answer.rest is None:
        return Response(answer.head, headers=headers, media_type=ctype)

    async def body():
        yield answer.head
        async for chunk in answer.rest:
            yield chunk

    return StreamingResponse(body(), headers=headers, media_type=ctype)


def authorized(request: Request, config: EndpointConfig) -> Response | None:
    """None when the request may write; otherwise the 401/403 answer (no token configured: writes refused)."""
    if not config.update_token:
        return error(403, "writes are disabled: start the server with --update-token TOKEN "
                          "(or CABLEGRAPH_UPDATE_TOKEN) to allow updates")
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token:
        return error(401, "writes need an Authorization: Bearer TOKEN header", {"WWW-Authenticate": "Bearer"})
    if not secrets.compare_digest(token.strip().encode(), config.update_token.encode()):
        return error(403, "wrong update token")
    return None


def run_update(op: Operation, request: Request, writer: Writer, config: EndpointConfig) -> Response:
    """Answer an update: check the token, apply using-graph-uri, run it on the writable store."""
    denied = authorized(request, config)
    if denied is not None:
        return denied
    try:
        text = sparql_text.add_using(op.text, op.many("using-graph-uri"), op.many("using-named-graph-uri"))
    except sparql_text.DatasetConflict as exc:
        return error(400, str(exc))
    refusal = sparql_text.service_refusal(text, config.service_allowlist)
    if refusal:
        return error(403, refusal)
    try:
        writer.update(text, endpoint_iri(request.scope))
    except SyntaxError as exc:
        return error(400, f"SPARQL Update syntax error: {exc}")
    except (OSError, ValueError, RuntimeError) as exc:
        log.warning("update failed: %s", exc)
        return error(500, f"the update failed: {exc}")
    return Response(status_code=204)
