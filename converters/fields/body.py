"""The body of the cable: numbered paragraphs with their markings, the summary, and the signer at the end."""

from __future__ import annotations

import re

from converters.fields.common import LEVEL_WORD

_PARAGRAPH = re.compile(
    r"(?:^|\n|\s{2,}|(?<=\u00b6)|(?<=[.:!?\"')]\s))\s*\u00b6?\s*(?P<num>\d{1,2})\s*\.(?!\d)\s*"
    r"(?:\(\s*(?P<mark>[A-Za-z]{1,3}(?:\s*/{1,2}\s*[A-Za-z]{1,5})?)\s*\)\s*)?")
_SUMMARY_END = re.compile(r"\bEND\s+(?:OF\s+)?SUMMARY\b", re.IGNORECASE)
_SUMMARY_START = re.compile(r"(?:\bBEGIN\s+)?\bSUMMARY(?:\s+AND\s+(?:INTRODUCTION|COMMENT))?\b\s*[:.\-]*\s*",
                            re.IGNORECASE)
_MARKERS = re.compile(r"\u00b6?\s*\b\d{1,2}\s*\.\s*\([A-Z/]{1,8}\)\s*|-{3,}")
_TAIL_JUNK = re.compile(r"(?:\s|NNNN|END OF DOCUMENT|[\"'>=]|\bBT\b|" + LEVEL_WORD + r")+$", re.IGNORECASE)
_SIGNER = re.compile(r"(?:^|\n|\s{2,}|[.!?\"')]\s+)([A-Z][A-Za-z'-]+(?:\s[A-Z][A-Za-z'-]+)?)\s*$")
_NOT_SIGNERS = {"END", "COMMENT", "SUMMARY", "NOTE", "BT", "NNNN", "SIPDIS", "CONFIDENTIAL", "SECRET", "UNCLAS",
                "ACTION", "INFO", "NOFORN", "END COMMENT", "END NOTE", "END SUMMARY", "GP", "XXXXXXXXXXXX"}


def paragraph_starts(body: str) -> list[re.Match]:
    """The starts of numbered paragraphs 1, 2, 3, ... in order ('¶1. (C)', '1. (S/NF)', '2. (SBU)')."""
    kept: list[re.Match] = []
    expected = None
    for match in _PARAGRAPH.finditer(body):
        num = int(match["num"])
        if expected is None:
            if num in (1, 2) and (match["mark"] or "\u00b6" in match.group(0) or match.group(0).startswith("\n")
                                  or num == 1):
                kept.append(match)
                expected = num + 1
        elif num == expected:
            kept.append(match)
            expected += 1
    return kept


def paragraphs(body: str, starts: list[re.Match] | None = None) -> list[dict]:
    """Numbered paragraphs with their marking: '1. (C) text' to {'number': 1, 'classification': 'C', 'text': ...}."""
    kept = paragraph_starts(body) if starts is None else starts
    out: list[dict] = []
    for i, match in enumerate(kept):
        end = kept[i + 1].start() if i + 1 < len(kept) else len(body)
        text = " ".join(body[match.end(): end].split())
        mark = re.sub(r"\s+", "", match["mark"]).upper() if match["mark"] else None
        out.append({"number": int(match["num"]), "classification": mark, "text": text})
    return out


def summary(body: str, head_end: int = 0) -> str | None:
    """The text between SUMMARY and END SUMMARY (or the paragraph that starts with 'Summary'), whitespace folded."""
    end = _SUMMARY_END.search(body, head_end)
    if end:
        starts = [m for m in _SUMMARY_START.finditer(body, head_end, end.start())
                  if not body[max(0, m.start() - 4): m.start()].upper().strip().endswith("END")]
        if starts:
            text = body[starts[0].end(): end.start()]
        else:
            return None
    else:
        start = _SUMMARY_START.search(body, head_end, head_end + 3000)
        if not start:
            return None
        rest = body[start.end(): start.end() + 4000]
        stop = re.search(r"\n\s*\n|\u00b6\s*\d|\s{2,}\d{1,2}\.\s", rest)
        text = rest[: stop.start()] if stop else rest
    text = " ".join(_MARKERS.sub(" ", text).split()).strip(" .-:")
    return text or None


def signer(body: str) -> str | None:
    """The surname that signs the cable, at its end ('CROCKER'), ignoring trailing classification and NNNN."""
    tail = _TAIL_JUNK.sub("", body.rstrip()[-400:])
    match = _SIGNER.search(tail)
    if not match:
        return None
    name = match.group(1)
    if name.upper() in _NOT_SIGNERS or name.upper().startswith("END "):
        return None
    if not name.isupper() and not name.istitle():
        return None
    return name.upper()
