"""Settings from the environment (CABLEGRAPH_*) with sensible defaults; CLI options override them."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic_settings import BaseSettings, SettingsConfigDict

from ontology.terms import DEFAULT_BASE

WIKIDATA_SPARQL = "https://query.wikidata.org/sparql"


class Settings(BaseSettings):
    """Where the store lives, the IRI base, and how the endpoint serves (limits, writes, federation, CORS).

    Lists (service_allowlist, cors_origins) are read from the environment as JSON, e.g.
    CABLEGRAPH_CORS_ORIGINS='["https://example.org"]'.
    """

    model_config = SettingsConfigDict(env_prefix="CABLEGRAPH_")

    store: Path = Path("./cablegraph-store")
    base: str = DEFAULT_BASE
    host: str = "127.0.0.1"
    port: int = 8000
    default_graph: Literal["union", "stored"] = "union"
    query_timeout: float = 30.0
    max_rows: int = 1_000_000
    max_request_bytes: int = 10 * 1024 * 1024
    workers: int = 2
    update_token: str | None = None
    service_allowlist: list[str] = [WIKIDATA_SPARQL]
    cors_origins: list[str] = ["*"]
