"""Names after a title in a cable's text (`Pakistani Foreign Minister Kasuri`, `A/S Boucher`, `PM Gilani`):
titled_mentions(). The title words come from one Aho-Corasick search per text; the titled pattern
(people.patterns()) is tried only just before them. find_persons (converters.resolve) calls it; untitled full
names are converters.untitled. See docs/people.md, "How a cable is scanned".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import ahocorasick_rs

from converters.caches import bounded_cache
from converters.people import _NONSPACE, _PARTICLES, Mention, clean_name, patterns
from converters.people_tables import (
    chiefs_by_surname,
    english_words,
    forenames,
    leader_surnames,
    lexicon,
    signers,
    skeleton,
    wikidata_by_surname,
)
from converters.scan import CAPWORD_RE


def _role_label(match: re.Match) -> tuple[str, str]:
    """The role text and the country a titled match implies ('' when none)."""
    return _role_label_of(*match.group("dem", "mods", "head", "of"))


_ACRONYM = re.compile(r"\b[A-Z]{2,5}\b")


@bounded_cache(50_000)
def _role_label_of(dem: str | None, mods: str, head: str, of: str | None) -> tuple[str, str]:
    """_role_label() from the groups of the match (cached per process: a few thousand roles on the corpus)."""
    lex = lexicon()
    head = " ".join(head.split())
    label, implied = lex["titles"].get(head, lex["titles"].get(head.rstrip("."), ["", ""]))
    mods = " ".join(mods.split())
    if mods or of:
        label = " ".join(x for x in (mods, head if len(head) > 3 else label) if x)
        implied = "" if implied == "US" and _ACRONYM.search(mods) else implied
    if of:
        label = f"{label} of {' '.join(of.split())}"
    country = lex["demonyms"].get(" ".join(dem.split()), "") if dem else ""
    return label, country or implied


@cache
def _title_starts() -> frozenset[str]:
    lex = lexicon()
    words = [*lex["titles"], *lex["modifiers"], *lex["demonyms"]]
    return frozenset(w.split()[0] for w in words)


@cache
def _title_starts_upper() -> frozenset[str]:
    return frozenset(w.upper() for w in _title_starts())


@cache
def _continuations() -> tuple[str, ...]:
    """What can follow a title word and a space inside a titled match, when it does not start with a capital: the
    lower-case words of the role lexicon, `of`/`for`/`and`/`a.i.` of the role pattern and the name particles."""
    lex = lexicon()
    words = {w for key in ("titles", "modifiers", "demonyms") for phrase in lex[key] for w in phrase.split()}
    return tuple(sorted({w for w in words if not "A" <= w[0] <= "Z"} | {"of", "for", "and", "a.i.", *_PARTICLES}))


# the characters other than letters, digits and spaces that a titled match can contain (role lexicon and patterns)
_GLUE = "'-./\u2019"


def _can_continue(caps: bool) -> str:
    """The test after a title word (a lookahead body): a titled match can run past the word.

    A match that goes beyond the title word contains the character after it: a space, or one of _GLUE. In mixed
    case, after the spaces comes a capital (a name or a role word) or one of _continuations()."""
    glue = "[" + re.escape(_GLUE) + "]"
    if caps:
        return rf"\s|{glue}"
    return rf"{glue}|\s+(?:[A-Z\u00c0-\u00de]|{'|'.join(re.escape(w) for w in _continuations())})"


# Characters no titled match contains: ASCII other than letters, whitespace and _GLUE (folding a letter ignoring case
# never gives one).
_BREAK_CHARS = "".join(chr(c) for c in range(33, 127) if not chr(c).isalpha() and chr(c) not in _GLUE)


@cache
def _inner_lower() -> tuple[str, ...]:
    """The words a titled match in mixed case can have after a space that do not start with a capital: the lower-case
    words of the role lexicon's phrases, `of`/`for`/`the`/`and`/`a.i.` of the role pattern and the name particles."""
    return tuple(sorted({*_continuations(), "the"}))


@cache
def _break_reach() -> int:
    """How far after a break's own character _reversed_break() reads (its longest lookbehind), plus one."""
    return 2 + max(len(w) for w in _inner_lower())


@cache
def _reversed_break(caps: bool) -> re.Pattern:
    r"""The nearest break before a title word, searched for in the reversed text (see _titled_matches()): one of
    _BREAK_CHARS or, in mixed case, `\s[a-z]` where none of _inner_lower() starts. (Tested as prefixes, `of` also
    lets `often` through: a break may be missed, never found where a titled match can run.)"""
    chars = "[" + re.escape(_BREAK_CHARS) + "]"
    if caps:
        return re.compile(chars)
    # In the reversed text, `\s[a-z](?!word)` reads `(?<!drow)[a-z]\s`: lookbehinds after `\s`, one per length
    # (`(?<!fo\s|la\s)` is `(?<!fo\s)(?<!la\s)`; a lookbehind's branches must have one width).
    words = _inner_lower()
    allowed = "".join("(?<!" + "|".join(rf"{re.escape(w[::-1])}\s" for w in words if len(w) == size) + ")"
                      for size in sorted({len(w) for w in words}))
    # `[\s<chars>]` first (not a `|` of two forms) lets the engine skip ahead to the next candidate character
    return re.compile(rf"[\s{re.escape(_BREAK_CHARS)}](?:(?<={chars})|(?<=[a-z]\s){allowed})")


# The characters of `\s` (str.isspace(); bench/titled.py --check compares them with `\s` over all of Unicode).
_SPACES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
           "\u200a\u2028\u2029\u202f\u205f\u3000")


_Match = Callable[[str, int], re.Match | None]  # the `match` method of a compiled pattern

# A text that holds one of these is (or holds) a list of participants (`Participants:`, `ATTENDEES`), whose lines
# pair names and titles in ways the titled pattern misreads: titled_mentions() leaves it alone. The title-word
# automata find them in the same pass as the title words.
LIST_MARKS = ("articipants", "ARTICIPANTS", "ttendees")


# Per pattern of a title-word automaton: the length of its word, the longer title words that start with it, and the
# test of what follows the word (see _head_automata); None for a pattern of LIST_MARKS
_HeadInfo = list[tuple[int, tuple[str, ...], _Match | None] | None]


@cache
def _head_automata() -> dict[bool, tuple[ahocorasick_rs.AhoCorasick, _HeadInfo, ahocorasick_rs.BytesAhoCorasick,
                                         _HeadInfo]]:
    r"""Per case (`caps`), what _title_words() needs: an automaton of the title words that can end a role (the last
    word of every title that starts with a capital, in capitals for `caps`) each followed by each character that can
    follow it in a head (those of _can_continue() but `/`, which the word's own `(?![\w/])` refuses: `'-.’` and
    `\s`), and per pattern: the length of its word, the longer title words that start with the pattern (longest
    first), and the `match` of _can_continue() when it must still be tested after the word (None when the character
    alone passes it: `'-.’` in mixed case, every one in capitals). LIST_MARKS follow the title patterns (their
    entries are None). Then the same for the Latin-1 bytes of a text (almost every text): an automaton of the
    patterns that Latin-1 can spell, and their entries (a Latin-1 text cannot hold the others; its offsets are the
    text's). The automata are DFAs (twice as fast as the NFAs on the shared cables; 4,524 and 4,491 patterns, built
    once per process); the bytes automata search about a fifth faster than those of the str."""
    follows = _GLUE.replace("/", "") + _SPACES
    out = {}
    for caps in (False, True):
        ends = {t.split()[-1] for t in lexicon()["titles"]}
        words = sorted(w for w in ({e.upper() for e in ends} if caps else ends) if "A" <= w[0] <= "Z")
        longer = {word: sorted((w for w in words if len(w) > len(word) and w.startswith(word)), key=len, reverse=True)
                  for word in words}
        # (_can_continue() has no anchor or look-around: if it matches the character alone, it matches after the word)
        can_continue = re.compile(_can_continue(caps))
        tests = {char: None if can_continue.match(char) else can_continue.match for char in follows}
        patterns = [word + char for word in words for char in follows] + list(LIST_MARKS)
        info: _HeadInfo = [(len(word), tuple(w for w in longer[word] if w[len(word)] == char), tests[char])
                           for word in words for char in follows] + [None] * len(LIST_MARKS)
        latin1 = [i for i, pattern in enumerate(patterns) if max(pattern) <= "\xff"]
        out[caps] = (ahocorasick_rs.AhoCorasick(patterns, implementation=ahocorasick_rs.Implementation.DFA), info,
                     ahocorasick_rs.BytesAhoCorasick([patterns[i].encode("latin-1") for i in latin1],
                                                     implementation=ahocorasick_rs.Implementation.DFA),
                     [info[i] for i in latin1])
    return out


def _word_ends(text: str, end: int) -> bool:
    r"""`(?![\w/])` at `end` (`\w` is `isalnum()` and `_`)."""
    return end >= len(text) or not (text[end].isalnum() or text[end] in "_/")


def _title_words(text: str, caps: bool) -> list[tuple[int, int]] | None:
    r"""Every (start, end) where the head pattern matches, by start: one automaton search (_head_automata()) instead
    of a regular-expression search at each capital (or, in capitals, after each character other than `[\w/]`).
    None when the text holds one of LIST_MARKS (a hit of the same search).

    The head pattern is `(?<![\w/])(?>(?:<title words, longest first>)(?![\w/]))(?=<_can_continue(caps)>)`, the words
    of _head_automata(). At a start, it takes the longest title word followed by no `[\w/]` (the atomic group), then
    requires _can_continue() after it, which needs a character there, one of `'-.’` or `\s` since the word's own
    test refuses `/`. So every head is a hit of the automaton (the word and the character after it; overlapping
    hits, so that a title word inside another one, `Minister` in `Vice-Minister`, is a hit of its own), and a hit is
    a head when the character before it is not `[\w/]`, no longer title word at its start is followed by no `[\w/]`
    (the pattern would take that one: `Ambassador-` is no head in `Ambassador-at-Large,`; a longer word there starts
    with the hit's own characters) and _can_continue() holds after the word. The hits come by end; the heads are
    sorted by start. (The str automaton refuses a str with lone surrogates; the readers decode with
    errors="replace".)"""
    automaton, info, latin1, latin1_info = _head_automata()[caps]
    try:
        hits = latin1.find_matches_as_indexes(text.encode("latin-1"), overlapping=True)
        info = latin1_info
    except UnicodeEncodeError:
        hits = automaton.find_matches_as_indexes(text, overlapping=True)
    heads = []
    for index, start, _ in hits:
        entry = info[index]
        if entry is None:  # (one of LIST_MARKS)
            return None
        if start:
            before = text[start - 1]
            if before.isalnum() or before == "_" or before == "/":  # (`\w` is `isalnum()` and `_`)
                continue
        size, longer, test = entry
        if longer and any(text.startswith(w, start) and _word_ends(text, start + len(w)) for w in longer):
            continue
        if test is None or test(text, start + size):
            heads.append((start, start + size))
    heads.sort()
    return heads


def _titled_heads(text: str, caps: bool) -> list[tuple[int, int]] | None:
    """The title words of a text where a titled match can run past the word, by (start, end): `finditer` of the
    head pattern (see _title_words()), which leaves out the words that start inside the one before. None for a text
    that holds one of LIST_MARKS."""
    words = _title_words(text, caps)
    if words is None:
        return None
    out = []
    last = 0
    for start, end in words:
        if start >= last:
            last = end
            out.append((start, end))
    return out


def _titled_matches(pattern: re.Pattern, text: str, caps: bool, heads: list[tuple[int, int]]) -> list[re.Match]:
    """The titled pattern tried only just before the title words (`heads`, from _titled_heads(): 'Minister',
    'A/S'), where a role can end; the matches in text order.

    A match that runs past the title word contains every character from its start to the word: so it starts after
    the last break (_reversed_break()) before the word, and only the words after that break are tried."""
    starts = _title_starts_upper() if caps else _title_starts()
    breaks = _reversed_break(caps)
    reach = _break_reach()
    size = len(text)
    out = []
    pos = 0
    for start, end in heads:
        if start < pos:
            continue
        lo = start - 90 if start - 90 > pos else pos  # (so every word below starts at or after pos)
        # The nearest break before the title word, searched for in text[lo:hi] reversed, where `i` of the text is at
        # `hi - 1 - i`. (A break's lookbehinds there read the characters after its own up to `reach`.)
        hi = start + reach if start + reach < size else size
        cut = breaks.search(text[lo:hi][::-1], hi - start)
        if cut is not None:
            lo = hi - cut.start()
        for word in list(CAPWORD_RE.finditer(text, lo, end))[-6:]:
            w = word.group()
            if w in starts or (not caps and len(w) <= 5 and w.isupper()):
                match = pattern.match(text, word.start())
                if match and match.end() > end:
                    pos = match.end()
                    out.append(match)
                    break
    return out


def _is_english(word: str, words: frozenset[str]) -> bool:
    """A lower-case word that is an English word, or one with -s, -es or -ed added ('connects', 'urges')."""
    return word in words or (word[-1:] == "s" and (word[:-1] in words or (word[-2:] == "es" and word[:-2] in words))
                             ) or (word[-2:] == "ed" and (word[:-1] in words or word[:-2] in words))


def _caps_name_ok(name: str) -> bool:
    """An all-caps candidate name whose words are ordinary English words is kept only when a name table knows it."""
    words = english_words()
    if not any(_is_english(w.lower(), words) for w in name.split()):
        return True
    return _in_name_tables(name.split()[-1])


def _in_name_tables(word: str) -> bool:
    """Whether a word is a name the signers, office holders, given names or chiefs of mission know."""
    return word.upper() in signers() or word in leader_surnames() or word in forenames() or \
        bool(chiefs_by_surname().get(skeleton(word)))


def _word_name_ok(name: str) -> bool:
    """A one-word name after a title in mixed case that is an ordinary English word is kept only when a name table
    knows it as a surname (signers, office holders, given names, chiefs of mission, the Wikidata office holders):
    `Secretary Gates`, `Ambassador Wood` and `Senator Specter` stay; the end of an office's name taken for a name
    goes (`Chairman of the Joint Chiefs`, `Director General for Foreign Policy`, `General Manager`)."""
    if not _is_english(name.lower(), english_words()):
        return True
    return _in_name_tables(name) or skeleton(name) in wikidata_by_surname()


# Cached per process (bounded), as clean_name(): the same names recur from cable to cable.
@bounded_cache(50_000)
def _titled_name(raw: str, caps: bool) -> tuple[str, int]:
    """The name of a titled match whose name group is `raw` (clean_name(); '' when none is left or, in capitals, when
    it is too short or not a name) and the length of the part of `raw` the mention keeps: up to the last word
    clean_name() kept (all of `raw` when it kept them all)."""
    name = clean_name(raw, caps)
    if not name or (caps and (len(name) < 3 or not _caps_name_ok(name))) or (
            not caps and " " not in name and not _word_name_ok(name)):
        return "", 0
    kept = len(name.split())
    if kept >= len(raw.split()):
        return name, len(raw)
    return name, list(_NONSPACE.finditer(raw))[kept - 1].end()


def titled_mentions(paragraph: int, text: str, caps: bool) -> list[Mention]:
    """Names after a title or role: 'Pakistani Foreign Minister Kasuri', 'A/S Boucher', 'PM Gilani'; none in a list
    of participants (a text that holds one of LIST_MARKS)."""
    heads = _titled_heads(text, caps)
    if not heads:
        return []  # (most segments: no title word, or a list of participants)
    out: list[Mention] = []
    pattern = patterns()["titled_caps" if caps else "titled"]
    for match in _titled_matches(pattern, text, caps, heads):
        name, size = _titled_name(match["name"], caps)
        if not name:
            continue
        role, country = _role_label(match)
        strength = 3 if match["dem"] else (2 if country else 0)
        start = match.start()
        end = match.start("name") + size
        out.append(Mention(paragraph, start, end, text[start:end], name, role, country, strength, "titled"))
    return out
