"""Benchmark: the statement finder alone (find_statements), on the persons and mentions found beforehand.

Usage: python bench/statements.py /work/shared/data/cables [--repeat N] [--dump OUT.json] [--profile-loops N]
                                 [--against OLD_STATEMENTS.py [--against-verbs OLD_VERBS.py]] [--check N]

Each cable is parsed, scanned and its persons found once, outside the timings; then find_statements runs over every
cable, N times, and the best pass is reported in CPU ms/cable. --dump writes the statements of every cable (to
compare before and after a change without the cost of the whole extraction); --profile-loops N just runs N passes
(for a sampling profiler, with no timing printed). --against FILE loads another version of converters/statements.py
(say a copy of main's) and times its find_statements and the current one on each cable in turn (A/B interleaved,
so that other load on the machine hits both alike), and says whether their outputs are equal; --against-verbs FILE
makes that old copy use another version of converters/verbs.py too (without it, it uses the current one).
--check N compares verbs_of_texts (one pass over the segments of a cable) with verbs_and_participles segment by
segment (that of --against-verbs FILE when given, say main's, and then also with that copy's verbs_of_texts), on
every cable and on N random groups of texts, and prints the mismatches; and it compares the Aho-Corasick search of
the verbs' first words (verbs._first_word_hits) with the backward byte regex it replaced, on the byte view of every
segment, of every cable's joined segments and of the random texts.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import random
import re
import sys
import time
from collections.abc import Callable
from functools import cache
from pathlib import Path

from converters.parse import parse
from converters.people_tables import trie_regex
from converters.readers import iter_files, read
from converters.record import UnreadableCable
from converters.resolve import find_persons
from converters.scan import scan
from converters.statements import find_statements
from converters.verbs import (
    _JOIN,
    _NON_WORD_TO_SPACE,
    _first_word_automaton,
    _first_word_hits,
    _first_words,
    verbs_and_participles,
    verbs_of_texts,
)

# pieces of random texts for --check: verbs and participles (any case), what may stand around them, characters that
# the byte view or IGNORECASE treat apart
_PIECES = ("said", "Said", "SAID", "told", "according", "to", "According", "pointed", "out", "called", "for",
           "saying", "SAYING", "Saying", "adding", "pointing", "and", "while", "went", "on", "say", "noted", "notes",
           ",", ", ", " ", "  ", "\n", "\t", "-", ".", "'", '"', "(", ")", "x", "é", "É", "\u0130", "\u0131",
           "\u017f", "\u212a", "\u2003", "\xa0", "\x00", "_", "9", "ing", "he", "Kasuri", "MINISTER",
           "\u2019", "#", "--", "ß", "ÿ", "Ä", "ª", "\u03b1", "\u0416", "\u00bd", "\u4e2d", "?")


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


def one_pass(cases: list[tuple], finder: Callable = find_statements) -> float:
    """CPU seconds of a find_statements over every cable."""
    clock = time.process_time
    t0 = clock()
    for _, cable, persons, mentions, segs in cases:
        finder(cable, persons, mentions, segs)
    return clock() - t0


def _load_module(name: str, path: Path):
    """A module loaded from a file under another name."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_finder(path: Path, verbs: Path | None = None) -> Callable:
    """The find_statements of another copy of converters/statements.py, importing `verbs` (another copy of
    converters/verbs.py) in place of converters.verbs when given."""
    if verbs is None:
        return _load_module("statements_against", path).find_statements
    current = sys.modules["converters.verbs"]
    sys.modules["converters.verbs"] = _load_module("verbs_against", verbs)
    try:
        return _load_module("statements_against", path).find_statements
    finally:
        sys.modules["converters.verbs"] = current


def interleaved_pass(cases: list[tuple], old: Callable, new: Callable) -> tuple[float, float]:
    """CPU seconds of the old and the new find_statements over every cable, run one after the other on each cable
    (in turns, old first on one cable and new first on the next), so that a burst of load hits both alike."""
    clock = time.process_time
    spent = [0.0, 0.0]
    for number, (_, cable, persons, mentions, segs) in enumerate(cases):
        order = ((0, old), (1, new)) if number % 2 else ((1, new), (0, old))
        for which, finder in order:
            t0 = clock()
            finder(cable, persons, mentions, segs)
            spent[which] += clock() - t0
    return spent[0], spent[1]


def compare(cases: list[tuple], old: Callable, repeat: int) -> None:
    """Time the old and the current find_statements, interleaved cable by cable, and compare their outputs."""
    same = all(old(cable, persons, mentions, segs) == find_statements(cable, persons, mentions, segs)
               for _, cable, persons, mentions, segs in cases)
    passes = [interleaved_pass(cases, old, find_statements) for _ in range(repeat)]
    n = len(cases)
    for name, values in (("old", [p[0] for p in passes]), ("new", [p[1] for p in passes])):
        median = sorted(values)[len(values) // 2]
        print(f"{name}: best {min(values) / n * 1000:.3f} ms/cable, median {median / n * 1000:.3f}"
              f"  ({' '.join(f'{v / n * 1000:.3f}' for v in values)})")
    ratios = sorted(new / old for old, new in passes)
    print(f"new/old: per pass {' '.join(f'{r:.3f}' for r in ratios)}, median {ratios[len(ratios) // 2]:.3f}; "
          f"outputs {'identical' if same else 'DIFFER'}")


def _random_piece(rng: random.Random) -> str:
    """One of _PIECES, or a first word of a verb or participle as written, in capitals or capitalised."""
    if rng.random() < 0.6:
        return rng.choice(_PIECES)
    word = rng.choice(sorted(_first_words()))
    return rng.choice((word, word, word.upper(), word.capitalize()))


def _random_text(rng: random.Random) -> str:
    """A random text of pieces (_random_piece) joined by nothing (words glued to letters), a space, '-' or "'"."""
    return "".join(_random_piece(rng) + rng.choice(("", " ", " ", "-", "'"))
                   for _ in range(rng.randrange(0, 30)))


def _byte_view(text: str, caps: bool) -> bytes:
    """The byte view that verbs_and_participles searches (see there)."""
    haystack = text.lower() if caps else text
    return b" " + haystack.encode("latin-1", "replace").translate(_NON_WORD_TO_SPACE) + b" "


@cache
def _backward_pattern() -> re.Pattern[bytes]:
    """The backward regex of the verbs' first words before the Aho-Corasick search (main 66badb9): the words spelt
    backwards, after a space and before a space or '#', `' '(?:sdrow)(?=[ #])`."""
    return re.compile((r" (" + trie_regex({w[::-1] for w in _first_words()}) + r")(?=[ #])").encode("ascii"))


def _backward_hits(view: bytes) -> list[tuple[str, int, int]]:
    """The first words of the verbs as _backward_pattern() finds them over the byte view reversed, as (word, start,
    end in the view), in text order."""
    size = len(view)
    hits = [(m[1][::-1].decode("ascii"), size - m.end(), size - 1 - m.start())
            for m in _backward_pattern().finditer(view[::-1])]
    return hits[::-1]


def _search_mismatches(views: list[bytes]) -> int:
    """How many byte views give other hits from _first_word_hits than from _backward_hits (the first few printed)."""
    entries = _first_word_automaton()[1]
    mismatches = 0
    for view in views:
        new = [(entries[index][0], start, end) for index, start, end in _first_word_hits(view)]
        if new != _backward_hits(view):
            mismatches += 1
            if mismatches <= 5:
                print("SEARCH MISMATCH", view)
    return mismatches


def check(cases: list[tuple], groups: int, reference: Path | None = None) -> None:
    """Compare verbs_of_texts with verbs_and_participles (of the `reference` copy of converters/verbs.py when given)
    text by text on every cable and on random groups."""
    old = _load_module("verbs_reference", reference) if reference else None
    per_text = old.verbs_and_participles if old else verbs_and_participles

    def expected(texts: list[str], caps: list[bool]) -> list[tuple]:
        return [per_text(text, upper, "ing" in text and "," in text)
                for text, upper in zip(texts, caps, strict=True)]

    mismatches = compared = 0
    samples = [([seg.text for seg in segs], [seg.caps for seg in segs]) for _, _, _, _, segs in cases]
    rng = random.Random(7)
    samples += [([_random_text(rng) for _ in range(rng.randrange(1, 6))], [rng.random() < 0.3 for _ in range(6)])
                for _ in range(groups)]
    views = []
    for texts, caps in samples:
        caps = caps[:len(texts)]
        views += [_byte_view(text, upper) for text, upper in zip(texts, caps, strict=True)]
        views.append(_byte_view(_JOIN.join(text.lower() if upper else text
                                           for text, upper in zip(texts, caps, strict=True)), False))
        found = verbs_of_texts(texts, caps)
        if old and found != old.verbs_of_texts(texts, caps):
            mismatches += 1
            if mismatches <= 5:
                print("MISMATCH with the old verbs_of_texts", texts, caps)
        if found is None:
            continue
        compared += 1
        if found != expected(texts, caps):
            mismatches += 1
            if mismatches <= 5:
                print("MISMATCH", texts, caps)
    print(f"verbs_of_texts: {compared} groups compared, {mismatches} mismatches")
    hits = sum(len(_first_word_hits(view)) for view in views)
    print(f"first-word search: {len(views)} byte views, {hits} hits, {_search_mismatches(views)} mismatches "
          "with the backward regex")


def main() -> None:
    """Time find_statements alone, dump its output or loop for a profiler."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--dump", type=Path)
    parser.add_argument("--profile-loops", type=int, default=0)
    parser.add_argument("--against", type=Path)
    parser.add_argument("--against-verbs", type=Path)
    parser.add_argument("--check", type=int)
    args = parser.parse_args()
    cases = prepare(args.paths)
    gc.freeze()  # the parsed corpus is kept: no collection should walk it (extraction alone keeps one cable)
    if args.dump:
        out = {key: find_statements(cable, persons, mentions, segs) for key, cable, persons, mentions, segs in cases}
        args.dump.write_text(json.dumps(out, indent=0, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    if args.check is not None:
        check(cases, args.check, args.against_verbs)
        return
    if args.against:
        compare(cases, load_finder(args.against, args.against_verbs), args.repeat)
        return
    if args.profile_loops:
        for _ in range(args.profile_loops):
            one_pass(cases)
        return
    best = min(one_pass(cases) for _ in range(args.repeat))
    print(f"cables: {len(cases)}  find_statements: {best / len(cases) * 1000:.3f} ms/cable (best of {args.repeat})")


if __name__ == "__main__":
    main()
