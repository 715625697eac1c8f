"""Reference ids: canonical form of a given id, or an id built from the classification line and a year."""

from __future__ import annotations

import csv
import re
from functools import cache

from converters.fields.common import CLASS_LINE, DATA, STATION_ALIASES, is_station, station_key

_ID = re.compile(r"^(\d{2})([A-Z][A-Z-]*?)0*(\d+)$")
# '06SECTION01OF02HARARE628', '07SECTON03OF04DAKAR269', '06SECTIKN01OF03MINSK1223': a section marker in the id
_SECTION_IN_ID = re.compile(r"^(\d{2})S?[A-Z]{1,7}\d{1,2}[A-Z]{1,2}\d{1,2}(?=[A-Z]{3})")
_SERIAL_IN_LINE = re.compile(r"(?:SECTION\s*\d+\s*OF\s*\d+\s*)?(?P<words>[A-Z][A-Z .]*?)\s*0*(?P<serial>\d{1,6})(?!\d)")
_HEAD_KEYWORD = re.compile(r"\bE\.?\s?O\.?\s*1\d{4}|\bTAGS?\b|\bSUBJ(?:ECT)?\s*:|\bREF", re.IGNORECASE)
_ID_JUNK = ("AMEMBASSY", "NOFORN", "SIFIED")
_CAVEAT_WORDS = {"NOFORN", "SIPDIS", "SENSITIVE", "EXDIS", "NODIS", "LIMDIS", "ORCON", "SECTION", "OF", "FOR",
                 "CORRECTED", "COPY", "ONLY", "USE", "OFFICIAL", "NOT", "PAGE"}


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
    for junk in _ID_JUNK:  # '85NOFORNMOGADISHU1643', '09AMEMBASSYHANOI903': a word glued to the station
        if name.startswith(junk) and is_station(name[len(junk):]):
            name = name[len(junk):]
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
    candidates = [(match["rest"][:120].upper(), True)] if match else []
    keyword = _HEAD_KEYWORD.search(head[:600])
    candidates.append((head[: keyword.start() if keyword else 600].upper(), False))
    for text, on_line in candidates:
        for found in _SERIAL_IN_LINE.finditer(text):
            key = _station_in_words(found["words"])
            if key and (is_station(key) or on_line):
                return key, int(found["serial"])
    return None


def reference_id(given: str | None, body: str, year: int | None,
                 how: str | None = None) -> tuple[str | None, list[str]]:
    """The canonical reference id: the container's (canonicalised), else the classification line's station and serial
    with the given year (and `how` that year was found, as a warning when it was guessed)."""
    if given:
        ref = canonical_id(given)
        if ref:
            return ref, ([] if ref == given else [f"reference id {given!r} canonicalised to {ref}"])
    found = station_serial(body)
    if not found:
        return None, []
    name, serial = found
    if year is None:
        return None, [f"station {name} and serial {serial} found but no year"]
    return f"{year % 100:02d}{name}{serial}", [how] if how else []
