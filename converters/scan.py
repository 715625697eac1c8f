"""The text segments of a cable, each scanned once and shared by every finder.

`scan(cable)` cuts a cable into segments (0: what comes before paragraph 1, then one per numbered paragraph) and
wraps each in a Segment. The person finders (converters.titled, converters.untitled, converters.resolve) and the
statement finder (converters.statements) all read the same Segment objects: whether the text is in capitals, its
distinct capitalised words, and where a word occurs as a whole word (looked up once per word and kept, since the
finders ask for the same names again: given names, surnames seen, office holders). Nothing is kept beyond one cable.
"""

from __future__ import annotations

import re

from converters.record import Cable

# `\b[A-Z]...` written as `[A-Z](?<!\w[A-Z])...`: the same matches, but a pattern that opens with a character set
# lets the regex engine skip ahead to the next capital instead of testing a word boundary at every position.
CAPWORD_RE = re.compile(r"[A-Z](?<!\w[A-Z])[A-Za-z-]*(?:'(?!s\b)[A-Za-z]+)?")

_LOWER_BYTES = b"abcdefghijklmnopqrstuvwxyz"
_UPPER_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# `\b(?:E\.\s?O\.|TAGS?:|SUBJ(?:ECT)?:|Subject:|Classified\s+By)` ignoring case, spelled to open with a character set
# (the initials; U+017F is a long s, which ignoring case matches `s`) and `(?<!\w.)` for the `\b` after it: the same
# matches, but the engine skips to the next candidate initial instead of testing a word boundary at every position.
_PREAMBLE_START = re.compile(
    r"[EeTtSs\u017fCc](?<!\w.)(?i:(?<=e)\.\s?O\.|(?<=t)AGS?:|(?<=s)UBJ(?:ECT)?:|(?<=c)LASSIFIED\s+BY)")


def is_caps(text: str) -> bool:
    """True when a text is (nearly) all upper case, as in older cables."""
    # only ASCII letters count (bytes.translate is fast); Latin-1 keeps the common '¶' without an error handler
    # Cheap test first: more than a twentieth of the sample in lower case already in its first 200 characters (the
    # sample has at most min(len(text), 2000) characters) gives the same False as the full count below.
    head = text[:200].encode("latin-1", "ignore")
    if 20 * (len(head) - len(head.translate(None, _LOWER_BYTES))) > min(len(text), 2000):
        return False
    sample = text[:2000].encode("latin-1", "ignore")
    lower = len(sample) - len(sample.translate(None, _LOWER_BYTES))
    upper = len(sample) - len(sample.translate(None, _UPPER_BYTES))
    return upper > 0 and lower < 0.05 * (lower + upper)


def segments(cable: Cable) -> list[tuple[int, str]]:
    """The texts to search, by paragraph number: 0 for what comes before paragraph 1 (or the whole body)."""
    paras = [(p["number"], p["text"]) for p in cable.paragraphs]
    body = cable.body or ""
    if not paras:
        return [(0, " ".join(body.split()))]
    cut = cable.paragraphs_start  # (where the parser found paragraph 1's text)
    preamble = body[: cut if cut >= 0 else min(len(body), 3000)]
    start = _PREAMBLE_START.search(preamble)
    preamble = " ".join(preamble[start.start() if start else 0:].split())
    return [(0, preamble), *paras]


def occurrences(text: str, words: set[str] | frozenset[str]) -> list[tuple[int, str]]:
    """Where each word occurs as a whole word (not inside a longer word or a hyphenated name), in text order."""
    out = []
    for word in words:
        out += _word_positions(text, word)
    out.sort()
    return out


def _word_positions(text: str, word: str) -> list[tuple[int, str]]:
    """(offset, word) wherever the word occurs with no letter, digit or hyphen on either side."""
    out = []
    n = len(text)
    size = len(word)
    find = text.find
    i = find(word)
    while i >= 0:
        end = i + size
        before = text[i - 1] if i else " "
        after = text[end] if end < n else " "
        if not (before.isalnum() or before == "-") and not (after.isalnum() or after == "-"):
            out.append((i, word))
        i = find(word, end)
    return out


class Segment:
    """One segment of a cable (`number` 0 for the preamble, else the paragraph number) and what its scan found."""

    __slots__ = ("number", "text", "caps", "_capwords", "_positions")

    def __init__(self, number: int, text: str) -> None:
        self.number = number
        self.text = text
        self.caps = is_caps(text)
        self._capwords: frozenset[str] | None = None
        self._positions: dict[str, list[tuple[int, str]]] = {}

    @property
    def capwords(self) -> frozenset[str]:
        """The distinct capitalised words of the text (CAPWORD_RE), found on first use."""
        if self._capwords is None:
            self._capwords = frozenset(CAPWORD_RE.findall(self.text))
        return self._capwords

    def positions(self, word: str) -> list[tuple[int, str]]:
        """(offset, word) wherever the word occurs as a whole word, in text order; looked up once per segment."""
        found = self._positions.get(word)
        if found is None:
            found = self._positions[word] = _word_positions(self.text, word)
        return found

    def occurrences(self, words: set[str] | frozenset[str]) -> list[tuple[int, str]]:
        """`occurrences(self.text, words)`: where each word occurs as a whole word, in text order."""
        out: list[tuple[int, str]] = []
        for word in words:
            out += self.positions(word)
        out.sort()
        return out


def scan(cable: Cable) -> list[Segment]:
    """The segments of a cable (see segments()), ready for the finders."""
    return [Segment(number, text) for number, text in segments(cable)]
