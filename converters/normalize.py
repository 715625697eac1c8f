"""Text clean-up shared by the field parsers: line endings, quotes, mojibake, page breaks, letter-spaced words."""

from __future__ import annotations

import re

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " ", "\u2013": "-"})
_MOJIBAKE_PILCROW = re.compile(r"(?:\ufffd|Â¶|Ã‚Â¶)(?=\s*\d)")
# '\n CONFIDENTIAL\nPAGE 02 HARARE 06677 01 OF 03 291400Z ' : the page furniture of a partial extract
_PAGE_BREAK = re.compile(
    r"\n[ \t]*(?:UNCLAS\w*|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)[ \t]*\n[ \t]*PAGE\s+\d{2,3}\s+[A-Z][A-Z ]*?\s+\d+"
    r"(?:\s+\d+\s+OF\s+\d+)?\s+\d{6}Z[ \t]*")


def normalize_text(text: str) -> str:
    """Unify line endings, typographic quotes, the PDF mojibake for the paragraph sign, and drop page breaks."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_QUOTES)
    text = _MOJIBAKE_PILCROW.sub("\u00b6", text)
    if "PAGE" in text:
        text = _PAGE_BREAK.sub(" ", text)
    return text


def unspace(word: str) -> str:
    """'C O N F I D E N T I A L' to 'CONFIDENTIAL'."""
    return re.sub(r"\s+", "", word).upper()


def is_flattened(text: str) -> bool:
    """True when a cable's newlines were lost (one long line, or lines hundreds of characters long)."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if not lines:
        return False
    return max(len(ln) for ln in lines) > 600 and len(lines) < 8
