"""Queries in worker processes that can be killed: the query timeout that really stops the work.

Each worker holds a read-only handle on the store directory (pyoxigraph has no query timeout, so the only way
to stop a runaway query is to end its process). A query that outlives its deadline gets its worker killed and
replaced; the other workers keep answering. After a write through the one writable handle, `refresh()` makes
every worker reopen its handle before its next query (read-only handles see a snapshot).

The parent talks to each worker over a Unix socket read by the event loop itself (an asyncio protocol that
parses frames as they arrive), so a query costs two socket writes and no thread: this is the hot path of the
endpoint. The pool belongs to the one event loop that first uses it.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing as mp
import pickle
import socket
import threading
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from endpoint import worker

log = logging.getLogger("cablegraph.endpoint")
PAUSE_AT = 8  # parsed messages waiting for a slow consumer before the worker's socket stops being read


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


class _Link(asyncio.Protocol):
    """The parent's end of a worker's socket: frames parsed as they arrive and handed to the one waiting query."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.messages: deque[Any] = deque()
        self.waiter: asyncio.Future | None = None
        self.transport: asyncio.Transport | None = None
        self.closed = False
        self.paused = False

    def connection_made(self, transport) -> None:
        """Keep the transport (asyncio calls this once)."""
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        """Parse the complete frames received so far; stop reading while too many wait for a slow client."""
        buf = self.buffer
        buf += data
        size = worker.HEADER.size
        while len(buf) >= size:
            (length,) = worker.HEADER.unpack_from(buf)
            if len(buf) < size + length:
                break
            self.messages.append(pickle.loads(buf[size:size + length]))
            del buf[:size + length]
        if len(self.messages) >= PAUSE_AT and not self.paused:
            self.paused = True
            self.transport.pause_reading()
        self._wake()

    def connection_lost(self, exc: Exception | None) -> None:
        """The worker is gone: wake whoever waits, so that it sees EOFError."""
        self.closed = True
        self._wake()

    def _wake(self) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(None)

    def send(self, message: Any) -> None:
        """Send one message to the worker."""
        self.transport.write(worker.frame(message))

    async def next(self) -> Any:
        """The worker's next message (EOFError when it died)."""
        while not self.messages:
            if self.closed:
                raise EOFError("the query worker closed its socket")
            self.waiter = asyncio.get_running_loop().create_future()
            try:
                await self.waiter
            finally:
                self.waiter = None
        message = self.messages.popleft()
        if self.paused and len(self.messages) < PAUSE_AT // 2:
            self.paused = False
            self.transport.resume_reading()
        return message


class _Worker:
    def __init__(self, ctx, store_path: str) -> None:
        self.sock, child = socket.socketpair()
        self.process = ctx.Process(target=worker.main, args=(child, store_path), daemon=True,
                                   name="cablegraph-query")
        self.process.start()
        child.close()
        self.link: _Link | None = None

    async def attach(self) -> _Link:
        """The worker's link on the running loop (made on first use)."""
        if self.link is None:
            loop = asyncio.get_running_loop()
            _, self.link = await loop.create_unix_connection(_Link, sock=self.sock)
        return self.link

    def kill(self) -> None:
        self.process.kill()
        self.process.join(timeout=5)
        if self.link is not None and self.link.transport is not None:
            self.link.transport.close()
        else:
            self.sock.close()


class QueryPool:
    """A fixed number of query worker processes over one store directory."""

    def __init__(self, store_path: str, workers: int = 2, timeout: float = 30.0) -> None:
        self.store_path = store_path
        self.timeout = timeout
        self.size = max(1, workers)
        self.generation = 0
        self.timeouts = 0
        self._ctx = mp.get_context("spawn")
        self._idle: deque[_Worker] = deque(_Worker(self._ctx, store_path) for _ in range(self.size))
        self._busy: set[_Worker] = set()
        self._waiting: deque[asyncio.Future] = deque()
        self._closed = False

    def refresh(self) -> None:
        """Make every worker reopen its read-only handle before its next query (call after each write)."""
        self.generation += 1

    def close(self) -> None:
        """Stop every worker."""
        self._closed = True
        for w in [*self._idle, *self._busy]:
            w.kill()
        self._idle.clear()
        self._busy.clear()

    async def _acquire(self, limit: float) -> _Worker:
        if self._idle:
            w = self._idle.popleft()
        else:
            ready = asyncio.get_running_loop().create_future()
            self._waiting.append(ready)
            try:
                async with asyncio.timeout(limit):
                    w = await ready
            except TimeoutError as exc:
                if ready.done() and not ready.cancelled():
                    self._release(ready.result())
                self.timeouts += 1
                raise QueryTimeout(f"no query worker became free within {limit:g} s; the server is busy") from exc
        self._busy.add(w)
        return w

    def _release(self, w: _Worker) -> None:
        self._busy.discard(w)
        if self._closed:
            w.kill()
            return
        while self._waiting:
            ready = self._waiting.popleft()
            if not ready.done():
                self._busy.add(w)
                ready.set_result(w)
                return
        self._idle.append(w)

    def _replace(self, dead: _Worker) -> None:
        self._busy.discard(dead)
        dead.kill()
        if self._closed:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # an abandoned stream closed outside the loop: the next query waits for no one
            return

        def start() -> None:  # spawning takes a while: not on the event loop
            fresh = _Worker(self._ctx, self.store_path)
            loop.call_soon_threadsafe(self._release, fresh)

        threading.Thread(target=start, daemon=True, name="cablegraph-respawn").start()

    async def run_async(self, task: dict[str, Any], timeout: float | None = None) -> Answer:
        """Run a query task (see endpoint.worker) within the timeout, without blocking the event loop.

        Returns the answer's first chunk, with the rest as an async iterator when there is more; raises
        QueryTimeout (the worker is killed) or QueryError.
        """
        loop = asyncio.get_running_loop()
        limit = self.timeout if timeout is None else timeout
        deadline = loop.time() + limit
        w = await self._acquire(limit)
        try:
            link = await w.attach()
            link.send({**task, "generation": self.generation})
            msg = await self._next(link, deadline, limit)
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
        return Answer(media, data, self._stream(w, link, deadline, limit))

    async def _next(self, link: _Link, deadline: float, limit: float) -> tuple:
        if asyncio.get_running_loop().time() >= deadline:  # first: a slow reader must not stretch the deadline
            self.timeouts += 1
            raise QueryTimeout(f"the query was stopped after the {limit:g} s timeout")
        if link.messages:  # already here: no timer needed
            return await link.next()
        try:
            async with asyncio.timeout_at(deadline):
                return await link.next()
        except TimeoutError as exc:
            self.timeouts += 1
            raise QueryTimeout(f"the query was stopped after the {limit:g} s timeout") from exc
        except EOFError as exc:
            raise QueryError(500, "the query worker died") from exc

    async def _stream(self, w: _Worker, link: _Link, deadline: float, limit: float) -> AsyncIterator[bytes]:
        finished = False
        try:
            while True:
                msg = await self._next(link, deadline, limit)
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
