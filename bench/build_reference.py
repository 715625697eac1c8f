"""Build the reference tables shipped in ontology/data/ from the shared reference folder (run once, by hand).

    python bench/build_reference.py /work/shared/data/reference

Writes ontology/data/posts.csv (station_post_candidates.csv reviewed: ontology/data/posts_review.csv holds the
hand decisions and wins over the automatic match), ontology/data/countries.csv (FIPS/TAGS country codes with
Wikidata ids from country-codes.csv, fixed by tag_supplement.csv), and copies the TAGS label tables.
"""

from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "ontology" / "data"
ROUTE_TYPES = {"AMEMBASSY": "embassy", "AMCONSUL": "consulate", "USMISSION": "mission", "USMISSIN": "mission"}
LABELS = {"embassy": "Embassy", "consulate": "Consulate General", "mission": "US Mission"}
POST_COLUMNS = ["station_key", "type", "label", "city", "country_code", "country_name", "country_qid", "post_qid",
                "city_qid", "routing_indicators", "review"]


def _qid(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1] if url else ""


def countries(ref: Path) -> list[dict]:
    """One row per FIPS/TAGS country code: label, ISO alpha-2, Wikidata id, where it came from."""
    rows: dict[str, dict] = {}
    for r in csv.DictReader((ref / "country-codes.csv").open(encoding="utf-8")):
        fips = r["FIPS"].strip()
        name = r["official_name_en"] or r["CLDR display name"]
        if len(fips) == 2 and fips.isalpha():
            rows[fips] = {"code": fips, "label": name, "iso2": r["ISO3166-1-Alpha-2"].strip(),
                          "wikidata_qid": _qid(r["wikidata_id"]), "source": "datasets/country-codes (FIPS)"}
    for r in csv.DictReader((ref / "tag_supplement.csv").open(encoding="utf-8")):
        if r["tag_kind"] == "geo":
            rows[r["tag"]] = {"code": r["tag"], "label": r["label"], "iso2": r["iso3166_alpha2"],
                              "wikidata_qid": r["wikidata_qid"],
                              "source": f"tag_supplement.csv ({r['confidence']}): {r['note']}"}
    return sorted(rows.values(), key=lambda row: row["code"])


def posts(ref: Path, country_rows: list[dict]) -> list[dict]:
    """The reviewed posts table: hand review first, else the automatic match with its type taken from routing."""
    by_qid: dict[str, dict] = {}
    for preferred in ("datasets", "tag_supplement.csv (high)", "tag_supplement.csv (medium)"):
        for row in country_rows:
            if row["wikidata_qid"] and row["source"].startswith(preferred):
                by_qid.setdefault(row["wikidata_qid"], row)
    by_iso = {}
    for row in country_rows:
        if row["iso2"] and row["source"].startswith("datasets"):
            by_iso.setdefault(row["iso2"], row)
    for row in country_rows:  # supplement codes where the table has none (Kosovo)
        by_iso.setdefault(row["iso2"], row)
    by_iso["RS"] = next(r for r in country_rows if r["code"] == "RI")
    review = {r["station_key"]: r for r in csv.DictReader((OUT / "posts_review.csv").open(encoding="utf-8"))}
    out = []
    for cand in csv.DictReader((ref / "station_post_candidates.csv").open(encoding="utf-8")):
        key = cand["station_key"]
        routes = "|".join(dict.fromkeys(c for c in cand["route_codes"].split("|") if c))
        hand = review.get(key)
        if hand:
            country = by_iso[hand["iso2"]]
            row = {"station_key": key, "type": hand["type"], "label": hand["label"], "city": hand["city"],
                   "post_qid": hand["post_qid"], "city_qid": hand["city_qid"], "review": hand["note"]}
        else:
            route_type = {ROUTE_TYPES.get(n.split(" ")[0]) for n in cand["route_names"].split("|") if n} - {None}
            wd_type = "consulate" if "consul" in cand["wd_post_type"].lower() else "embassy"
            kind = route_type.pop() if len(route_type) == 1 else wd_type
            keep = kind == wd_type
            country = by_qid[_qid(cand["wd_countryQID"])]
            row = {"station_key": key, "type": kind, "label": f"{LABELS[kind]} {cand['wd_city']}",
                   "city": cand["wd_city"], "post_qid": _qid(cand["wd_post_QID"]) if keep else "",
                   "city_qid": _qid(cand["wd_cityQID"]),
                   "review": "automatic city match checked against the routing type" if keep else
                   f"routing says {kind}, Wikidata item is a {cand['wd_post_type']}: post link dropped"}
        row.update(country_code=country["code"], country_name=country["label"], country_qid=country["wikidata_qid"],
                   routing_indicators=routes)
        out.append({c: row[c] for c in POST_COLUMNS})
    unique = {row["station_key"]: row for row in out}  # duplicated candidates are settled by the hand review
    return sorted(unique.values(), key=lambda r: r["station_key"])


def _write(path: Path, rows: list[dict], columns: list[str]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def main(ref: Path) -> None:
    """Write the tables into ontology/data/."""
    country_rows = countries(ref)
    _write(OUT / "countries.csv", country_rows, ["code", "label", "iso2", "wikidata_qid", "source"])
    _write(OUT / "posts.csv", posts(ref, country_rows), POST_COLUMNS)
    for name in ("tags_subject.csv", "tags_organization.csv", "tag_supplement.csv"):
        shutil.copyfile(ref / name, OUT / name)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
