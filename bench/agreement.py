"""Agreement checks on the shared corpus: flattened vs multi-line versions, and text vs container metadata.

Usage: python bench/agreement.py /work/shared/data/cables [--show N]

(a) the flattened cables (flattened-2010-11-28) against their multi-line versions (wikileaks-2010-12): the same
    reference id (parsed from the text), classification, TAGS, subject, references, classified_by, declassify_on;
(b) for every container with metadata: the id, date, origin and classification parsed from the TEXT alone agree
    with the container's own metadata.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from converters import fields, readers  # noqa: E402
from converters.normalize import normalize_text  # noqa: E402
from converters.parse import parse  # noqa: E402
from converters.record import RawCable, UnreadableCable  # noqa: E402


def _squash(value: str | None) -> str:
    """Compare subjects without whitespace and case: flattening lost spaces at line ends ('ANDYOUNGER')."""
    return re.sub(r"[\s\W]+", "", value or "").upper()


def _by(cable) -> tuple:
    by = cable.classified_by
    if by is None:
        return (None, None, ())
    return (_squash(by.name), _squash(by.title), tuple(by.reasons))


FIELDS_A = {
    "reference_id": lambda c, t: t.reference_id,
    "classification": lambda c, t: c.classification,
    "tags": lambda c, t: tuple(c.tags),
    "subject": lambda c, t: _squash(c.subject),
    "references": lambda c, t: tuple(sorted(c.references)),
    "classified_by": lambda c, t: _by(c),
    "declassify_on": lambda c, t: c.declassify_on,
}


def text_only(raw: RawCable):
    """Parse with the container's metadata removed, so every field comes from the text."""
    try:
        return parse(replace(raw, meta={}))
    except UnreadableCable:
        return None


def load(folder: Path) -> dict[str, list[RawCable]]:
    """Every RawCable of the shared folder, by container folder name."""
    out: dict[str, list[RawCable]] = collections.defaultdict(list)
    for path in readers.iter_files([folder]):
        fmt = readers.detect_format(path)
        if fmt:
            out[path.relative_to(folder).parts[0]].extend(readers.read(path, fmt))
    return out


def check_flattened(by_folder: dict[str, list[RawCable]]) -> tuple[dict, list]:
    """(a): per field, agreeing / compared, and the disagreements."""
    multi = {r.meta.get("reference_id"): r for r in by_folder["wikileaks-2010-12"]}
    counts: dict[str, list[int]] = {f: [0, 0] for f in FIELDS_A}
    diffs = []
    for raw in by_folder["flattened-2010-11-28"]:
        other = multi.get(raw.meta.get("reference_id"))
        if other is None:
            continue
        flat, full = parse(raw), parse(other)
        flat_t, full_t = text_only(raw), text_only(other)
        for name, get in FIELDS_A.items():
            a = get(flat, flat_t) if flat_t else None
            b = get(full, full_t) if full_t else None
            counts[name][1] += 1
            if a == b:
                counts[name][0] += 1
            else:
                diffs.append((name, flat.reference_id, a, b))
    return counts, diffs


def _fields_only(raw: RawCable) -> SimpleNamespace:
    """When the text gives no year (no id), the date, origin and classification the text still gives."""
    body, header = normalize_text(raw.body), normalize_text(raw.header)
    found = fields.station_serial(body)
    return SimpleNamespace(
        reference_id=None,
        created=fields.created_from_dtg(header, body) or fields.created_from_date_line(body),
        origin=fields.origin(found[0] if found else None, header, body),
        classification=fields.classification(body, None)[0],
    )


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def check_metadata(by_folder: dict[str, list[RawCable]]) -> tuple[dict, list]:
    """(b): per field, agreeing / compared, and the disagreements (dates may differ by a day: DTG is Zulu time)."""
    counts: dict[str, list[int]] = {f: [0, 0, 0] for f in ("reference_id", "created", "origin", "classification")}
    diffs = []
    for folder, raws in sorted(by_folder.items()):
        for raw in raws:
            meta = raw.meta
            if not meta.get("reference_id"):
                continue
            full = parse(raw)
            text = text_only(raw) or _fields_only(raw)
            pairs = {
                "reference_id": (text.reference_id, full.reference_id),
                "created": (_day(text.created), _day(meta.get("created"))),
                "origin": (text.origin, meta.get("origin")),
                "classification": (text.classification, full.classification),
            }
            for name, (got, want) in pairs.items():
                if want is None:
                    continue
                if got is None:  # the text does not carry this field at all: counted apart
                    counts[name][2] += 1
                    diffs.append((name, f"{folder}:{full.reference_id}", got, want))
                    continue
                counts[name][1] += 1
                ok = got == want or (name == "created" and got and abs((got - want).days) <= 1)
                if ok:
                    counts[name][0] += 1
                else:
                    diffs.append((name, f"{folder}:{full.reference_id}", got, want))
    return counts, diffs


def report(title: str, counts: dict, diffs: list, show: int) -> None:
    """Print the per-field agreement table and the first disagreements."""
    print(f"\n## {title}\n\n| field | agree | compared | % | not in the text |\n|---|---:|---:|---:|---:|")
    for name, (ok, total, *missing) in counts.items():
        share = 100 * ok / total if total else 0
        print(f"| {name} | {ok} | {total} | {share:.1f} | {missing[0] if missing else '-'} |")
    for name, ref, got, want in diffs[:show]:
        print(f"- {name} {ref}: text {got!r} vs {want!r}")


def main() -> None:
    """Run both checks on the folder given and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--show", type=int, default=1000, help="how many disagreements to list")
    args = parser.parse_args()
    by_folder = load(args.folder)
    report("(a) flattened vs multi-line", *check_flattened(by_folder), show=args.show)
    report("(b) text vs container metadata", *check_metadata(by_folder), show=args.show)


if __name__ == "__main__":
    main()
