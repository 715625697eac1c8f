"""Shared fixtures: the sample store (ingested once per session) and a live server on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
DAWN = SAMPLES / "dawn" / "06ISLAMABAD10261.txt"


def run_cli(*args: str, check: bool = True, **kwargs) -> subprocess.CompletedProcess:
    """Run `python -m cablegraph ARGS` from the repository root and return the completed process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "cablegraph", *args],
        cwd=ROOT,
        env=env,
        text=True,
        capture_output=True,
        **kwargs,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"cablegraph {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory) -> Path:
    """A store with every bundled sample ingested."""
    store = tmp_path_factory.mktemp("samples") / "store"
    run_cli("ingest", str(SAMPLES), "--store", str(store))
    return store


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(store: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    """Start `cablegraph serve` on a free port and wait until /health answers.

    The server's output goes to a file next to the store (`proc.log_path`), not to a pipe: nobody reads a pipe
    while the tests run, and a server whose log pipe is full blocks on its next log line."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    log_path = Path(store).parent / f"server-{port}.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "cablegraph", "serve", "--store", str(store), "--port", str(port), *extra],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
    proc.log_path = log_path
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited: {log_path.read_text()}")
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start within 30 s")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory) -> str:
    """A live server over its own copy of the sample store; yields its base URL."""
    store = tmp_path_factory.mktemp("served") / "store"
    run_cli("ingest", str(SAMPLES), "--store", str(store))
    proc, url = start_server(store)
    yield url
    proc.terminate()
    proc.wait(timeout=10)
