"""Where the role designations of a segment are (`the Ambassador`, `the DCM`, `Charge`): the matches of
people.patterns()["designation"] (mixed case) and ["designation_caps"] (all caps), found without running the
patterns over the whole text.

`designation_matches(seg)` gives the same matches as the pattern's finditer: it tries the pattern only where a
designation can start, at the designation words among the segment's capitalised words (and the `the` before
them). converters.resolve decides whom each designation stands for. `bench/resolve.py --check` compares these
searches with the plain patterns on every segment of a corpus.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from converters.people import patterns
from converters.people_tables import lexicon
from converters.scan import Segment


def designation_matches(seg: Segment) -> Iterator[re.Match]:
    """The role designation matches of a segment, in text order, as the designation pattern's finditer gives them."""
    text = seg.text
    if seg.caps:
        if not any(word in text for word in _HINT_WORDS):  # (str.find outruns one regex search for all)
            return iter(())
        return _caps_designation_matches(patterns()["designation_caps"], text)
    heads = _designation_search(seg)
    if not heads:
        return iter(())  # (most segments)
    return _designation_matches(patterns()["designation"], text, heads)


# an all-caps paragraph without any of these words is not searched for role designations
_HINT_WORDS = ("Ambassador", "AMBASSADOR", "DCM", "Charge", "CHARGE", "Secretary", "SECRETARY", "CDA", "Consul",
               "CONSUL", "CG")


@cache
def _designation_words() -> dict[str, str]:
    """The words a role designation of mixed-case text opens with, after an optional `the`/`The` (the lexicon's
    designations and the bare role words of people.patterns()["designation"]), each with the word to search for
    to find it: itself, or a shorter one it starts with (`Ambassador-designate`: `Ambassador`). All are made of
    letters and hyphens, so where one opens a designation it is a capitalised word of the text (CAPWORD_RE), or
    the start of one when an apostrophe and letters follow it (`DCM'x`)."""
    phrases = [*lexicon()["role_designations"], "Ambassador", "DCM", "Charge", "Charge d'Affaires", "CDA"]
    words = {p.removeprefix("the ").split()[0] for p in phrases}
    heads = sorted(w for w in words if not any(w != v and w.startswith(v) for v in words))
    return {w: next(h for h in heads if w.startswith(h)) for w in sorted(words)}


@cache
def _designation_tables() -> tuple[frozenset[str], tuple[str, ...], tuple[str, ...], bool]:
    """The keys of _designation_words() as a set (to intersect with a segment's capitalised words) and as a tuple
    (for str.endswith), every word to search, sorted, and whether all the words are made of ASCII letters and
    hyphens (else the capitalised words cannot tell where one occurs, and every word is searched)."""
    words = _designation_words()
    plain = all(re.fullmatch(r"[A-Za-z-]+", w) for w in words)
    return frozenset(words), tuple(words), tuple(sorted(set(words.values()))), plain


def after_apostrophe(text: str, words: tuple[str, ...]) -> bool:
    """True when one of the words ends right before an apostrophe of the text."""
    i = text.find("'")
    while i >= 0:
        if text.endswith(words, 0, i):
            return True
        i = text.find("'", i + 1)
    return False


def _designation_search(seg: Segment) -> tuple[str, ...]:
    """The words to search for the role designations of a mixed-case segment (see _designation_words): those of
    its capitalised words, or all of them when a designation word is followed by an apostrophe somewhere."""
    word_set, opening, every, plain = _designation_tables()
    text = seg.text
    if not plain or ("'" in text and after_apostrophe(text, opening)):  # (no apostrophe: no call)
        return every
    present = seg.capwords & word_set
    if not present:
        return ()
    words = _designation_words()
    return tuple(sorted({words[w] for w in present}))


@cache
def _caps_designation_heads() -> tuple[str, ...] | None:
    """The words to search, in lower case, for the role designations of all-caps text (see
    _caps_designation_matches); None when a designation of the lexicon does not open with `the`."""
    phrases = [p.lower() for p in lexicon()["role_designations"]]
    if not all(p.startswith("the ") for p in phrases):
        return None
    words = {p.removeprefix("the ").split()[0] for p in phrases}
    return tuple(sorted(w for w in words if not any(w != v and w.startswith(v) for v in words)))


def _caps_designation_matches(pattern: re.Pattern, text: str):
    """`pattern.finditer(text)` for people.patterns()["designation_caps"] (case-insensitive; every designation
    opens with `the`), tried only at a `the` followed by white space and a designation word, found in the lower
    case of the text. The same matches when the text is ASCII (its lower case then has the same length and
    matches the pattern where the text does); otherwise finditer itself."""
    heads = _caps_designation_heads()
    if heads is None or not text.isascii():
        yield from pattern.finditer(text)
        return
    lower = text.lower()
    starts = []
    for head in heads:
        i = lower.find(head)
        while i >= 0:
            the = _the_before(lower, i, ("the",))
            if the >= 0:
                starts.append(the)
            i = lower.find(head, i + 1)
    yield from _matches_at(pattern, text, starts)


def _the_before(text: str, i: int, spellings: tuple[str, ...]) -> int:
    """Where a `the` (as one of `spellings`) and white space right before offset i start; -1 when there is none."""
    j = i
    while j and text[j - 1].isspace():  # (str.isspace is the `\s` of str patterns)
        j -= 1
    return j - 3 if j < i and j >= 3 and text[j - 3:j] in spellings else -1


def _matches_at(pattern: re.Pattern, text: str, starts: list[int]):
    """`pattern.finditer(text)` when the pattern can match only at `starts`: each start tried in text order, from
    the end of the previous match on."""
    pos = 0
    for start in sorted(set(starts)):
        if start < pos:
            continue
        match = pattern.match(text, start)
        if match:
            pos = match.end()
            yield match


def _designation_matches(pattern: re.Pattern, text: str, heads: tuple[str, ...]):
    """`pattern.finditer(text)` for people.patterns()["designation"] (mixed case), tried only where a match can
    start: at a designation word (`heads`, from _designation_search) or at the `the`/`The` and white space right
    before it. The same matches: the pattern matches nowhere else, and the candidates are tried in text order,
    each from the end of the previous match."""
    starts = []
    find = text.find
    for head in heads:
        i = find(head)
        while i >= 0:
            starts.append(i)
            the = _the_before(text, i, ("the", "The"))
            if the >= 0:
                starts.append(the)
            i = find(head, i + 1)
    yield from _matches_at(pattern, text, starts)
