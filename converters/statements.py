"""Find attributed speech acts (who said what to whom) in a cable's paragraphs.

A statement is a reporting verb (people_data/lexicon.json: told, said, urged, according to, ...) whose subject is
a person mention: directly before the verb (`Kasuri told`, `, Muttaki said,`), the sentence subject of a
coordinated or participle clause (`..., but said`, `..., saying that`), a pronoun that continues the last
speaker (`He added`), or the object of `according to`. The addressee is a person mention right after the verb
(`told the Ambassador`) or after `to`. Rule-based; see docs/people.md.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache
from operator import attrgetter, itemgetter

from converters.people import Mention, Person
from converters.people_tables import lexicon, trie_regex
from converters.record import Cable
from converters.resolve import find_persons
from converters.scan import Segment, is_caps, scan

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
_FILLER = re.compile(r"[\s,]*(?:(?:also|again|then|further|later|subsequently|separately|had|has|have"
                     r"|privately|publicly|repeatedly|flatly|firmly|strongly|clearly|explicitly|specifically|candidly"
                     r"|quickly|immediately|bluntly|frankly|emphatically|initially|finally|earlier|previously"
                     r"|reportedly|only|simply|never|however|himself|herself|personally|briefly|directly|in turn"
                     r"|in response|at one point|at the meeting|in the meeting|twice|once"
                     r"|on\s+\w+\s+\d{1,2}|(?:January|February|March|April|May|June|July|August|September|October"
                     r"|November|December)\s+\d{1,2}|\([^()]{0,80}\)|,\s*(?:the|a|an|who|which|his|her)\b[^,;]{0,90},)"
                     r"[\s,]*)*$",
                     re.IGNORECASE)
# the characters of `[\s,]`: a text of them alone is a _FILLER (`text.strip(_SPACE_OR_COMMA)` is empty)
_SPACE_OR_COMMA = "".join(c for c in map(chr, range(0x110000)) if c.isspace()) + ","


# What a text that _FILLER matches starts with (in small letters) after its leading `[\s,]`: one of its words or
# phrases, `on` or a month (a date), '(' or a word after which `,\s*(?:the|a|an|who|which|his|her)\b` (a clause
# between commas) can open. Longer words under a shorter one are left out (`a` holds `also`, `again`, `at ...`).
_FILLER_OPENERS = ("a", "the", "further", "later", "subsequently", "separately", "had", "has", "have", "privately",
                   "publicly", "repeatedly", "flatly", "firmly", "strongly", "clearly", "explicitly", "specifically",
                   "candidly", "quickly", "immediately", "bluntly", "frankly", "emphatically", "initially", "finally",
                   "earlier", "previously", "reportedly", "only", "simply", "never", "however", "himself", "her",
                   "personally", "briefly", "directly", "in", "twice", "once", "on", "january", "february", "march",
                   "april", "may", "june", "july", "august", "september", "october", "november", "december", "(",
                   "who", "which", "his")


def _filler(text: str, start: int, end: int) -> bool:
    r"""`_FILLER.match(text, start, end)` for a text[start:end] that is not all `[\s,]`, tried only when the text
    opens with what a _FILLER can open with (see _FILLER_OPENERS; a failed match can cost microseconds)."""
    head = text[start:end].lstrip(_SPACE_OR_COMMA)[:16]  # the openers have at most 12 characters
    if head.isascii() and not head.lower().startswith(_FILLER_OPENERS):
        return False  # IGNORECASE matches a few letters beyond ASCII to ASCII ones: those are left to the pattern
    return _FILLER.match(text, start, end) is not None


_COORD = re.compile(r"(?:,\s*|\s)(?:but|and|yet)\s+(?:(?!(?:the|a|an|he|she|they|it|his|her|their|we|i)\b)[a-z-]+\s+)"
                    r"{0,4}$")
_INTRO = re.compile(r"^\s*(?:\(?[A-Z]{1,4}\)\s*)?(?:(?:[A-Z][A-Za-z]*\b[^,.;]{0,60},\s*)?(?:the\s+|The\s+)?)$")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|be|is|are|not|to|will|would|should|could|might|must|may|shall|can"
                      r"|cannot|never)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_PRONOUN = re.compile(r"(?:^|[\s,;(\"])(he|she|He|She|HE|SHE|I)\s+(?:also\s+|again\s+|then\s+|further\s+|later\s+)*$")
# What the text before a verb must end with (before its trailing spaces) for _PASSIVE or _PRONOUN to match there:
# cheap tests that spare most searches.
_PASSIVE_ENDS = ("was", "were", "been", "being", "be", "is", "are", "not", "to", "will", "would", "should", "could",
                 "might", "must", "may", "shall", "can", "never", "ly")
_PRONOUN_ENDS = ("he", "He", "HE", "I", "also", "again", "then", "further", "later")


def _passive(before: str) -> bool:
    """`_PASSIVE.search(before)`, searched only when the last word can be one of its words or an adverb in -ly."""
    word = before.rstrip()
    if len(word) == len(before):
        return False  # the pattern ends with spaces
    tail = word[-8:]
    if tail.isascii() and not tail.lower().endswith(_PASSIVE_ENDS):
        return False
    return _PASSIVE.search(before) is not None


def _pronoun(before: str) -> re.Match | None:
    """`_PRONOUN.search(before)`, searched only when the last word can be a pronoun or one of the adverbs after it."""
    word = before.rstrip()
    if len(word) == len(before) or not word.endswith(_PRONOUN_ENDS):
        return None
    return _PRONOUN.search(before)


_WORD = re.compile(r"[A-Za-z]+")
_LEAD = re.compile(r"\s+(?:to\s+|with\s+)?")
_THAT = re.compile(r"^(?:that\b,?|,)\s*")
_TO = re.compile(r"\s+to\s")
_START = attrgetter("start")
_POS = itemgetter("_pos")
_QUOTING = frozenset(("said", "added", "noted", "stated", "continued"))
# verbs whose addressee follows `to` (`said to the Ambassador`)
_ADDRESSEE_AFTER_TO = frozenset(("said", "explained", "complained", "stressed", "emphasized", "noted", "stated",
                                 "replied"))


@cache
def _addressee_verbs() -> frozenset[str]:
    """Verbs followed by their addressee (`told`, `urged`, ...)."""
    return frozenset(lexicon()["addressee_verbs"])


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


@cache
def _first_words() -> dict[bytes, tuple[str, bool, tuple[tuple[str, re.Pattern], ...], bool]]:
    """The first words of the reporting verbs and of the participles in lower case, as bytes spelt backwards, to the
    word, whether it is a participle's, the multi-word verbs it opens (longest first, with the pattern of their
    other words) and whether it is a verb by itself (see verbs_and_participles)."""
    single, multi, _ = _verb_tables()
    out = {w.lower()[::-1].encode("ascii"): (w.lower(), False, tuple(multi.get(w.lower(), ())), w.lower() in single)
           for w in _vocabulary()}
    out.update({w[::-1].encode("ascii"): (w, True, (), False) for w in _participle_tables()})
    return out


@cache
def _spellings() -> dict[str, tuple[str, bool, tuple[tuple[str, re.Pattern], ...], bool]]:
    """The entry of _first_words() for each first word as the vocabulary writes it, and for each participle's first
    word in small letters (see verbs_and_participles)."""
    words = _first_words()
    spelt = set(_vocabulary()) | set(_participle_tables())
    return {word: words[word.lower()[::-1].encode("ascii")] for word in spelt}


@cache
def _first_word_pattern() -> re.Pattern[bytes]:
    """The words of _first_words() spelt backwards, after a space and before a space or '#', over bytes (see
    verbs_and_participles)."""
    return re.compile((r" (" + trie_regex({w.decode("ascii") for w in _first_words()}) + r")(?=[ #])").encode("ascii"))


# Every byte of a Latin-1 text that is not a word character (str `\w`) becomes a space, but '-' becomes '#'; ASCII
# capitals become small letters. (A Latin-1 word character keeps its byte, so a space next to a hit was a non-word
# character other than '-' or a character beyond Latin-1.)
_NON_WORD_TO_SPACE = bytes((c | 0x20 if 0x41 <= c <= 0x5A else c) if chr(c).isalnum() or c == 0x5F
                           else 0x23 if c == 0x2D else 0x20 for c in range(256))


def _has_ascii_fold(text: str) -> bool:
    """True when the text holds a character beyond ASCII that IGNORECASE matches to an ASCII letter (dotted and
    dotless i, long s, Kelvin sign): the byte view of verbs_and_participles cannot see them."""
    return "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text


def _is_word(char: str) -> bool:
    r"""True for a character of str `\w` (alphanumeric or underscore)."""
    return char.isalnum() or char == "_"


def verb_matches(text: str, caps: bool | None = None) -> list[tuple[int, int, str]]:
    """Reporting verbs in a text as (start, end, verb in lower case); multi-word verbs first."""
    return verbs_and_participles(text, is_caps(text) if caps is None else caps, False)[0]


def verbs_and_participles(text: str, caps: bool, participles: bool = True
                          ) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    r"""The reporting verbs of a text as (start, end, verb in lower case), multi-word verbs first, and (when asked)
    its participle clauses, `, saying`, as (start at the comma, end, participle as written): one pass for both.

    A verb is a whole word as written, `\b(?:verbs)\b(?!-)`; a participle clause is `_verb_tables()[2]`,
    `,\s*(?:and\s+|while\s+)?(?:participles)(?![\w-])` in any case. Such patterns would be tried at every position
    of the text, or at every comma; instead the text is mapped to bytes with every non-word character a space and
    every ASCII capital small (one byte per character, characters beyond Latin-1 as '?', so offsets stay), between
    two spaces. Those bytes are read backwards: the first words of the verbs and participles, spelt backwards, are
    searched after a space, `' '(?:sdrow)\b`, which the regex engine does by skipping from space to space and trying
    only the few last letters of the words there (d, e, g, s, t) where the first letters would be most of the
    alphabet; '-' is '#' in the byte view, so that the space before a hit (after the word in the text) is no '-'. A
    hit must also have a space or '#' after it (before the word in the text); it is then checked on the text itself:
    no word character before nor after (which rejects the false boundaries of the byte view, letters beyond ASCII), a
    verb written as in the vocabulary, a participle after a comma (and `and`/`while`).
    Participles are searched with their own pattern where the byte view cannot stand for the text (a lower-cased
    all-caps text that grew, or a letter beyond ASCII that IGNORECASE takes for an ASCII one)."""
    participle_pattern = _verb_tables()[2]
    words = _first_words()
    spellings = _spellings()
    haystack = text.lower() if caps else text
    backwards = (b" " + haystack.encode("latin-1", "replace").translate(_NON_WORD_TO_SPACE) + b" ")[::-1]
    size = len(haystack)
    plain = text.isascii()
    if participles and (len(haystack) != len(text) or not plain and _has_ascii_fold(text)):
        found_participles = [(m.start(), m.end(), m["v"]) for m in participle_pattern.finditer(text)]
        participles = False
    else:
        found_participles = []
    verbs = []
    for hit in _first_word_pattern().finditer(backwards):
        # The hit is ' ' + the word spelt backwards, with a space or '#' after it: so the text has a non-word
        # character (other than '-') or none after the word, and a non-word character or none before it. It spans
        # backwards[a:b]; backwards[i] is haystack[size - i], the word is haystack[size + 1 - b:size - a].
        first, after = hit.span()
        start, end = size + 1 - after, size - first
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
            entry = words[hit[1]]
            if not entry[1]:
                continue
        word, is_participle, multi, single = entry
        if is_participle:
            if participles:
                clause = _participle_clause(text, start, end, word)
                if clause:
                    found_participles.append(clause)
            continue
        for verb, rest in multi:
            more = rest.match(haystack, end)
            if more:
                verbs.append((start, more.end(), verb))
                break
        else:
            if single:
                verbs.append((start, end, word))
    verbs.reverse()  # found from the end of the text
    if participles:
        found_participles.reverse()
    return verbs, found_participles


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
    return list(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[tuple[int, int]]:
    """The spans of sentences(), one at a time (a caller may stop early)."""
    start = 0
    for stop, after in _breaks(text):
        yield start, stop
        start = after
    if start < len(text):
        yield start, len(text)


def _breaks(text: str) -> list[tuple[int, int]]:
    """Where each sentence of a text but the last ends, and where the next one starts."""
    pattern = _SENTENCE_BREAK if "!" in text or "?" in text else _FULL_STOP_BREAK
    return [(match.start() + 1, match.end()) for match in pattern.finditer(text)]


def _verb_sentences(text: str, verb_starts: list[int], participle_starts: list[int]) -> Iterator[tuple[int, int]]:
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


def _mention_after(mentions: list[Mention], text: str, pos: int) -> Mention | None:
    rest = text[pos:pos + 80]
    lead = _LEAD.match(rest)
    offset = pos + (lead.end() if lead else 0)
    for m in mentions:
        if m.start == offset or (m.start > pos and text[pos:m.start].strip() in ("", "to", "the", "to the")):
            return m
    return None


def _opens(text: str, s_start: int, mention: Mention) -> bool:
    """True when the sentence starting at s_start opens with the mention, its subject: only an introduction (a
    paragraph mark, a leading clause, `the`) comes before it."""
    return _INTRO.match(text[s_start:mention.start]) is not None


def _text_after(text: str, pos: int, end: int) -> str:
    rest = text[pos:end].strip()
    lead = _THAT.match(rest)  # `_THAT.sub("", rest)`: the pattern is anchored at the start
    if lead:
        rest = rest[lead.end():]
    return rest.strip(" ,;") or text[pos:end].strip()


def paragraph_statements(seg: Segment, mentions: list[Mention], last: int | None,
                         signer: int | None = None) -> tuple[list[dict], int | None]:
    """The statements of one segment in text order; `last` is the speaker carried over for pronouns, `signer` speaks
    as I."""
    return _segment_statements(seg, sorted([m for m in mentions if m.person >= 0], key=_START), last, signer)


def _segment_statements(seg: Segment, ordered: list[Mention], last: int | None,
                        signer: int | None) -> tuple[list[dict], int | None]:
    """paragraph_statements() given the segment's mentions of a person (`person >= 0`) in order of their start."""
    out: list[dict] = []
    if not ordered and last is None and signer is None:
        return out, last
    text, caps = seg.text, seg.caps
    all_verbs, all_participles = verbs_and_participles(text, caps, "ing" in text and "," in text)
    if not ordered and not any(_pronoun(text[v_start - 80 if v_start > 80 else 0:v_start])
                               for v_start, _, _ in all_verbs):
        # With no person mention in the segment, only a pronoun before a verb can speak (`He added`, `I told`); a
        # pronoun that ends the text before a verb within its sentence also ends it in the 80 characters before.
        return out, last
    if not all_verbs and not all_participles:
        return out, last
    addressee_verbs = _addressee_verbs()
    para = seg.number
    starts = [m.start for m in ordered]
    verb_starts = [v[0] for v in all_verbs]
    participle_starts = [p[0] for p in all_participles]
    for s_start, s_end in _verb_sentences(text, verb_starts, participle_starts):
        sentence_verbs = all_verbs[bisect_left(verb_starts, s_start):bisect_left(verb_starts, s_end)]
        sentence_mentions = ordered[bisect_left(starts, s_start):bisect_left(starts, s_end)]
        first = sentence_mentions[0] if sentence_mentions else None  # the subject when _opens() says so
        for v_start, v_end, verb in sentence_verbs:
            if v_start == s_start and not caps and text[v_start].isupper():
                continue
            before = text[v_start - 80 if v_start - 80 > s_start else s_start:v_start]
            # the speaker: its person and where its mention starts (-1 for a pronoun)
            who: int | None = None
            who_start = -1
            if not sentence_mentions:
                # only a pronoun can speak: the branches below that need a mention find none (and the quoting verb
                # after a comma or a quote looks for none further)
                if verb == "according to" or verb in _QUOTING and before.rstrip().endswith((",", '"')):
                    pass
                elif (pronoun := _pronoun(before)) and pronoun.group(1) == "I":
                    if signer is not None and text.count('"', s_start, v_start) % 2 == 0:
                        who = signer
                elif pronoun:
                    who = last if last is not None else next((m.person for m in reversed(ordered)
                                                              if m.end <= v_start), None)
            elif verb == "according to":
                found = _mention_after(sentence_mentions, text, v_end)
                if found is not None:
                    who, who_start = found.person, found.start
            else:
                prior = None  # the last mention (in text order) that ends before the verb
                for m in reversed(sentence_mentions):
                    if m.end <= v_start:
                        prior = m
                        break
                if prior and (not text[prior.end:v_start].strip(_SPACE_OR_COMMA)
                              or _filler(text, prior.end, v_start)):
                    who, who_start = prior.person, prior.start
                elif verb in _QUOTING and before.rstrip().endswith((",", '"')):  # _COMMA_END.search(before)
                    found = _mention_after(sentence_mentions, text, v_end)
                    if found is not None:
                        who, who_start = found.person, found.start
                elif first.end <= v_start and ("and" in before or "but" in before or "yet" in before) \
                        and _COORD.search(before) and _opens(text, s_start, first):
                    who, who_start = first.person, first.start
                elif (pronoun := _pronoun(before)) and pronoun.group(1) == "I":
                    if signer is not None and text.count('"', s_start, v_start) % 2 == 0:
                        who = signer
                elif pronoun:
                    who = prior.person if prior else (
                        last if last is not None else next((m.person for m in reversed(ordered)
                                                            if m.end <= v_start), None))
            if who is None or _passive(before):
                continue
            addressee = None
            if verb in addressee_verbs or verb in _ADDRESSEE_AFTER_TO:
                found = _mention_after(sentence_mentions, text, v_end)
                if found is not None and found.person != who and (
                        verb in addressee_verbs or _TO.match(text, v_end, v_end + 5)):
                    addressee = found
            tail = addressee.end if addressee else v_end
            leading = 0 <= who_start < v_start and who_start - s_start <= 25
            said = _text_after(text, tail, s_end) if leading else text[s_start:s_end].strip()
            out.append({"paragraph": para, "speaker": who, "verb": verb, "text": said,
                        "addressee": addressee.person if addressee else None, "_pos": v_start})
            last = who
        if not all_participles:
            continue
        for p_start, p_end, written in all_participles[bisect_left(participle_starts, s_start):
                                                        bisect_left(participle_starts, s_end)]:
            prior = [o for o in out if s_start <= o["_pos"] < p_start]  # `out` holds this paragraph's statements
            who = prior[-1]["speaker"] if prior else (
                first.person if first and first.end <= p_start and _opens(text, s_start, first) else None)
            if who is None:
                continue
            verb = lexicon()["participles"][" ".join(written.split()).lower()]
            out.append({"paragraph": para, "speaker": who, "addressee": None, "verb": written.lower(),
                        "text": _text_after(text, p_end, s_end), "_pos": p_start, "_lemma": verb})
            last = who
    if all_participles and len(out) > 1:
        out.sort(key=_POS)  # a participle comes after the verbs of its sentence; the verbs come in text order
    return out, last


def find_statements(cable: Cable, persons: list[Person], mentions: list[Mention],
                    segs: list[Segment] | None = None) -> list[dict]:
    """Every statement of a cable as record dicts: paragraph, speaker and addressee surnames, verb, text."""
    out: list[dict] = []
    last: int | None = None
    signer = next((m.person for m in mentions if m.kind == "signer"), None)
    by_para: dict[int, list[Mention]] = {}  # the mentions of a person by paragraph
    for m in mentions:
        if m.person >= 0:
            by_para.setdefault(m.paragraph, []).append(m)
    for ordered in by_para.values():
        ordered.sort(key=_START)
    skip_preamble = bool(cable.paragraphs)
    for seg in segs if segs is not None else scan(cable):
        if seg.number == 0 and skip_preamble:
            continue
        found, last = _segment_statements(seg, by_para.get(seg.number, []), last, signer)
        if found:
            out += found
    records = []
    for s in out:
        speaker = persons[s["speaker"]]
        addressee = persons[s["addressee"]] if s["addressee"] is not None else None
        records.append({"paragraph": s["paragraph"], "speaker": speaker.surname,
                        "addressee": addressee.surname if addressee else None, "verb": s["verb"], "text": s["text"],
                        "speaker_id": speaker.extra.get("id"),
                        "addressee_id": addressee.extra.get("id") if addressee else None})
    return records


def extract(cable: Cable) -> tuple[list[dict], list[dict]]:
    """The persons and statements of a parsed cable, as the record's `persons` and `statements` lists.

    The cable's segments are scanned once (converters.scan) and shared by the person and statement finders."""
    segs = scan(cable)
    persons, mentions = find_persons(cable, segs)
    statements = find_statements(cable, persons, mentions, segs)
    return [p.to_json() for p in persons], statements
