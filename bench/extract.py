"""Benchmark: parse alone against parse plus people/statement extraction, same run, same cables.

Usage: python bench/extract.py /work/shared/data/cables [--repeat N] [--unseen SEED]

The containers are read once into memory first, so neither timing includes reading. Each cable is parsed and
then extracted, and the two CPU times (time.process_time) are summed separately: interleaving per cable makes
other load on the machine hit both alike. The budget (issue 7): parse + extraction within 3x parse alone.

Before the first pass every table and pattern of the finders is loaded, as an ingest does before its first
cable (converters.caches.load_tables, which also freezes them for the garbage collector). The finders also keep
bounded caches keyed on words and names (given-name classes, name forms, ids), which later passes over the same
cables find warm: the first pass is printed as well as the best.
`--unseen SEED` instead times a random half of the cables that the process has not met, after two passes over the
other half (what an ingest pays for cables whose names its caches have not seen), then that half again.
Each pass is also given as an ingest of the same files spends it (the line "as an ingest"): an ingest parses
every record, the unreadable ones too, and extracts only the copy of a cable that it writes, not the duplicates
that lose (cablegraph.ingest). Which copies those are is found first by an untimed ingest into a temporary store,
in a process of its own.
"""

from __future__ import annotations

import argparse
import random
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from converters.caches import load_tables
from converters.parse import parse
from converters.readers import iter_files, read
from converters.record import UnreadableCable
from converters.statements import extract


def run(raws: list, written: set[tuple[str, int]] | None = None) -> dict:
    """One pass: summed parse and extraction CPU seconds, and what was extracted. The parse of an unreadable record
    is summed apart, and so is the extraction of the records in `written` (the copies an ingest writes)."""
    clock = time.process_time
    out = {"parse": 0.0, "extract": 0.0, "cables": 0, "persons": 0, "statements": 0, "wikidata": 0, "pocom": 0,
           "unreadable": 0, "unreadable_parse": 0.0, "written": 0, "written_extract": 0.0}
    for raw in raws:
        t0 = clock()
        try:
            cable = parse(raw)
        except UnreadableCable:
            out["unreadable_parse"] += clock() - t0
            out["unreadable"] += 1
            continue
        t1 = clock()
        cable.persons, cable.statements = extract(cable)
        t2 = clock()
        out["parse"] += t1 - t0
        out["extract"] += t2 - t1
        if written is not None and (raw.source.path, raw.source.record) in written:
            out["written"] += 1
            out["written_extract"] += t2 - t1
        out["cables"] += 1
        out["persons"] += len(cable.persons)
        out["statements"] += len(cable.statements)
        out["wikidata"] += sum(1 for p in cable.persons if "wikidata" in p)
        out["pocom"] += sum(1 for p in cable.persons if "pocom" in p)
    return out


def report(label: str, figures: dict) -> None:
    """Print one pass's figures: per readable record, then as an ingest of the same records spends them."""
    n = figures["cables"]
    print(f"{label}: parse alone {figures['parse'] / n * 1000:.2f} ms/cable, extraction "
          f"{figures['extract'] / n * 1000:.2f} ms/cable, parse + extraction / parse alone "
          f"{(figures['parse'] + figures['extract']) / figures['parse']:.2f}x (budget 3x)")
    if figures["written"]:
        parse_all = figures["parse"] + figures["unreadable_parse"]
        print(f"{label}, as an ingest: parse of all {n + figures['unreadable']} records "
              f"({figures['unreadable']} unreadable) + extraction of the {figures['written']} copies written: "
              f"{(parse_all + figures['written_extract']) / parse_all:.2f}x (budget 3x)")


def written_copies(paths: list[Path]) -> set[tuple[str, int]]:
    """The records (path, record number) whose people and statements an ingest of the paths extracts: the copy of
    each cable that a batch writes (cablegraph.ingest; untimed, into a temporary store)."""
    import tempfile

    import cablegraph.ingest as ingest_module
    from cablegraph.store import CableStore

    found: set[tuple[str, int]] = set()
    real = ingest_module.extract

    def recording(cable):
        found.add((cable.source.path, cable.source.record))
        return real(cable)

    ingest_module.extract = recording
    try:
        with tempfile.TemporaryDirectory() as folder:
            store = CableStore(Path(folder) / "store")
            ingest_module.ingest(store, paths)
            store.close()
    finally:
        ingest_module.extract = real
    return found


def unseen(raws: list, seed: int) -> None:
    """The cables in a random half (by `seed`) seen for the first time by a process that has extracted the other
    half twice (its per-process caches warm from other cables), then the same half a second time."""
    raws = list(raws)
    random.Random(seed).shuffle(raws)
    half = len(raws) // 2
    for _ in range(2):
        run(raws[:half])
    report("unseen half", run(raws[half:]))
    report("same half again", run(raws[half:]))


def main() -> None:
    """Time the passes and print the figures of the first one and of the best one."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--unseen", type=int, metavar="SEED", help="time a random half of the cables, unseen by the "
                        "process, after two passes over the other half (see unseen())")
    args = parser.parse_args()
    raws = [raw for path in iter_files(args.paths) for raw in read(path)]
    if args.unseen is not None:
        load_tables()
        extract(parse(raws[0]))
        unseen(raws, args.unseen)
        return
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:  # (its caches warm, not this process's)
        written = pool.submit(written_copies, args.paths).result()
    load_tables()
    extract(parse(raws[0]))
    passes = [run(raws, written) for _ in range(args.repeat)]
    best = min(passes, key=lambda r: r["extract"] / r["parse"])
    n = best["cables"]
    report("first pass", passes[0])
    report("best pass", best)
    print(f"cables: {n}")
    print(f"parse alone:        {best['parse']:7.2f} s CPU ({best['parse'] / n * 1000:.2f} ms/cable)")
    print(f"extraction:         {best['extract']:7.2f} s CPU ({best['extract'] / n * 1000:.2f} ms/cable)")
    print(f"parse + extraction / parse alone: {(best['parse'] + best['extract']) / best['parse']:.2f}x (budget 3x)")
    print(f"persons {best['persons']} ({best['persons'] / n:.1f}/cable), Wikidata-linked {best['wikidata']}, "
          f"POCOM-linked {best['pocom']}, statements {best['statements']} ({best['statements'] / n:.1f}/cable)")


if __name__ == "__main__":
    main()
