"""Security markings: classification level and caveats, handling markers, who classified it, when it declassifies."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from converters.fields.common import CLASS_LINE, LEVELS, level_name, titles, year4
from converters.record import ClassifiedBy

CAVEATS = ("NOFORN", "ORCON", "NOCONTRACT", "PROPIN", "IMCON", "FOUO", "FOR OFFICIAL USE ONLY", "SENSITIVE",
           "SPECAT")
HANDLING = ("SIPDIS", "NODIS", "EXDIS", "LIMDIS", "STADIS", "ROGER", "CHEROKEE", "TERREP", "NOFORN", "SENSITIVE",
            "ORCON", "NOCONTRACT", "PROPIN")
_CAVEAT = re.compile(r"(?<![A-Z])(" + "|".join(CAVEATS) + r"|NF(?=\W|$))(?![A-Z])")
_REL = re.compile(r"\bREL(?:EASABLE)?\s+TO\s+((?:[A-Z]{2,5}|USA)(?:\s*(?:,|AND)\s*(?:[A-Z]{2,5}|USA))*)")
_HEAD_END = re.compile(r"\bE\.?\s?O\.?\s*1\d{4}|\bTAGS?\s*:|\bSUBJ(?:ECT)?\s*:", re.IGNORECASE)
_HANDLING = re.compile(r"(?<![A-Za-z])(" + "|".join(HANDLING) + r")(?![a-z])", re.IGNORECASE)
_CLASSIFIED_BY = re.compile(r"CLASS?I?FIED\s*BY\s*:?\s*", re.IGNORECASE)
_BY_END = re.compile(r"\n[ \t]*\n|\u00b6|(?:^|\n|\s{2})\s*\(?\d{1,2}\s*[.)]\s|[ \t]{3,}"
                     r"|(?-i:\n\s*\((?:U|C|S|SBU|TS|[SC]//?NF|SBU//?NF)\)\s+[A-Z])|\bSUMMARY\b",
                     re.IGNORECASE)
# `reasons` also as a wrapped line splits it in the flattened dumps (`for reaso ns`, `rea sons`)
_REASON_START = re.compile(r"r\s{0,3}e\s{0,3}a\s{0,3}s\s{0,3}o\s{0,3}n(?:\s{0,3}s)?\b"
                           r"|E\.?\s?O\.?\s*1\d{4}|1\s?[.,/]\s?[45]|under\s+section\b|Derived\s+from\b", re.IGNORECASE)
_REASON_HEAD = re.compile(r"\b1\s*[.,/:]\s*([45])")
_REASON_TOKEN = re.compile(r"(\s{0,3})(\(\s*([a-hA-H])\s*\)|([a-hA-H])(?![a-zA-Z])|and\b|or\b|&|,|/|\.(?!\d)|\(|\))",
                           re.IGNORECASE)
_REPEATED_KEY = re.compile(r"^(?:Classified\s+By\s*:?\s*)+", re.IGNORECASE)
_PARTS = re.compile(r"[,;]\s*")
_WORD = re.compile(r"\S+")
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
_NOT_NAME = re.compile(r"\b(?:Embassy|Department|Dept|DOS|Section|Office|U\.S\.|E\.O\.|DSCG|Edition|State|"
                       r"January|February|March|April|May|June|July|August|September|October|November|December|"
                       r"Mission|Consulate)\b", re.IGNORECASE)
_DECL = re.compile(
    r"\b(?:DECL(?:ASSIFY)?(?:\s*ON)?|GDS)\s*[:.]?\s*(?:(?P<y1>\d{4})\s*[/-]\s*(?P<m1>\d{1,2})\s*[/-]\s*(?P<d1>\d{1,2})"
    r"|(?P<m2>\d{1,2})\s*[/-]\s*(?P<d2>\d{1,2})\s*[/-]\s*(?P<y2>\d{4}|\d{2})(?!\d))", re.IGNORECASE)


def _split_given(given: str) -> tuple[str | None, list[str]]:
    level, caveats = None, []
    for part in (p.strip() for p in re.split(r"//|/", given.upper())):
        if not part:
            continue
        if part.replace(" ", "") in LEVELS and level is None:
            level = LEVELS[part.replace(" ", "")]
        else:
            caveats.append("FOR OFFICIAL USE ONLY" if part == "FOUO" else part)
    return level, caveats


def classification_line(body: str) -> tuple[str | None, str]:
    """The level written on the classification line and the rest of that line (up to SIPDIS or E.O.)."""
    match = CLASS_LINE.search(body[:3000])
    if not match:
        return None, ""
    rest = match["rest"]
    end = _HEAD_END.search(rest)
    return level_name(match["level"]), rest[: end.start()] if end else rest


def classification(body: str, given: str | None, markers: list[str] | None = None) -> tuple[str | None, list[str]]:
    """The level and caveats, from the container's metadata ('SECRET//NOFORN') and the text's classification line
    (`markers`: the handling markers of the text when already known)."""
    level, caveats = _split_given(given) if given else (None, [])
    text_level, rest = classification_line(body)
    level = level or text_level
    rest = rest.upper()
    for found in _CAVEAT.finditer(rest):
        caveat = {"NF": "NOFORN", "FOUO": "FOR OFFICIAL USE ONLY"}.get(found.group(1), found.group(1))
        if caveat not in caveats:
            caveats.append(caveat)
    for marker in handling(body) if markers is None else markers:  # a caveat on its own line ('NOFORN')
        if marker in ("NOFORN", "ORCON", "NOCONTRACT", "PROPIN") and marker not in caveats:
            caveats.append(marker)
    rel = _REL.search(rest)
    if rel:
        value = "REL TO " + ", ".join(re.split(r"\s*(?:,|\bAND\b)\s*", rel.group(1)))
        if value not in caveats:
            caveats.append(value)
    return level, caveats


def handling(body: str) -> list[str]:
    """Handling and distribution markers (SIPDIS, EXDIS, NODIS, ...) in the lines before the E.O./TAGS lines."""
    head = body[:2500]
    end = _HEAD_END.search(head)
    head = head[: end.start()] if end else head[:800]
    out: list[str] = []
    for found in _HANDLING.finditer(head):
        marker = found.group(1).upper()
        if marker not in out:
            out.append(marker)
    return out


def reasons(text: str) -> list[str]:
    """'1.4 (b) and (d)', '1.4 (B, D)', '1.5 (b,d)', '1.4b/d' to ['1.4(b)', '1.4(d)']. A '(C)' that follows a reason
    after a line break or a wide gap, with no 'and' or comma between, is the next paragraph's marking."""
    out: list[str] = []
    for head in _REASON_HEAD.finditer(text):
        pos, previous = head.end(), None
        while (token := _REASON_TOKEN.match(text, pos)) is not None:
            gap, boxed, bare = token.group(1), token.group(3), token.group(4)
            if boxed and previous == "letter" and (len(gap) >= 2 or "\n" in gap):
                break
            letter = boxed or bare
            if letter:
                reason = f"1.{head.group(1)}({letter.lower()})"
                if reason not in out:
                    out.append(reason)
            previous = "letter" if letter else "joint"
            pos = token.end()
    return out


@cache
def _title_words() -> tuple[dict[str, str], int, frozenset[str]]:
    """Titles keyed by their lower-cased words joined by one space, the longest title's word count, first words."""
    table = {" ".join(t.lower().split()): t for t in titles()}
    return table, max(len(k.split()) for k in table), frozenset(k.split()[0] for k in table)


def _find_title(part: str) -> tuple[int, int] | None:
    """The first title among the first words of `part`, longest first: (start, end) character offsets."""
    table, longest, firsts = _title_words()
    words = part[:120].lower().split()
    for i in range(min(len(words), 6)):
        if words[i] not in firsts and words[i].rstrip(",.;") not in firsts:
            continue
        for k in range(min(longest, len(words) - i), 0, -1):
            key = " ".join(words[i: i + k])
            bare = key.rstrip(",.;")
            if key in table or bare in table:
                spans = [m.span() for m in _WORD.finditer(part[:120])]
                return spans[i][0], spans[i + k - 1][1] - (len(key) - len(bare))
    return None


def _name_and_title(text: str) -> tuple[str | None, str | None]:
    """'Ambassador Ryan C. Crocker' or 'Ryan C. Crocker, Ambassador' or 'EUR PDAS Nancy McEldowney' to (name, title)."""
    name: str | None = None
    title: str | None = None
    text = _REPEATED_KEY.sub("", text.strip())
    for part in _PARTS.split(text):
        part = part.strip(" .:-\t\n")
        if part.lower().endswith(" for") or part.lower() == "for":
            part = part[:-3].rstrip(" .:-\t\n")
        if not part or part.lower() in ("a.i", "a.i.", "u.s", "u.s."):
            continue
        found = _find_title(part) if title is None else None
        if found and found[0] <= 40:
            title = part[found[0]: found[1]]
            part = part[found[1]:].strip(" ,.")
            again = _find_title(part)
            if again and again[0] == 0:  # 'CDA Ambassador Richard Erdman': a second title before the name
                part = part[again[1]:].strip(" ,.")
            if not part:
                continue
        if name is None and not _NOT_NAME.search(part) and _TWO_LETTERS.search(part):
            name = part
    return name, title


def classified_by(body: str) -> ClassifiedBy | None:
    """'Classified By: Ambassador Ryan C. Crocker, Reasons 1.4 (b) and (d)' to name, title and reasons."""
    head = body[:8000]
    match = next((m for m in _CLASSIFIED_BY.finditer(head) if m.start() == 0 or not head[m.start() - 1].isalpha()
                  or (head[m.start() - 1].isupper() and head[m.start()] == "C" and head[m.start() + 1] == "l")), None)
    if not match:
        return None
    value = body[match.end(): match.end() + 400]
    end = _BY_END.search(value)
    if end and end.start() > 0:
        value = value[: end.start()]
    start = _REASON_START.search(value)
    who = " ".join((value[: start.start()] if start else value).split())
    if re.search(r"\bDerived\s+from\b", value[:20], re.IGNORECASE):
        who = ""
    name, title = _name_and_title(who)
    return ClassifiedBy(name=name, title=title, reasons=reasons(value[start.start():] if start else ""))


def declassify_on(body: str) -> str | None:
    """'E.O. 12958: DECL: 06/02/2016' to '2016-06-02'; None for OADR, N/A, a NARA release note or when absent."""
    match = _DECL.search(body[:6000])
    if not match:
        return None
    if match["y1"]:
        year, month, day = int(match["y1"]), int(match["m1"]), int(match["d1"])
    else:
        year, month, day = year4(match["y2"]), int(match["m2"]), int(match["d2"])
    if month > 12 >= day:
        month, day = day, month
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
