"""Parse throughput on one core, side by side with the time it takes just to read the same files.

Usage: python bench/parse.py /work/shared/data/cables [--repeat 3] [--profile]

Reads every cable of the folder with the readers (timed), then parses the records (timed), best of --repeat runs,
and prints cables per second for each and the ratio parse time / read time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from converters import readers  # noqa: E402
from converters.parse import parse  # noqa: E402
from converters.record import RawCable, UnreadableCable  # noqa: E402


def read_all(folder: Path) -> list[RawCable]:
    """Every record of every recognised file under the folder."""
    out: list[RawCable] = []
    for path in readers.iter_files([folder]):
        fmt = readers.detect_format(path)
        if fmt:
            out.extend(readers.read(path, fmt))
    return out


def parse_all(records: list[RawCable]) -> int:
    """Parse every record; the number that could not be read at all."""
    unreadable = 0
    for raw in records:
        try:
            parse(raw)
        except UnreadableCable:
            unreadable += 1
    return unreadable


def best_of(repeat: int, func, *args) -> tuple[float, float, object]:
    """The fastest of `repeat` runs in CPU seconds of this (single-threaded) process and in wall seconds, and the
    last result. CPU time is the figure to compare: other processes on a shared machine inflate wall time."""
    best_cpu, best_wall, result = float("inf"), float("inf"), None
    for _ in range(repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        result = func(*args)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    return best_cpu, best_wall, result


def main() -> None:
    """Measure and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="also print the 15 most expensive functions")
    args = parser.parse_args()
    read_s, read_wall, records = best_of(args.repeat, read_all, args.folder)
    parse_s, parse_wall, unreadable = best_of(args.repeat, parse_all, records)
    n = len(records)
    size = sum(len(r.body) + len(r.header) for r in records) / 1e6
    print(f"records: {n} ({size:.1f} MB of text), unreadable: {unreadable}; one thread, best of {args.repeat}")
    print(f"read only:  {read_s:6.3f} s CPU  {n / read_s:8.0f} cables/s   (wall {read_wall:.3f} s)")
    print(f"parse only: {parse_s:6.3f} s CPU  {n / parse_s:8.0f} cables/s   (wall {parse_wall:.3f} s)")
    print(f"read+parse: {read_s + parse_s:6.3f} s CPU  {n / (read_s + parse_s):8.0f} cables/s")
    print(f"ratio parse/read time: {parse_s / read_s:.1f}")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(parse_all, records)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
