"""Reference ids: canonical form of a given id, or an id built from the classification line and a year."""

from __future__ import annotations

import csv
import re
from functools import cache

from converters.fields.common import CLASS_LINE, DATA, MONTHS, STATION_ALIASES, is_station, station_key, year4

_ID = re.compile(r"^(\d{2})([A-Z][A-Z-]*?)0*(\d+)$")
# '06SECTION01OF02HARARE628', '07SECTON03OF04DAKAR269', '06SECTIKN01OF03MINSK1223': a section marker in the id
_SECTION_IN_ID = re.compile(r"^(\d{2})S?[A-Z]{1,7}\d{1,2}[A-Z]{1,2}\d{1,2}(?=[A-Z]{3})")
_SERIAL_IN_LINE = re.compile(r"(?:SECTION\s*\d+\s*OF\s*\d+\s*)?(?P<words>[A-Z][A-Z .]*?)\s*0*(?P<serial>\d{1,6})(?!\d)")
_CAVEAT_WORDS = {"NOFORN", "SIPDIS", "SENSITIVE", "EXDIS", "NODIS", "LIMDIS", "ORCON", "SECTION", "OF", "FOR",
                 "CORRECTED", "COPY", "ONLY", "USE", "OFFICIAL", "NOT", "PAGE"}
_DTG = re.compile(r"\b(\d{2})(\d{2})(\d{2})Z\s*([A-Z]{3})\s*(\d{4}|\d{2})(?!\d)", re.IGNORECASE)
_DATE_LINE = re.compile(r"\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|"
                        r"November|December)\s+((?:19|20)\d{2})\b")
_DECL_YEAR = re.compile(r"\bDECL(?:ASSIFY)?\s*(?:ON)?\s*:?\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*(\d{4}|\d{2})(?!\d)",
                        re.IGNORECASE)


@cache
def _malformed() -> dict[str, str]:
    with (DATA / "malformed_ids.csv").open(encoding="utf-8") as handle:
        return {row["malformed"]: row["canonical"] for row in csv.DictReader(handle)}


def canonical_id(value: str | None) -> str | None:
    """'06ISLAMABAD010261', '06 islamabad 10261' or '09SECTION01OF03SANJOSE525' to the canonical id; None if not one."""
    text = re.sub(r"\s+", "", value or "").upper()
    text = _malformed().get(text, text)
    section = _SECTION_IN_ID.match(text)
    if section and not is_station(text[2:section.end()]):
        text = section.group(1) + text[section.end():]
    match = _ID.match(text)
    if not match:
        return None
    year, name, serial = match.groups()
    name = STATION_ALIASES.get(name, name)
    if name.startswith("AMEMBASSY") and len(name) > 9:
        name = name[9:]
    return f"{year}{name}{int(serial)}"


def station(ref_id: str) -> str | None:
    """The station part of a reference id: '06ISLAMABAD10261' to 'ISLAMABAD'."""
    match = _ID.match(ref_id)
    return match.group(2) if match else None


def _station_in_words(words: str) -> str | None:
    """The longest trailing run of words that names a known station; else the last plain word."""
    parts = [w for w in re.split(r"[\s.]+", words.strip()) if w]
    for start in range(max(0, len(parts) - 4), len(parts)):
        key = station_key(" ".join(parts[start:]))
        if is_station(key):
            return key
    if parts and parts[-1] not in _CAVEAT_WORDS and len(parts[-1]) >= 3:
        return station_key(parts[-1])
    return None


def station_serial(body: str) -> tuple[str, int] | None:
    """The station and serial of the classification line ('CONFIDENTIAL SECTION 01 OF 02 NEW DELHI 005237')."""
    head = body[:4000]
    match = CLASS_LINE.search(head)
    candidates = []
    if match:
        candidates.append(match["rest"][:120].upper())
    candidates.append(head[:600].upper())
    for text in candidates:
        for found in _SERIAL_IN_LINE.finditer(text):
            key = _station_in_words(found["words"])
            if key and (is_station(key) or text is candidates[0]):
                return key, int(found["serial"])
    return None


def year_from_text(header: str, body: str) -> tuple[int | None, str | None]:
    """The cable's year from its text, and how it was found: the DTG, a date line, dated references, DECL - 10."""
    dtg = _DTG.search(header) or _DTG.search(body[:1500])
    if dtg and dtg.group(4).upper() in MONTHS:
        return year4(dtg.group(5)), None
    dated = _DATE_LINE.search(body[:300])
    if dated:
        return int(dated.group(1)), "year of the reference id taken from the date line"
    head = body[:5000].upper()
    ref_years = [year4(y) for y, _ in re.findall(r"(?<![\d/])(\d{2}|\d{4})\s+([A-Z][A-Z ]{2,}?)\s+0*\d{2,6}\b", head)
                 if is_station(station_key(_)) and len(y) in (2, 4)]
    if ref_years:
        return max(ref_years), "year of the reference id guessed from the latest dated reference"
    decl = _DECL_YEAR.search(body[:5000])
    if decl:
        return year4(decl.group(1)) - 10, "year of the reference id guessed from the DECL date - 10"
    return None, None


def reference_id(given: str | None, header: str, body: str, created: str | None) -> tuple[str | None, list[str]]:
    """The canonical reference id: the container's (canonicalised), else built from the classification line."""
    if given:
        ref = canonical_id(given)
        if ref:
            return ref, ([] if ref == given else [f"reference id {given!r} canonicalised to {ref}"])
    found = station_serial(body)
    if not found:
        return None, []
    name, serial = found
    if created:
        return f"{created[2:4]}{name}{serial}", []
    year, how = year_from_text(header, body)
    if year is None:
        return None, [f"station {name} and serial {serial} found but no year"]
    return f"{year % 100:02d}{name}{serial}", [how] if how else []
