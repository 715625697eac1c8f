"""Observability: Prometheus metrics (requests, latencies, timeouts) and one access-log line per request."""

from __future__ import annotations

import logging
import time
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Histogram, generate_latest

access_log = logging.getLogger("cablegraph.access")


class Metrics:
    """The endpoint's metrics, in a registry of their own (one per app)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter("cablegraph_http_requests", "HTTP requests answered",
                                ["method", "route", "status"], registry=self.registry)
        self.latency = Histogram("cablegraph_http_request_seconds", "Time to answer an HTTP request (to the end "
                                 "of the body)", ["route"], registry=self.registry,
                                 buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30))
        self.timeouts = Counter("cablegraph_query_timeouts", "Queries stopped at the timeout",
                                registry=self.registry)

    def render(self) -> tuple[bytes, str]:
        """The metrics in Prometheus' text format, and its content type."""
        return generate_latest(self.registry), CONTENT_TYPE_LATEST


class ObserveMiddleware:
    """A pure ASGI middleware: counts and times every request and writes its access-log line."""

    def __init__(self, app, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics
        self._counters: dict[tuple[str, str, int], Any] = {}  # labelled children, looked up once
        self._histograms: dict[str, Any] = {}

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        state = {"status": 500, "bytes": 0}

        async def send_wrapper(message) -> None:
            if message["type"] == "http.response.start":
                state["status"] = message["status"]
            elif message["type"] == "http.response.body":
                state["bytes"] += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            elapsed = time.perf_counter() - start
            route = getattr(scope.get("route"), "path", None) or "other"
            key = (scope["method"], route, state["status"])
            counter = self._counters.get(key)
            if counter is None:
                counter = self._counters[key] = self.metrics.requests.labels(key[0], route, str(key[2]))
            counter.inc()
            histogram = self._histograms.get(route)
            if histogram is None:
                histogram = self._histograms[route] = self.metrics.latency.labels(route)
            histogram.observe(elapsed)
            if access_log.isEnabledFor(logging.INFO):
                query = scope.get("query_string", b"").decode("latin-1")
                target = scope["path"] + ("?" + query if query else "")
                if len(target) > 300:
                    target = target[:300] + "..."
                client = scope.get("client") or ("-", 0)
                # makeRecord + handle: the same record as .info() without its search of the call stack
                access_log.handle(access_log.makeRecord(
                    access_log.name, logging.INFO, __file__, 0, '%s "%s %s" %d %dB %.1fms',
                    (client[0], scope["method"], target, state["status"], state["bytes"], elapsed * 1000), None))
