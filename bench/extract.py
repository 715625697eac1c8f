"""Benchmark: parse alone against parse plus people/statement extraction, same run, same cables.

Usage: python bench/extract.py /work/shared/data/cables [--repeat N]

The containers are read once into memory first, so both timings cover the same RawCable records and neither
includes reading. The budget (issue 7): parse + extraction within 3x parse alone.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from converters.parse import parse
from converters.readers import iter_files, read
from converters.record import UnreadableCable
from converters.statements import extract


def main() -> None:
    """Time both passes and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    raws = [raw for path in iter_files(args.paths) for raw in read(path)]
    extract(parse(raws[0]))  # load the tables once, outside both timings
    best_parse = best_both = float("inf")
    persons = statements = linked = cables = 0
    for _ in range(args.repeat):
        start = time.process_time()
        parsed = []
        for raw in raws:
            try:
                parsed.append(parse(raw))
            except UnreadableCable:
                continue
        best_parse = min(best_parse, time.process_time() - start)
        start = time.process_time()
        persons = statements = linked = cables = 0
        for raw in raws:
            try:
                cable = parse(raw)
            except UnreadableCable:
                continue
            cable.persons, cable.statements = extract(cable)
            cables += 1
            persons += len(cable.persons)
            statements += len(cable.statements)
            linked += sum(1 for p in cable.persons if "wikidata" in p)
        best_both = min(best_both, time.process_time() - start)
    print(f"cables parsed: {cables}")
    print(f"parse alone:        {best_parse:8.2f} s  ({best_parse / cables * 1000:.2f} ms/cable)")
    print(f"parse + extraction: {best_both:8.2f} s  ({best_both / cables * 1000:.2f} ms/cable)")
    print(f"ratio: {best_both / best_parse:.2f}x (budget 3x)")
    print(f"persons: {persons} ({persons / cables:.1f}/cable), Wikidata-linked: {linked}, statements: {statements} "
          f"({statements / cables:.1f}/cable)")


if __name__ == "__main__":
    main()
