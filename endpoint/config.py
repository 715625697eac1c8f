"""What the endpoint needs to know besides the store: the composition root fills it from settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from ontology import terms as t

WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"


@dataclass
class EndpointConfig:
    """Endpoint options: IRI base, default graph, limits, write token, federation allowlist, CORS."""

    base: str = t.DEFAULT_BASE
    union_default_graph: bool = True
    store_path: str | None = None
    query_timeout: float = 30.0
    max_rows: int = 1_000_000
    max_request_bytes: int = 10 * 1024 * 1024
    update_token: str | None = None
    service_allowlist: list[str] = field(default_factory=lambda: [WIKIDATA_SPARQL])
    cors_origins: list[str] = field(default_factory=lambda: ["*"])
    workers: int = 2
