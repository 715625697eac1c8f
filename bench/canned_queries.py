"""Time every canned query (its example arguments) on a synthetic store of N cables made from the samples.

    python bench/canned_queries.py [N] [STORE_DIR]

The synthetic cables are the parsed sample cables cloned under new reference ids (same station, a serial and a
year drawn at random, dates spread over 1985-2010, references re-pointed at other clones), so that the shape of
the graph (TAGS, references, paragraphs, bodies) is that of real cables at the scale of the corpus. The sample
cables themselves are loaded too, so the example arguments (06ISLAMABAD10261, MADRID, KNNP) have answers.
"""

from __future__ import annotations

import dataclasses
import random
import statistics
import sys
import time
from pathlib import Path

import pyoxigraph as ox

import queries
from converters import readers
from converters.parse import parse
from converters.rdf import cable_quads
from converters.record import UnreadableCable
from ontology import terms as t
from queries.results import run

ROOT = Path(__file__).resolve().parent.parent


def sample_cables() -> list:
    """Every sample cable that parses."""
    out = {}
    for path in readers.iter_files([ROOT / "samples"]):
        fmt = readers.detect_format(path)
        if fmt is None:
            continue
        for raw in readers.read(path, fmt):
            try:
                cable = parse(raw)
            except UnreadableCable:
                continue
            out.setdefault(cable.reference_id, cable)
    return list(out.values())


def synthetic(base: list, n: int, rng: random.Random):
    """N clones of the sample cables under new ids, dates and references."""
    ids: list[str] = []
    for i in range(n):
        cable = base[i % len(base)]
        year = rng.randint(1985, 2010)
        station = cable.station or "STATE"
        ref = f"{year % 100:02d}{station}{100000 + i}"
        created = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T12:00:00"
        refs = [rng.choice(ids) for _ in range(len(cable.references))] if ids else []
        ids.append(ref)
        yield dataclasses.replace(cable, reference_id=ref, created=created, references=refs)


def build(store_dir: Path, n: int) -> ox.Store:
    """Bulk-load the samples plus N synthetic cables into a fresh store."""
    store = ox.Store(str(store_dir))
    base = sample_cables()
    ids = t.Ids()
    rng = random.Random(7)
    start = time.perf_counter()
    store.bulk_extend(q for c in [*base, *synthetic(base, n, rng)] for q in cable_quads(c, ids))
    store.flush()
    print(f"loaded {len(base)} samples + {n} synthetic cables: {len(store)} quads in "
          f"{time.perf_counter() - start:.1f} s", flush=True)
    return store


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    store_dir = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(f"/tmp/cablegraph-bench-{n}")
    store = ox.Store(str(store_dir)) if store_dir.exists() else build(store_dir, n)
    print("| query | arguments | rows | median ms (3 runs) |\n|---|---|---:|---:|")
    for name, q in queries.catalogue().items():
        times, rows = [], 0
        for _ in range(3):
            start = time.perf_counter()
            rows = len(run(store, q, q.example).rows)
            times.append(1000 * (time.perf_counter() - start))
        args = " ".join(f"{k}={v}" for k, v in q.example.items())
        print(f"| {name} | {args} | {rows} | {statistics.median(times):.0f} |", flush=True)


if __name__ == "__main__":
    main()
