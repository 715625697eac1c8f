"""Find the people a cable's text names: the Mention and Person records and the mention finders.

Rule-based and fast: a title and role lexicon (people_data/lexicon.json), regular expressions for names after
titles, given names and name tables for untitled names. The frame of the cable (TAGS, routing lines, Classified
By, signer) is read by converters.frame_people; resolution is converters.resolve. No NLP model. See docs/people.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from converters.people_tables import (
    chiefs_by_surname,
    english_words,
    forenames,
    initial_branches,
    iso_to_fips,
    leader_surnames,
    lexicon,
    place_names,
    signers,
    skeleton,
    trie_regex,
)
from converters.scan import CAPWORD_RE, Segment


@dataclass
class Mention:
    """One place where a person is named: its span in a segment, the name and what the text says of them."""

    paragraph: int
    start: int
    end: int
    text: str
    name: str
    role: str = ""
    country: str = ""
    strength: int = 0
    kind: str = "name"
    person: int = -1


@dataclass
class Person:
    """One individual of a cable, with the fullest name the cable gives and every mention."""

    name: str
    surname: str
    role: str = ""
    country: str = ""
    strength: int = 0
    mentions: list[Mention] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    @property
    def forename(self) -> str:
        """The name without the surname ('Ryan C.' for 'Ryan C. Crocker')."""
        return self.name[: len(self.name) - len(self.surname)].strip() if self.name.endswith(self.surname) else ""

    def to_json(self) -> dict:
        """The record's person object: name, surname, role, country, mentions (plus id and links)."""
        country = iso_to_fips().get(self.country, self.country) if self.country else None
        out = {"name": self.name, "surname": self.surname, "role": self.role or None,
               "country": country, "mentions": sorted({m.text for m in self.mentions})}
        out.update(self.extra)
        return out


# ---------------------------------------------------------------- patterns built once from the lexicon

# the lower-case name particles of _TOKEN
_PARTICLES = ("al", "el", "bin", "ibn", "bint", "abu", "abd", "de", "da", "del", "della", "van", "von", "der", "le",
              "la", "du", "dos", "das", "ul", "ud")
_TOKEN = (rf"(?:(?:{'|'.join(_PARTICLES)}|Al|El|Abu|Abd|Bin|Ibn"
          r"|Van|Von|De|Da|Le|La|Du)[- ])?[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]*[a-z\u00df-\u00ff]"
          r"(?:['\u2019](?!s\b)[A-Za-z][a-z]+|[A-Z][a-z]+)?(?:-[A-Z][a-z]+)*")
_NAME = rf"(?:[A-Z]\.\s*)?{_TOKEN}(?:\s+(?:[A-Z]\.|[A-Z](?=\s+[A-Z][a-z])|{_TOKEN})){{0,3}}"
_CAPS_TOKEN = r"(?:(?:AL|EL|BIN|IBN|ABU|ABD|DE|VAN|VON|UL)[- ])?[A-Z][A-Z'\-]*[A-Z]"
_CAPS_NAME = rf"(?:[A-Z]\.\s*)?{_CAPS_TOKEN}(?:\s+(?:[A-Z]\.|{_CAPS_TOKEN})){{0,2}}"
FUNCTION_CAPS = {"IS", "WAS", "WERE", "HAD", "HAS", "HAVE", "WILL", "WOULD", "COULD", "SHOULD", "MAY", "AND", "OF",
                  "THE", "TO", "THAT", "WHO", "IN", "ON", "AT", "FOR", "WITH", "AS", "ALSO", "BUT", "OR", "NOT",
                  "BY", "FROM", "DURING", "AFTER", "BEFORE", "THIS", "HIS", "HER", "ITS", "THEIR", "AN", "A", "IF",
                  "SAID", "TOLD", "AGAIN", "THEN", "STILL", "HIMSELF", "WHICH", "WHEN", "WHILE", "AMB", "GOP",
                  "REF", "PARA", "SUBJECT", "TAGS", "EO", "DECL", "SECSTATE", "WASHDC", "CONFIDENTIAL", "SECRET",
                  "UNCLASSIFIED", "UNCLAS", "SIPDIS", "NOFORN", "SUMMARY", "COMMENT", "END", "NOTE"}


_HONORIFICS = {"Sheikh", "Shaikh", "Shaykh", "Sheikha", "Dr", "Mr", "Mrs", "Ms", "General", "Gen", "Prince", "Princess",
               "Ambassador", "Amb", "Sayyid", "Sayed", "Mullah", "Maulana", "Haji", "Hajji", "Professor", "Prof",
               "SHEIKH", "DR", "MR", "MRS", "GENERAL", "GEN", "PRINCE", "AMBASSADOR"}
_CAPS_AMBIGUOUS = {"CHARGE", "HEAD", "CHIEF", "LEADER", "DEPUTY", "CHAIR", "FATHER", "MAJOR", "JUSTICE", "FOUNDER",
                   "OWNER", "EDITOR", "CAPTAIN", "COMMANDER", "DIRECTOR", "COUNSELOR", "COUNSELLOR", "ENVOY", "CONSUL",
                   "GENERAL", "REPRESENTATIVE", "SPEAKER", "MARSHAL", "COORDINATOR", "D", "MG", "BG", "CG", "DG",
                   "VP", "CDA", "MP", "ATTACHE", "PROSECUTOR", "GOVERNOR", "STAFF", "CEO", "BISHOP", "IMAM"}


def _alternation(words) -> str:
    return "(?:" + trie_regex(set(words)).replace(r"\ ", r"\s+") + ")"


@cache
def patterns() -> dict[str, re.Pattern]:
    """The compiled mention patterns (titled names, role designations, untitled full names)."""
    lex = lexicon()
    heads = _alternation(lex["titles"])
    mods = _alternation(lex["modifiers"])
    dems = _alternation(lex["demonyms"])
    of_words = _alternation([*lex["modifiers"], *lex["demonyms"], "Affairs", "State", "Staff"])
    role = (rf"(?:(?P<dem>{dems})\s+)?(?P<mods>(?:(?:{mods}|[A-Z]{{2,5}})\s+){{0,3}})(?P<head>{heads})"
            rf"(?:\s+(?:of|for)\s+(?:the\s+)?(?P<of>(?:{of_words})(?:\s+(?:and\s+)?(?:{of_words})){{0,3}}))?"
            r"(?:\s+a\.i\.)?")
    titled = re.compile(rf"(?<![\w/.-])(?=[A-Z]){role}\s+(?P<name>{_NAME})")
    caps_heads = _alternation([t for t in lex["titles"] if t.split()[-1].rstrip(".").upper() not in _CAPS_AMBIGUOUS])
    caps_role = (rf"(?:(?P<dem>{dems})\s+)?(?P<mods>(?:{mods}\s+){{0,3}})(?P<head>{caps_heads})"
                 rf"(?:\s+(?:of|for)\s+(?:the\s+)?(?P<of>(?:{of_words})(?:\s+(?:and\s+)?(?:{of_words})){{0,3}}))?")
    titled_caps = re.compile(rf"(?<![\w/.-])(?=[A-Za-z])(?i:{caps_role})\s+(?P<name>{_CAPS_NAME})")
    designation_caps = re.compile(
        r"(?<![\w-])(?P<d>" + _alternation(lex["role_designations"]) + r")(?!\s+(?:of|to|for|in|at)\b)(?![\w'-])",
        re.IGNORECASE)
    # `(?<![\w-])(?:[Tt]he <designation>|<bare role word>)`, spelled by initial_branches
    phrases = {p for d in lex["role_designations"] for p in (d, "T" + d[1:])}
    phrases |= {"Ambassador", "DCM", "Charge", "Charge d'Affaires", "CDA"}
    designation = re.compile(
        r"(?P<d>" + initial_branches(phrases, r"[\w-]").replace(r"\ ", r"\s+")
        + r")(?!\s+(?:of|to|for|in|at)\b)(?!\s*[A-Z][a-z])(?![\w-])")
    full = re.compile(rf"(?<![\w.-])(?=[A-Z])(?P<name>{_TOKEN}(?:\s+(?:[A-Z]\.|{_TOKEN})){{1,3}})(?![\w-])")
    return {"titled": titled, "titled_caps": titled_caps, "designation": designation, "full": full,
            "designation_caps": designation_caps}


@cache
def _stop() -> frozenset[str]:
    lex = lexicon()
    words = set(lex["stopwords"]) | set(lex["titles"]) | set(lex["modifiers"]) | set(lex["demonyms"])
    words |= {w.rstrip(".") for w in words}
    words |= {part for w in lex["titles"] for part in w.split() if len(part) > 1}
    words |= {"Administration", "Government", "Regime", "Office", "Secretariat", "Staff", "Ambassadors",
              "Ministers", "Presidents", "Generals", "Directors", "Party", "Parties", "Movement", "Front", "Group"}
    return frozenset(words)


WORD_RE = re.compile(r"(?<![\w-])[A-Za-z\u00c0-\u00ff][\w'\u2019-]*(?<![-'])")

_INITIAL = re.compile(r"[A-Z]\.?")
_INITIAL_DOT = re.compile(r"[A-Z]\.")
_NONSPACE = re.compile(r"\S+")


@cache
def _verb_forms() -> frozenset[str]:
    """Reporting verbs and participles in lower case, with their third-person forms ('reiterates')."""
    lex = lexicon()
    forms = set(lex["verbs"]) | set(lex["participles"])
    for verb in lex["verbs"]:
        if verb.endswith("ed"):
            forms |= {verb[:-2] + "s", verb[:-2] + "es", verb[:-1] + "s", verb[:-3] + "ies"}
    return frozenset(forms)


# Cached per process (bounded): the same candidates recur from cable to cable (about 2 in 3 calls on the shared
# cables).
@lru_cache(maxsize=50_000)
def clean_name(name: str, caps: bool = False) -> str:
    """Cut a candidate name at its first word that cannot be part of a name; '' when nothing is left."""
    stop = _stop()
    verbs = _verb_forms()
    kept: list[str] = []
    tokens = name.split()
    while len(tokens) > 1 and tokens[0].rstrip(".") in _HONORIFICS:
        tokens.pop(0)
    for token in tokens:
        bare = token.rstrip(".,")
        if bare.lower() in verbs or (not bare.isalpha() and (any(ch.isdigit() for ch in bare) or "/" in bare)):
            break
        if caps and (bare in FUNCTION_CAPS or bare.title() in stop):
            break
        if not caps and bare in stop:
            break
        kept.append(token.rstrip(",;:"))
        if token[-1] in ",;:":
            break
    while kept and len(kept[-1]) <= 2 and _INITIAL.fullmatch(kept[-1]):
        kept.pop()
    text = " ".join(kept)
    if caps:
        text = " ".join(w if _INITIAL_DOT.fullmatch(w) else w.title() for w in text.split())
    return text


def _role_label(match: re.Match) -> tuple[str, str]:
    """The role text and the country a titled match implies ('' when none)."""
    return _role_label_of(*match.group("dem", "mods", "head", "of"))


@lru_cache(maxsize=50_000)
def _role_label_of(dem: str | None, mods: str, head: str, of: str | None) -> tuple[str, str]:
    """_role_label() from the groups of the match (cached per process: a few thousand roles on the corpus)."""
    lex = lexicon()
    head = " ".join(head.split())
    label, implied = lex["titles"].get(head, lex["titles"].get(head.rstrip("."), ["", ""]))
    mods = " ".join(mods.split())
    if mods or of:
        label = " ".join(x for x in (mods, head if len(head) > 3 else label) if x)
        implied = "" if re.search(r"\b[A-Z]{2,5}\b", mods) and implied == "US" else implied
    if of:
        label = f"{label} of {' '.join(of.split())}"
    country = lex["demonyms"].get(" ".join(dem.split()), "") if dem else ""
    return label, country or implied


@cache
def _title_starts() -> frozenset[str]:
    lex = lexicon()
    words = [*lex["titles"], *lex["modifiers"], *lex["demonyms"]]
    return frozenset(w.split()[0] for w in words)


_AFTER_LOWER = re.compile(r"(?<![.:;!?])\b[a-z][a-z-]+\s+$")
_PRECEDING = re.compile(r"([A-Z](?<!\w[A-Z])[A-Za-z'-]*)\s+$")


@cache
def _head_pattern(caps: bool = False) -> re.Pattern:
    """The last word of every title ('Minister', 'A/S', 'Mr.') where a titled match can run past it (where a titled
    name can end its role), but for the test before the word (see _titled_heads())."""
    ends = {t.split()[-1] for t in lexicon()["titles"]}
    if caps:
        ends = {e.upper() for e in ends}
    # `(?<![\w/])(?=[A-Z])(?>(?:trie)(?![\w/]))(?=<test after>)` without its lookbehind, spelled one branch per
    # capital (`M(?>inister(?![\w/]))|...`): a pattern that opens with a character set lets the engine skip to the
    # next candidate capital. The rest of the word is matched atomically (`(?>...)`: the same word and end as
    # without the test after it), then _can_continue() is tested in the pattern rather than in Python.
    capitals = sorted({e[0] for e in ends if "A" <= e[0] <= "Z"})
    branches = [re.escape(c) + "(?>" + trie_regex({e[1:] for e in ends if e[0] == c}) + r"(?![\w/]))"
                for c in capitals]
    return re.compile(rf"(?:{'|'.join(branches)})(?={_can_continue(caps)})")


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


@cache
def _caps_heads() -> re.Pattern:
    r"""In capitals, where nearly every character is one: a character other than `[\w/]` followed by a match of
    _head_pattern(True) (group `h`). Tried after each such character rather than at each capital."""
    return re.compile(rf"[^\w/](?=(?P<h>{_head_pattern(True).pattern}))")


def _titled_heads(text: str, caps: bool):
    r"""The title words of a text where a titled match can run past the word, by (start, end): `finditer` of
    _head_pattern() with `(?<![\w/])` before the word.

    In mixed case, the lookbehind, which would be tested at every capital, is tested in Python on the few matches of
    the pattern without it (when it fails, the search goes on from the next character, as the pattern with it
    would). In capitals, the words come from _caps_heads() (and a match at 0), less those that start inside the one
    before (which `finditer` would not see)."""
    if caps:
        head = _head_pattern(True).match(text)
        last = 0
        if head is not None:
            last = head.end()
            yield head.span()
        for found in _caps_heads().finditer(text):
            start, end = found.span("h")
            if start >= last:
                last = end
                yield start, end
        return
    search = _head_pattern(False).search
    head = search(text)
    while head is not None:
        start, end = head.span()
        before = text[start - 1] if start else " "
        if before.isalnum() or before == "_" or before == "/":  # (`\w` is `isalnum()` and `_`)
            head = search(text, start + 1)
            continue
        yield start, end
        head = search(text, end)


def _titled_matches(pattern: re.Pattern, text: str, caps: bool):
    """The titled pattern tried only just before a title word ('Minister', 'A/S'), where a role can end.

    A match that runs past the title word contains every character from its start to the word: so it starts after
    the last break (_reversed_break()) before the word, and only the words after that break are tried."""
    starts = _title_starts_upper() if caps else _title_starts()
    breaks = _reversed_break(caps)
    reach = _break_reach()
    pos = 0
    for start, end in _titled_heads(text, caps):
        if start < pos:
            continue
        lo = max(pos, start - 90)  # (so every word below starts at or after pos)
        # The nearest break before the title word, searched for in text[lo:hi] reversed, where `i` of the text is at
        # `hi - 1 - i`. (A break's lookbehinds there read the characters after its own up to `reach`.)
        hi = min(start + reach, len(text))
        cut = breaks.search(text[lo:hi][::-1], hi - start)
        if cut is not None:
            lo = hi - cut.start()
        for word in list(CAPWORD_RE.finditer(text, lo, end))[-6:]:
            w = word.group()
            if w in starts or (not caps and len(w) <= 5 and w.isupper()):
                match = pattern.match(text, word.start())
                if match and match.end() > end:
                    pos = match.end()
                    yield match
                    break


def _caps_name_ok(name: str) -> bool:
    """An all-caps candidate name whose words are ordinary English words is kept only when a name table knows it."""
    words = english_words()
    if not any(w.lower() in words for w in name.split()):
        return True
    last = name.split()[-1]
    return last.upper() in signers() or last in leader_surnames() or last in forenames() or \
        bool(chiefs_by_surname().get(skeleton(last)))


# Cached per process (bounded), as clean_name(): the same names recur from cable to cable.
@lru_cache(maxsize=50_000)
def _titled_name(raw: str, caps: bool) -> tuple[str, int]:
    """The name of a titled match whose name group is `raw` (clean_name(); '' when none is left or, in capitals, when
    it is too short or not a name) and the length of the part of `raw` the mention keeps: up to the last word
    clean_name() kept (all of `raw` when it kept them all)."""
    name = clean_name(raw, caps)
    if not name or (caps and (len(name) < 3 or not _caps_name_ok(name))):
        return "", 0
    kept = len(name.split())
    if kept >= len(raw.split()):
        return name, len(raw)
    return name, list(_NONSPACE.finditer(raw))[kept - 1].end()


def titled_mentions(paragraph: int, text: str, caps: bool) -> list[Mention]:
    """Names after a title or role: 'Pakistani Foreign Minister Kasuri', 'A/S Boucher', 'PM Gilani'."""
    out: list[Mention] = []
    pattern = patterns()["titled_caps" if caps else "titled"]
    for match in _titled_matches(pattern, text, caps):
        name, size = _titled_name(match["name"], caps)
        if not name:
            continue
        role, country = _role_label(match)
        strength = 3 if match["dem"] else (2 if country else 0)
        start = match.start()
        end = match.start("name") + size
        out.append(Mention(paragraph, start, end, text[start:end], name, role, country, strength, "titled"))
    return out


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
        given = forenames()
        found = (_GIVEN if word in given else 0) | (_GIVEN_HEAD if word in _given_heads() else 0)
        if (len(word) > 2 and "'" not in word and not word.isupper() and word not in given and word not in _stop()
                and word not in place_names() and word.lower() not in english_words()):
            found |= _UNKNOWN
        _CLASSES[word] = found
    return found


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
    of the word there, which is the word findall gives there unless an apostrophe is next to it (see _named_at)."""
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
