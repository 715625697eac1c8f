"""Reporting verbs, participle clauses and the sentences around them, in the text of one segment.

`verbs_and_participles(text, caps)` finds the reporting verbs (people_data/lexicon.json: told, said, urged,
according to, ...) and the participle clauses (`, saying`) of a text in one pass; `verbs_of_texts(texts, caps)` does
the same for all the segments of a cable in one pass; `verb_sentences` gives the sentences that hold them, found
around each verb; `sentences(text)` splits a whole text. converters.statements decides who speaks. See docs/people.md.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache

import ahocorasick_rs

from converters.people_tables import lexicon, trie_regex

# Not the end of a sentence: a full stop after these words (any case) or after an initial (a capital with no word
# character or apostrophe before it).
_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Adm", "Amb", "Sen", "Rep", "St", "No", "Jr",
                  "Sr", "Brig", "Capt", "Gov", "Prof", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
                  "Oct", "Nov", "Dec", "Ref", "Para", "approx", "i.e", "e.g", "a.i", "U.S", "U.N", "U.K")


def _break_pattern(marks: str) -> re.Pattern:
    r"""A sentence break: a mark of `marks`, an optional closing quote or bracket, whitespace, then a capital or a
    digit (after an optional opening quote or bracket); not a full stop after an abbreviation or an initial.

    The abbreviations are negative lookbehinds at the mark, one per word length (a lookbehind has a fixed width):
    the engine skips from mark to mark and tests them only there. (Formerly a Python test per candidate break,
    given the start of its sentence; the outcome never depended on that start, which follows whitespace that no
    abbreviation holds, so each break is decided where it stands.)"""
    sizes: dict[int, list[str]] = {}
    for word in _ABBREVIATIONS:
        sizes.setdefault(len(word), []).append(re.escape(word))
    not_after = "".join(rf"(?<!\b(?i:{'|'.join(words)})\.)" for _, words in sorted(sizes.items()))
    not_initial = r"(?:(?<![A-Z]\.)|(?<=[\w'][A-Z]\.))"
    # the lookahead first: most marks that end no sentence fail there, before the lookbehinds are tried
    return re.compile(rf"[{re.escape(marks)}](?=[\"')]?\s+[\"(]?[A-Z0-9]){not_after}{not_initial}[\"')]?\s+")


_SENTENCE_BREAK = _break_pattern(".!?")
_FULL_STOP_BREAK = _break_pattern(".")  # the same where the text has no '!' or '?': the engine skips to each '.'
# what may stand between a speaker and the verb; used as `.match(text, end of the speaker, verb)`, which anchors it
# at the speaker as a leading `^` would on the text between (no part of it looks behind its start)


@cache
def _verb_tables() -> tuple[frozenset[str], dict[str, list[tuple[str, re.Pattern]]], re.Pattern]:
    """Single-word verbs, multi-word verbs by first word, and the participle pattern."""
    lex = lexicon()
    single = frozenset(v for v in lex["verbs"] if " " not in v)
    multi: dict[str, list[tuple[str, re.Pattern]]] = {}
    for verb in sorted((v for v in lex["verbs"] if " " in v), key=len, reverse=True):
        first, rest = verb.split(" ", 1)
        multi.setdefault(first, []).append((verb, re.compile(r"\s+" + re.escape(rest) + r"\b", re.IGNORECASE)))
    parts = trie_regex(set(lex["participles"])).replace(r"\ ", r"\s+")
    return single, multi, re.compile(rf",\s*(?:and\s+|while\s+)?(?P<v>{parts})(?![\w-])", re.IGNORECASE)


@cache
def _vocabulary() -> frozenset[str]:
    single, multi, _ = _verb_tables()
    words = single | multi.keys()
    return frozenset(words | {"According"})


@cache
def _participle_tables() -> dict[str, list[tuple[str, re.Pattern | None]]]:
    """The participles by first word, in lower case: (participle, pattern of the words after the first or None)."""
    out: dict[str, list[tuple[str, re.Pattern | None]]] = {}
    for participle in sorted(lexicon()["participles"], key=len, reverse=True):
        first, _, rest = participle.partition(" ")
        more = re.compile(r"\s+" + re.escape(rest).replace(r"\ ", r"\s+") + r"(?![\w-])", re.IGNORECASE) \
            if rest else None
        out.setdefault(first, []).append((participle, more))
    return out


# The entry of a first word: the word in lower case, whether it is a participle's, the multi-word verbs it opens
# (longest first, with the pattern of their other words) and whether it is a verb by itself
Entry = tuple[str, bool, tuple[tuple[str, re.Pattern], ...], bool]


@cache
def _first_words() -> dict[str, Entry]:
    """The first words of the reporting verbs and of the participles in lower case, to their entry (see
    verbs_and_participles)."""
    single, multi, _ = _verb_tables()
    out = {w.lower(): (w.lower(), False, tuple(multi.get(w.lower(), ())), w.lower() in single) for w in _vocabulary()}
    out.update({w: (w, True, (), False) for w in _participle_tables()})
    return out


@cache
def _spellings() -> dict[str, Entry]:
    """The entry of _first_words() for each first word as the vocabulary writes it, and for each participle's first
    word in small letters (see verbs_and_participles)."""
    words = _first_words()
    spelt = set(_vocabulary()) | set(_participle_tables())
    return {word: words[word.lower()] for word in spelt}


@cache
def _first_word_automaton() -> tuple[ahocorasick_rs.BytesAhoCorasick, tuple[Entry, ...]]:
    """An Aho-Corasick automaton of the words of _first_words() as ASCII bytes (leftmost-longest, as a DFA: the
    default implementation searches about four times slower), and the entry of each of its patterns by index."""
    words = sorted(_first_words().items())
    automaton = ahocorasick_rs.BytesAhoCorasick([word.encode("ascii") for word, _ in words],
                                                matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                                implementation=ahocorasick_rs.Implementation.DFA)
    return automaton, tuple(entry for _, entry in words)


def _first_word_hits(view: bytes) -> list[tuple[int, int, int]]:
    r"""The first words of the verbs and participles (_first_words()) that stand as whole words in a byte view of
    verbs_and_participles (every non-word character a space but '-' a '#', capitals small, a space at both ends),
    as (index of the word in _first_word_automaton(), start, end in the view), in text order: the words with a
    space or '#' before them and a space after them, that is `(?<=[ #])(?:words)(?= )`.

    This equals the search it replaced: `' '(?:sdrow)(?=[ #])` over the view read backwards (the engine then tried
    the few last letters of the words at each space; the automaton reads each byte once). The automaton's matches
    hold no space nor '#' (the words are letters), so each lies inside one run of word bytes, and the leftmost-
    longest match that starts at the start of a run is the whole run when the run is a word: no match that fails
    the boundary test (`aforesaid`, `saidx`, `said` in `#saidx`) can hide one that passes it, and two whole words
    next to each other (`said told`) are both found. The view's end spaces keep both tests inside it."""
    automaton, _ = _first_word_automaton()
    return [(index, start, end) for index, start, end in automaton.find_matches_as_indexes(view)
            if view[end] == 32 and view[start - 1] in b" #"]


# Every byte of a Latin-1 text that is not a word character (str `\w`) becomes a space, but '-' becomes '#'; ASCII
# capitals become small letters. (A Latin-1 word character keeps its byte, so a space next to a hit was a non-word
# character other than '-' or a character beyond Latin-1.)
_NON_WORD_TO_SPACE = bytes((c | 0x20 if 0x41 <= c <= 0x5A else c) if chr(c).isalnum() or c == 0x5F
                           else 0x23 if c == 0x2D else 0x20 for c in range(256))


def _has_ascii_fold(text: str) -> bool:
    """True when the text holds a character beyond ASCII that IGNORECASE matches to an ASCII letter (dotted and
    dotless i, long s, Kelvin sign): the byte view of verbs_and_participles cannot see them."""
    return "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text


# The verbs and the participle clauses of a text, as verbs_and_participles() gives them
Found = tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]


def _is_word(char: str) -> bool:
    r"""True for a character of str `\w` (alphanumeric or underscore)."""
    return char.isalnum() or char == "_"


def verbs_and_participles(text: str, caps: bool, participles: bool = True
                          ) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    r"""The reporting verbs of a text as (start, end, verb in lower case), multi-word verbs first, and (when asked)
    its participle clauses, `, saying`, as (start at the comma, end, participle as written): one pass for both.

    A verb is a whole word as written, `\b(?:verbs)\b(?!-)`; a participle clause is `_verb_tables()[2]`,
    `,\s*(?:and\s+|while\s+)?(?:participles)(?![\w-])` in any case. Such patterns would be tried at every position
    of the text, or at every comma; instead the text is mapped to bytes with every non-word character a space and
    every ASCII capital small (one byte per character, characters beyond Latin-1 as '?', so offsets stay), between
    two spaces; '-' is '#' there. In those bytes one Aho-Corasick search finds the first words of the verbs and
    participles with a space or '#' before them and a space after them (_first_word_hits: no '-' after the word in
    the text). Each hit is then checked on the text itself: no word character before nor after (which rejects the
    false boundaries of the byte view, letters beyond ASCII), a verb written as in the vocabulary, a participle after
    a comma (and `and`/`while`).
    Participles are searched with their own pattern where the byte view cannot stand for the text (a lower-cased
    all-caps text that grew, or a letter beyond ASCII that IGNORECASE takes for an ASCII one)."""
    haystack = text.lower() if caps else text
    view = b" " + haystack.encode("latin-1", "replace").translate(_NON_WORD_TO_SPACE) + b" "
    plain = text.isascii()
    if participles and (len(haystack) != len(text) or not plain and _has_ascii_fold(text)):
        verbs = _scan(text, haystack, view, plain, False, [0])[0][0]
        return verbs, [(m.start(), m.end(), m["v"]) for m in _verb_tables()[2].finditer(text)]
    return _scan(text, haystack, view, plain, participles, [0])[0]


# Joins the texts of verbs_of_texts(): no word character, no '-' and no whitespace, so that no verb, participle clause
# or word boundary of one text runs into another (the byte view shows it as a space, as the ends of a text).
_JOIN = "\x00"


def verbs_of_texts(texts: list[str], caps: list[bool]) -> list[Found] | None:
    r"""`verbs_and_participles(text, caps, "ing" in text and "," in text)` of each text (with its offsets), found in
    one pass over the texts joined by _JOIN (a byte view and a search cost microseconds each whatever the length of
    the text, and a cable has many short paragraphs); None when a text in capitals grows in small letters (its
    offsets would not be the text's, see verbs_and_participles).

    Every test of verbs_and_participles on a hit looks at the characters next to it, or matches whitespace and words
    after it (`\s+to\b`, `\s+out(?![\w-])`), or steps back over whitespace to a comma or `and`/`while` before a
    participle: at the end of a text it meets _JOIN, which passes and fails those tests as the end of the text does.
    A participle is kept only where "ing" and "," are in the text, as in verbs_and_participles; where that searches
    participles with their pattern instead, so does this."""
    if not texts:
        return []
    text = _JOIN.join(texts)
    haystack = text
    if any(caps):
        haystacks = [part.lower() if upper else part for part, upper in zip(texts, caps, strict=True)]
        haystack = _JOIN.join(haystacks)
        if len(haystack) != len(text):  # lower() never gives fewer characters: one of the texts grew
            return None
    bases = []
    base = 0
    for part in texts:
        bases.append(base)
        base += len(part) + len(_JOIN)
    view = b" " + haystack.encode("latin-1", "replace").translate(_NON_WORD_TO_SPACE) + b" "
    out = _scan(text, haystack, view, text.isascii(), True, bases)
    for number, part in enumerate(texts):
        if out[number][1] and ("ing" not in part or "," not in part):
            out[number] = out[number][0], []
        elif not part.isascii() and "ing" in part and "," in part and _has_ascii_fold(part):
            out[number] = out[number][0], [(m.start(), m.end(), m["v"]) for m in _verb_tables()[2].finditer(part)]
    return out


def _scan(text: str, haystack: str, view: bytes, plain: bool, participles: bool, bases: list[int]) -> list[Found]:
    """The verbs and (when asked) participle clauses of verbs_and_participles(), from the byte view, for each of the
    texts joined in `text` that start at `bases` (ascending; [0] for one text), with their offsets."""
    entries = _first_word_automaton()[1]
    spellings = _spellings()
    size = len(haystack)
    out: list[Found] = [([], []) for _ in bases]
    number = 0
    base = 0
    following = bases[1] if len(bases) > 1 else size  # where the next text starts
    verbs, found_participles = out[number]
    for index, first, after in _first_word_hits(view):
        # The word has a non-word character (other than '-') or none after it in the text, and a non-word character
        # or none before it; view[i + 1] is haystack[i]
        start, end = first - 1, after - 1
        # in the byte view a character beyond Latin-1 reads as a space, and a Latin-1 letter beyond ASCII as no word
        # character (to a bytes pattern): a text of ASCII has neither (nor has its lower-case form)
        if not plain and ((start and haystack[start - 1] > "\xff" and _is_word(haystack[start - 1])) or (
                end < size and haystack[end] > "\x7f" and _is_word(haystack[end]))):
            continue
        # the entry of the word: by its spelling when the vocabulary writes it so (a verb; or a participle's, which
        # is written in small letters), else by its letters in the byte view (then only a participle's counts: a
        # verb written in another case is none, the byte view being in small letters)
        entry = spellings.get(haystack[start:end])
        if entry is None:
            entry = entries[index]
            if not entry[1]:
                continue
        if start >= following:  # the hits come in text order: this one is in a later text
            number = bisect_right(bases, start) - 1
            base = bases[number]
            following = bases[number + 1] if number + 1 < len(bases) else size
            verbs, found_participles = out[number]
        word, is_participle, multi, single = entry
        if is_participle:
            if participles:
                clause = _participle_clause(text, start, end, word)
                if clause:
                    found_participles.append((clause[0] - base, clause[1] - base, clause[2]))
            continue
        for verb, rest in multi:
            more = rest.match(haystack, end)
            if more:
                verbs.append((start - base, more.end() - base, verb))
                break
        else:
            if single:
                verbs.append((start - base, end - base, word))
    return out


def _participle_clause(text: str, start: int, end: int, word: str) -> tuple[int, int, str] | None:
    r"""The match of `,\s*(?:and\s+|while\s+)?(?P<v>participles)(?![\w-])` (IGNORECASE) whose participle opens with
    the word text[start:end] (no word character nor '-' after it), as (start, end, participle as written)."""
    stop = -1
    for _, more in _participle_tables()[word]:
        if more is None:
            stop = end
            break
        match = more.match(text, end)
        if match:
            stop = match.end()
            break
    if stop < 0:
        return None
    # back from the word over `\s*`, then a comma, or `and`/`while` after `\s+` and a comma before them after `\s*`
    lead = start
    while lead and text[lead - 1].isspace():
        lead -= 1
    if lead and text[lead - 1] == ",":
        return lead - 1, stop, text[start:stop]
    if lead == start:
        return None
    for conjunction in ("and", "while"):
        comma = lead - len(conjunction)
        if comma > 0 and text[comma:lead].lower() == conjunction:
            while comma and text[comma - 1].isspace():
                comma -= 1
            if comma and text[comma - 1] == ",":
                return comma - 1, stop, text[start:stop]
    return None


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph, not split after abbreviations and initials ('U.S.', 'Gen.', 'C.')."""
    out = []
    start = 0
    for stop, after in _breaks(text):
        out.append((start, stop))
        start = after
    if start < len(text):
        out.append((start, len(text)))
    return out


def _breaks(text: str) -> list[tuple[int, int]]:
    """Where each sentence of a text but the last ends, and where the next one starts."""
    pattern = _SENTENCE_BREAK if "!" in text or "?" in text else _FULL_STOP_BREAK
    return [(match.start() + 1, match.end()) for match in pattern.finditer(text)]


def verb_sentences(text: str, verb_starts: list[int], participle_starts: list[int]) -> Iterator[tuple[int, int]]:
    """The spans of sentences(text) that hold a verb or a participle (their starts given in text order), in order.

    The breaks are found around each point instead of over the whole text: the next one by a search from the
    point, the one before by trying the marks between the last break found and the point (a break is decided where
    it stands, see _break_pattern, and no break can start inside another, which holds only its mark: so these are
    the breaks of _breaks()). Sentences with no verb are not searched."""
    points = sorted(verb_starts + participle_starts) if participle_starts else verb_starts
    mixed = "!" in text or "?" in text  # else the only marks are full stops
    pattern = _SENTENCE_BREAK if mixed else _FULL_STOP_BREAK
    size = len(text)
    search, match, rfind = pattern.search, pattern.match, text.rfind
    after = 0  # where the sentence after the last one given starts
    low = 0  # no break starts before this offset but the one that ends at `after`
    for pos in points:
        if pos < after:
            continue  # in the sentence just given
        # the sentence of pos: from the end of the last break whose mark is before pos (else `after`) to the next
        # mark that is a break at or after pos; a point between two sentences (only a verb offset taken in a
        # lower-cased text that grew, see verbs_and_participles) gives the next sentence, where the caller finds
        # nothing, as before
        start = after
        mark = rfind(".", low, pos)
        if mixed:
            mark = max(mark, rfind("!", low, pos), rfind("?", low, pos))
        while mark >= 0:
            found = match(text, mark)
            if found:
                start = found.end()
                break
            before = mark
            mark = rfind(".", low, before)
            if mixed:
                mark = max(mark, rfind("!", low, before), rfind("?", low, before))
        found = search(text, pos)
        if found:
            stop, after = found.start() + 1, found.end()
            low = stop
        else:
            stop = after = low = size
        yield start, stop
