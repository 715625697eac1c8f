"""Find the people a cable's text names: the Mention and Person records, the name patterns and the finder of
names after a title (`Pakistani Foreign Minister Kasuri`, `A/S Boucher`).

Rule-based and fast: a title and role lexicon (people_data/lexicon.json) and regular expressions. Untitled full
names are converters.untitled; the frame of the cable (TAGS, routing lines, Classified By, signer) is read by
converters.frame_people; resolution is converters.resolve. No NLP model. See docs/people.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache

import ahocorasick_rs

from converters.people_tables import (
    chiefs_by_surname,
    english_words,
    forenames,
    initial_branches,
    iso_to_fips,
    leader_surnames,
    lexicon,
    signers,
    skeleton,
    trie_regex,
)
from converters.scan import CAPWORD_RE


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

# the particles that open a surname (`al-Jubeir`, `van Rompuy`): not a surname by themselves
SURNAME_PARTICLES = {"bin", "ibn", "bint", "al", "el", "de", "da", "van", "von", "der", "dos", "das", "du", "le", "la",
                     "ul", "abu", "del", "della", "di"}

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


@cache
def _head_automata() -> dict[bool, tuple[ahocorasick_rs.AhoCorasick, list[tuple[int, tuple[str, ...], _Match | None]]]]:
    r"""Per case (`caps`), what _title_words() needs: an automaton of the title words that can end a role (the last
    word of every title that starts with a capital, in capitals for `caps`) each followed by each character that can
    follow it in a head (those of _can_continue() but `/`, which the word's own `(?![\w/])` refuses: `'-.’` and
    `\s`), and per pattern: the length of its word, the longer title words that start with the pattern (longest
    first), and the `match` of _can_continue() when it must still be tested after the word (None when the character
    alone passes it: `'-.’` in mixed case, every one in capitals). The automata are DFAs (twice as fast as the NFAs
    on the shared cables; 4,521 and 4,488 patterns, built once per process)."""
    follows = _GLUE.replace("/", "") + _SPACES
    out = {}
    for caps in (False, True):
        ends = {t.split()[-1] for t in lexicon()["titles"]}
        words = sorted(w for w in ({e.upper() for e in ends} if caps else ends) if "A" <= w[0] <= "Z")
        patterns = [word + char for word in words for char in follows]
        longer = {word: sorted((w for w in words if len(w) > len(word) and w.startswith(word)), key=len, reverse=True)
                  for word in words}
        # (_can_continue() has no anchor or look-around: if it matches the character alone, it matches after the word)
        can_continue = re.compile(_can_continue(caps))
        tests = {char: None if can_continue.match(char) else can_continue.match for char in follows}
        info = [(len(word), tuple(w for w in longer[word] if w[len(word)] == char), tests[char])
                for word in words for char in follows]
        out[caps] = ahocorasick_rs.AhoCorasick(patterns, implementation=ahocorasick_rs.Implementation.DFA), info
    return out


def _word_ends(text: str, end: int) -> bool:
    r"""`(?![\w/])` at `end` (`\w` is `isalnum()` and `_`)."""
    return end >= len(text) or not (text[end].isalnum() or text[end] in "_/")


def _title_words(text: str, caps: bool) -> list[tuple[int, int]]:
    r"""Every (start, end) where the head pattern matches, by start: one automaton search (_head_automata()) instead
    of a regular-expression search at each capital (or, in capitals, after each character other than `[\w/]`).

    The head pattern is `(?<![\w/])(?>(?:<title words, longest first>)(?![\w/]))(?=<_can_continue(caps)>)`, the words
    of _head_automata(). At a start, it takes the longest title word followed by no `[\w/]` (the atomic group), then
    requires _can_continue() after it, which needs a character there, one of `'-.’` or `\s` since the word's own
    test refuses `/`. So every head is a hit of the automaton (the word and the character after it; overlapping
    hits, so that a title word inside another one, `Minister` in `Vice-Minister`, is a hit of its own), and a hit is
    a head when the character before it is not `[\w/]`, no longer title word at its start is followed by no `[\w/]`
    (the pattern would take that one: `Ambassador-` is no head in `Ambassador-at-Large,`; a longer word there starts
    with the hit's own characters) and _can_continue() holds after the word. The hits come by end; the heads are
    sorted by start. (The automaton refuses a str with lone surrogates; the readers decode with errors="replace".)"""
    automaton, info = _head_automata()[caps]
    heads = []
    for index, start, _ in automaton.find_matches_as_indexes(text, overlapping=True):
        if start:
            before = text[start - 1]
            if before.isalnum() or before == "_" or before == "/":  # (`\w` is `isalnum()` and `_`)
                continue
        size, longer, test = info[index]
        if longer and any(text.startswith(w, start) and _word_ends(text, start + len(w)) for w in longer):
            continue
        if test is None or test(text, start + size):
            heads.append((start, start + size))
    heads.sort()
    return heads


def _titled_heads(text: str, caps: bool):
    """The title words of a text where a titled match can run past the word, by (start, end): `finditer` of the
    head pattern (see _title_words()), which leaves out the words that start inside the one before."""
    last = 0
    for start, end in _title_words(text, caps):
        if start >= last:
            last = end
            yield start, end


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


def _is_english(word: str, words: frozenset[str]) -> bool:
    """A lower-case word that is an English word, or one with -s, -es or -ed added ('connects', 'urges')."""
    return word in words or (word[-1:] == "s" and (word[:-1] in words or (word[-2:] == "es" and word[:-2] in words))
                             ) or (word[-2:] == "ed" and (word[:-1] in words or word[:-2] in words))


def _caps_name_ok(name: str) -> bool:
    """An all-caps candidate name whose words are ordinary English words is kept only when a name table knows it."""
    words = english_words()
    if not any(_is_english(w.lower(), words) for w in name.split()):
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
