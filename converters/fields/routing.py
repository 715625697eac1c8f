"""The routing header: transmission id, date-time group, sender, and the TO and INFO addressees."""

from __future__ import annotations

import re
from datetime import datetime

from converters.fields.common import CLASS_LINE, MONTHS, routes_by_name, stations, year4
from converters.record import Recipient

_TID = re.compile(r"\b(VZCZC[A-Z]{2,4}\d{2,5})")
_DTG = re.compile(r"\b([0-3]\d)([0-2]\d)([0-5]\d)Z\s*([A-Z]{3})\s*(\d{4}|\d{2})(?!\d)", re.IGNORECASE)
_FM = re.compile(r"(?:^|\n|\s)FM\s+(?:R[A-Z]{3,6}/)?(?P<name>[A-Z][A-Z .'/-]*?)\s*(?=\n|\bTO\s|$)")
_KINDS = {"AMEMBASSY": "Embassy", "AMEMB": "Embassy", "AMCONSUL": "Consulate", "AMCONGEN": "Consulate",
          "USMISSION": "Mission", "USDEL": "Delegation", "AMERICAN EMBASSY": "Embassy"}
_PRECEDENCE = r"FLASH|NIACT\s+IMMEDIATE|IMMEDIATE|PRIORITY|PIORITY|PRIORTY|ROUTINE"
_ENTRY = re.compile(
    r"(?P<route>R[A-Z]{3,7})\s*/\s*(?P<name>[A-Z][A-Z0-9 .&'()/-]*?)"
    r"(?:\s+(?P<prec>" + _PRECEDENCE + r"))?(?:\s*(?P<serial>\d{1,5}))?"
    r"(?=\s*(?:R[A-Z]{3,7}\s*/|INFO\b|BT\b|ZEN\b|\n|$)|(?=INFO))")
_PLAIN = re.compile(r"^(?P<name>[A-Z][A-Z0-9 .&'()/-]*?)(?:\s+(?P<prec>" + _PRECEDENCE + r"))?"
                    r"(?:\s+(?P<serial>\d{1,5}))?\s*$")
_BLOCK_END = re.compile(r"\nBT\b|\n\s*\n|\bBT\s*$|(?m:^[^\w\n]*(?:UNCLAS|C\s?O\s?N\s?F|S\s?E\s?C\s?R\s?E\s?T|LIMITED))")
_SKIP_LINE = re.compile(r"^\s*(?:PAGE\s+\d+|ZEN\b|ACTION\b|E\.O\.|TAGS|SUBJECT|SIPDIS|\W*$)", re.IGNORECASE)
_FM_WORD = re.compile(r"\bFM\s")
_TO = re.compile(r"(?:^|\n|\s)TO\s*(?=R[A-Z]{3,7}\s*/|[A-Z])|TO\s+(?=R[A-Z]{3,7}\s*/)")
_PAGE_LINE = re.compile(r"(?m)^\s*PAGE\s+\d+.*$")
_INFO = re.compile(r"(?:(?<=\d)|(?<=\s)|^)INFO\s*(?=R[A-Z]{3,7}\s*/|[A-Z])")


def routing_text(header: str, body: str) -> str:
    """The routing lines: the container's header, or the body's lines before its classification line."""
    if _FM_WORD.search(header):
        return header
    match = CLASS_LINE.search(body[:6000])
    head = body[: match.start()] if match else body[:3000]
    return head if _FM_WORD.search(head) else header


def transmission_id(header: str, body: str) -> str | None:
    """The transmission id ('VZCZCXRO6094') of the routing header, or None."""
    match = _TID.search(header) or _TID.search(body[:400])
    return match.group(1) if match else None


def _dtg_match(header: str, body: str) -> re.Match | None:
    for text in (header, body[:1500]):
        for match in _DTG.finditer(text):
            if match.group(4).upper() in MONTHS:
                return match
    return None


def dtg(header: str, body: str) -> str | None:
    """The date-time group ('021246Z JUN 06') of the routing header, or None."""
    match = _dtg_match(header, body)
    if not match:
        return None
    day, hour, minute, month, year = match.groups()
    return f"{day}{hour}{minute}Z {month.upper()} {year}"


def created_from_dtg(header: str, body: str) -> str | None:
    """The creation time from the date-time group, as ISO 8601, when the container gives none."""
    match = _dtg_match(header, body)
    if not match:
        return None
    day, hour, minute, month, year = match.groups()
    try:
        return datetime(year4(year), MONTHS[month.upper()], int(day), int(hour), int(minute)).isoformat()
    except ValueError:
        return None


def origin(station: str | None, header: str, body: str) -> str | None:
    """The sending post's label: from the station table, else from the FM line ('AMEMBASSY X' to 'Embassy X')."""
    label = stations().get(station or "")
    if label:
        return label
    match = _FM.search(routing_text(header, body))
    if not match:
        return None
    name = " ".join(match["name"].split())
    if name.startswith("SECSTATE"):
        return "Secretary of State"
    for prefix, kind in _KINDS.items():
        if name.startswith(prefix + " "):
            return f"{kind} {name[len(prefix) + 1:].title()}"
    return name.title()


def _recipient(name: str, route: str | None, prec: str | None, serial: str | None) -> Recipient | None:
    name = " ".join(name.replace("\u00a0", " ").split()).strip(" ./")
    if not name or len(name) < 3:
        return None
    if prec:
        prec = " ".join(prec.upper().split()).replace("PIORITY", "PRIORITY").replace("PRIORTY", "PRIORITY")
    return Recipient(name=name, route=route or routes_by_name().get(name), precedence=prec, serial=serial)


def _entries(block: str) -> list[Recipient]:
    out: list[Recipient] = []
    routed = list(_ENTRY.finditer(block)) if "/" in block else []
    if routed:
        for found in routed:
            item = _recipient(found["name"], found["route"], found["prec"], found["serial"])
            if item:
                out.append(item)
        return out
    for line in block.split("\n"):
        if _SKIP_LINE.match(line):
            continue
        found = _PLAIN.match(line.strip())
        if found:
            item = _recipient(found["name"], None, found["prec"], found["serial"])
            if item:
                out.append(item)
    return out


def recipients(header: str, body: str) -> tuple[list[Recipient], list[Recipient]]:
    """The TO and INFO addressees of the routing header: name, routing indicator, precedence, serial."""
    text = routing_text(header, body)
    start = _TO.search(text[text.find("FM ") + 3 if "FM " in text else 0:])
    if not start:
        return [], []
    offset = (text.find("FM ") + 3 if "FM " in text else 0) + start.end()
    rest = text[offset:]
    if "PAGE" in rest:
        rest = _PAGE_LINE.sub("", rest)
    end = _BLOCK_END.search(rest)
    rest = rest[: end.start()] if end else rest
    info = _INFO.search(rest)
    to_part, info_part = (rest[: info.start()], rest[info.end():]) if info else (rest, "")
    return _entries(to_part), _entries(info_part)
