"""Text clean-up shared by the field parsers: line endings, quotes, mojibake, letter-spaced words."""

from __future__ import annotations

import re

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "})
_MOJIBAKE_PILCROW = re.compile(r"(?:\ufffd|Â¶|Ã‚Â¶)(?=\s*\d)")
_SPACED_CLASSIFICATION = re.compile(
    r"\b(S\s?E\s?C\s?R\s?E\s?T|C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|U\s?N\s?C\s?L\s?A\s?S\s?S\s?I\s?F\s?I\s?E\s?D)\b",
    re.IGNORECASE,
)


def normalize_text(text: str) -> str:
    """Unify line endings, typographic quotes and the PDF mojibake for the paragraph sign."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_QUOTES)
    return _MOJIBAKE_PILCROW.sub("\u00b6", text)


def unspace(word: str) -> str:
    """'C O N F I D E N T I A L' to 'CONFIDENTIAL'."""
    return re.sub(r"\s+", "", word).upper()


def is_flattened(text: str) -> bool:
    """True when a cable's newlines were lost (one long line, or lines hundreds of characters long)."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        return False
    return max(len(ln) for ln in lines) > 600 and len(lines) < 8
