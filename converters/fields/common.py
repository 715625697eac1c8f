"""Shared pieces of the field parsers: the classification-word pattern, years, station names, data tables."""

from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"

# the level word, letter-spaced or not; a doubled or lost first letter ('SS E C R E T', 'E C R E T', 'UUNCLAS') is a
# typing slip seen at the top of real cables
LEVEL_WORD = (
    r"(?P<level>T\s?O\s?P\s+S\s?E\s?C\s?R\s?E\s?T|(?:S\s?)?S?\s?E\s?C\s?R\s?E\s?T"
    r"|C?\s?C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L"
    r"|U?\s?U\s?N\s?C\s?L\s?A\s?S(?:\s?S\s?I\s?F\s?I\s?E\s?D)?|LIMITED\s+OFFICIAL\s+USE)"
)
LEVELS = {"UNCLAS": "UNCLASSIFIED", "UNCLASSIFIED": "UNCLASSIFIED", "TOPSECRET": "TOP SECRET", "SECRET": "SECRET",
          "CONFIDENTIAL": "CONFIDENTIAL", "LIMITEDOFFICIALUSE": "LIMITED OFFICIAL USE"}
# 'Classified By', 'CLASSIFIED BY', the typo 'CLASSFIED BY', and 'STEPSClassified By' where a newline was lost
CLASSIFIED_BY = r"(?:(?<![A-Za-z])CLASS?I?FIED|(?<=[A-Z])(?-i:Classified))\s*BY"
CLASS_LINE = re.compile(r"^[^\w\n]*" + LEVEL_WORD + r"(?![a-z])(?P<rest>[^\n]{0,200})", re.IGNORECASE | re.MULTILINE)

STATION_ALIASES = {
    "SECSTATE": "STATE", "SECSTATEWASHDC": "STATE", "SECTATE": "STATE", "SECSTAT": "STATE", "SECTSTATE": "STATE",
    "SESTATE": "STATE", "SECSTTE": "STATE", "SECDEF": "SECDEF", "USUN": "USUNNEWYORK", "USUNNY": "USUNNEWYORK",
    "USUNNEWYORKNY": "USUNNEWYORK", "UNVIE": "UNVIEVIENNA", "USMISSIONGENEVA": "GENEVA", "USEU": "USEUBRUSSELS",
    "RIO": "RIODEJANEIRO", "RIODEJAN": "RIODEJANEIRO",
}
_SPACES_DOTS = re.compile(r"[\s.]+")
MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1)}


def year4(year: str | int) -> int:
    """'06' to 2006, '96' to 1996, '2006' to 2006 (two-digit years pivot at 1940)."""
    text = str(year)
    y = int(text)
    if len(text) >= 4:
        return y
    if len(text) == 3:  # '006' or '199' style typos: keep the last two digits
        y %= 100
    return 1900 + y if y >= 40 else 2000 + y


def unspace(word: str) -> str:
    """'C O N F I D E N T I A L' to 'CONFIDENTIAL'."""
    return re.sub(r"\s+", "", word).upper()


def level_name(word: str) -> str | None:
    """The canonical level for a matched classification word ('C o n f i d e n t i a l' to 'CONFIDENTIAL')."""
    key = unspace(word)
    if key not in LEVELS and len(key) > 5 and key[0] == key[1]:
        key = key[1:]  # 'SSECRET', 'CCONFIDENTIAL', 'UUNCLAS'
    if key == "ECRET":
        key = "SECRET"
    return LEVELS.get(key)


@cache
def stations() -> dict[str, str]:
    """Station key to the post's label ('ISLAMABAD' -> 'Embassy Islamabad'), from data/stations.csv."""
    with (DATA / "stations.csv").open(encoding="utf-8") as handle:
        return {row["station"]: row["origin"] for row in csv.DictReader(handle)}


@cache
def station_names() -> dict[str, str]:
    """Spelled-out station names with spaces to their key ('LA PAZ' -> 'LAPAZ', 'SAO PAULO' -> 'SAOPAULO')."""
    out = {}
    for key, origin in stations().items():
        place = origin.split(" ", 1)[1] if " " in origin else origin
        if " " in place and place.replace(" ", "").upper() == key:
            out[place.upper()] = key
    return out


def station_key(name: str) -> str:
    """A station as written ('SECSTATE', 'LA PAZ', 'USUN') to its key ('STATE', 'LAPAZ', 'USUNNEWYORK')."""
    key = _SPACES_DOTS.sub("", name.upper()) if (" " in name or "." in name or "\n" in name) else name.upper()
    return STATION_ALIASES.get(key, key)


def is_station(key: str) -> bool:
    """True when the key is a known cable station (or an alias of one)."""
    return key in stations()


@cache
def tag_codes() -> frozenset[str]:
    """Known TAGS codes (subject, program, organization, country), from data/tags.csv."""
    return frozenset(ln.strip() for ln in (DATA / "tags.csv").open(encoding="utf-8") if ln.strip())


@cache
def titles() -> tuple[str, ...]:
    """Titles of classifying officials, longest first, from data/titles.csv."""
    lines = [ln.strip() for ln in (DATA / "titles.csv").open(encoding="utf-8")]
    return tuple(sorted({ln for ln in lines if ln and not ln.startswith("#")}, key=len, reverse=True))


@cache
def routes_by_name() -> dict[str, str]:
    """Addressee name to routing indicator ('SECSTATE WASHDC' -> 'RUEHC'), from data/routes.csv."""
    out: dict[str, str] = {"SECSTATE WASHDC": "RUEHC"}
    with (DATA / "routes.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            out.setdefault(" ".join(row["name"].split()).upper(), row["route"])
    return out
