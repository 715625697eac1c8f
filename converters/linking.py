"""Resolve people beyond the cable: chiefs of mission (POCOM), signers, Wikidata office holders, corpus-wide ids.

Functions over the package tables of converters/people_data/, and link_persons(), which writes the id and the
links onto the persons converters.resolve found in a cable. The rules (docs/people.md):
- a Wikidata link needs the surname (or its transliteration skeleton) plus agreement of country and dates, and
  the office or the given name; several candidates at the best level give no link;
- a POCOM link needs the surname plus a chief-of-mission appointment active at the cable's date (at the sending
  post, or anywhere for a US ambassador);
- one IRI per person across the corpus: the Wikidata id when linked, else the POCOM id, else the country plus
  the full name; a person known by surname only keeps an id local to the cable.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache
from typing import Any

from converters.caches import bounded_cache
from converters.leaders import leader_country, leaders_in
from converters.people import Person
from converters.people_tables import (
    ascii_fold,
    chiefs_by_country,
    chiefs_by_surname,
    english_words,
    given_names,
    lexicon,
    signers,
    skeleton,
    station_countries,
    surname_key,
    wikidata_by_surname,
    wikidata_by_surname_country,
)
from converters.record import Cable

OFFICE_WORDS = {
    "Foreign": r"foreign|external affairs|secretary of state",
    "Secretary of State": r"secretary of state",
    "Prime Minister": r"prime minister|premier|chancellor|head of government",
    "Premier": r"prime minister|premier",
    "President": r"president|head of state",
    "Vice President": r"vice president|vice-president",
    "King": r"king|monarch|head of state",
    "Queen": r"queen|monarch",
    "Emir": r"emir|amir|head of state",
    "Sultan": r"sultan",
    "Chancellor": r"chancellor",
    "Defen": r"defen[cs]e",
    "Interior": r"interior|home affairs",
    "Finance": r"finance|treasury",
    "Ambassador": r"ambassador|permanent representative",
    "Secretary General": r"secretary.general",
    "National Security": r"national security",
    "Senator": r"senat",
    "Supreme Leader": r"supreme leader",
}


def year_of(created: str | None) -> int | None:
    """The year of an ISO date, or None."""
    return int(created[:4]) if created and created[:4].isdigit() else None


def host_country(station: str | None) -> str:
    """The ISO country code of a station ('ISLAMABAD' -> 'PK'); '' when unknown."""
    return station_countries().get(station or "", "")


def _full(row: dict[str, str]) -> str:
    return " ".join(f"{row['forename']} {row['surname']}".split())


def _neg(date: str) -> str:
    return "".join(chr(0x7F - ord(c)) for c in date)


def _active(row: dict[str, str], date: str) -> bool:
    return row["started"] <= date <= (row["ended"] or "9999")


def chief_of_mission(station: str | None, created: str | None) -> dict[str, str] | None:
    """The US chief of mission in the station's country at the cable's date (POCOM), ambassadors first."""
    country = host_country(station)
    date = created[:10] if created else None
    if not country or country == "US" or not date:
        return None
    # The answer depends only on which appointments of the country are active at the date, and that set is fixed
    # by the number of appointments started by then and the number ended before it: cached by those two counts
    # (bounded by the size of the table), since nearly every cable has a date of its own.
    starts, ends = _chief_bounds(country)
    key = (country, bisect_right(starts, date), bisect_left(ends, date))
    if key not in _CHIEFS:
        _CHIEFS[key] = _chief(country, date)
    return _CHIEFS[key]


_CHIEFS: dict[tuple[str, int, int], dict[str, str] | None] = {}


@cache
def _chief_bounds(country: str) -> tuple[list[str], list[str]]:
    """The start dates and the end dates ('9999' when open) of the country's POCOM appointments, each sorted."""
    rows = chiefs_by_country().get(country, [])
    return sorted(r["started"] for r in rows), sorted(r["ended"] or "9999" for r in rows)


def _chief(country: str, date: str) -> dict[str, str] | None:
    """The chief of mission of chief_of_mission(), computed from the appointments active at the date."""
    rows = [r for r in chiefs_by_country().get(country, []) if _active(r, date)]
    rows.sort(key=lambda r: (not r["role"].startswith("ambassador"), bool(not r["ended"]), r["started"]), reverse=False)
    rows = [r for r in rows if r["ended"] or r["started"] >= rows[0]["started"]]
    rows.sort(key=lambda r: (not r["role"].startswith("ambassador"), not r["ended"], _neg(r["started"])))
    if not rows:
        return None
    row = rows[0]
    return {"person_id": row["person_id"], "name": _full(row), "surname": row["surname"], "role": row["role"]}


def _by_year(value: str | dict[str, str], created: str | None) -> str:
    """A signers-table entry: a name, or names by two-digit year ('08': 'Deborah K. Jones')."""
    if isinstance(value, str):
        return value
    year = created[2:4] if created else ""
    return value.get(year) or ""


@bounded_cache(65536)
def known_signer(signer: str, station: str | None = None) -> bool:
    """True when a signer surname is in the signers table or is the surname of a chief of mission.

    A word of ordinary English (`FOR`) counts only when the signers table knows it for this very post."""
    if signer.lower() in english_words():
        return station in signers().get(signer.upper(), {})
    return signer.upper() in signers() or any(
        surname_key(r["surname"]) == surname_key(signer) for r in chiefs_by_surname().get(skeleton(signer), []))


def signer_full_name(signer: str, station: str | None, created: str | None) -> str | None:
    """The full name of a signer: the signers table for that post, else the chief of mission of that surname."""
    by_post = signers().get(signer.upper(), {})
    here = by_post.get(station or "")
    name = _by_year(here, created) if here is not None else None
    if name:
        return name
    chief = chief_of_mission(station, created)
    if chief and surname_key(chief["surname"]) == surname_key(signer):
        return chief["name"]
    names = {n for n in (_by_year(value, created) for value in by_post.values()) if n}
    return names.pop() if len(names) == 1 else None


@cache
def _secretaries() -> list[tuple[int, int, dict[str, Any]]]:
    out = []
    for rows in wikidata_by_surname().values():
        for row in rows:
            for label, start, end in row["spans"]:
                if label == "US Secretary of State":
                    out.append((start, end, row))
    return sorted({(s, e, r["qid"]): (s, e, r) for s, e, r in out}.values(), key=lambda x: x[0])


def secretary_of_state(created: str | None) -> dict[str, Any] | None:
    """The US Secretary of State in office at the cable's date (Wikidata rows), or None."""
    year = year_of(created)
    if year is None:
        return None
    found = [row for start, end, row in _secretaries() if start <= year <= end]
    if len(found) > 1:
        found = [row for start, end, row in _secretaries() if start <= year < end] or found[-1:]
    return found[-1] if found else None


@cache
def _office_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """OFFICE_WORDS as (word in lower case, compiled pattern ignoring case), compiled once per process."""
    return tuple((word.lower(), re.compile(pattern, re.IGNORECASE)) for word, pattern in OFFICE_WORDS.items())


@bounded_cache(4096)
def _role_patterns(role: str) -> tuple[re.Pattern, ...]:
    """The patterns of OFFICE_WORDS whose word is in the role (in any case). Cached per process (bounded: the roles
    of the persons linked)."""
    role = role.lower()
    return tuple(pattern for word, pattern in _office_patterns() if word in role)


def _office_match(role: str, label: str) -> bool:
    """True when a word of OFFICE_WORDS is in the role and its pattern is in the Wikidata position label."""
    return any(pattern.search(label) for pattern in _role_patterns(role))


def _given_match(forename: str, names: list[str]) -> bool:
    """True when the first given name (or initial) of `forename` is a given name of one of the names."""
    return _given_in(_first_given(forename), given_names(names))


def _first_given(forename: str) -> str:
    """The first given name of a forename, folded to ASCII and lower case, without a dot ('' when none)."""
    return ascii_fold(forename.split()[0]).lower().rstrip(".") if forename else ""


def _given_in(first: str, tokens: frozenset[str]) -> bool:
    """Whether a first given name (_first_given) is one of the given names (or an initial of one)."""
    if not first:
        return False
    return first in tokens or (len(first) == 1 and any(t.startswith(first) for t in tokens))


def has_wikidata_candidates(surname: str) -> bool:
    """True when the Wikidata table has a row for the surname's skeleton (else link_wikidata answers None)."""
    return skeleton(surname) in wikidata_by_surname()


def link_wikidata(surname: str, forename: str, role: str, country: str, created: str | None) -> dict | None:
    """A Wikidata link for a person, or None: surname (or skeleton) + country + dates + (office or given name)."""
    if not has_wikidata_candidates(surname):  # (no candidate: most surnames; nothing to cache)
        return None
    return _link_wikidata(surname, forename, role, country, created)


@bounded_cache(65536)
def _link_wikidata(surname: str, forename: str, role: str, country: str, created: str | None) -> dict | None:
    """link_wikidata() for a surname with candidates in the Wikidata table (cached per process)."""
    year = year_of(created)
    if year is None or not surname or not country:
        return None
    exact: str | None = None  # (the surname's key and the first given name: found when a row has the country and
    first = ""  # dates)
    best: list[tuple[float, str, dict]] = []
    for row in wikidata_by_surname_country().get((skeleton(surname), country), ()):
        spans = [s for s in row["spans"] if s[1] - 1 <= year <= s[2] + 1]
        if not spans:
            continue
        if exact is None:
            exact, first = surname_key(surname), _first_given(forename)
        office = any(_office_match(role, label) for label, _, _ in spans) if role else False
        given = _given_in(first, row["given"])
        if not (office or given):
            continue
        spelled = exact in row["surname_keys"]
        score = 0.6 + (0.2 if office else 0) + (0.15 if given else 0) - (0 if spelled else 0.1)
        parts = ["surname" if spelled else "variant spelling", "country", "dates"]
        parts += ["office"] if office else []
        parts += ["given name"] if given else []
        best.append((round(min(score, 0.95), 2), "+".join(parts), row))
    if not best:
        return None
    best.sort(key=lambda x: -x[0])
    if len(best) > 1 and best[1][0] == best[0][0] and best[1][2]["qid"] != best[0][2]["qid"]:
        return None
    score, method, row = best[0]
    return {"qid": row["qid"], "label": row["name"], "method": f"wikidata:{method}", "confidence": score}


@bounded_cache(16384)
def leader_abroad(surname: str, forename: str, role: str, host: str, created: str | None) -> tuple[dict, str] | None:
    """The Wikidata link and country of an office holder of another country than the host whom a cable names by
    a title whose country it does not say (`President Putin` in a Berlin cable), or None: the surname is a head of
    state or government's or a foreign minister's in office near the date (leaders.leader_country), and the link
    in that country needs the office to agree. The country is the one of the linked row's office (`President of
    France` for Chirac, also co-prince of Andorra) when the row has several. Cached per process (bounded)."""
    year = year_of(created)
    if year is None or surname not in leaders_in(year):
        return None
    country = leader_country(surname, year)
    if not country or country == host:
        return None
    link = _link_wikidata(surname, forename, role, country, created)
    if link is None or "office" not in link["method"].split("+"):
        return None
    row = next(r for r in wikidata_by_surname()[skeleton(surname)] if r["qid"] == link["qid"])
    countries = [c for c in row["countries"] if c != "EU"]
    if len(countries) > 1:
        named = {code for label, first, last in row["spans"] if first - 1 <= year <= last + 1
                 and _office_match(role, label) for word in re.findall(r"[A-Z][a-z]+", label)
                 if (code := lexicon()["demonyms"].get(word)) in countries}
        countries = sorted(named) if len(named) == 1 else countries
    return link, countries[0] if len(countries) == 1 else country


def link_pocom(surname: str, forename: str, role: str, station: str | None, created: str | None) -> dict | None:
    """A POCOM chief-of-mission link for a US official, or None."""
    if not created or not surname:
        return None
    return pocom_link(surname, forename, role, chief_of_mission(station, created), created[:10])


def pocom_link(surname: str, forename: str, role: str, chief: dict[str, str] | None, date: str) -> dict | None:
    """link_pocom() for a surname, given the chief of mission at the post and date (chief_of_mission(), which a
    caller linking several persons of one cable computes once) and the date (ISO, `YYYY-MM-DD`)."""
    if chief and surname_key(chief["surname"]) == surname_key(surname):
        return {"pocom": chief["person_id"], "name": chief["name"], "method": "pocom:chief of mission at post and date",
                "confidence": 0.95}
    if "Ambassador" not in role and "Charge" not in role:
        return None
    return _ambassador_link(surname, forename, date)


@bounded_cache(65536)
def _ambassador_link(surname: str, forename: str, date: str) -> dict | None:
    """The only chief of mission of that surname (and given name) in office anywhere at the date, or None.
    Cached per process (bounded)."""
    rows = [r for r in chiefs_by_surname().get(skeleton(surname), [])
            if surname_key(r["surname"]) == surname_key(surname) and _active(r, date)]
    if forename:
        rows = [r for r in rows if _given_match(forename, [_full(r)])]
    ids = {r["person_id"] for r in rows}
    if len(ids) != 1:
        return None
    row = rows[0]
    return {"pocom": row["person_id"], "name": _full(row), "method": "pocom:ambassador in office at date",
            "confidence": 0.8}


@cache
def _chief_rows_by_id() -> dict[str, dict[str, str]]:
    """The first POCOM row of each person_id, in the order of chiefs_by_country() (built once per process)."""
    out: dict[str, dict[str, str]] = {}
    for rows in chiefs_by_country().values():
        for row in rows:
            out.setdefault(row["person_id"], row)
    return out


@bounded_cache(16384)
def pocom_wikidata(pocom_id: str, surname: str, created: str | None) -> dict | None:
    """The Wikidata item of a POCOM chief of mission: a US row of the same name holding a US ambassadorship."""
    for row in wikidata_by_surname_country().get((skeleton(surname), "US"), ()):
        if not any(label.startswith("US ambassador") for label, _, _ in row["spans"]):
            continue
        first = _chief_rows_by_id().get(pocom_id)  # (the first row of chiefs_by_country() with that person_id)
        if first is not None and _given_in(_first_given(first["forename"]), row["given"]):
            return {"qid": row["qid"], "label": row["name"],
                    "method": "wikidata:pocom name+US ambassadorship", "confidence": 0.85}
    return None


_INITIAL = re.compile(r"\b[A-Z]\.")


def slugify(text: str) -> str:
    """'Ryan C. Crocker' to 'ryan-c-crocker' (called by _name_slug, whose cache spares it a second call): every run
    of characters other than a-z and 0-9 a hyphen, none at either end (the text is ASCII once folded)."""
    return "-".join(ascii_fold(text).lower().translate(_NOT_SLUG_TO_SPACE).split())


_NOT_SLUG_TO_SPACE = {c: " " for c in range(128) if not chr(c).isalnum() or chr(c).isupper()}


def person_id(name: str, surname: str, country: str, ref_id: str, wikidata: dict | None, pocom: dict | None) -> str:
    """The corpus-wide slug of a person by the conservative rule of docs/people.md."""
    if wikidata:
        return wikidata["qid"]
    if pocom:
        return "pocom-" + pocom["pocom"]
    slug, full = _name_slug(name)
    # `<country>-<full-name-slug>` when the country and a full name (not an initial first) are known
    return f"{country.lower()}-{slug}" if country and full else f"{ref_id}-{slug}"


@bounded_cache(65536)
def _name_slug(name: str) -> tuple[str, bool]:
    """The slug of a name and whether it is a full name (two words or more, the first not an initial). Cached per
    process (names recur across cables); one cached call per person where person_id made two."""
    words = name.split()
    return slugify(name), len(words) >= 2 and not ("." in words[0] and _INITIAL.search(words[0]))


_INTERNAL_KEYS = frozenset({"_role_kind", "_designation", "_unresolved"})


def link_persons(persons: list[Person], cable: Cable, chief: dict[str, str] | None) -> None:
    """Add the corpus-wide id and the POCOM and Wikidata links to each person ; `chief` is
    the cable's chief of mission (chief_of_mission)."""
    created = cable.created
    year = created[:4] if created else None
    date = created[:10] if created else None
    ref_id = cable.reference_id
    host = host_country(cable.station)
    wikidata_rows = wikidata_by_surname()
    by_country = wikidata_by_surname_country()
    # a POCOM link needs the chief's surname or an ambassador's role (see pocom_link)
    chief_key = surname_key(chief["surname"]) if chief and date else None
    for p in persons:
        extra = p.extra
        if extra.get("_unresolved"):
            p.extra = {"id": person_id(p.name, p.surname, "", ref_id, None, None)}
            continue
        name, surname, role, country = p.name, p.surname, p.role, p.country
        forename = name[:len(name) - len(surname)].strip() if name.endswith(surname) else ""  # (p.forename)
        pocom = None
        # (link_pocom(p.surname, forename, p.role, cable.station, date), the chief found once per cable; it
        # answers None unless the surname is the chief's or the role names an ambassador or a charge)
        if country in ("US", "") and date and surname and (
                "Ambassador" in role or "Charge" in role or surname_key(surname) == chief_key):
            pocom = pocom_link(surname, forename, role, chief, date)
            if pocom and not forename:
                p.name = name = pocom["name"]
        # (link_wikidata answers None for a surname without candidates: most surnames; tested once for both calls,
        # and the cached _link_wikidata called directly)
        skel = skeleton(surname)
        wikidata = None
        if skel in wikidata_rows:  # (has_wikidata_candidates(surname))
            # (_link_wikidata answers None when no row of the skeleton has the country: not called then)
            first_country = country or ("US" if pocom else "")
            if (skel, first_country) in by_country:
                wikidata = _link_wikidata(surname, forename, role, first_country, year)
            if wikidata is None and p.strength == 0 and country != "US" and not pocom:
                if (skel, "US") in by_country:
                    wikidata = _link_wikidata(surname, forename, role, "US", year)
                if wikidata:
                    p.country = country = "US"
                elif role and country and country == host:  # (the host country only as the default of a title)
                    found = leader_abroad(surname, forename, role, country, year)
                    if found is not None:
                        wikidata, country = found
                        p.country = country
        if wikidata is None and pocom:
            wikidata = pocom_wikidata(pocom["pocom"], surname, year)
        # the keys that do not start with `_` (none, unless a person was made elsewhere)
        kept = {} if extra.keys() <= _INTERNAL_KEYS else {k: v for k, v in extra.items() if not k.startswith("_")}
        p.extra = extra = kept
        extra["id"] = person_id(name, surname, country, ref_id, wikidata, pocom)
        if pocom:
            extra["pocom"] = pocom
        if wikidata:
            extra["wikidata"] = wikidata
