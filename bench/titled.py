r"""Benchmark and check of the titled-name finder alone: converters.titled.titled_mentions() against another checkout.

Usage: python bench/titled.py /work/shared/data/cables --against TREE [--repeat N] [--check] [--random N]

The cables are parsed and scanned once, and their segments kept (the lists of participants are left out of the
timing, since find_persons() left them out before titled_mentions() did). TREE is another checkout (e.g. `git
archive main | tar -x -C /tmp/base`): its scan.py, people.py and titled.py (the titled finder was in people.py
before) are loaded under their own names.

Timing (default): per cable, both versions run titled_mentions() on the cable's segments `--repeat` times,
alternating the order; each keeps its least wall time per cable, summed over the corpus. Other load on the
machine hits both alike.

`--check`: the title words (`_titled_heads()`, in the text's case and in the other) and the mentions (every field)
of both versions (none in a list of participants, which find_persons() once left out itself) on every segment,
then on `--random` random texts made of the corpus' own words, lexicon words, particles, initials, punctuation and
odd spacing, in mixed case and in capitals, then the title words alone on `--random` texts made to try the edges
of a title word (glued to letters, digits, `_`, `/`, apostrophes, hyphens, Latin-1 and other letters, every
white-space character, the end of the text, title words inside longer ones). Prints the number of texts whose
title words or mentions differ (and the first few). Also checks that
titled._SPACES holds the characters of `\s`.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import types
from dataclasses import astuple
from functools import cache
from pathlib import Path

from names import load_modules  # (bench/names.py: this script's directory is on the path)

from converters import titled as titled_module
from converters.parse import parse
from converters.people_tables import lexicon
from converters.readers import iter_files, read
from converters.record import UnreadableCable
from converters.scan import is_caps, scan


def load_segments(paths: list[Path]) -> list[list[tuple[int, str, bool]]]:
    """Per cable, the (paragraph, text, caps) of each segment find_persons() runs titled_mentions() on: all."""
    out = []
    for path in iter_files(paths):
        for raw in read(path):
            try:
                cable = parse(raw)
            except UnreadableCable:
                continue
            out.append([(seg.number, seg.text, seg.caps) for seg in scan(cable)])
    return out


def load_titled(tree: Path, tag: str) -> types.ModuleType:
    """The module of another checkout that holds titled_mentions() (titled.py, or people.py before the split),
    loaded under its own name with that tree's scan and people."""
    modules = load_modules(tree, tag, ("scan", "people", "titled"))
    return modules.get("titled", modules["people"])


def run_ab(cables: list, repeat: int, variants: dict[str, types.ModuleType]) -> dict[str, float]:
    """Per cable, each variant `repeat` times, alternating the order; the least wall time per cable, summed."""
    out = {key: 0.0 for key in variants}
    order = list(variants)
    clock = time.perf_counter
    for segs in cables:
        best = {key: 1e9 for key in variants}
        for turn in range(repeat):
            for key in order if turn % 2 == 0 else order[::-1]:
                finder = variants[key].titled_mentions
                t0 = clock()
                for number, text, caps in segs:
                    finder(number, text, caps)
                best[key] = min(best[key], clock() - t0)
        for key in variants:
            out[key] += best[key]
    return out


def random_texts(cables: list, count: int, seed: int = 7) -> list[str]:
    """Random texts built from the corpus' words and the lexicon, in mixed case and in capitals."""
    rng = random.Random(seed)
    lex = lexicon()
    corpus_words = [w for segs in cables[:300] for _, text, _ in segs for w in text.split()[:200]]
    lexicon_words = [w for key in ("titles", "modifiers", "demonyms") for phrase in lex[key] for w in phrase.split()]
    phrases = [*lex["titles"], *lex["modifiers"], *lex["demonyms"]]
    extra = ["of", "for", "the", "and", "a.i.", "al", "el", "bin", "de", "van", "al-Jubeir", "J.", "A.", "Q",
             "Kasuri", "O'Neil", "D'Souza", "Smith's", "Jean-Pierre", "McDonald", "MacArthur", "Ali", "Khan",
             "Élan", "Ödön", "Ümit", "1998", "A/S", "U/S", "Mr.", "Dr", "Gen.", "S", "US", "MFA", "GOP", "(", ")",
             ",", ";", ":", ".", "'", "-", "/", "\u2019", '"', "said", "told", "was", "Foreign", "Minister"]
    seps = [" ", " ", " ", " ", "  ", "\n", "\t", "\u00a0", "", "-", "/", ".", ", ", "'", "\u2019"]
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(3, 60)):
            kind = rng.random()
            if kind < 0.3:
                word = rng.choice(corpus_words)
            elif kind < 0.55:
                word = rng.choice(lexicon_words)
            elif kind < 0.75:
                word = rng.choice(phrases)
            else:
                word = rng.choice(extra)
            parts.append(word)
            parts.append(rng.choice(seps))
        text = "".join(parts)
        if rng.random() < 0.3:  # ends anywhere, even just after a title
            text = text[:rng.randint(1, len(text))]
        out.append(text.upper() if rng.random() < 0.25 else text)
    return out


@cache
def _spaces() -> str:
    """The characters `\\s` matches, over all of Unicode."""
    return "".join(c for c in map(chr, range(sys.maxunicode + 1)) if re.match(r"\s", c))


def edge_texts(count: int, seed: int = 11) -> list[str]:
    """Random texts that try the edges of a title word: title words (some in capitals or lower case) glued to or
    spaced from letters, digits, `_`, `/`, apostrophes, hyphens, dots, Latin-1 and other letters, every white-space
    character, the words that can follow a title, and cut anywhere (a title word at the very end)."""
    rng = random.Random(seed)
    ends = sorted({t.split()[-1] for t in lexicon()["titles"]})
    titles = [*ends, *(e.upper() for e in ends), *(e.lower() for e in ends), "Ambassador-at-Large", "Vice-Minister",
              "Director-General", "Editor-in-Chief", "Secretary-General", "Mr.", "Dr.", "Gen.", "Amb.", "A/S"]
    follow = [*titled_module._continuations(), "the", "often", "al-Jubeir", "d'Affaires", "Kasuri", "O'Neil", "Élan",
              "Ödön", "Ümit", "Þór", "Ωmega", "Жуков", "中", "ǅemal", "x", "Q", "J."]
    chars = [*"aZ09_/'-.,;:()\"\u2019\u2018\u00e9\u00c9\u00df\u00ff\u00d7\u00b2\u0661\u03bb\u0416\u4e2d\u01c5",
             *"\u00c0\u00de", *_spaces(), "  ", " \n ", ""]
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 12)):
            kind = rng.random()
            parts.append(rng.choice(titles) if kind < 0.5 else rng.choice(follow) if kind < 0.75 else
                         rng.choice(chars))
            parts.append(rng.choice(chars) if rng.random() < 0.6 else " ")
        text = "".join(parts)
        out.append(text[:rng.randint(0, len(text))] if rng.random() < 0.4 else text)
    return out


def _listed(text: str) -> bool:
    """Whether a text is a list of participants, which find_persons() left to titled_mentions() before it was
    titled_mentions() that left it alone (titled.LIST_MARKS)."""
    return "articipants" in text or "ARTICIPANTS" in text or "ttendees" in text


def _heads(module: types.ModuleType, text: str, caps: bool) -> list[tuple[int, int]] | None:
    """A version's _titled_heads() as a list; None for a list of participants (see _listed)."""
    if _listed(text):
        return None
    return list(module._titled_heads(text, caps))


def check(cables: list, other: types.ModuleType, count: int) -> int:
    """The number of texts (corpus segments, then random texts) whose title words or titled mentions differ between
    the versions (title words in both cases), then of edge_texts() whose title words or mentions differ (both cases)."""
    assert titled_module._SPACES == _spaces(), "titled._SPACES is not the characters of `\\s`"
    texts = [(number, text, caps) for segs in cables for number, text, caps in segs]
    texts += [(0, text, caps) for text in random_texts(cables, count) for caps in (is_caps(text), not is_caps(text))]
    bad = 0
    for number, text, caps in texts:
        heads = [_heads(module, text, case) for module in (titled_module, other) for case in (caps, not caps)]
        mine = [astuple(m) for m in titled_module.titled_mentions(number, text, caps)]
        theirs = [astuple(m) for m in other.titled_mentions(number, text, caps)] if not _listed(text) else []
        if mine != theirs or heads[:2] != heads[2:]:
            bad += 1
            if bad <= 5:
                print("DIFF", caps, repr(text[:300]), mine, theirs, heads, sep="\n  ")
    print(f"{len(texts)} texts checked, {bad} differ")
    edges = edge_texts(count)
    bad_edges = 0
    for text in edges:
        heads = [_heads(module, text, caps) for module in (titled_module, other) for caps in (False, True)]
        heads += [[astuple(m) for m in module.titled_mentions(0, text, caps)] if module is titled_module
                  or not _listed(text) else [] for module in (titled_module, other) for caps in (False, True)]
        if heads[:2] != heads[2:4] or heads[4:6] != heads[6:]:
            bad_edges += 1
            if bad_edges <= 5:
                print("DIFF heads", repr(text[:300]), heads, sep="\n  ")
    print(f"{len(edges)} edge texts checked (in both cases), {bad_edges} differ")
    return bad + bad_edges


def main() -> None:
    """Time both versions (or check them) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--against", type=Path, required=True, help="another checkout to compare with")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="compare the mentions instead of timing")
    parser.add_argument("--random", type=int, default=20000, help="random texts for --check")
    args = parser.parse_args()
    cables = load_segments(args.paths)
    other = load_titled(args.against, "against")
    if args.check:
        sys.exit(1 if check(cables, other, args.random) else 0)
    # (timed on the texts both versions search: the lists of participants were left out by find_persons() before)
    cables = [[seg for seg in segs if not _listed(seg[1])] for segs in cables]
    variants = {"this": titled_module, "against": other}
    run_ab(cables[:100], 1, variants)  # warm the per-process caches of both
    figures = run_ab(cables, args.repeat, variants)
    n = len(cables)
    for key, seconds in figures.items():
        print(f"{key:8s} titled {seconds / n * 1000:.4f} ms/cable")
    print(f"this / against: {figures['this'] / figures['against']:.3f}   ({n} cables)")


if __name__ == "__main__":
    main()
