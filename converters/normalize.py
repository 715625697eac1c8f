"""Text clean-up shared by the field parsers: line endings, quotes, mojibake, page breaks, letter-spaced words."""

from __future__ import annotations

import re
from functools import cache

_QUOTES = (("\u201c", '"'), ("\u201d", '"'), ("\u2018", "'"), ("\u2019", "'"), ("\u00a0", " "), ("\u2013", "-"))
_MOJIBAKE_PILCROW = re.compile(r"(?:\ufffd|Â¶|Ã‚Â¶)(?=\s*\d)")
# '\n CONFIDENTIAL\nPAGE 02 HARARE 06677 01 OF 03 291400Z ' : the page furniture of a partial extract
_PAGE_BREAK = re.compile(
    r"\n[ \t]*(?:UNCLAS\w*|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)[ \t]*\n[ \t]*PAGE\s+\d{2,3}\s+[A-Z][A-Z ]*?\s+\d+"
    r"(?:\s+\d+\s+OF\s+\d+)?\s+\d{6}Z[ \t]*")

# 'ASHGABAT 00001182 001.2 OF 003': the page mark of a cable's second and later pages (station checked apart)
_PAGE_MARK = re.compile(r"\b0{2,}\d{1,6}\s+\d{3}(?:\.\d)?\s+OF\s+\d{3}")
_STATION_BEFORE = re.compile(r"(?:[A-Z]{2,}[ \t]?){1,3}$")
# 'Wednesday, 11 February 2009, 13:03C O N F I D E N T I A L': the viewer's date line glued to the cable
_DATE_LINE = re.compile(r"^(\s*[A-Z][a-z]+day,\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4},\s+\d{1,2}:\d{2})[ \t]*(?=\S)")


def _drop_page_marks(text: str) -> str:
    """Remove '<STATION> 00001182 001.2 OF 003' page marks, with the station name before the numbers."""
    out: list[str] = []
    last = 0
    at = text.find(" OF 00")
    while at >= 0:
        mark = _PAGE_MARK.search(text, max(last, at - 24), at + 10)
        if mark:
            before = text[last: mark.start()].rstrip(" \t")
            station = _STATION_BEFORE.search(before[-30:])
            cut = len(before) - (_station_len(station.group(0)) if station else 0)
            out.append(before[:cut] + " ")
            last = mark.end()
        at = text.find(" OF 00", at + 6)
    out.append(text[last:])
    return "".join(out)


def _station_len(words: str) -> int:
    """How many trailing characters of 'IRGC, MOISDUBAI' or 'PERSPECTIVE ASHGABAT' are the station's name."""
    upper = words.upper().rstrip()
    names, lengths = _station_spellings()
    for size in lengths:
        if size <= len(upper) and upper[-size:] in names:
            return size + (len(words) - len(upper))
    return 0


@cache
def _station_spellings() -> tuple[frozenset[str], tuple[int, ...]]:
    from converters.fields.common import station_names, stations

    names = frozenset({*station_names(), *stations()})
    return names, tuple(sorted({len(n) for n in names}, reverse=True))


def normalize_text(text: str) -> str:
    """Unify line endings, typographic quotes, the PDF mojibake for the paragraph sign, and drop page breaks."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        for old, new in _QUOTES:
            if old in text:
                text = text.replace(old, new)
        if "\ufffd" in text or "\u00c2\u00b6" in text:
            text = _MOJIBAKE_PILCROW.sub("\u00b6", text)
    text = _DATE_LINE.sub(r"\1\n", text, count=1)
    if " OF 00" in text:
        text = _drop_page_marks(text)
    if "PAGE" in text:
        text = _PAGE_BREAK.sub(" ", text)
    return text


def unspace(word: str) -> str:
    """'C O N F I D E N T I A L' to 'CONFIDENTIAL'."""
    return re.sub(r"\s+", "", word).upper()


def is_flattened(text: str) -> bool:
    """True when a cable's newlines were lost (one long line, or lines hundreds of characters long)."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        return False
    return max(len(ln) for ln in lines) > 600 and len(lines) < 8
