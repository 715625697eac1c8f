"""Benchmark of the name finders alone: scan(), titled_mentions() and untitled_mentions() on a corpus.

Usage: python bench/names.py /work/shared/data/cables [--repeat N] [--per-cable] [--against TREE]

The cables are parsed once, and the inputs find_persons() gives untitled_mentions() (the surnames known, the
spans taken) are recorded in one run of find_persons(). Each pass then scans every cable afresh (new Segment
objects, so nothing found in a previous pass is reused) and runs the two finders on its segments as
find_persons() does; the CPU time of each step is summed over the corpus. Prints the best pass (by total).

`--against TREE` (another checkout, e.g. `git worktree add /tmp/base main`) compares this tree's scan.py, titled.py
and untitled.py with TREE's in one run: each cable goes through both, alternately, `--repeat` times, and each keeps
its least time per step (wall clock), so that other load on the machine hits both alike.

`--check` instead compares, on every mixed-case segment of the corpus (with the surnames find_persons knows there)
and on `--random N` random texts made of names, unknown words, apostrophes, hyphens, particles, Latin-1 and other
letters, punctuation and white space (with random known surnames), what untitled_mentions() finds with what it found
on main d393f46 (reference_untitled below: seg.capwords, the unknown words, positions and rfind probes): the
full-name matches of untitled._untitled_matches() and the mentions kept; and the spans of the Latin-1 byte pass with
those of _UNTITLED_START. Prints the mismatches.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import types
from pathlib import Path

from converters import people as people_module
from converters import resolve
from converters import scan as scan_module
from converters import titled as titled_module
from converters import untitled as untitled_module
from converters.parse import parse
from converters.people_tables import forenames
from converters.readers import iter_files, read
from converters.record import Cable, UnreadableCable
from converters.scan import Segment


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


def time_steps(cable: Cable, calls: list, clock, scan_module=scan_module, titled=titled_module,
               untitled=untitled_module) -> tuple[dict[str, float], int]:
    """One cable through scan, titled and untitled as find_persons() runs them: the time of each step (by `clock`)
    and the number of mentions found."""
    t0 = clock()
    segs = scan_module.scan(cable)
    t1 = clock()
    found = 0
    for seg in segs:
        text = seg.text
        if "articipants" not in text and "ARTICIPANTS" not in text and "ttendees" not in text:
            found += len(titled.titled_mentions(seg.number, text, seg.caps))
    t2 = clock()
    it = iter(calls)
    for seg in segs:
        if not seg.caps:
            known, taken = next(it)
            found += len(untitled.untitled_mentions(seg, known, taken))
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


def reference_untitled(seg: Segment, known: set[str]) -> tuple[list[re.Match], list[tuple]]:
    """untitled_mentions() as main d393f46 ran it (no spans taken): the full-name matches, from the positions of the
    given names and known surnames among seg.capwords and of the unknown words before ' ' and a capital (rfind
    probes), and the mentions kept, as (start, end, name) tuples."""
    P = untitled_module  # noqa: N806
    text = seg.text
    given, stop, places = P.forenames(), P._stop(), P.place_names()
    present = seg.capwords
    unknown = {w for w in present - given - stop - places if len(w) > 2 and "'" not in w
               and not w.isupper() and w.lower() not in P.english_words()}
    starts = [start for word in present & given for start, _ in seg.positions(word)]
    for word in unknown:
        probe, size = word + " ", len(word) + 1
        i = text.rfind(probe)
        while i >= 0:
            before = text[i - 1] if i else " "
            if text[i + size:i + size + 1].isupper() and not (before.isalnum() or before == "-") and \
                    P._AFTER_LOWER.search(text, max(0, i - 30), i):
                starts.append(i)
            i = text.rfind(probe, 0, i)
    for word in present & known:
        for position, _ in seg.positions(word):
            before = P._PRECEDING.search(text, max(0, position - 60), position)
            if before and before.group(1) not in stop:
                starts.append(before.start(1))
    full = P.patterns()["full"]
    matches, mentions = [], []
    pos = 0
    for start in sorted(set(starts)):
        if start < pos:
            continue
        match = full.match(text, start)
        if match is None:
            continue
        pos = match.end()
        matches.append(match)
        offset, name = P.name_after_stopwords(match["name"], stop)
        parts = name.split()
        if len(parts) < 2 or parts[0] in stop:
            continue
        strange = all(p in unknown for p in parts) and " ".join(parts) not in places and len(parts) <= 3
        if parts[0] in given or (parts[-1] in known and len(parts) <= 3) or strange:
            mentions.append((match.start() + offset, match.start() + offset + len(name), name))
    return matches, mentions


def random_text(rng: random.Random, words: list[str]) -> str:
    """A random text from `words` glued by random separators (white space, punctuation, apostrophes, hyphens)."""
    seps = [" "] * 12 + ["  ", "\n", "\t", "\xa0", "\u2003", ", ", ". ", "; ", ": ", "! ", "? ", " (", ") ", "-", "'",
                         "' ", " '", "'s ", "\u2019", "\u2019s ", "_", ".", "/", " \u2014 ", "\"", " \"", "1", " 1 "]
    out = []
    for _ in range(rng.randint(1, 40)):
        out.append(rng.choice(words))
        out.append(rng.choice(seps))
    return "".join(out)


def random_words(rng: random.Random) -> list[str]:
    """Words for random_text(): given names, surnames, stopwords, lower-case words, particles, made-up capitalised
    words with odd letters, all-caps words and initials."""
    given = sorted(forenames())
    stop = sorted(people_module._stop())
    letters = "abcdefghijklmnopqrstuvwxyz"
    odd = ["\u00e9", "\u00f6", "\u00df", "\u00d7", "\u00f7", "\u00c9", "\u00d6", "\u0101", "\u0639", "\u00aa", "'",
           "\u2019", "-", "1", "_", "Q", "s"]
    made = []
    for _ in range(60):
        word = rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "".join(rng.choice(letters) for _ in range(rng.randint(0, 6)))
        if rng.random() < 0.4:
            k = rng.randint(1, len(word))
            word = word[:k] + rng.choice(odd) + word[k:]
        made.append(word)
    particles = ["al-Jubeir", "al", "el-Baradei", "bin", "Abu", "Al", "Al-Sabah", "de", "van", "Van", "la", "ul-Haq"]
    lower = ["the", "said", "met", "with", "and", "of", "told", "a", "x-ray", "well-known", "in", "pro-", "x--"]
    caps = ["US", "UN", "A.", "J.", "A", "NATO", "O'Brien", "O'BRIEN", "D'Souza", "Smith's", "MacDonald", "McCain"]
    return (rng.sample(given, 40) + rng.sample(stop, 30) + made + particles * 2 + lower * 3 + caps
            + ["Kasuri", "Jones", "Brien", "Souza", "KASURI"])


def check(cables: list[Cable], inputs: list, count: int) -> int:
    """The mismatches between this untitled_mentions() and reference_untitled() (see --check); prints each."""
    bad = 0
    cases: list[tuple[str, set[str]]] = []
    for cable, calls in zip(cables, inputs, strict=True):
        it = iter(calls)
        for seg in scan_module.scan(cable):
            if not seg.caps:
                cases.append((seg.text, next(it)[0]))
    rng = random.Random(7)
    for i in range(count):
        if i % 200 == 0:
            words = random_words(rng)
        known = set(rng.sample(words, 6)) | {"Kasuri", "O'Brien", "Jones'x"}
        cases.append((random_text(rng, words), known | {k.upper() for k in known}))
    for text, known in cases:
        new = [m.span() for m in untitled_module._untitled_matches(Segment(1, text), known)]
        found = [(m.start, m.end, m.name) for m in untitled_module.untitled_mentions(Segment(1, text), known, [])]
        matches, mentions = reference_untitled(Segment(1, text), known)
        old = [m.span() for m in matches]
        latin1 = untitled_module._untitled_starts(text)
        spans = [(m.span(), m.span("k")) for m in latin1]
        plain = [(m.span(), m.span("k")) for m in untitled_module._UNTITLED_START.finditer(text)]
        if new != old or spans != plain or found != mentions:
            bad += 1
            if bad <= 10:
                print(f"mismatch: {text!r}\n  known {sorted(known)}\n  new {new} {found}\n  old {old} {mentions}")
    print(f"{len(cases)} texts ({count} random), {bad} mismatches")
    return bad


def load_modules(tree: Path, tag: str, names: tuple[str, ...]) -> dict[str, types.ModuleType]:
    """The modules `names` of another checkout's converters/ that exist there, each loaded under its own name
    (`_<tag>_<name>`) with its imports of scan and people pointing at that tree's."""
    modules = {}
    for name in names:
        path = tree / "converters" / f"{name}.py"
        if not path.exists():
            continue
        source = path.read_text(encoding="utf-8")
        for imported in ("scan", "people"):
            source = source.replace(f"from converters.{imported} import", f"from _{tag}_{imported} import")
        module = types.ModuleType(f"_{tag}_{name}")
        module.__file__ = str(path)
        sys.modules[module.__name__] = module
        exec(compile(source, module.__file__, "exec"), module.__dict__)  # noqa: S102 (a checkout of this project)
        modules[name] = module
    return modules


def load_tree(tree: Path, tag: str) -> tuple[types.ModuleType, types.ModuleType, types.ModuleType]:
    """The scan module, the module with titled_mentions and the module with untitled_mentions of another checkout,
    loaded under their own names (each importing that tree's modules); a checkout from before converters/untitled.py
    and converters/titled.py has those finders in people."""
    modules = load_modules(tree, tag, ("scan", "people", "titled", "untitled"))
    people = modules["people"]
    return modules["scan"], modules.get("titled", people), modules.get("untitled", people)


def run_ab(cables: list[Cable], inputs: list, repeat: int, variants: dict) -> dict[str, dict[str, float]]:
    """Per cable, each variant (scan, titled and untitled modules) `repeat` times, alternating the order; the least wall
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
    parser.add_argument("--check", action="store_true", help="compare the start search with the one it replaced")
    parser.add_argument("--random", type=int, default=200_000, help="random texts for --check")
    args = parser.parse_args()
    cables = []
    for path in iter_files(args.paths):
        for raw in read(path):
            try:
                cables.append(parse(raw))
            except UnreadableCable:
                continue
    inputs = record_inputs(cables)
    if args.check:
        sys.exit(1 if check(cables, inputs, args.random) else 0)
    n = len(cables)
    if args.against:
        variants = {"this": (scan_module, titled_module, untitled_module),
                    "against": load_tree(args.against, "against")}
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
