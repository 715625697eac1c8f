"""Queries in this process (an in-memory store, or `--workers 0`): faster, but no timeout can stop them."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from endpoint import worker
from endpoint.pool import Answer, QueryError


class _Collect:
    def __init__(self) -> None:
        self.messages: list[tuple] = []

    def send(self, message: tuple) -> None:
        self.messages.append(message)


class InlinePool:
    """The QueryPool interface over a store in this process."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.timeouts = 0

    def run(self, task: dict[str, Any], timeout: float | None = None) -> Answer:
        """Run a query task and return its whole answer (QueryError when refused)."""
        conn = _Collect()
        worker.run_query(self.store, task, conn)
        first = conn.messages[0]
        if first[0] == "error":
            raise QueryError(first[1], first[2])
        rest = [m[1] for m in conn.messages[1:] if m[0] == "chunk"]
        return Answer(first[1], first[2] + b"".join(rest))

    async def run_async(self, task: dict[str, Any], timeout: float | None = None) -> Answer:
        """`run` for the event loop: the query runs in a thread of the pool (no timeout can stop it)."""
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(self.run, task, timeout)

    def refresh(self) -> None:
        """Nothing to refresh: the store is the writable one."""

    def close(self) -> None:
        """Nothing to close."""
