"""Benchmark: the statement finder alone (find_statements), on the persons and mentions found beforehand.

Usage: python bench/statements.py /work/shared/data/cables [--repeat N] [--dump OUT.json] [--profile-loops N]

Each cable is parsed, scanned and its persons found once, outside the timings; then find_statements runs over every
cable, N times, and the best pass is reported in CPU ms/cable. --dump writes the statements of every cable (to
compare before and after a change without the cost of the whole extraction); --profile-loops N just runs N passes
(for a sampling profiler, with no timing printed).
"""

from __future__ import annotations

import argparse
import gc
import json
import time
from pathlib import Path

from converters.parse import parse
from converters.readers import iter_files, read
from converters.record import UnreadableCable
from converters.resolve import find_persons
from converters.scan import scan
from converters.statements import find_statements


def prepare(paths: list[Path]) -> list[tuple]:
    """(key, cable, persons, mentions, segments) for every readable cable."""
    out = []
    for path in iter_files(paths):
        for number, raw in enumerate(read(path)):
            try:
                cable = parse(raw)
            except UnreadableCable:
                continue
            segs = scan(cable)
            persons, mentions = find_persons(cable, segs)
            out.append((f"{cable.reference_id}|{path}|{number}", cable, persons, mentions, segs))
    return out


def one_pass(cases: list[tuple]) -> float:
    """CPU seconds of find_statements over every cable."""
    clock = time.process_time
    t0 = clock()
    for _, cable, persons, mentions, segs in cases:
        find_statements(cable, persons, mentions, segs)
    return clock() - t0


def main() -> None:
    """Time find_statements alone, dump its output or loop for a profiler."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--profile-loops", type=int, default=0)
    args = parser.parse_args()
    cases = prepare(args.paths)
    gc.freeze()  # the parsed corpus is kept: no collection should walk it (extraction alone keeps one cable)
    if args.dump:
        out = {key: find_statements(cable, persons, mentions, segs) for key, cable, persons, mentions, segs in cases}
        args.dump.write_text(json.dumps(out, indent=0, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    if args.profile_loops:
        for _ in range(args.profile_loops):
            one_pass(cases)
        return
    best = min(one_pass(cases) for _ in range(args.repeat))
    print(f"cables: {len(cases)}  find_statements: {best / len(cases) * 1000:.3f} ms/cable (best of {args.repeat})")


if __name__ == "__main__":
    main()
