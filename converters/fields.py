"""Field parsers: one small pure function per field of a cable, each working on multi-line and flattened text."""

from __future__ import annotations

import re
from datetime import date, datetime

from converters.normalize import unspace

LEVELS = ("TOP SECRET", "SECRET", "CONFIDENTIAL", "LIMITED OFFICIAL USE", "UNCLASSIFIED")
CAVEATS = ("NOFORN", "ORCON", "NOCONTRACT", "PROPIN", "FOUO", "FOR OFFICIAL USE ONLY", "SENSITIVE")
HANDLING = ("SIPDIS", "NODIS", "EXDIS", "LIMDIS", "STADIS", "ROGER", "CHEROKEE", "TERREP")
MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1)}

_ID = re.compile(r"^(\d{2})([A-Z][A-Z-]*?)0*(\d+)$")
_LEVEL_WORD = (
    r"(?P<level>T\s?O\s?P\s+S\s?E\s?C\s?R\s?E\s?T|S\s?E\s?C\s?R\s?E\s?T|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L"
    r"|U\s?N\s?C\s?L\s?A\s?S(?:\s?S\s?I\s?F\s?I\s?E\s?D)?|LIMITED\s+OFFICIAL\s+USE)"
)
_CLASS_LINE = re.compile(
    r"^[^\w\n]*" + _LEVEL_WORD + r"(?P<rest>[^\n]{0,160})", re.IGNORECASE | re.MULTILINE)
_ID_IN_LINE = re.compile(r"(?:SECTION\s+\d+\s+OF\s+\d+\s+)?(?P<station>[A-Z][A-Z ]*?[A-Z])\s+0*(?P<serial>\d{3,})\b")
_DTG = re.compile(r"\b(\d{2})(\d{2})(\d{2})Z\s*([A-Z]{3})\s*(\d{4}|\d{2})(?!\d)")
_TAGS_KEY = re.compile(r"(?<![A-Za-z])(?:TAGS?|TAGE|TAS|TABS|TGS|AGS)\s*:\s*", re.IGNORECASE)
_STOP = r"(?=\n\s*\n|\s{3,}|\bSUBJ(?:ECT)?\s*:|\bREF(?:S|ERENCE)?S?\s*:|\bCLASSIFIED\s+BY\b|\u00b6|$)"
_SUBJECT = re.compile(r"(?<![a-z])(?:SUBJ(?:ECT)?|Subj(?:ect)?|subject)\s*:\s*(.+?)(?=\n[ \t]*\n|\s{4,}"
                      r"|(?i:\bREF(?:S|ERENCES?)?\s*:|\bClassified\s+By\b)|\u00b6|\n\s*1\.\s|$)",
                      re.DOTALL)
_REF_BLOCK = re.compile(r"\bREF(?:S|ERENCES?)?\s*:\s*(.+?)(?=\bClassified\s+By\b|\u00b6\s*1\b|(?:^|\n|\s{2})\s*1\.\s"
                        r"|\bSUMMARY\b|\n\s*\n\s*\n|$)", re.IGNORECASE | re.DOTALL)
_REF_ITEM = re.compile(r"(?:(?<=\s)|^)(?:(?P<year>\d{2}|\d{4})\s+)?(?P<station>[A-Z][A-Z]+(?:\s[A-Z]{2,})*?)"
                       r"\s+0*(?P<serial>\d{1,7})\b")
_STATION_ALIASES = {"SECSTATE": "STATE", "SECSTATEWASHDC": "STATE", "SECTATE": "STATE", "SECSTAT": "STATE",
                    "USUN": "USUNNEWYORK", "USUNNY": "USUNNEWYORK"}
_NOT_STATIONS = {"AND", "OF", "THE", "REF", "REFS", "PARA", "PARAS", "SECTION", "DATED", "TEL", "TELCON", "EMAIL",
                 "FAX", "PAGE", "NO", "NOV", "DEC", "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
                 "OCT", "CIRCULAR", "IIR", "TD", "A", "B", "C", "D", "E", "F"}
_DECL = re.compile(r"\bDECL(?:ASSIFY)?\s*(?:ON)?\s*:?\s*(\d{1,2})/(\d{1,2})/(\d{2,4})", re.IGNORECASE)
_FM = re.compile(r"\bFM\s+(AMEMBASSY|AMCONSUL|AMCONGEN|USMISSION|SECSTATE|USDEL|AMEMB)\s+([A-Z][A-Z .]*?)"
                 r"(?=\s*(?:\bTO\b|\n|$))")
_PARAGRAPH = re.compile(r"(?:^|\n|\s{2,})\s*\u00b6?\s*(?P<num>\d{1,2})\s*\.\s+(?:\((?P<mark>[A-Z/ ]{1,12})\)\s*)?")


def _year4(year: str) -> int:
    y = int(year)
    if len(year) == 4:
        return y
    return 1900 + y if y >= 40 else 2000 + y


def canonical_id(value: str) -> str | None:
    """'06ISLAMABAD010261' or '06 islamabad 10261' to '06ISLAMABAD10261'; None when not an id."""
    text = re.sub(r"\s+", "", value or "").upper()
    match = _ID.match(text)
    if not match:
        return None
    year, station, serial = match.groups()
    return f"{year}{_STATION_ALIASES.get(station, station)}{int(serial)}"


def station(ref_id: str) -> str | None:
    """The station part of a reference id: '06ISLAMABAD10261' to 'ISLAMABAD'."""
    match = _ID.match(ref_id)
    return match.group(2) if match else None


def classification(body: str, given: str | None) -> tuple[str | None, list[str]]:
    """The classification level and caveats, from the container's metadata and the text's first line."""
    level: str | None = None
    caveats: list[str] = []
    if given:
        parts = [p.strip() for p in re.split(r"//|/", given.upper()) if p.strip()]
        for part in parts:
            if part in LEVELS and level is None:
                level = part
            elif part == "UNCLAS":
                level = "UNCLASSIFIED"
            elif part:
                caveats.append("FOR OFFICIAL USE ONLY" if part == "FOUO" else part)
    match = _CLASS_LINE.search(body[:3000])
    if match:
        word = unspace(match["level"])
        text_level = {"UNCLAS": "UNCLASSIFIED", "TOPSECRET": "TOP SECRET",
                      "LIMITEDOFFICIALUSE": "LIMITED OFFICIAL USE"}.get(word, word)
        level = level or text_level
        rest = match["rest"].upper()
        for caveat in CAVEATS:
            if re.search(rf"\b{caveat}\b", rest) and caveat not in caveats:
                caveats.append(caveat)
        rel = re.search(r"\bREL(?:EASABLE)?\s+TO\s+([A-Z, ]+?)(?=\s{2}|$)", rest)
        if rel:
            caveats.append("REL TO " + " ".join(rel.group(1).split()))
    return level, caveats


def reference_id(given: str | None, body: str, created: str | None) -> tuple[str | None, list[str]]:
    """The canonical reference id: the container's, else built from the text's classification line and year."""
    if given:
        ref = canonical_id(given)
        if ref:
            return ref, ([] if ref == given else [f"reference id {given!r} canonicalised to {ref}"])
    match = _CLASS_LINE.search(body[:3000])
    if not match:
        return None, []
    found = _ID_IN_LINE.search(match["rest"].upper())
    if not found:
        return None, []
    name = found["station"].replace(" ", "")
    name = _STATION_ALIASES.get(name, name)
    if created:
        year = created[2:4]
        return f"{year}{name}{int(found['serial'])}", []
    decl = _DECL.search(body[:2000])
    if decl:
        year = (_year4(decl.group(3)) - 10) % 100
        return f"{year:02d}{name}{int(found['serial'])}", ["year of the reference id guessed from DECL date - 10"]
    return None, [f"station {name} and serial {found['serial']} found but no year"]


def dtg(header: str, body: str) -> str | None:
    """The date-time group ('021246Z JUN 06') of the routing header, or None."""
    match = _DTG.search(header) or _DTG.search(body[:600])
    if not match:
        return None
    day, hour, minute, month, year = match.groups()
    return f"{day}{hour}{minute}Z {month} {year}"


def created_from_dtg(header: str, body: str) -> str | None:
    """The creation time from the date-time group, as ISO 8601, when the container gives none."""
    match = _DTG.search(header) or _DTG.search(body[:600])
    if not match or match.group(4) not in MONTHS:
        return None
    day, hour, minute, month, year = match.groups()
    try:
        return datetime(_year4(year), MONTHS[month], int(day), int(hour), int(minute)).isoformat()
    except ValueError:
        return None


def origin_from_header(header: str, body: str) -> str | None:
    """'FM AMEMBASSY ISLAMABAD' to 'Embassy Islamabad'."""
    match = _FM.search(header) or _FM.search(body[:1500])
    if not match:
        return None
    kind = {"AMEMBASSY": "Embassy", "AMEMB": "Embassy", "AMCONSUL": "Consulate", "AMCONGEN": "Consulate",
            "USMISSION": "Mission", "USDEL": "Delegation", "SECSTATE": "Secretary of State"}[match.group(1)]
    place = " ".join(match.group(2).split()).title()
    return kind if kind == "Secretary of State" else f"{kind} {place}"


def _tag_value(body: str) -> str | None:
    match = _TAGS_KEY.search(body[:6000])
    if not match:
        return None
    rest = body[match.end():match.end() + 400]
    stop = re.search(r"\n\s*\n|\s{3,}|SUBJ(?:ECT)?\s*:|Subj(?:ect)?\s*:|\bREF\s*:|\bClassified\s+By|\u00b6", rest)
    value = rest[: stop.start()] if stop else rest
    lines = value.split("\n")
    kept = [lines[0]]
    for line in lines[1:]:
        if kept[-1].rstrip().endswith(","):
            kept.append(line)
        else:
            break
    return " ".join(kept)


def tags(body: str) -> list[str]:
    """The TAGS codes: 'TAGS: PK, PREL, PGOV' to ['PK', 'PREL', 'PGOV']; commas or spaces, keyword typos allowed."""
    value = _tag_value(body)
    if not value:
        return []
    if "," in value:
        items = [" ".join(p.split()) for p in value.split(",")]
    else:
        items = value.split()
    out: list[str] = []
    for item in items:
        item = item.strip(" .;()").upper()
        if item and item not in out and len(item) <= 40:
            out.append(item)
    return out


def subject(body: str) -> str | None:
    """The SUBJECT line, its wrapped lines joined, whitespace folded."""
    match = _SUBJECT.search(body[:8000])
    if not match:
        return None
    text = " ".join(match.group(1).split()).strip()
    return text or None


def references(body: str, ref_id: str, given: list[str]) -> list[str]:
    """Cables cited in the REF block (A. ISLAMABAD 10142 B. STATE 87686), plus the container's list."""
    cable_year = ref_id[:2]
    out: list[str] = []
    match = _REF_BLOCK.search(body[:10000])
    if match:
        block = re.sub(r"\b[A-Z]\s*[.)]\s+", " ", match.group(1).upper())
        for item in _REF_ITEM.finditer(block):
            name = item["station"].replace(" ", "")
            if name in _NOT_STATIONS or len(name) < 3:
                continue
            name = _STATION_ALIASES.get(name, name)
            year = item["year"]
            yy = f"{_year4(year) % 100:02d}" if year else cable_year
            ref = f"{yy}{name}{int(item['serial'])}"
            if ref != ref_id and ref not in out:
                out.append(ref)
    for ref in given:
        canon = canonical_id(ref)
        if canon and canon != ref_id and canon not in out:
            out.append(canon)
    return out


def declassify_on(body: str) -> str | None:
    """'E.O. 12958: DECL: 06/02/2016' to '2016-06-02'; None for OADR, N/A or when absent."""
    match = _DECL.search(body[:3000])
    if not match:
        return None
    month, day, year = match.groups()
    try:
        return date(_year4(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def handling(body: str) -> list[str]:
    """Handling and distribution markers (SIPDIS, EXDIS, NODIS, ...) near the top of the cable."""
    head = body[:1500].upper()
    return [marker for marker in HANDLING if re.search(rf"\b{marker}\b", head)]


def paragraphs(body: str) -> list[dict]:
    """Numbered paragraphs with their marking: '1. (C) text' to {'number': 1, 'classification': 'C', ...}."""
    out: list[dict] = []
    matches = [m for m in _PARAGRAPH.finditer(body)]
    expected = 1
    kept = []
    for match in matches:
        if int(match["num"]) == expected:
            kept.append(match)
            expected += 1
    for i, match in enumerate(kept):
        end = kept[i + 1].start() if i + 1 < len(kept) else len(body)
        text = " ".join(body[match.end():end].split())
        mark = match["mark"].replace(" ", "") if match["mark"] else None
        out.append({"number": int(match["num"]), "classification": mark, "text": text})
    return out


def signer(body: str) -> str | None:
    """The surname that signs the cable, at its end ('CROCKER'), ignoring trailing classification and NNNN."""
    tail = re.sub(r"(?:\s|NNNN|END OF DOCUMENT|\"|" + _LEVEL_WORD + r")+$", "", body.rstrip()[-300:],
                  flags=re.IGNORECASE)
    match = re.search(r"(?:^|\n|\s{2,}|\.\s+)([A-Z][A-Z'-]+(?:\s[A-Z][A-Z'-]+)?)\s*$", tail)
    if not match:
        return None
    name = match.group(1)
    return None if name in {"END", "COMMENT", "SUMMARY", "NOTE"} else name
