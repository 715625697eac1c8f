"""Build the parser's small data tables (converters/data/) from the shared reference folder and cable metadata.

Usage: python bench/build_tables.py /work/shared/data   (never run by the product or the tests)
"""

from __future__ import annotations

import collections
import csv
import gzip
import json
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "converters" / "data"
_ID = re.compile(r"^(\d\d)([A-Z]+?)(\d+)$")
_HAND = {  # labels for stations neither the sample metadata nor the routing names cover
    "AITTAIPEI": "American Institute Taiwan, Taipei", "TAIPEI": "American Institute Taiwan, Taipei",
    "ALEXANDRIA": "Consulate Alexandria", "ALMATY": "Consulate Almaty", "BASRAH": "REO Basrah",
    "BELIZE": "Embassy Belize", "CHENNAI": "Consulate Chennai", "HILLAH": "REO Hillah",
    "IRANRPODUBAI": "Iran RPO Dubai", "IZMIR": "Consulate Izmir", "JOHANNESBURG": "Consulate Johannesburg",
    "KADUNA": "Consulate Kaduna", "KIEV": "Embassy Kiev", "KIRKUK": "REO Kirkuk", "MADRAS": "Consulate Madras",
    "MELBOURNE": "Consulate Melbourne", "MOSUL": "REO Mosul", "PARISFR": "Mission UNESCO",
    "UNESCOPARISFR": "Mission UNESCO", "PORTLOUIS": "Embassy Port Louis", "QUITO": "Embassy Quito",
    "USEUBRUSSELS": "USEU Brussels", "USOSCE": "Mission USOSCE", "VIENTIANE": "Embassy Vientiane",
    "YAOUNDE": "Embassy Yaounde", "AMEMBASSYHANOI": "Embassy Hanoi", "WASHDC": "Secretary of State",
    "USUNNEWYORK": "USUN New York", "USNATO": "Mission USNATO",
}
_FORCE = {  # the sample metadata is split here: WikiLeaks also labelled some BRUSSELS (embassy) cables USEU
    "BRUSSELS": "Embassy Brussels",
}
_KINDS = {"AMEMBASSY": "Embassy", "AMCONSUL": "Consulate", "USMISSION": "Mission", "AMCONGEN": "Consulate"}


def _corpus_origins(cables: Path) -> dict[str, collections.Counter]:
    seen: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for name in ("wikileaks-2010-12/cables.jsonl", "flattened-2010-11-28/cables.jsonl"):
        for line in (cables / name).open(encoding="utf-8"):
            obj = json.loads(line)
            ref = obj.get("refid") or obj.get("_id") or ""
            match = _ID.match(ref)
            if match and obj.get("origin"):
                seen[match.group(2)][obj["origin"]] += 1
    for path in (cables / "cables-csv").glob("*.csv"):
        text = path.read_text(encoding="utf-8", errors="replace")
        for ref, origin in re.findall(r'^"\d+","[^"]*","(\d\d[A-Z]+\d+)","([^"]+)"', text, re.MULTILINE):
            seen[_ID.match(ref).group(2)][origin] += 1
    return seen


def stations(data: Path) -> None:
    """stations.csv: every station key with at least 3 cables in the complete id list, and its post's label."""
    counts: collections.Counter = collections.Counter()
    with gzip.open(data / "reference" / "cable2month.csv.gz", "rt") as handle:
        for line in handle:
            match = _ID.match(line.split(",")[0])
            if match:
                counts[match.group(2)] += 1
    corpus = _corpus_origins(data / "cables")
    routes = {}
    with (data / "reference" / "station_post_candidates.csv").open() as handle:
        for row in csv.DictReader(handle):
            routes[row["station_key"]] = row["route_names"].split("|")[0]
    rows = []
    for key, count in sorted(counts.items()):
        if count < 3:
            continue
        if key in _FORCE:
            origin, how = _FORCE[key], "hand"
        elif corpus.get(key):
            origin, how = corpus[key].most_common(1)[0][0], "cable metadata"
        elif key in _HAND:
            origin, how = _HAND[key], "hand"
        elif routes.get(key):
            kind, _, place = routes[key].partition(" ")
            origin, how = f"{_KINDS.get(kind, kind.title())} {place.title()}", "routing name"
        elif key.startswith("EFTO") and (key[4:] in corpus or key[4:] in _HAND):
            base = corpus[key[4:]].most_common(1)[0][0] if key[4:] in corpus else _HAND[key[4:]]
            origin, how = base, "as its station"
        else:
            origin, how = "", ""
        rows.append((key, origin, count, how))
    with (OUT / "stations.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("station", "origin", "cables", "origin_from"))
        writer.writerows(rows)


def routes(data: Path) -> None:
    """routes.csv: routing indicator to station name (ACP 117 via cablemap)."""
    with (data / "reference" / "route2name.csv").open() as src, (OUT / "routes.csv").open("w") as dst:
        dst.write("route,name\n")
        dst.write(src.read())


def tag_codes(data: Path) -> None:
    """tags.csv: TAGS codes known to be tags (subject, program, organization, country FIPS codes)."""
    ref = data / "reference"
    codes: set[str] = set()
    for name in ("subject-tags.txt", "organization-tags.txt"):
        codes |= {ln.strip() for ln in (ref / name).open() if ln.strip() and not ln.startswith("#")}
    for name, column in (("tags_subject.csv", "code"), ("tags_organization.csv", "code"), ("tag_supplement.csv", "tag"),
                         ("country-codes.csv", "FIPS")):
        with (ref / name).open(encoding="utf-8") as handle:
            codes |= {row[column].strip() for row in csv.DictReader(handle) if row[column].strip()}
    (OUT / "tags.csv").write_text("\n".join(sorted(c for c in codes if " " not in c)) + "\n")


if __name__ == "__main__":
    root = Path(sys.argv[1])
    OUT.mkdir(parents=True, exist_ok=True)
    stations(root)
    routes(root)
    tag_codes(root)
