"""The query worker: a child process holding a read-only store handle that runs one query at a time.

Messages travel over a Unix socket as frames (a 4-byte big-endian length, then a pickle). The worker receives a
task dict and answers ("error", status, message), or ("head", media_type, bytes, done) followed by
("chunk", bytes) messages and ("end",) when the result is larger than one chunk. The parent may kill the
process at any moment (that is how a query timeout really stops the work).
"""

from __future__ import annotations

import pickle
import socket
import struct
import time
from typing import Any

import pyoxigraph as ox

from endpoint import negotiate
from ontology.terms import PREFIXES

CHUNK = 64 * 1024
HEADER = struct.Struct("!I")


def frame(message: Any) -> bytes:
    """One message as a frame: its length, then its pickle."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    return HEADER.pack(len(data)) + data


class Link:
    """The worker's end of its socket: blocking, framed messages."""

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.reader = sock.makefile("rb")

    def send(self, message: Any) -> None:
        """Send one message (blocks while the parent is not reading: that is the back-pressure)."""
        self.sock.sendall(frame(message))

    def recv(self) -> Any:
        """The next message, or None when the parent has closed the socket."""
        head = self.reader.read(HEADER.size)
        if len(head) < HEADER.size:
            return None
        data = self.reader.read(HEADER.unpack(head)[0])
        return pickle.loads(data)


class _ChunkWriter:
    """A binary file-like object that sends what pyoxigraph's serializers write in CHUNK-sized messages."""

    def __init__(self, conn, media: str) -> None:
        self.conn = conn
        self.media = media
        self.buffer = bytearray()
        self.started = False

    def write(self, data: bytes) -> int:
        self.buffer += data
        if len(self.buffer) >= CHUNK:
            self._send(done=False)
        return len(data)

    def flush(self) -> None:
        """Nothing to do: chunks are sent as they fill."""

    def _send(self, done: bool) -> None:
        data = bytes(self.buffer)
        self.buffer.clear()
        if not self.started:
            self.started = True
            self.conn.send(("head", self.media, data, done))
        elif data:
            self.conn.send(("chunk", data))

    def finish(self) -> None:
        """Send what is left and say the result is complete."""
        if not self.started:
            self._send(done=True)
            return
        self._send(done=False)
        self.conn.send(("end",))


def _graphs(iris: list[str] | None) -> list[ox.NamedNode] | None:
    return None if iris is None else [ox.NamedNode(i) for i in iris]


def run_query(store: ox.Store, task: dict[str, Any], conn) -> None:
    """Run one query task on `store` and answer on `conn` (see the module docstring for the messages)."""
    kwargs: dict[str, Any] = {"base_iri": task.get("base_iri")}
    if task.get("default_graph") is not None or task.get("named_graphs") is not None:
        kwargs["default_graph"] = _graphs(task.get("default_graph") or [])
        if task.get("named_graphs") is not None:
            kwargs["named_graphs"] = _graphs(task["named_graphs"])
    else:
        kwargs["use_default_graph_as_union"] = bool(task.get("union"))
    try:
        result = store.query(task["query"], **kwargs)
    except SyntaxError as exc:
        conn.send(("error", 400, f"SPARQL syntax error: {exc}"))
        return
    except (ValueError, TypeError) as exc:
        conn.send(("error", 400, f"invalid request: {exc}"))
        return
    except OSError as exc:
        if _stale(exc):
            raise StaleHandle(str(exc)) from exc
        conn.send(("error", 502 if "SERVICE" in str(exc).upper() else 500, f"query failed: {exc}"))
        return
    kind = "graph" if isinstance(result, ox.QueryTriples) else (
        "boolean" if isinstance(result, ox.QueryBoolean) else "solutions")
    try:
        media = negotiate.negotiate(kind, task.get("accept"), task.get("format"))
    except negotiate.NotAcceptable as exc:
        conn.send(("error", 406, str(exc)))
        return
    writer = _ChunkWriter(conn, media)
    try:
        if kind == "graph":
            ox.serialize(result, writer, format=negotiate.GRAPH[media], prefixes=PREFIXES)
        else:
            result.serialize(writer, format=(negotiate.BOOLEAN if kind == "boolean" else negotiate.SOLUTIONS)[media])
    except OSError as exc:
        if writer.started:
            conn.send(("fail", f"query failed while writing results: {exc}"))
        elif _stale(exc):
            raise StaleHandle(str(exc)) from exc
        else:
            conn.send(("error", 500, f"query failed: {exc}"))
        return
    writer.finish()


class StaleHandle(OSError):
    """The read-only handle lost a file to the writer's compaction before anything was sent: reopen, run again."""


def _stale(exc: OSError) -> bool:
    return "No such file or directory" in str(exc)


def open_read_only(store_path: str, attempts: int = 50) -> ox.Store:
    """A read-only handle on the store, retried while the writer's compaction swaps files under it."""
    for attempt in range(attempts):
        try:
            return ox.Store.read_only(store_path)
        except (OSError, RuntimeError):
            if attempt == attempts - 1:
                raise
            time.sleep(0.02)
    raise AssertionError("unreachable")


def main(sock: socket.socket, store_path: str) -> None:
    """The worker loop: open the store read-only, then run tasks until the socket closes."""
    conn = Link(sock)
    store = open_read_only(store_path)
    generation = 0
    while True:
        try:
            task = conn.recv()
        except OSError:
            return
        if task is None:
            return
        for attempt in range(3):  # a read-only handle sees a snapshot whose files compaction may delete
            try:
                if task.get("generation", 0) != generation or store is None:
                    store = open_read_only(store_path)
                    generation = task.get("generation", 0)
                run_query(store, task, conn)
                break
            except StaleHandle:
                store = None  # reopened on the next attempt, which sees the files compaction left
                if attempt == 2:
                    conn.send(("error", 503, "the store is changing under the query; please retry"))
            except Exception as exc:  # noqa: BLE001 - the worker must answer, whatever happened
                store = None
                conn.send(("error", 503, f"the store is changing; please retry ({type(exc).__name__})"))
                break
