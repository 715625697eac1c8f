"""The small reference tables the people extractor and linker read (package data in converters/people_data/)."""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import Any

from converters.caches import bounded_cache
from ontology import reference

DATA = Path(__file__).parent / "people_data"


@cache
def lexicon() -> dict[str, Any]:
    """Titles, office modifiers, demonyms, stopwords and reporting verbs (people_data/lexicon.json)."""
    return json.loads((DATA / "lexicon.json").read_text(encoding="utf-8"))


@cache
def forenames() -> frozenset[str]:
    """Given names seen at least three times among office holders (people_data/forenames.txt)."""
    return frozenset((DATA / "forenames.txt").read_text(encoding="utf-8").split())


@cache
def english_words() -> frozenset[str]:
    """Lower-case words seen at least 8 times in mixed-case cables (people_data/english.txt): in all-caps text
    a titled 'name' that is one of these is taken for an ordinary word unless a name table knows it."""
    return frozenset((DATA / "english.txt").read_text(encoding="utf-8").split())


@cache
def place_names() -> frozenset[str]:
    """Country, capital and US-post city names (people_data/places.txt): never taken for a person's name."""
    return frozenset((DATA / "places.txt").read_text(encoding="utf-8").splitlines())


@cache
def station_countries() -> dict[str, str]:
    """Station key of a reference id to the ISO 3166-1 alpha-2 code of its host country ('ISLAMABAD' -> 'PK').

    The reviewed posts table decides (ontology.reference.host_countries: a multilateral mission counts as 'US');
    people_data/station_country.csv only adds stations that table does not have, and people_data/host_overrides.csv
    (with a reason per row) overrides both where a post reports on another country than its own ('' = none)."""
    with (DATA / "station_country.csv").open(encoding="utf-8") as handle:
        out = {row["station"]: row["country"] for row in csv.DictReader(handle)}
    out.update((key, code) for key, code in reference.host_countries().items() if code)
    with (DATA / "host_overrides.csv").open(encoding="utf-8") as handle:
        out.update((row["station"], row["country"]) for row in csv.DictReader(handle))
    return out


@cache
def iso_to_fips() -> dict[str, str]:
    """ISO 3166-1 alpha-2 to the FIPS 10-4 digraph that cable TAGS use ('DE' -> 'GM', 'GB' -> 'UK')."""
    with (DATA / "iso_fips.csv").open(encoding="utf-8") as handle:
        return {row["iso"]: row["fips"] for row in csv.DictReader(handle)}


@cache
def signers() -> dict[str, dict[str, str]]:
    """Signer surname to station to full name ('CROCKER' -> 'ISLAMABAD' -> 'Ryan Clark Crocker')."""
    return json.loads((DATA / "signers.json").read_text(encoding="utf-8"))


@cache
def chiefs_by_country() -> dict[str, list[dict[str, str]]]:
    """US chiefs of mission (POCOM) by ISO country code, each with person_id, names, role, started, ended."""
    out: dict[str, list[dict[str, str]]] = {}
    with (DATA / "pocom_chiefs.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            out.setdefault(row["country"], []).append(row)
    return out


@cache
def chiefs_by_surname() -> dict[str, list[dict[str, str]]]:
    """The same POCOM rows indexed by surname skeleton."""
    out: dict[str, list[dict[str, str]]] = {}
    for rows in chiefs_by_country().values():
        for row in rows:
            out.setdefault(skeleton(row["surname"]), []).append(row)
    return out


@cache
def wikidata_by_surname() -> dict[str, list[dict[str, Any]]]:
    """Wikidata office holders (people_data/wikidata_persons.csv) indexed by the skeleton of every name's surname."""
    out: dict[str, list[dict[str, Any]]] = {}
    with (DATA / "wikidata_persons.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            names = [row["name"], *[a for a in row["aliases"].split("|") if a]]
            row["names"] = names
            row["countries"] = [c for c in row["country"].split("|") if c]
            row["spans"] = [_span(p) for p in row["positions"].split("|")]
            # the surname_key of the last word of each name (a mention's surname is spelled as a name of the row
            # when its key is one of them)
            row["surname_keys"] = frozenset(surname_key(name.split()[-1]) for name in names if name.split())
            row["given"] = given_names(names)
            keys = set()
            for name in names:
                parts = name.split()
                if len(parts) >= 1:
                    keys.add(skeleton(parts[-1]))
                if len(parts) >= 2:
                    keys.add(skeleton(parts[0]))
            for key in keys:
                if key:
                    out.setdefault(key, []).append(row)
    return out


@cache
def wikidata_by_surname_country() -> dict[tuple[str, str], list[dict[str, Any]]]:
    """The rows of wikidata_by_surname() by skeleton and by each country of a row, in the same order: a link needs
    the country to agree, and most rows of a skeleton are of other countries."""
    out: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for key, rows in wikidata_by_surname().items():
        for row in rows:
            for country in dict.fromkeys(row["countries"]):
                out.setdefault((key, country), []).append(row)
    return out


@cache
def leader_surnames() -> dict[str, list[tuple[str, int, int]]]:
    """Surname (as written, capitalised) -> (country, first year, last year) of heads of state and government,
    foreign ministers and US Secretaries of State in the Wikidata table."""
    top = re.compile(r"^(?:US )?(?:President|Prime Minister|Chancellor|Premier|King|Queen|Emir|Sultan|Supreme Leader)"
                     r"|Minister of Foreign|Foreign Minister|Secretary of State", re.IGNORECASE)
    out: dict[str, list[tuple[str, int, int]]] = {}
    for rows in wikidata_by_surname().values():
        for row in rows:
            spans = [(s, e) for label, s, e in row["spans"] if top.search(label)]
            if not spans or not row["countries"]:
                continue
            start, end = min(s for s, _ in spans), max(min(e, 2011) for _, e in spans)
            for name in row["names"]:
                parts = name.split()
                if len(parts) < 2 or " of " in name or re.fullmatch(r"[IVX]+", parts[-1]):
                    continue
                last = parts[-1]
                for key in {last, re.sub(r"^(?:al|el|Al|El)-", "", last)}:
                    if key[:1].isupper():
                        entry = (row["countries"][0], start, end)
                        if entry not in out.setdefault(key, []):
                            out[key].append(entry)
    return out


_SPAN = re.compile(r"(\?|\d{4})?(?:-(\d{4})?)?\s*$")


def _span(position: str) -> tuple[str, int, int]:
    """'Minister of Foreign Affairs (Iran) 2005-2010' to ('Minister of Foreign Affairs (Iran)', 2005, 2010)."""
    match = re.search(r"\s((?:\?|\d{4})(?:-(?:\d{4})?)?)$", position)
    if not match:
        return position, 0, 9999
    label = position[: match.start()].strip()
    span = match.group(1)
    if "-" in span:
        start, end = span.split("-", 1)
    else:
        start = end = span
    return label, int(start) if start.isdigit() else 0, int(end) if end.isdigit() else 9999


def trie_regex(words) -> str:
    """A regular expression alternation of literal words factored as a trie ('said|stated' -> 's(?:aid|tated)'),
    much faster in Python's engine than a flat alternation of many words."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie)


def initial_branches(words, not_after: str = r"\w") -> str:
    r"""`(?<!not_after)(?:trie_regex(words))` spelled as one branch per initial character, the lookbehind after
    the initial (`s(?<!\ws)(?:aid|tated)|t(?<!\wt)old`). The same matches; but a pattern that opens with a literal
    in every branch lets the regex engine skip ahead to the next candidate initial instead of trying the lookbehind
    and the trie at every position. Worth it for initials that are rare in text (capitals). `not_after` is one
    character class or escape."""
    initials = sorted({w[0] for w in words})
    branches = [re.escape(c) + rf"(?<!{not_after}{re.escape(c)})" + trie_regex({w[1:] for w in words if w[0] == c})
                for c in initials]
    return "(?:" + "|".join(branches) + ")"


def given_names(names: list[str]) -> frozenset[str]:
    """The given names of a person's names: every word before the last of each, folded to ASCII, in lower case."""
    return frozenset(ascii_fold(t).lower() for name in names for t in name.split()[:-1])


def ascii_fold(text: str) -> str:
    """Strip diacritics: 'Jörg' to 'Jorg'."""
    if text.isascii():  # nothing to strip (NFKD leaves ASCII as it is)
        return text
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


_PARTICLE = re.compile(r"^(?:al|el|ul|ud|ad|as|ash|at|az)[- ]", re.IGNORECASE)


@bounded_cache(65536)
def surname_key(name: str) -> str:
    """The matching key of a surname: case and diacritics folded, a leading article (al-, el-) dropped."""
    text = ascii_fold(name).lower().strip()
    article = _PARTICLE.match(text)
    if article is not None:
        text = text[article.end():]
    return text.translate(_NOT_LOWER_LETTER)  # (ASCII after ascii_fold: every character but a-z dropped)


_NOT_LOWER_LETTER = str.maketrans("", "", "".join(chr(c) for c in range(128) if not "a" <= chr(c) <= "z"))


@bounded_cache(65536)
def skeleton(name: str) -> str:
    """A transliteration skeleton for variant spellings: 'Mottaki' and 'Muttaki' both give 'mutaki'.

    Used only where the linking rule allows (country and office or dates must also agree).
    """
    # `ou`, `oo`, `o` -> `u`, `ee`, `e`, `y` -> `i`, `q` -> `k`, then `ph`, `dh`, `gh`, `kh` -> `f`, `d`, `g`, `k`,
    # `w` -> `v`, and repeated letters made one: the letters by one translation (`ou` gives `uu`, `ee` gives `ii`,
    # which the last step makes one letter, as the replacements did)
    text = surname_key(name).translate(_SKELETON_LETTERS)
    if "h" in text:
        for old, new in (("ph", "f"), ("dh", "d"), ("gh", "g"), ("kh", "k")):
            text = text.replace(old, new)
    if _REPEATED.search(text):  # (one letter of each run: a join of groupby is cheaper than a sub with `\1`)
        text = "".join([letter for letter, _ in groupby(text)])
    return text


_SKELETON_LETTERS = str.maketrans("oeyqw", "uiikv")
_REPEATED = re.compile(r"(.)\1")
