"""The SPARQL 1.1 Graph Store HTTP Protocol at /rdf-graphs (?graph=IRI or ?default): read for all, write with
the update token."""

from __future__ import annotations

import pyoxigraph as ox
from fastapi import Request
from fastapi.responses import Response

from endpoint import negotiate
from endpoint.config import EndpointConfig
from endpoint.sparql import ProtocolError, authorized, error, read_body
from endpoint.writer import Writer


def target(request: Request) -> ox.NamedNode | ox.DefaultGraph:
    """The graph a request names: ?graph=IRI or ?default (exactly one)."""
    params = request.query_params
    graphs = params.getlist("graph")
    if "default" in params and not graphs:
        return ox.DefaultGraph()
    if len(graphs) == 1 and "default" not in params:
        try:
            return ox.NamedNode(graphs[0])
        except ValueError as exc:
            raise ProtocolError(400, f"graph is not a valid IRI: {exc}") from exc
    raise ProtocolError(400, "name exactly one graph: ?graph=IRI or ?default")


def _exists(store: ox.Store, graph) -> bool:
    return isinstance(graph, ox.DefaultGraph) or store.contains_named_graph(graph)


def read(request: Request, store: ox.Store) -> Response:
    """GET/HEAD: the graph's triples in the negotiated syntax (404 when the named graph does not exist)."""
    graph = target(request)
    if not _exists(store, graph):
        return error(404, f"no graph {graph}")
    try:
        media = negotiate.negotiate("graph", request.headers.get("accept"), request.query_params.get("format"))
    except negotiate.NotAcceptable as exc:
        return error(406, str(exc))
    fmt = negotiate.GRAPH[media]
    if fmt.supports_datasets:
        fmt, media = ox.RdfFormat.N_TRIPLES, "application/n-triples"
    data = store.dump(format=fmt, from_graph=graph)
    return Response(b"" if request.method == "HEAD" else data, media_type=negotiate.content_type(media))


async def write(request: Request, writer: Writer, config: EndpointConfig) -> Response:
    """PUT (replace), POST (add) or DELETE a graph; needs the update token."""
    denied = authorized(request, config)
    if denied is not None:
        return denied
    graph = target(request)
    existed = _exists(writer.store, graph)
    if request.method == "DELETE":
        if not existed:
            return error(404, f"no graph {graph}")
        writer.drop_graph(graph)
        return Response(status_code=204)
    media = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    fmt = ox.RdfFormat.from_media_type(media) if media else None
    if fmt is None:
        return error(415, f"unsupported Content-Type {media or '(none)'}: send an RDF syntax such as text/turtle")
    body = await read_body(request, config.max_request_bytes)
    base = graph.value if isinstance(graph, ox.NamedNode) else None
    try:
        parsed = list(ox.parse(body, format=fmt, base_iri=base))
    except SyntaxError as exc:
        return error(400, f"cannot parse the {media} body: {exc}")
    quads = [ox.Quad(q.subject, q.predicate, q.object, graph) for q in parsed]
    writer.replace_graph(graph, quads, replace=request.method == "PUT")
    return Response(status_code=204 if existed else 201)
