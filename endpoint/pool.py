"""Queries in worker processes that can be killed: the query timeout that really stops the work.

Each worker holds a read-only handle on the store directory (pyoxigraph has no query timeout, so the only way
to stop a runaway query is to end its process). A query that outlives its deadline gets its worker killed and
replaced; the other workers keep answering. After a write through the one writable handle, `refresh()` makes
every worker reopen its handle before its next query (read-only handles see a snapshot).
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing as mp
import os
import queue
import threading
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from endpoint import worker

log = logging.getLogger("cablegraph.endpoint")


class QueryTimeout(RuntimeError):
    """The query ran past its deadline (its worker was killed) or no worker became free in time."""


class QueryError(RuntimeError):
    """The query was refused or failed; `status` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Answer:
    """The start of a query's answer: its media type, first bytes, and the rest (None when complete)."""

    media: str
    head: bytes
    rest: AsyncIterator[bytes] | None = field(default=None)


class _Worker:
    def __init__(self, ctx, store_path: str) -> None:
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=worker.main, args=(child, store_path), daemon=True,
                                   name="cablegraph-query")
        self.process.start()
        child.close()

    def kill(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class QueryPool:
    """A fixed number of query worker processes over one store directory."""

    def __init__(self, store_path: str, workers: int = 2, timeout: float = 30.0) -> None:
        self.store_path = store_path
        self.timeout = timeout
        self.size = max(1, workers)
        self.generation = 0
        self.timeouts = 0
        self._ctx = mp.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(self.size):
            self._idle.put(_Worker(self._ctx, store_path))

    def refresh(self) -> None:
        """Make every worker reopen its read-only handle before its next query (call after each write)."""
        with self._lock:
            self.generation += 1

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        while True:
            try:
                self._idle.get_nowait().kill()
            except queue.Empty:
                return

    def _replace(self, dead: _Worker) -> None:
        dead.kill()
        if not self._closed:
            threading.Thread(target=lambda: self._idle.put(_Worker(self._ctx, self.store_path)),
                             daemon=True).start()

    def _release(self, w: _Worker) -> None:
        if w.process.is_alive():
            self._idle.put(w)
        else:
            self._replace(w)

    async def run_async(self, task: dict[str, Any], timeout: float | None = None) -> Answer:
        """Run a query task (see endpoint.worker) within the timeout, without blocking the event loop.

        The pipe is watched with the loop's add_reader, so no thread waits per query. Returns the answer's first
        chunk, with the rest as an async iterator when there is more; raises QueryTimeout or QueryError.
        """
        loop = asyncio.get_running_loop()
        limit = self.timeout if timeout is None else timeout
        deadline = loop.time() + limit
        try:
            w = self._idle.get_nowait()
        except queue.Empty:
            try:
                w = await asyncio.to_thread(self._idle.get, True, limit)
            except queue.Empty as exc:
                self.timeouts += 1
                raise QueryTimeout(f"no query worker became free within {limit:g} s; the server is busy") from exc
        task = {**task, "generation": self.generation}
        try:
            w.conn.send(task)
            msg = await self._recv_async(w, deadline, limit)
        except BaseException:
            self._replace(w)
            raise
        if msg[0] == "error":
            self._release(w)
            raise QueryError(msg[1], msg[2])
        _, media, data, done = msg
        if done:
            self._release(w)
            return Answer(media, data)
        return Answer(media, data, self._stream_async(w, deadline, limit))

    async def _recv_async(self, w: _Worker, deadline: float, limit: float) -> tuple:
        loop = asyncio.get_running_loop()
        if loop.time() >= deadline:  # checked first: a slow reader must not stretch the deadline
            self.timeouts += 1
            raise QueryTimeout(f"the query was stopped after the {limit:g} s timeout")
        if not w.conn.poll():
            ready = loop.create_future()
            fd = w.conn.fileno()
            loop.add_reader(fd, lambda: ready.done() or ready.set_result(None))
            try:
                await asyncio.wait_for(ready, max(0.0, deadline - loop.time()))
            except TimeoutError as exc:
                self.timeouts += 1
                raise QueryTimeout(f"the query was stopped after the {limit:g} s timeout") from exc
            finally:
                loop.remove_reader(fd)
                os.set_blocking(fd, True)  # the loop made it non-blocking; recv() reads whole messages
        try:
            return w.conn.recv()
        except EOFError as exc:
            raise QueryError(500, "the query worker died") from exc

    async def _stream_async(self, w: _Worker, deadline: float, limit: float) -> AsyncIterator[bytes]:
        finished = False
        try:
            while True:
                msg = await self._recv_async(w, deadline, limit)
                if msg[0] == "chunk":
                    yield msg[1]
                elif msg[0] == "end":
                    finished = True
                    return
                else:
                    log.warning("query failed while streaming: %s", msg[1])
                    finished = True
                    return
        except QueryTimeout:
            log.warning("query stopped mid-stream after the %g s timeout: the response is cut off", limit)
            raise  # the connection is dropped, so the client cannot take a cut result for a whole one
        finally:
            if finished:
                self._release(w)
            else:
                self._replace(w)
