"""Benchmark: the cost of the resolution steps of find_persons (converters/resolve.py) on a corpus.

Usage: python bench/resolve.py /work/shared/data/cables [--repeat N]

The cables are parsed once, then extract() runs over all of them `repeat` times. Each step that find_persons calls
through a module global of converters.resolve is wrapped with a timer (inclusive wall time, perf_counter), so the
figures show where extraction time goes: the finders of converters.people, the frame mentions, and the resolution
steps. The wrapper costs about a microsecond a call; compare figures of this script with each other only.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from converters import resolve
from converters.parse import parse
from converters.readers import iter_files, read
from converters.record import UnreadableCable
from converters.scan import scan
from converters.statements import extract, find_statements

STEPS = ("titled_mentions", "untitled_mentions", "classified_by_mention", "signer_mention", "tag_mentions",
         "routing_mentions", "_merge", "_designations", "_surname_mentions", "_leader_mentions", "_role_references",
         "_link", "scan")


def _timed(name: str, func, totals: dict[str, float], depth: list[int]):
    """`func` wrapped to add its inclusive time to totals[name] (outermost calls only, for recursive steps)."""
    clock = time.perf_counter

    def wrapper(*args, **kwargs):
        if depth[0] and name == "_merge":
            return func(*args, **kwargs)
        depth[0] += name == "_merge"
        t0 = clock()
        try:
            return func(*args, **kwargs)
        finally:
            totals[name] += clock() - t0
            depth[0] -= name == "_merge"

    return wrapper


def main() -> None:
    """Time extract() and its steps over the corpus; print ms/cable per step (best pass)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cables = []
    for raw in (raw for path in iter_files(args.paths) for raw in read(path)):
        try:
            cables.append(parse(raw))
        except UnreadableCable:
            continue
    extract(cables[0])
    n = len(cables)
    # plain timing first, no wrappers
    best = min(_plain(cables) for _ in range(args.repeat))
    print(f"cables {n}: extract {best / n * 1000:.3f} ms/cable (CPU, best of {args.repeat})")
    totals: dict[str, float] = defaultdict(float)
    depth = [0]
    originals = {}
    for name in STEPS:
        module = resolve
        originals[name] = getattr(module, name)
        setattr(module, name, _timed(name, originals[name], totals, depth))
    runs = []
    for _ in range(args.repeat):
        totals.clear()
        t0 = time.perf_counter()
        for cable in cables:
            segs = scan(cable)
            t1 = time.perf_counter()
            persons, mentions = resolve.find_persons(cable, segs)
            t2 = time.perf_counter()
            find_statements(cable, persons, mentions, segs)
            totals["find_persons"] += t2 - t1
            totals["find_statements"] += time.perf_counter() - t2
        totals["all"] = time.perf_counter() - t0
        runs.append(dict(totals))
    for name, value in originals.items():
        setattr(resolve, name, value)
    run = min(runs, key=lambda r: r["all"])
    finders = ("titled_mentions", "untitled_mentions")
    mine = run["find_persons"] - sum(run.get(k, 0) for k in finders)
    for name in ("all", "find_persons", "find_statements", *STEPS[:-1]):
        print(f"  {name:22s} {run.get(name, 0) / n * 1000:7.3f} ms/cable")
    print(f"  {'find_persons - finders':22s} {mine / n * 1000:7.3f} ms/cable (resolution, frame, glue)")


def _plain(cables: list) -> float:
    """CPU seconds of one extract() pass over the cables."""
    t0 = time.process_time()
    for cable in cables:
        extract(cable)
    return time.process_time() - t0


if __name__ == "__main__":
    main()
