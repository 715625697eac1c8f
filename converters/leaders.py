"""Office holders a cable names by surname alone (`Khamenei`, `Bush`): which capitalised words can be one in a
cable of a given year, the country such a mention takes, and whether an occurrence stands for the person or is part
of a proper noun that names nobody (`White House`, `Wall Street`). converters.resolve finds the mentions."""

from __future__ import annotations

import re
from functools import cache

from converters.caches import bounded_cache
from converters.people import SURNAME_PARTICLES, _stop
from converters.people_tables import english_words, forenames, leader_surnames, lexicon, place_names


@cache
def _leader_words() -> frozenset[str]:
    """The surnames of leader_surnames() that can name an office holder by surname alone whatever the date: at
    least four letters, neither a stopword nor a given name, at most two rows."""
    stop = _stop()
    given = forenames()
    return frozenset(word for word, rows in leader_surnames().items()
                     if len(word) >= 4 and word not in stop and word not in given and len(rows) <= 2)


@bounded_cache(65536)
def leader_country(word: str, year: int) -> str | None:
    """For a word of _leader_words() in a cable of that year: None when none of its rows was in office within six
    years before (one after) the year, else the country the mention takes ('' when the active rows disagree).
    Cached per process (bounded: the leaders' surnames found in the text, by year)."""
    countries = {r[0] for r in leader_surnames()[word] if r[1] - 6 <= year <= r[2] + 1}
    if not countries:
        return None
    return countries.pop() if len(countries) == 1 else ""


@cache
def _leader_words_by_year() -> dict[int, frozenset[str]]:
    """For each year from 1900 to 2100, the words of _leader_words() with a country in that year (leader_country()
    not None: a row in office within six years before, one after), built once per process from the rows' spans."""
    rows = leader_surnames()
    by_year: dict[int, set[str]] = {}
    for word in _leader_words():
        for _, first, last in rows[word]:
            for year in range(max(first - 6, 1900), min(last + 1, 2100) + 1):
                by_year.setdefault(year, set()).add(word)
    return {year: frozenset(words) for year, words in by_year.items()}


@bounded_cache(256)
def leaders_in(year: int) -> frozenset[str]:
    """`frozenset(w for w in _leader_words() if leader_country(w, year) is not None)` (cached per year)."""
    if 1900 <= year <= 2100:
        return _leader_words_by_year().get(year, frozenset())
    return frozenset(w for w in _leader_words() if leader_country(w, year) is not None)


_SENTENCE_OPENERS = frozenset(".!?:;\"'(-\u2019\u201c")
_WORD_BEFORE = re.compile(r"(?<![\w'-])([A-Z][\w'-]*)[ \t]$")
_WORD_AFTER = re.compile(r"[ \t](of[ \t])?([A-Za-z][\w-]*)")
# What may follow an office holder's surname that stands for the person (`the Bush Administration`), or a date
# (`Kouchner September 7`)
_GOVERNMENT_WORDS = frozenset({"administration", "government", "cabinet", "regime", "presidency", "era"})
_DATE_WORDS = frozenset({"January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                         "Saturday", "Sunday"})


@cache
def _title_ends() -> frozenset[str]:
    """The words a title ends with before a name (`President`, `Ayatollah`, `Minister`; not `State` of `Secretary
    of State` nor `Air` of `Air Marshal`, which also open other proper nouns), also in the plural (`Secretaries`)."""
    words = {t.split()[-1] for t in lexicon()["titles"] if " of " not in t}
    plural = {w[:-1] + "ies" if w.endswith("y") else w + "s" for w in words}
    return frozenset(words | plural)


def in_proper_noun(text: str, start: int, word: str) -> bool:
    """Whether a capitalised word is part of a proper noun that names no person: `House of Commons`, `Wall
    Street`, `Shahid Bakeri Industries` (a capitalised word after it, but `Administration`, `Government`, ..., a
    date, or `of` and a place: `Putin of Russia`), `White House`, `West Wing`, `State House` (an ordinary English
    word before it, but a stopword opening a sentence: `The Bush Administration`). A title, given name or particle
    before it makes it a name whatever follows (`Foreign Minister Livni Omer Caspi`, `Christian Wulff`, `Van
    Rompuy`). (`the House` stays: `the Hariri assassination` is about the person.)"""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    previous = before.group(1) if before is not None else ""
    if previous and (previous in forenames() or previous.lower() in SURNAME_PARTICLES
                     or any(part in _title_ends() for part in previous.split("-"))):
        return False
    after = _WORD_AFTER.match(text, start + len(word))
    following = after.group(2) if after is not None else ""
    if following[:1].isupper() and (following not in place_names() if after.group(1) else (
            following.lower() not in _GOVERNMENT_WORDS and following not in _DATE_WORDS)):
        return True
    if not previous or previous.isupper() or previous.lower() not in english_words():
        return False
    opening = text[max(0, before.start(1) - 3):before.start(1)].rstrip()
    return not ((not opening or opening[-1] in _SENTENCE_OPENERS) and previous in _stop())


def foreign_common_word(word: str, country: str | None, host: str | None) -> bool:
    """Whether an office holder's surname is an ordinary English word (`House`, `Wall`, `Fall`, `Wing`) and the
    office holder is neither of the host country nor of the US (or the countries disagree): then the word in a
    cable is read as the word (`the House passed`), not as the person, who would be named more fully. `Rice` and
    `Gates` in any cable and `Brown` in a London cable stay."""
    return country not in ("US", host) and word.lower() in english_words()

