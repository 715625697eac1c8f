"""Content negotiation: an Accept header parser with q-values, the result media types, the `format` parameter."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

# Media types the endpoint can write, in the server's order of preference for each kind of result.
SOLUTIONS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}
BOOLEAN: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}
GRAPH: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/n-quads": ox.RdfFormat.N_QUADS,
    "application/trig": ox.RdfFormat.TRIG,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "text/plain": ox.RdfFormat.N_TRIPLES,
    "application/json": ox.RdfFormat.JSON_LD,
}
HTML = "text/html"

# Short names accepted by the `format` parameter (as Fuseki, Virtuoso and YASGUI users write them).
FORMAT_NAMES: dict[str, str] = {
    "json": "application/sparql-results+json", "srj": "application/sparql-results+json",
    "xml": "application/sparql-results+xml", "srx": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values",
    "turtle": "text/turtle", "ttl": "text/turtle",
    "ntriples": "application/n-triples", "n-triples": "application/n-triples", "nt": "application/n-triples",
    "nquads": "application/n-quads", "n-quads": "application/n-quads", "nq": "application/n-quads",
    "trig": "application/trig", "rdfxml": "application/rdf+xml", "rdf+xml": "application/rdf+xml",
    "rdf": "application/rdf+xml", "jsonld": "application/ld+json", "json-ld": "application/ld+json",
    "html": HTML,
}
# When a short name is ambiguous between kinds (xml, json), the graph flavour of the same syntax.
_GRAPH_ALIASES = {"application/sparql-results+xml": "application/rdf+xml",
                  "application/sparql-results+json": "application/ld+json"}
TEXT_TYPES = {"text/csv", "text/tab-separated-values", "text/turtle", "text/plain", "application/n-triples",
              "application/n-quads", "application/trig", "text/html"}


class NotAcceptable(ValueError):
    """Nothing the client accepts can be produced; the message lists what can."""


@dataclass(frozen=True)
class MediaRange:
    """One entry of an Accept header."""

    type: str
    subtype: str
    q: float

    def matches(self, media: str) -> int:
        """How specifically this range matches a media type: 2 exact, 1 type/*, 0 */*, -1 no match."""
        mtype, _, msub = media.partition("/")
        if self.type == "*" and self.subtype == "*":
            return 0
        if self.type == mtype and self.subtype == "*":
            return 1
        if self.type == mtype and self.subtype == msub:
            return 2
        return -1


def parse_accept(header: str) -> list[MediaRange]:
    """Parse an Accept header into media ranges (malformed entries are skipped, q clamped to 0..1)."""
    ranges = []
    for part in header.split(","):
        pieces = [p.strip() for p in part.split(";")]
        media = pieces[0].lower()
        if "/" not in media:
            if media == "*":
                media = "*/*"
            else:
                continue
        mtype, _, msub = media.partition("/")
        q = 1.0
        for param in pieces[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(1.0, max(0.0, float(value.strip())))
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(mtype.strip(), msub.strip(), q))
    return ranges


def quality(ranges: list[MediaRange], media: str) -> float:
    """The q-value the client gives a media type: that of the most specific matching range (0 when none)."""
    best, q = -1, 0.0
    for r in ranges:
        spec = r.matches(media)
        if spec > best:
            best, q = spec, r.q
    return q if best >= 0 else 0.0


def choose(accept: str | None, offers: list[str]) -> str:
    """The offered media type the client prefers (ties go to the server's order); NotAcceptable when none."""
    if not accept or not accept.strip():
        return offers[0]
    ranges = parse_accept(accept)
    if not ranges:
        return offers[0]
    best, best_q = None, 0.0
    for media in offers:
        q = quality(ranges, media)
        if q > best_q:
            best, best_q = media, q
    if best is None:
        raise NotAcceptable(f"none of the acceptable types ({accept}) can be produced here; available: "
                            + ", ".join(offers))
    return best


def negotiate(kind: str, accept: str | None, fmt: str | None) -> str:
    """The media type for a result of `kind` (solutions, boolean, graph) from a `format` parameter or Accept."""
    table = {"solutions": SOLUTIONS, "boolean": BOOLEAN, "graph": GRAPH}[kind]
    offers = list(table)
    if fmt:
        name = fmt.strip().lower()
        media = FORMAT_NAMES.get(name, name.split(";")[0].strip())
        if kind == "graph":
            media = _GRAPH_ALIASES.get(media, media)
        if media not in table:
            raise NotAcceptable(f"format {fmt!r} is not available for this query; available: " + ", ".join(offers))
        return media
    return choose(accept, offers)


def content_type(media: str) -> str:
    """The Content-Type header value for a media type (text types say they are UTF-8)."""
    return f"{media}; charset=utf-8" if media in TEXT_TYPES else media
