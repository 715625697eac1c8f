"""Serving: turn settings into the endpoint's config, open the store, run granian with an access log.

Granian (a Rust HTTP server) answered a small query in about two thirds of uvicorn's time on the same app (wrk,
1 client: 0.61 against 0.85 ms). It runs the app in a worker process of its own, so the settings travel there in
an environment variable and `application()` opens the store and builds the app inside that process.
"""

from __future__ import annotations

import logging
import logging.handlers
import multiprocessing
import os
import socket
import sys
import threading
import time

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
    """Log to stderr; access-log lines are buffered and written at most every half second (one write per
    request cost a quarter of a small query's time), and at once on warnings and at exit."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
    access = logging.handlers.MemoryHandler(capacity=1024, flushLevel=logging.WARNING, target=handler)
    threading.Thread(target=_flush_every, args=(access, 0.5), daemon=True, name="cablegraph-access-log").start()
    for name, target in (("cablegraph.access", access), ("cablegraph.endpoint", handler)):
        logger = logging.getLogger(name)
        logger.handlers[:] = [target]
        logger.setLevel(logging.INFO)
        logger.propagate = False


def _flush_every(handler: logging.Handler, seconds: float) -> None:
    while True:
        time.sleep(seconds)
        handler.flush()


SETTINGS_ENV = "CABLEGRAPH_SERVE_SETTINGS"


def port_problem(host: str, port: int) -> str | None:
    """Why the server could not listen on host:port (None when it can). Checked before starting granian, which
    binds with SO_REUSEPORT: a second server on a busy port would share it instead of failing."""
    try:
        with socket.create_server((host, port)):
            return None
    except OSError as exc:
        return exc.strerror or str(exc)


def serve(settings: Settings) -> None:
    """Serve the endpoint until interrupted: granian's one worker process builds the app with `application`."""
    from granian import Granian
    from granian.constants import Interfaces, Loops

    os.environ[SETTINGS_ENV] = settings.model_dump_json()
    multiprocessing.set_start_method("spawn", force=True)  # a forked child inherits RocksDB's dead threads
    Granian("cablegraph.server:application", factory=True, interface=Interfaces.ASGI, address=settings.host,
            port=settings.port, workers=1, loop=Loops.uvloop, websockets=False, log_enabled=False,
            workers_kill_timeout=10).serve()


def application():
    """The ASGI app for the settings in the environment, over the store opened in this (granian's) process."""
    from endpoint.app import create_app

    settings = Settings.model_validate_json(os.environ[SETTINGS_ENV])
    _logging()
    return create_app(CableStore(settings.store).ox, endpoint_config(settings))
