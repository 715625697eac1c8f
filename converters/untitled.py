"""Full names without a title in a cable's text: `Adel al-Jubeir`, `Ryan Crocker`, a name before a surname already
seen. The finder of names after a title is converters.titled.titled_mentions(); find_persons (converters.resolve)
calls both. See docs/people.md, "How a cable is scanned".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from converters.people import _PARTICLES, Mention, _stop, clean_name, patterns
from converters.people_tables import english_words, forenames, place_names
from converters.scan import CAPWORD_RE, Segment

# What the candidate tests below stand for (see _after_lower, _before_surname; bench/names.py's reference uses them)
_AFTER_LOWER = re.compile(r"(?<![.:;!?])\b[a-z][a-z-]+\s+$")
_PRECEDING = re.compile(r"([A-Z](?<!\w[A-Z])[A-Za-z'-]*)\s+$")


# Per process, the class of a word met by untitled_mentions() (see _word_class). Bounded: emptied when it holds more
# than _CLASSES_MAX words (about 10 MB). The words met are the first words of the candidate starts and the words of
# candidate names: 8,120 distinct words on the 1,531 shared cables (4,276 of them unknown), a number that grows about
# as the number of cables to the power 0.8 (like the capitalised words): on the whole corpus the cache fills up and
# starts again now and then.
_CLASSES: dict[str, int] = {}
_CLASSES_MAX = 100_000
_GIVEN, _GIVEN_HEAD, _UNKNOWN = 1, 2, 4


@cache
def _given_heads() -> frozenset[str]:
    """What comes before the apostrophe in the given names that have one."""
    return frozenset(name.partition("'")[0] for name in forenames() if "'" in name)


def _word_class(word: str) -> int:
    """The class of a word, cached per process (bounded): _GIVEN for a given name, _GIVEN_HEAD for what comes before
    the apostrophe of a given name, _UNKNOWN for a word that no table knows (longer than two letters, no apostrophe,
    not all capitals, not a given name, stopword, place or English word); 0 for none of these."""
    found = _CLASSES.get(word)
    if found is None:
        if len(_CLASSES) > _CLASSES_MAX:
            _CLASSES.clear()
        given, heads, stop, places, english = _class_tables()
        found = (_GIVEN if word in given else 0) | (_GIVEN_HEAD if word in heads else 0)
        if (len(word) > 2 and "'" not in word and not word.isupper() and word not in given and word not in stop
                and word not in places and word.lower() not in english):
            found |= _UNKNOWN
        _CLASSES[word] = found
    return found


@cache
def _class_tables() -> tuple[frozenset[str], ...]:
    """The tables _word_class() reads: given names and their heads, stopwords, place names, English words."""
    return forenames(), _given_heads(), _stop(), place_names(), english_words()


def _is_unknown(word: str) -> bool:
    """True for a word that no table knows (see _word_class)."""
    return bool(_word_class(word) & _UNKNOWN)


@cache
def _skip_words(count: int) -> re.Pattern:
    return re.compile(rf"(?:\S+\s+){{{count}}}")


# Where an untitled full name can start: a necessary condition of patterns()["full"] matching there, so that no
# start is lost. A capital after no letter, digit, `_`, `.` or `-`, then a lower-case letter (the first token opens
# `[A-Z][a-z]`, or with a particle `Al`, `Abu`, ... which do too); the match is the run of [A-Za-z-] from there (no
# name starts inside it: each of its letters follows a letter or a hyphen). Looked ahead, after it: the rest of the
# first token, white space and what a second token opens with: a capital (group k: the run of [A-Za-z-] there and
# an apostrophe and letters after it, for the surname test), a Latin-1 capital or a lower-case particle and `-` or
# ` `. (A first token `Al Jubeir` is followed by white space and a capital after `Al`.)
_UNTITLED_START = re.compile(
    r"[A-Z](?<![\w.-][A-Z])(?=[a-z\u00df-\u00ff])[A-Za-z-]*+"
    r"(?=[A-Za-z\u00c0-\u00ff'\u2019-]*+\s++"
    rf"(?:(?P<k>[A-Z][A-Za-z-]*+(?:'[A-Za-z]++)?)|[\u00c0-\u00de]|(?:{'|'.join(_PARTICLES)})[- ]))")


def _latin1_set(char_class: str) -> str:
    """The Latin-1 characters a one-character str pattern matches, as the inside of a bytes pattern's set."""
    return "".join(f"\\x{c:02x}" for c in range(256) if re.fullmatch(char_class, chr(c)))


# The same pattern for the Latin-1 encoding of a text (almost every segment) with its capitals A-Z all made `A`
# (_ONE_CAPITAL): opening with a literal, the search runs to the next capital much faster than with a character set.
# \w and \s are spelled as the Latin-1 characters the str pattern gives them (a bytes pattern's are ASCII only); the
# group k is the same span (read in the text).
_ONE_CAPITAL = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"A" * 26)
_WORD_DOT_HYPHEN, _SPACE = _latin1_set(r"[\w.-]"), _latin1_set(r"\s")
_UNTITLED_START_LATIN1 = re.compile((
    rf"A(?<![{_WORD_DOT_HYPHEN}]A)(?=[a-z\xdf-\xff])[Aa-z-]*+"
    rf"(?=[Aa-z\xc0-\xff'-]*+[{_SPACE}]++"
    rf"(?:(?P<k>A[Aa-z-]*+(?:'[Aa-z]++)?)|[\xc0-\xde]|(?:{'|'.join(_PARTICLES)})[- ]))").encode("latin-1"))
_APOSTROPHE_LETTERS = re.compile(r"'[A-Za-z]+")
_RUN = re.compile(r"[A-Za-z-]*")
_WORD_SPACES = re.compile(r"([A-Z][A-Za-z'-]*)\s+")  # (_PRECEDING's match, from its start)
_CAPITALISED_RUN = re.compile(r"[A-Z][A-Za-z-]*")


def _untitled_starts(text: str) -> Iterator[re.Match]:
    """The matches of _UNTITLED_START in the text, in order (through _UNTITLED_START_LATIN1 when the text is Latin-1:
    the same spans; read the words in the text)."""
    try:
        subject = text.encode("latin-1").translate(_ONE_CAPITAL)
    except UnicodeEncodeError:
        return _UNTITLED_START.finditer(text)
    return _UNTITLED_START_LATIN1.finditer(subject)


def _words_at(text: str, at: int, end: int) -> list[str]:
    """The words of CAPWORD_RE's shapes that occur as whole words at `at` (as scan._word_positions finds them), given
    the end of the run of [A-Za-z-] from `at`: the run itself, and the run with an apostrophe and letters."""
    out = []
    after = text[end:end + 1]
    if not after.isalnum():
        out.append(text[at:end])
    if after == "'":
        tail = _APOSTROPHE_LETTERS.match(text, end)
        if tail:
            after = text[tail.end():tail.end() + 1]
            if not (after.isalnum() or after == "-"):
                out.append(text[at:tail.end()])
    return out


def _is_capword_at(seg: Segment, at: int, word: str) -> bool:
    """`word in seg.capwords` for a word found at `at`, after no letter, digit, `_`, `.` or `-`: true when it is the
    word CAPWORD_RE's findall gives at `at` (which it reaches unless an apostrophe comes just before, since no
    earlier word can run over the character before `at`); else the capitalised words are looked up."""
    text = seg.text
    if not at or text[at - 1] != "'":
        found = CAPWORD_RE.match(text, at)
        if found is not None and found.group() == word:
            return True
    return word in seg.capwords


# `_AFTER_LOWER` spelled to open with a character set: `(?<![.:;!?])\b[a-z]` is a lower-case letter after neither a
# letter, digit or `_` nor one of `.:;!?` (the look-behind sees before the start of a search as \b does). The same
# matches, but the search skips to the next lower-case letter instead of trying the whole pattern at every position.
_AFTER_LOWER_WORD = re.compile(r"[a-z](?<![\w.:;!?][a-z])[a-z-]+\s+$")


def _after_lower(text: str, start: int) -> bool:
    """`_AFTER_LOWER.search(text, max(0, start - 30), start)`: a lower-case word and white space just before `start`.
    The characters just before are tested first: white space, and before it more white space or a letter of the
    word ([a-z-])."""
    if not text[start - 1:start].isspace():
        return False
    c = text[start - 2:start - 1]
    if not ("a" <= c <= "z" or c == "-" or c.isspace()):
        return False
    return _AFTER_LOWER_WORD.search(text, max(0, start - 30), start) is not None


def _named_at(seg: Segment, start: int, end: int, given: frozenset[str]) -> bool:
    """The given-name and unknown-word tests of _untitled_matches() at a start next to an apostrophe, where the
    word there may not be one of the capitalised words (`O'Brien`, `Brien'x`): looked up in seg.capwords."""
    text = seg.text
    for word in _words_at(text, start, end):
        if word in given and _is_capword_at(seg, start, word):
            return True
    word = text[start:end]
    return (text[end:end + 1] == " " and text[end + 1:end + 2].isupper() and _is_unknown(word)
            and _is_capword_at(seg, start, word) and _after_lower(text, start))


def _before_surname(seg: Segment, start: int, at: int, known: set[str], stop: frozenset[str]) -> bool:
    """Whether the word at `start` is the capitalised word just before a known surname at `at`, as
    `_PRECEDING.search(text, max(0, at - 60), at)` finds it, and no stopword."""
    text = seg.text
    for word in _words_at(text, at, _RUN.match(text, at).end()):
        if word in known and _is_capword_at(seg, at, word):
            if start and text[start - 1] == "'":  # (the search could start further left, `O'Brien`)
                before = _PRECEDING.search(text, max(0, at - 60), at)
                return before is not None and before.start(1) == start and before.group(1) not in stop
            # Else the search's leftmost match starts at `start` when one does (no letter, digit, `_`, `.`, `-` or
            # apostrophe before it, so none further left can run up to it): the word and white space up to `at`.
            before = _WORD_SPACES.fullmatch(text, start, at)
            return before is not None and start >= at - 60 and before.group(1) not in stop
    return False


@cache
def _untitled_tables() -> tuple[frozenset[str], frozenset[str], frozenset[str], re.Pattern]:
    """The given names, stopwords, place names and full-name pattern of untitled_mentions() (one cached call)."""
    return forenames(), _stop(), place_names(), patterns()["full"]


def _untitled_matches(seg: Segment, known: set[str]) -> Iterator[re.Match]:
    """The matches of patterns()["full"] where an untitled name can start, in text order and not overlapping: at a
    given name, at an unknown word after a lower-case word and before ' ' and a capital, at the word before a known
    surname. The starts are those of `present & given`, `present & known` and the unknown words of `present =
    seg.capwords`, each looked for with seg.positions (whole words), taken in order with the matches that run over
    them skipped; they are found here in one pass of _UNTITLED_START (every place where `full` can match) and a test
    of the word there, which is the word findall gives there unless an apostrophe is next to it (see _named_at).
    A stopword that is no given name opens no name: it passes neither the tests of its class nor _before_surname(),
    which refuses a stopword (the word it reads from the start is the stopword itself unless an apostrophe follows);
    such candidates are left at once."""
    text = seg.text
    given, stop, _, full = _untitled_tables()
    classes = _CLASSES
    pos = 0
    for candidate in _untitled_starts(text):
        start, end = candidate.span()
        if start < pos:
            continue
        word = text[start:end]
        kind = classes.get(word)
        if kind is None:
            kind = _word_class(word)
        if not kind and word in stop and text[end:end + 1] != "'":
            continue  # (most candidates: `The`, `In`; see above)
        found = False
        if kind:  # (a given name, what comes before the apostrophe of one, or an unknown word)
            after = text[end:end + 1]
            if after == "'" or (start and text[start - 1] == "'"):
                found = _named_at(seg, start, end, given)
            elif not after.isalnum():  # (else the run is no whole word)
                found = word in given or (kind & _UNKNOWN and after == " " and text[end + 1:end + 2].isupper()
                                          and _after_lower(text, start))
        if not found:
            # the surname test: the word at k (`O'Brien` or its run `O`) is a known surname
            at, last = candidate.span("k")
            if at < 0:
                continue
            surname = text[at:last]
            if surname not in known and ("'" not in surname or surname.partition("'")[0] not in known):
                continue
            if not _before_surname(seg, start, at, known, stop):
                continue
        match = full.match(text, start)
        if match is not None:
            pos = match.end()
            yield match


def _all_unknown(seg: Segment, match: re.Match, parts: list[str]) -> bool:
    """Whether every part of a name is an unknown word of the segment's capitalised words. With no apostrophe in or
    next to the match, a part is one of them exactly when it has the shape `[A-Z][A-Za-z-]*` (findall gives it
    there: it follows white space or the match's start, and ends at white space or at the match's end)."""
    text = seg.text
    if "'" in text[max(0, match.start() - 1):match.end() + 1]:
        capwords = seg.capwords
        return all(p in capwords and _is_unknown(p) for p in parts)
    return all(_is_unknown(p) and _CAPITALISED_RUN.fullmatch(p) is not None for p in parts)


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a span's start or end falls inside one of the spans taken."""
    for s, e in taken:
        if s <= start < e or s < end <= e:
            return True
    return False


def name_after_stopwords(raw: str, stop: frozenset[str]) -> tuple[int, str]:
    """Where a candidate full name starts once its leading stopwords are skipped (`Then Adel al-Jubeir`), and the
    name cleaned from there (clean_name)."""
    skip = 0
    for token in raw.split():
        if token.rstrip(".,") not in stop:
            break
        skip += 1
    lead = _skip_words(skip).match(raw) if skip else None
    offset = lead.end() if lead else 0
    return offset, clean_name(raw[offset:])


def untitled_mentions(seg: Segment, known: set[str], taken: list[tuple[int, int]]) -> list[Mention]:
    """Full names without a title: a known given name first ('Adel al-Jubeir'), or a surname already seen."""
    out: list[Mention] = []
    paragraph = seg.number
    given, stop, places, _ = _untitled_tables()
    for match in _untitled_matches(seg, known):
        if taken and _overlaps(taken, *match.span()):
            continue
        offset, name = name_after_stopwords(match["name"], stop)
        parts = name.split()
        if len(parts) < 2 or parts[0] in stop:
            continue
        # (the test of unknown words last: `or` stops at the first true one)
        if parts[0] in given or (parts[-1] in known and len(parts) <= 3) or (
                len(parts) <= 3 and " ".join(parts) not in places and _all_unknown(seg, match, parts)):
            start = match.start() + offset
            out.append(Mention(paragraph, start, start + len(name), name, name, kind="name"))
    return out
