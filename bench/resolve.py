"""Benchmark: the CPU cost of what find_persons does besides the name finders (titled, untitled).

Usage: python bench/resolve.py /work/shared/data/cables [--repeat N]

The cables are parsed once. Two passes over them are timed in turn (time.process_time around a whole pass, best
of `repeat`), each on freshly scanned segments:
- finders: scan, then the name finders as find_persons calls them (titled names in every segment,
  then untitled names with the surnames find_persons would know);
- find_persons: scan, then find_persons.
The difference is the cost of the rest of find_persons: the frame mentions (TAGS, routing, Classified By, signer),
resolution (_merge, designations, surname-only mentions, office holders, role references), linking and the glue.
Run it with PYTHONPATH pointing at another checkout to compare two versions on the same machine. Later passes
find the per-process caches (names, links) filled by the earlier ones; `--repeat 1` times one cold pass.

`--check` instead compares, on every segment of the corpus, each search that resolve.py, designations.py and
frame_people.py run from candidate places with the plain pattern or loop it stands for (they rely on the shapes
of CAPWORD_RE, WORD_RE and the designation patterns: run it after changing those), and the role-reference
pattern with the plain pattern it stands for, on every segment and on random texts.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from converters.frame_people import classified_by_mention, routing_mentions, signer_mention, tag_mentions
from converters.parse import parse
from converters.readers import iter_files, read
from converters.record import UnreadableCable
from converters.resolve import find_persons
from converters.scan import scan
from converters.titled import titled_mentions
from converters.untitled import untitled_mentions


def _known(cable, segs) -> set[str]:
    """The surnames find_persons passes to untitled_mentions: the last words of the titled and frame mentions."""
    mentions = []
    for seg in segs:
        text = seg.text
        if "articipants" not in text and "ARTICIPANTS" not in text and "ttendees" not in text:
            mentions += titled_mentions(seg.number, text, seg.caps)
    special = [m for m in (classified_by_mention(cable), signer_mention(cable)) if m]
    special += tag_mentions(cable) + routing_mentions(cable)
    known = {m.name.split()[-1] for m in mentions + special}
    return known | {k.upper() for k in known}


def _finders(cables: list, knowns: list[set[str]]) -> float:
    """CPU seconds of scan plus the titled and untitled finders over the cables, called as find_persons calls them."""
    t0 = time.process_time()
    for cable, known in zip(cables, knowns, strict=True):
        segs = scan(cable)
        spans: dict[int, list[tuple[int, int]]] = {}
        for seg in segs:
            text = seg.text
            if "articipants" not in text and "ARTICIPANTS" not in text and "ttendees" not in text:
                for m in titled_mentions(seg.number, text, seg.caps):
                    spans.setdefault(m.paragraph, []).append((m.start, m.end))
        for seg in segs:
            if not seg.caps:
                untitled_mentions(seg, known, spans.get(seg.number, []))
    return time.process_time() - t0


def _persons(cables: list) -> float:
    """CPU seconds of scan plus find_persons over the cables."""
    t0 = time.process_time()
    for cable in cables:
        find_persons(cable, scan(cable))
    return time.process_time() - t0


def check(cables: list) -> int:
    """Compare the candidate searches with the plain forms they replace on every segment; the number of mismatches."""
    from converters import designations, frame_people, linking, resolve
    from converters.people import WORD_RE, patterns

    def spans(matches) -> list:
        return [(m.span(), m.groups()) for m in matches]

    # resolve._ROLE_REFERENCE without its `he(?=...)` lookahead: the pattern it stands for
    role_plain = re.compile(re.sub(r"^he\(\?=[^)]*\)", "he", resolve._ROLE_REFERENCE.pattern))
    assert role_plain.pattern != resolve._ROLE_REFERENCE.pattern
    bad = _check_role_reference(role_plain)
    for cable in cables:
        head = cable.body[:3000]
        bad += spans(frame_people._ROUTING_OFFICER.finditer(head)) != spans(frame_people._routing_matches(head))
        country = linking.host_country(cable.station)
        if country and country != "US" and cable.created:
            bad += linking.chief_of_mission(cable.station, cable.created) != linking._chief(country, cable.created[:10])
        for seg in scan(cable):
            text = seg.text
            if seg.caps:
                pattern = patterns()["designation_caps"]
                bad += spans(pattern.finditer(text)) != spans(designations._caps_designation_matches(pattern, text))
                if text.isascii():
                    words = [m.group() for m in WORD_RE.finditer(text)]
                    lookup = {w.lower().removesuffix("'s"): [0] for w in words[::7]}
                    plain = [(m.start(), m.group()) for m in WORD_RE.finditer(text)
                             if m.group().lower().removesuffix("'s") in lookup]
                    found = resolve._caps_words(text, text.lower(), lookup)
                    bad += found is not None and found != plain
                continue
            bad += spans(resolve._ROLE_REFERENCE.finditer(text)) != spans(role_plain.finditer(text))
            pattern = patterns()["designation"]
            found = designations._designation_matches(pattern, text, designations._designation_search(seg))
            bad += spans(pattern.finditer(text)) != spans(found)
            for match in resolve._ROLE_REFERENCE.finditer(text):  # the role-reference test lets the segment pass
                needles = frozenset([match["r"].split()[-1]])
                bad += needles.isdisjoint(seg.capwords) and not designations.after_apostrophe(text, tuple(needles))
    return bad


def _check_role_reference(plain: re.Pattern, rounds: int = 200000) -> int:
    """Compare resolve._ROLE_REFERENCE with the plain pattern on random texts made of its pieces; mismatches."""
    import random

    from converters import resolve

    pieces = ["the ", "The ", "he ", "  ", "\n", " ", "\t", "Foreign ", "Prime ", "Minister", "President",
              "Director General", "Deputy ", "Prime", "Deputy Prime ", "-", "of", " for", "Kasuri", "'s", "x",
              "othe ", "General", "Secretary", "Spokesman", "Sheikh", "King", "\u00e9", ".", "Vice", "Crown ", "Emir"]
    rng = random.Random(7)
    bad = 0
    for _ in range(rounds):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30)))
        bad += [(m.span(), m.groups()) for m in resolve._ROLE_REFERENCE.finditer(text)] != \
            [(m.span(), m.groups()) for m in plain.finditer(text)]
    return bad


def main() -> None:
    """Time both passes, print ms/cable of each (best pass) and of their difference (or run the check)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="compare the candidate searches with their plain forms")
    args = parser.parse_args()
    cables = []
    for raw in (raw for path in iter_files(args.paths) for raw in read(path)):
        try:
            cables.append(parse(raw))
        except UnreadableCable:
            continue
    if args.check:
        print(f"cables {len(cables)}: {check(cables)} mismatches")
        return
    knowns = [_known(cable, scan(cable)) for cable in cables]
    finders, persons = [], []
    for _ in range(args.repeat):
        finders.append(_finders(cables, knowns))
        persons.append(_persons(cables))
    n = len(cables) / 1000
    best_f, best_p = min(finders) / n, min(persons) / n
    print(f"cables {len(cables)}: scan + finders {best_f:.3f} ms/cable, scan + find_persons {best_p:.3f} ms/cable, "
          f"rest of find_persons {best_p - best_f:.3f} ms/cable (best of {args.repeat})")


if __name__ == "__main__":
    main()
