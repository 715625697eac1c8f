"""Settings from the environment (CABLEGRAPH_*) with sensible defaults; CLI options override them."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

from ontology.terms import DEFAULT_BASE


class Settings(BaseSettings):
    """Where the store lives, the IRI base, and how the endpoint serves."""

    model_config = SettingsConfigDict(env_prefix="CABLEGRAPH_")

    store: Path = Path("./cablegraph-store")
    base: str = DEFAULT_BASE
    host: str = "127.0.0.1"
    port: int = 8000
    query_timeout: float = 30.0
    max_rows: int = 1_000_000
    update_token: str | None = None
