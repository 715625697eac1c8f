"""Serving: turn settings into the endpoint's config, open the store, run uvicorn with an access log."""

from __future__ import annotations

import logging
import sys

from cablegraph.settings import Settings
from cablegraph.store import CableStore
from endpoint.config import EndpointConfig


def endpoint_config(settings: Settings) -> EndpointConfig:
    """The endpoint configuration for these settings."""
    return EndpointConfig(
        base=settings.base, union_default_graph=settings.default_graph == "union",
        store_path=str(settings.store.resolve()), query_timeout=settings.query_timeout, max_rows=settings.max_rows,
        max_request_bytes=settings.max_request_bytes, update_token=settings.update_token or None,
        service_allowlist=list(settings.service_allowlist), cors_origins=list(settings.cors_origins),
        workers=settings.workers)


def _logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
    for name in ("cablegraph.access", "cablegraph.endpoint"):
        logger = logging.getLogger(name)
        logger.handlers[:] = [handler]
        logger.setLevel(logging.INFO)
        logger.propagate = False


def serve(settings: Settings, cstore: CableStore) -> None:
    """Serve the endpoint over an open store until interrupted (uvloop/httptools when installed)."""
    import uvicorn

    from endpoint.app import create_app

    _logging()
    application = create_app(cstore.ox, endpoint_config(settings))
    uvicorn.run(application, host=settings.host, port=settings.port, log_level="warning", access_log=False)
