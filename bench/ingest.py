"""Ingest throughput: cablegraph's whole pipeline against pyoxigraph's bulk_load of the same N-Quads.

Usage: python bench/ingest.py [PATH ...] [--repeat N]   (default: samples/; ../shared/data/cables works too)

Both are timed in the same run, on the same machine, so the ratio is what to read: the pipeline (read, parse,
map to RDF, load) costs `ratio` times a bare bulk load of the quads it produces.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cablegraph.ingest import ingest  # noqa: E402
from cablegraph.store import CableStore  # noqa: E402


def one_round(paths: list[Path], work: Path) -> tuple[float, int, float, int]:
    """Ingest the paths into a new store, then bulk_load its N-Quads into another; return both timings."""
    store = CableStore(work / "pipeline")
    started = time.perf_counter()
    report = ingest(store, paths, rejects_path=work / "rejects.jsonl")
    pipeline = time.perf_counter() - started
    nquads = work / "dump.nq"
    store.ox.dump(str(nquads), format=ox.RdfFormat.N_QUADS)
    quads = len(store)
    store.close()
    target = ox.Store(str(work / "bulk"))
    started = time.perf_counter()
    target.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
    target.flush()
    bulk = time.perf_counter() - started
    return pipeline, report.ingested, bulk, quads


def main() -> None:
    """Run the benchmark and print a side-by-side table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("samples")])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pipeline_times, bulk_times = [], []
    cables = quads = 0
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            pipeline, cables, bulk, quads = one_round(args.paths, Path(tmp))
        pipeline_times.append(pipeline)
        bulk_times.append(bulk)
    p, b = statistics.median(pipeline_times), statistics.median(bulk_times)
    print(f"{cables} cables, {quads} quads, median of {args.repeat} rounds")
    print(f"cablegraph ingest    : {p:7.3f} s  {cables / p:8.0f} cables/s  {quads / p:9.0f} quads/s")
    print(f"pyoxigraph bulk_load : {b:7.3f} s  {cables / b:8.0f} cables/s  {quads / b:9.0f} quads/s")
    print(f"ratio ingest / bulk_load: {p / b:.1f}x")


if __name__ == "__main__":
    main()
