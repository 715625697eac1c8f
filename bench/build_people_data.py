"""Build the small reference tables of converters/people_data/ from the shared reference folder.

Usage: python bench/build_people_data.py /work/shared/data/reference [/work/shared/data/cables]

Writes station_country.csv, pocom_chiefs.csv, signers.json, wikidata_persons.csv and forenames.txt; each
is a filtered copy of a shared table (see converters/people_data/PROVENANCE.md). Not part of the product.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "converters" / "people_data"
CORE_OFFICE = re.compile(
    r"^(US )?(President|Prime Minister|Chancellor|Premier|King|Queen|Emir|Sultan|Head of State)\b|Minister of Foreign"
    r"|Foreign Minister|Minister for Foreign|External Affairs|Secretary of State|Vice President|Secretary-General"
    r"|Minister of Defen|Minister of (the )?Interior|Minister of Home|Minister of Finance|National Security Advisor"
    r"|^US ambassador", re.IGNORECASE)


def key(text: str) -> str:
    """Upper-case letters only: 'New Delhi' to 'NEWDELHI'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Z]", "", text.upper())


def iso_by_qid(ref: Path) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Country tables from country-codes.csv: Wikidata id -> ISO2, name key -> ISO2, capital key -> ISO2."""
    by_qid, by_name, by_capital = {}, {}, {}
    with (ref / "country-codes.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            iso = row["ISO3166-1-Alpha-2"].strip()
            if not iso:
                continue
            qid = row["wikidata_id"].rsplit("/", 1)[-1]
            if qid:
                by_qid[qid] = iso
            for name in (row["CLDR display name"], row["official_name_en"], row["UNTERM English Short"]):
                if name:
                    by_name[key(re.sub(r"\(.*?\)", "", name))] = iso
            if row["Capital"]:
                by_capital[key(row["Capital"])] = iso
    return by_qid, by_name, by_capital


def station_country(ref: Path, by_qid: dict, by_name: dict, by_capital: dict) -> dict[str, str]:
    """Station key -> ISO2, from the posts table (city), the reviewed candidates, and capitals."""
    out: dict[str, str] = {}
    with (ref / "us_diplomatic_posts_wikidata.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            iso = by_qid.get(row["countryQID"].rsplit("/", 1)[-1]) if row["countryQID"] else None
            if iso and row["city"]:
                out.setdefault(key(row["city"]), iso)
    with (ref / "station_post_candidates.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            iso = by_qid.get(row["wd_countryQID"].rsplit("/", 1)[-1]) if row["wd_countryQID"] else None
            if iso:
                out[row["station_key"]] = iso
    for capital, iso in by_capital.items():
        out.setdefault(capital, iso)
    out.update({"STATE": "US", "SECSTATE": "US", "USUNNEWYORK": "US", "USNATO": "US", "USEUBRUSSELS": "US"})
    return dict(sorted(out.items()))


def pocom(ref: Path, by_name: dict) -> list[dict]:
    """Chiefs of mission (ambassador, charge) serving after 1965, with their country."""
    people = {}
    with (ref / "pocom_people.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            people[row["person_id"]] = row
    rows = []
    with (ref / "pocom_appointments.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["source"] != "missions-countries" or row["person_id"] not in people:
                continue
            end = row["ended"] or "9999"
            start = row["started"] or row["appointed"]
            if end < "1980" or not start:
                continue
            territory = row["contemporary_territory_id"].replace("-", " ")
            iso = by_name.get(key(territory)) or {"BURMA": "MM", "KOREA": "KR", "CONGOKINSHASA": "CD",
                                                  "CONGOBRAZZAVILLE": "CG", "COTEDIVOIRE": "CI", "RUSSIA": "RU",
                                                  "IRAN": "IR", "SYRIA": "SY", "VIETNAM": "VN", "LAOS": "LA",
                                                  "BOSNIAHERZEGOVINA": "BA", "MACEDONIA": "MK", "TANZANIA": "TZ",
                                                  "MOLDOVA": "MD", "BOLIVIA": "BO", "VENEZUELA": "VE",
                                                  "CZECHREPUBLIC": "CZ", "SWAZILAND": "SZ", "BRUNEI": "BN",
                                                  "KOSOVO": "XK", "MICRONESIAFEDERATEDSTATESOF": "FM",
                                                  "SAINTVINCENTANDGRENADINES": "VC", "HOLYSEE": "VA",
                                                  "TURKEY": "TR", "UNITEDKINGDOM": "GB",
                                                  "CZECHOSLOVAKIA1993": "CZ", "GERMANDEMOCRATICREPUBLIC": "DE",
                                                  "SOCIALISTFEDERALREPUBLICOFYUGOSLAVIA1992": "RS"}.get(
                key(territory), "")
            person = people[row["person_id"]]
            rows.append({"person_id": row["person_id"], "forename": person["forename"],
                         "surname": person["surname"], "altnames": person["altnames"], "country": iso,
                         "role": row["role_title_id"], "started": start, "ended": row["ended"]})
    return rows


def wikidata(ref: Path, cable_names: set[str]) -> list[dict]:
    """Heads of state and government, foreign ministers and a few other top offices, plus anyone whose full
    name occurs in the shared cables; only the top positions are kept, aliases capped at four."""
    rows = []
    with (ref / "persons_wikidata.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if not row["positions"] or row["positions"].startswith(("spouse", "child", "father", "mother")):
                continue
            names = [row["name"], *[a for a in row["aliases"].split("|") if a]]
            top = [p for p in row["positions"].split("|") if CORE_OFFICE.search(p)]
            named = any(n in cable_names for n in names)
            if not top and not named:
                continue
            rows.append({"qid": row["qid"], "name": row["name"], "aliases": "|".join(names[1:5]),
                         "country": row["country"], "positions": "|".join(top or row["positions"].split("|")[:3]),
                         "peppercat_only": "1" if all(s.startswith("peppercatorg") for s in row["source"].split("|"))
                         else ""})
    return rows


def main() -> None:
    """Build every table."""
    ref = Path(sys.argv[1])
    cables = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    OUT.mkdir(exist_ok=True)
    by_qid, by_name, by_capital = iso_by_qid(ref)
    stations = station_country(ref, by_qid, by_name, by_capital)
    with (OUT / "station_country.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["station", "country"])
        writer.writerows(stations.items())
    with (ref / "country-codes.csv").open(encoding="utf-8") as handle, \
            (OUT / "iso_fips.csv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["iso", "fips"])
        for row in csv.DictReader(handle):
            iso, fips = row["ISO3166-1-Alpha-2"].strip(), row["FIPS"].strip()
            if iso and fips:
                writer.writerow([iso, fips])
    places: set[str] = set()
    with (ref / "country-codes.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for col in ("CLDR display name", "official_name_en", "UNTERM English Short", "Capital"):
                value = re.sub(r"\(.*?\)", "", row[col] or "").strip()
                if value and "," not in value:
                    places.add(value)
    with (ref / "us_diplomatic_posts_wikidata.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            for col in ("city", "country"):
                if row[col]:
                    places.add(row[col].strip())
    (OUT / "places.txt").write_text("\n".join(sorted(places)) + "\n", encoding="utf-8")
    chiefs = pocom(ref, by_name)
    with (OUT / "pocom_chiefs.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(chiefs[0]))
        writer.writeheader()
        writer.writerows(chiefs)
    signers = json.loads((ref / "signers.json").read_text(encoding="utf-8"))
    (OUT / "signers.json").write_text(json.dumps(signers, sort_keys=True, separators=(",", ":")), encoding="utf-8")
    names: set[str] = set()
    if cables:
        gram = re.compile(r"(?=\b([A-Z][a-z]+(?:[ -](?:al-|el-|bin |de |van )?[A-Z][a-z]+){1,3}))")
        for path in cables.rglob("*"):
            if path.is_file():
                text = path.read_text(encoding="utf-8", errors="ignore")
                for match in gram.finditer(text):
                    words = match.group(1).split()
                    for n in range(2, len(words) + 1):
                        names.add(" ".join(words[:n]))
    if cables:
        lower: Counter[str] = Counter()
        for path in cables.rglob("*"):
            if path.is_file():
                lower.update(re.findall(r"(?<![\w'-])[a-z]{3,}(?![\w'-])", path.read_text(encoding="utf-8",
                                                                                        errors="ignore")))
        common = sorted(w for w, n in lower.items() if n >= 8)
        (OUT / "english.txt").write_text("\n".join(common) + "\n", encoding="utf-8")
    people = wikidata(ref, names)
    with (OUT / "wikidata_persons.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(people[0]))
        writer.writeheader()
        writer.writerows(people)
    forenames: Counter[str] = Counter()
    with (ref / "persons_wikidata.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            parts = row["name"].split()
            if len(parts) >= 2 and re.fullmatch(r"[A-Z][a-z]+", parts[0]):
                forenames[parts[0]] += 1
    for chief in chiefs:
        parts = chief["forename"].split()
        if parts and re.fullmatch(r"[A-Z][a-z]+", parts[0]):
            forenames[parts[0]] += 3
    kept = sorted(name for name, n in forenames.items() if n >= 3)
    (OUT / "forenames.txt").write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"stations {len(stations)}, chiefs {len(chiefs)}, wikidata {len(people)}, forenames {len(kept)}")


if __name__ == "__main__":
    main()
