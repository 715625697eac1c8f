"""Benchmark of the name finders alone: scan(), titled_mentions() and untitled_mentions() on a corpus.

Usage: python bench/names.py /work/shared/data/cables [--repeat N] [--per-cable] [--against TREE]

The cables are parsed once, and the inputs find_persons() gives untitled_mentions() (the surnames known, the
spans taken) are recorded in one run of find_persons(). Each pass then scans every cable afresh (new Segment
objects, so nothing found in a previous pass is reused) and runs the two finders on its segments as
find_persons() does; the CPU time of each step is summed over the corpus. Prints the best pass (by total).

`--against TREE` (another checkout, e.g. `git worktree add /tmp/base main`) compares this tree's scan.py and
people.py with TREE's in one run: each cable goes through both, alternately, `--repeat` times, and each keeps its
least time per step (wall clock), so that other load on the machine hits both alike.
"""

from __future__ import annotations

import argparse
import sys
import time
import types
from pathlib import Path

from converters import people as people_module
from converters import resolve
from converters import scan as scan_module
from converters.parse import parse
from converters.readers import iter_files, read
from converters.record import Cable, UnreadableCable


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


def time_steps(cable: Cable, calls: list, clock, scan_module=scan_module, people=people_module
               ) -> tuple[dict[str, float], int]:
    """One cable through scan, titled and untitled as find_persons() runs them: the time of each step (by `clock`)
    and the number of mentions found."""
    t0 = clock()
    segs = scan_module.scan(cable)
    t1 = clock()
    found = 0
    for seg in segs:
        text = seg.text
        if "articipants" not in text and "ARTICIPANTS" not in text and "ttendees" not in text:
            found += len(people.titled_mentions(seg.number, text, seg.caps))
    t2 = clock()
    it = iter(calls)
    for seg in segs:
        if not seg.caps:
            known, taken = next(it)
            found += len(people.untitled_mentions(seg, known, taken))
    t3 = clock()
    return {"scan": t1 - t0, "titled": t2 - t1, "untitled": t3 - t2}, found


def run(cables: list[Cable], inputs: list) -> tuple[dict[str, float], int]:
    """One pass: CPU seconds of scan, titled and untitled over the corpus, and the number of mentions found."""
    out = {"scan": 0.0, "titled": 0.0, "untitled": 0.0}
    found = 0
    for cable, calls in zip(cables, inputs, strict=True):
        spent, count = time_steps(cable, calls, time.process_time)
        found += count
        for key in out:
            out[key] += spent[key]
    return out, found


def run_min(cables: list[Cable], inputs: list, repeat: int) -> tuple[dict[str, float], int]:
    """Each cable `repeat` times in a row, keeping the least CPU time of each step per cable: much less noise from
    other load than the best of whole passes (the first of the repeats pays for what the others find in caches)."""
    out = {"scan": 0.0, "titled": 0.0, "untitled": 0.0}
    found = 0
    for cable, calls in zip(cables, inputs, strict=True):
        best = {"scan": 1e9, "titled": 1e9, "untitled": 1e9}
        for _ in range(repeat):
            spent, count = time_steps(cable, calls, time.perf_counter)
            for key in best:
                best[key] = min(best[key], spent[key])
        found += count
        for key in out:
            out[key] += best[key]
    return out, found


def load_tree(tree: Path, tag: str) -> tuple[types.ModuleType, types.ModuleType]:
    """The scan and people modules of another checkout, loaded under their own names (people importing that
    tree's scan)."""
    modules = []
    for name, replace in (("scan", ()), ("people", (("from converters.scan import", f"from _{tag}_scan import"),))):
        source = (tree / "converters" / f"{name}.py").read_text(encoding="utf-8")
        for old, new in replace:
            source = source.replace(old, new)
        module = types.ModuleType(f"_{tag}_{name}")
        module.__file__ = str(tree / "converters" / f"{name}.py")
        sys.modules[module.__name__] = module
        exec(compile(source, module.__file__, "exec"), module.__dict__)  # noqa: S102 (a checkout of this project)
        modules.append(module)
    return modules[0], modules[1]


def run_ab(cables: list[Cable], inputs: list, repeat: int, variants: dict) -> dict[str, dict[str, float]]:
    """Per cable, each variant (scan module, people module) `repeat` times, alternating the order; the least wall
    time of each step per cable and variant, summed over the corpus."""
    out = {key: {"scan": 0.0, "titled": 0.0, "untitled": 0.0} for key in variants}
    order = list(variants)
    for cable, calls in zip(cables, inputs, strict=True):
        best = {key: {"scan": 1e9, "titled": 1e9, "untitled": 1e9} for key in variants}
        for turn in range(repeat):
            for key in order if turn % 2 == 0 else order[::-1]:
                spent, _ = time_steps(cable, calls, time.perf_counter, *variants[key])
                for step in spent:
                    best[key][step] = min(best[key][step], spent[step])
        for key in variants:
            for step in out[key]:
                out[key][step] += best[key][step]
    return out


def main() -> None:
    """Time the passes and print the figures of the best one."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--per-cable", action="store_true",
                        help="repeat each cable in a row and keep its least time per step (wall clock)")
    parser.add_argument("--against", type=Path, help="another checkout to compare with, in the same run")
    args = parser.parse_args()
    cables = []
    for path in iter_files(args.paths):
        for raw in read(path):
            try:
                cables.append(parse(raw))
            except UnreadableCable:
                continue
    inputs = record_inputs(cables)
    n = len(cables)
    if args.against:
        variants = {"this": (scan_module, people_module), "against": load_tree(args.against, "against")}
        figures = run_ab(cables, inputs, args.repeat, variants)
        for key, steps in figures.items():
            row = "  ".join(f"{step} {seconds / n * 1000:.3f}" for step, seconds in steps.items())
            print(f"{key:8s} {row}  total {sum(steps.values()) / n * 1000:.3f} ms/cable")
        this, other = (sum(figures[key].values()) for key in ("this", "against"))
        print(f"this / against: {this / other:.3f}   ({n} cables)")
        return
    if args.per_cable:
        best, found = run_min(cables, inputs, args.repeat)
    else:
        passes = [run(cables, inputs) for _ in range(args.repeat)]
        best, found = min(passes, key=lambda p: sum(p[0].values()))
    for key, seconds in best.items():
        print(f"{key:9s} {seconds / n * 1000:.3f} ms/cable")
    print(f"{'total':9s} {sum(best.values()) / n * 1000:.3f} ms/cable   ({n} cables, {found} mentions)")


if __name__ == "__main__":
    main()
