"""Benchmark the SPARQL endpoint against `oxigraph serve` on the same data, in one run.

    python bench/endpoint.py CABLES_PATH... [--duration 5] [--store DIR]

Ingests the cables into a fresh store (or uses --store), copies it so that each server has its own directory,
starts `cablegraph serve` (worker processes, the default; and `--workers 0`, queries in the server process, for
reference), `oxigraph serve --union-default-graph` (the pip package `oxigraph`, a bench-only dependency) and
the floor (bench/floor_app.py: a bare ASGI app under granian that runs the query inline with no checks at all,
the least any Python endpoint can cost here), and measures requests/s and p50/p95 latency of five typical
queries at 1 and 8 concurrent clients with wrk (or a Python client when wrk is absent). Prints a Markdown table
and the ratios against the targets (throughput >= 0.7 x Oxigraph's, p50 <= 1.5 x).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parent.parent
PREFIXES = "PREFIX cg: <https://w3id.org/cablegraph/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> "
QUERIES = {
    "one cable's properties": PREFIXES + 'SELECT ?p ?o WHERE { ?c cg:referenceId "06ISLAMABAD10261" ; ?p ?o }',
    "cables with a tag": PREFIXES + 'SELECT ?ref ?created ?subject WHERE { ?topic cg:tagCode "KNNP" . ?cable cg:tag '
                                    "?topic ; cg:referenceId ?ref OPTIONAL { ?cable dcterms:created ?created } "
                                    "OPTIONAL { ?cable dcterms:title ?subject } } ORDER BY ?created ?ref",
    "cables citing a cable": PREFIXES + 'SELECT ?ref WHERE { ?cited cg:referenceId "06STATE87686" . ?citing '
                                        "cg:references ?cited ; cg:referenceId ?ref }",
    "count cables per post": PREFIXES + "SELECT ?post (COUNT(?c) AS ?n) WHERE { ?c cg:sentBy/cg:stationKey ?post } "
                                        "GROUP BY ?post ORDER BY DESC(?n) LIMIT 20",
    "construct one cable": PREFIXES + 'CONSTRUCT { ?c ?p ?o } WHERE { ?c cg:referenceId "06ISLAMABAD10261" ; ?p ?o }',
}
ACCEPT = {"construct one cable": "application/n-triples"}
WRK_LUA = """
done = function(summary, latency, requests)
  io.write(string.format("BENCH %d %f %f %f %d\\n", summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.errors.status + summary.errors.connect
    + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_up(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    """Wait until the server answers a trivial query."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if httpx.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not come up")


def run_wrk(url: str, accept: str, clients: int, duration: float, lua: Path) -> dict:
    """One wrk run: requests/s, p50 and p95 latency in ms, errors."""
    out = subprocess.run(["wrk", "-t", str(min(clients, 2)), "-c", str(clients), "-d", f"{max(1, round(duration))}s",
                          "-H", f"Accept: {accept}", "-s", str(lua), url], capture_output=True, text=True,
                         check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("BENCH "))
    requests, seconds, p50, p95, errors = line.split()[1:]
    return {"rps": int(requests) / float(seconds), "p50": float(p50), "p95": float(p95), "errors": int(errors)}


def run_python(url: str, accept: str, clients: int, duration: float) -> dict:
    """The same measurement with httpx clients in threads (when wrk is not installed)."""
    latencies: list[float] = []
    errors = [0]
    stop = time.monotonic() + duration

    def client() -> None:
        with httpx.Client(headers={"Accept": accept}) as session:
            while time.monotonic() < stop:
                start = time.perf_counter()
                response = session.get(url)
                latencies.append((time.perf_counter() - start) * 1000)
                errors[0] += response.status_code != 200

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    qs = statistics.quantiles(latencies, n=100)
    return {"rps": len(latencies) / duration, "p50": qs[49], "p95": qs[94], "errors": errors[0]}


def measure(bases: list[str], duration: float, lua: Path | None) -> list[dict]:
    """Every query at 1 and 8 clients against every server; for each query and client count the servers are
    measured back to back, so that a burst of load on this shared machine hits them alike."""
    results: list[dict] = [{} for _ in bases]
    for name, query in QUERIES.items():
        accept = ACCEPT.get(name, "application/sparql-results+json")
        urls = [f"{base}?query={quote(query)}" for base in bases]
        for url in urls:
            check = httpx.get(url, headers={"Accept": accept}, timeout=60)
            assert check.status_code == 200 and check.content, (name, check.status_code, check.text[:200])
        for clients in (1, 8):
            for i, url in enumerate(urls):
                results[i][(name, clients)] = (run_wrk(url, accept, clients, duration, lua) if lua
                                               else run_python(url, accept, clients, duration))
    return results


def main() -> None:
    """Build the store, serve it twice, measure, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cables", nargs="*", type=Path, help="cable files or folders to ingest")
    parser.add_argument("--store", type=Path, help="use this store directory instead of ingesting")
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per measurement")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(oxigraph).exists():
        sys.exit("the `oxigraph` command is missing: pip install oxigraph (bench-only dependency)")
    work = Path(tempfile.mkdtemp(prefix="bench-endpoint-"))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    ours_store, theirs_store, inproc_store = work / "ours", work / "oxigraph", work / "inproc"
    floor_store = work / "floor"
    if args.store:
        shutil.copytree(args.store, ours_store)
    else:
        paths = [str(p) for p in args.cables] or [str(ROOT / "samples")]
        subprocess.run([sys.executable, "-m", "cablegraph", "ingest", *paths, "--store", str(ours_store)],
                       env=env, check=True, cwd=ROOT)
    shutil.copytree(ours_store, theirs_store)
    shutil.copytree(ours_store, inproc_store)
    shutil.copytree(ours_store, floor_store)
    lua = None
    if shutil.which("wrk"):
        lua = work / "report.lua"
        lua.write_text(WRK_LUA)
    procs = []
    try:
        port_a, port_b, port_c = free_port(), free_port(), free_port()
        for store, port, extra in ((ours_store, port_a, []), (inproc_store, port_c, ["--workers", "0"])):
            procs.append(subprocess.Popen([sys.executable, "-m", "cablegraph", "serve", "--store", str(store),
                                           "--port", str(port), *extra], env=env, cwd=ROOT,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        procs.append(subprocess.Popen([oxigraph, "serve", "--location", str(theirs_store), "--bind",
                                       f"127.0.0.1:{port_b}", "--union-default-graph"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        port_d = free_port()
        procs.append(subprocess.Popen([str(Path(sys.executable).parent / "granian"), "--interface", "asgi", "--port",
                                       str(port_d), "--no-ws", "--loop", "uvloop", "--log-level", "warning",
                                       "bench.floor_app:app"], env={**env, "BENCH_STORE": str(floor_store)}, cwd=ROOT,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        ours, theirs = f"http://127.0.0.1:{port_a}/sparql", f"http://127.0.0.1:{port_b}/query"
        floor = f"http://127.0.0.1:{port_d}/sparql"
        inproc = f"http://127.0.0.1:{port_c}/sparql"
        wait_up(ours, procs[0])
        wait_up(inproc, procs[1])
        wait_up(theirs, procs[2])
        wait_up(floor, procs[3])
        quads = httpx.get(ours, params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"}).json()
        print(f"store: {quads['results']['bindings'][0]['n']['value']} quads; client: "
              f"{'wrk' if lua else 'python'}; {args.duration:g} s per measurement\n")
        a, b, c, d = measure([ours, theirs, inproc, floor], args.duration, lua)
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
    print("| query | clients | cablegraph req/s | oxigraph req/s | ratio | cablegraph p50/p95 ms | "
          "oxigraph p50/p95 ms | p50 ratio | --workers 0 req/s, p50 ms | floor req/s, p50 ms | "
          "floor ratio, p50 ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    rows = []
    for key in a:
        ra, rb, rc, rd = a[key], b[key], c[key], d[key]
        ratio, p50 = ra["rps"] / rb["rps"], ra["p50"] / rb["p50"]
        rows.append({"query": key[0], "clients": key[1], "ours": ra, "oxigraph": rb, "inprocess": rc, "floor": rd,
                     "ratio": ratio, "p50_ratio": p50, "floor_ratio": rd["rps"] / rb["rps"],
                     "floor_p50_ratio": rd["p50"] / rb["p50"]})
        print(f"| {key[0]} | {key[1]} | {ra['rps']:.0f} | {rb['rps']:.0f} | {ratio:.2f} | "
              f"{ra['p50']:.2f}/{ra['p95']:.2f} | {rb['p50']:.2f}/{rb['p95']:.2f} | {p50:.2f} | "
              f"{rc['rps']:.0f}, {rc['p50']:.2f} | {rd['rps']:.0f}, {rd['p50']:.2f} | "
              f"{rows[-1]['floor_ratio']:.2f}, {rows[-1]['floor_p50_ratio']:.2f} |")
    met = sum(r["ratio"] >= 0.7 and r["p50_ratio"] <= 1.5 for r in rows)
    floor_met = sum(r["floor_ratio"] >= 0.7 and r["floor_p50_ratio"] <= 1.5 for r in rows)
    errors = sum(r["ours"]["errors"] for r in rows), sum(r["oxigraph"]["errors"] for r in rows)
    print(f"\ntargets (throughput >= 0.7x, p50 <= 1.5x) met in {met} of {len(rows)} cases; "
          f"errors: ours {errors[0]}, oxigraph {errors[1]}; the floor (no checks at all) meets them in {floor_met}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
