"""Benchmark of the name finders alone: scan(), titled_mentions() and untitled_mentions() on a corpus.

Usage: python bench/names.py /work/shared/data/cables [--repeat N]

The cables are parsed once, and the inputs find_persons() gives untitled_mentions() (the surnames known, the
spans taken) are recorded in one run of find_persons(). Each pass then scans every cable afresh (new Segment
objects, so nothing found in a previous pass is reused) and runs the two finders on its segments as
find_persons() does; the CPU time of each step is summed over the corpus. Prints the best pass (by total).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from converters import resolve
from converters.parse import parse
from converters.people import titled_mentions, untitled_mentions
from converters.readers import iter_files, read
from converters.record import Cable, UnreadableCable
from converters.scan import scan


def record_inputs(cables: list[Cable]) -> list[list[tuple[set[str], list[tuple[int, int]]]]]:
    """Per cable, the (known, taken) arguments find_persons() passes to untitled_mentions, in call order."""
    calls: list[tuple[set[str], list[tuple[int, int]]]] = []
    original = resolve.untitled_mentions

    def spy(seg, known, taken):
        calls.append((set(known), list(taken)))
        return original(seg, known, taken)

    resolve.untitled_mentions = spy
    out = []
    try:
        for cable in cables:
            calls.clear()
            resolve.find_persons(cable)
            out.append(list(calls))
    finally:
        resolve.untitled_mentions = original
    return out


def run(cables: list[Cable], inputs: list) -> tuple[dict[str, float], int]:
    """One pass: CPU seconds of scan, titled and untitled over the corpus, and the number of mentions found."""
    clock = time.process_time
    out = {"scan": 0.0, "titled": 0.0, "untitled": 0.0}
    found = 0
    for cable, calls in zip(cables, inputs, strict=True):
        t0 = clock()
        segs = scan(cable)
        t1 = clock()
        for seg in segs:
            text = seg.text
            if "articipants" not in text and "ARTICIPANTS" not in text and "ttendees" not in text:
                found += len(titled_mentions(seg.number, text, seg.caps))
        t2 = clock()
        it = iter(calls)
        for seg in segs:
            if not seg.caps:
                known, taken = next(it)
                found += len(untitled_mentions(seg, known, taken))
        t3 = clock()
        out["scan"] += t1 - t0
        out["titled"] += t2 - t1
        out["untitled"] += t3 - t2
    return out, found


def run_min(cables: list[Cable], inputs: list, repeat: int) -> tuple[dict[str, float], int]:
    """Each cable `repeat` times in a row, keeping the least CPU time of each step per cable: much less noise from
    other load than the best of whole passes (the first of the repeats pays for what the others find in caches)."""
    clock = time.perf_counter
    out = {"scan": 0.0, "titled": 0.0, "untitled": 0.0}
    found = 0
    for cable, calls in zip(cables, inputs, strict=True):
        best = {"scan": 1e9, "titled": 1e9, "untitled": 1e9}
        for _ in range(repeat):
            t0 = clock()
            segs = scan(cable)
            t1 = clock()
            count = 0
            for seg in segs:
                text = seg.text
                if "articipants" not in text and "ARTICIPANTS" not in text and "ttendees" not in text:
                    count += len(titled_mentions(seg.number, text, seg.caps))
            t2 = clock()
            it = iter(calls)
            for seg in segs:
                if not seg.caps:
                    known, taken = next(it)
                    count += len(untitled_mentions(seg, known, taken))
            t3 = clock()
            for key, spent in (("scan", t1 - t0), ("titled", t2 - t1), ("untitled", t3 - t2)):
                best[key] = min(best[key], spent)
        found += count
        for key in out:
            out[key] += best[key]
    return out, found


def main() -> None:
    """Time the passes and print the figures of the best one."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--per-cable", action="store_true",
                        help="repeat each cable in a row and keep its least time per step (wall clock)")
    args = parser.parse_args()
    cables = []
    for path in iter_files(args.paths):
        for raw in read(path):
            try:
                cables.append(parse(raw))
            except UnreadableCable:
                continue
    inputs = record_inputs(cables)
    if args.per_cable:
        best, found = run_min(cables, inputs, args.repeat)
    else:
        passes = [run(cables, inputs) for _ in range(args.repeat)]
        best, found = min(passes, key=lambda p: sum(p[0].values()))
    n = len(cables)
    for key, seconds in best.items():
        print(f"{key:9s} {seconds / n * 1000:.3f} ms/cable")
    print(f"{'total':9s} {sum(best.values()) / n * 1000:.3f} ms/cable   ({n} cables, {found} mentions)")


if __name__ == "__main__":
    main()
