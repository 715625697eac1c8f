"""References: the cables a cable cites in its REF block(s), as canonical reference ids."""

from __future__ import annotations

import re

from converters.fields.common import CLASSIFIED_BY, STATION_ALIASES, is_station, station_key, year4
from converters.fields.ids import canonical_id

_REF_KEY = re.compile(r"(?:REF(?:S|TELS?|ERENCES?)?\s*:|REF(?:TELS?)?\s*[:.]?\s*(?=[A-Z][.)]\s))\s*",
                      re.IGNORECASE)
_REF_END = re.compile(CLASSIFIED_BY + r"\b|\u00b6\s*\d|\n\s*\d{1,2}\s*\.\s|\s{2,}\d{1,2}\.\s|\bSUMMARY\b|\n\s*\n\s*\n"
                      r"|\bE\.\s?O\.\s*1\d{4}|\bSUBJECT\s*:|\bTAGS\s*:|\n\s*\n(?=\s*[A-Z][a-z])", re.IGNORECASE)
_ITEM_LETTER = re.compile(r"(?:^|(?<=\s)|(?<=\u00b6)|(?<=[;,]))\(?[A-Z]\s*[.)](?=\s)")
_NOT_CABLES = re.compile(r"E-?MAIL|TELCON|TELECON|PHONE|FAX|MEMCON|CONVERSATION|LETTER|MEETING|DEMARCHE\s+ON|"
                         r"WWW\.|HTTP|@", re.IGNORECASE)
_REF_ITEM = re.compile(
    r"(?<![A-Z0-9/])(?:(?P<year>\d{2,4})\s*)?(?P<station>[A-Z][A-Z]+\.?(?:\s[A-Z]{2,}){0,3}?)\s*0*(?P<serial>\d{1,7})"
    r"(?:-(?P<suffix>\d{2})(?!\d))?(?!\d)"
    r"(?P<more>(?:\s*(?:,|\bAND\b|&|/)\s*0*\d{2,7}(?![\d])(?!\s+[A-Z]{3,}\s+\d))*)")
_NOT_STATIONS = {"NOV", "DEC", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "PARA", "PARAS",
                 "SECTION", "CA", "TD", "IIR", "DOS"}


def ref_blocks(body: str, head_end: int) -> list[str]:
    """The REF blocks of the head (up to head_end): 'REF: A. ISLAMABAD 10142 B. STATE 87686'."""
    head = body[: max(head_end, 0) or 3000]
    blocks = []
    for match in _REF_KEY.finditer(head):
        rest = body[match.end(): match.end() + 1200]
        end = _REF_END.search(rest)
        blocks.append(rest[: end.start()] if end else rest[:400])
    return blocks


def _items(block: str) -> list[str]:
    text = block.upper().replace("\u00b6", " ")
    return [item for item in _ITEM_LETTER.split(text) if item.strip()]


def dated_reference_years(body: str, head_end: int) -> list[int]:
    """The years written in the REF blocks' citations ('05 ISLAMABAD 17853' gives 2005)."""
    years = []
    for block in ref_blocks(body, head_end):
        for item in _items(block):
            for found in _REF_ITEM.finditer(item):
                if found["year"] and len(found["year"]) in (2, 4) and is_station(station_key(found["station"])):
                    years.append(year4(found["year"]))
    return years


def references(body: str, ref_id: str, head_end: int, given: list[str] | None = None) -> list[str]:
    """Cables cited in the REF blocks (A. ISLAMABAD 10142 B. STATE 87686; X 2799 AND 2764), plus the container's."""
    cable_year = ref_id[:2]
    out: list[str] = []

    def add(ref: str | None) -> None:
        """Keep a reference once, never the cable itself."""
        if ref and ref != ref_id and ref not in out:
            out.append(ref)

    for block in ref_blocks(body, head_end):
        for item in _items(block):
            if _NOT_CABLES.search(item):
                continue
            for found in _REF_ITEM.finditer(item):
                name = found["station"]
                key = station_key(name)
                if not is_station(key):
                    words = name.split()
                    key = next((station_key(" ".join(words[i:])) for i in range(1, len(words))
                                if is_station(station_key(" ".join(words[i:])))), key)
                key = STATION_ALIASES.get(key, key)
                if not is_station(key) or key in _NOT_STATIONS:
                    continue
                year = found["year"] or found["suffix"]
                yy = f"{year4(year) % 100:02d}" if year and len(year) in (2, 3, 4) else cable_year
                add(f"{yy}{key}{int(found['serial'])}")
                for serial in re.findall(r"\d+", found["more"] or ""):
                    add(f"{yy}{key}{int(serial)}")
    for ref in given or []:
        add(canonical_id(ref))
    return out
