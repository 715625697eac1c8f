"""The body of the cable: numbered paragraphs with their markings, the summary, and the signer at the end."""

from __future__ import annotations

import re

from converters.fields.common import LEVEL_WORD

_NUMBER = re.compile(r"(\d\d?)[ \t]*\.")
_AFTER_SIGN = re.compile(r"[ \t]{0,3}(\d\d?)[ \t]*\.")
_AFTER_NUMBER = re.compile(
    r"[ \t]*(?:\([ \t]*(?P<mark>(?:[A-Z]{1,12}|[a-z]{1,3})(?:[ \t]*/{1,2}[ \t]*[A-Za-z][A-Za-z ,]{0,30}?)?)"
    r"[ \t]*\)[ \t]*)?")
_NOT_BEFORE = frozenset(".,/:$-_") | frozenset("0123456789")
# letter classes rather than IGNORECASE: measured faster here, the scan runs over up to 8,000 characters a cable
_SUMMARY_END = re.compile(r"[Ee][Nn][Dd]\s+(?:[Oo][Ff]\s+)?[Ss][Uu][Mm][Mm][Aa][Rr][Yy]")
_SUMMARY_START = re.compile(r"[Ss][Uu][Mm][Mm][Aa][Rr][Yy](?:\s+(?:and|AND|And)\s+"
                            r"(?:introduction|INTRODUCTION|Introduction|comment|COMMENT|Comment))?\b\s*[:.\-]*\s*")
_SUMMARY_STOP = re.compile(r"\n\s*\n|\u00b6\s*\d|\s{2,}\d{1,2}\.\s")
_MARKERS = re.compile(r"\b\d{1,2}\s*\.\s*\([A-Z/]{1,8}\)|\u00b6|-{3,}")
_TAIL_WORD = re.compile(r"(?:NNNN|END OF DOCUMENT|End Cable Text|X{4,}|\bBT|SIPDIS|NOTE BY OC/T:[^\n]*"
                        r"|PAGE\s+\d{2,3}\s+[A-Z][A-Z ]*\s+\d+(?:\s+\d+\s+OF\s+\d+)?\s+\d{6}Z|" + LEVEL_WORD + r")$",
                        re.IGNORECASE)
# the classified-website footer some posts add after the signature
_FOOTER = re.compile(r"\s*\"?Visit\s+[A-Z][\w ]*'s\s+Classified\s+Web\s?[Ss]ite"
                     r".*?(?=(?<=[a-z/\s])[A-Z][A-Za-z'-]{2,}\s*$|$)", re.DOTALL)
_SIGNER = re.compile(r"(?:(?:^|\n|[ \t]{2,}|[.!?\")]\s)(?P<title>[A-Z][a-z'-]+[A-Z]?[a-z'-]*)"
                     r"|(?:^|\s\s|\n|[/*.?!\")\d]\s?|(?<=[a-z]))(?P<upper>[A-Z][A-Z'-]{2,}))$")
_TAIL_LAST = frozenset("NnTtXxSsZzLlDdEe")  # last letters of NNNN, DOCUMENT, Text, XXXX, BT, SIPDIS, ...Z, levels
_SIGNED_WITH_DOT = re.compile(r"\n[ \t]*\n[ \t]*[A-Z][A-Z'-]+\.$")
_RELEASE_NOTE = re.compile(r"\s*Declassified/Released US Department of State.*$", re.DOTALL)
_NOT_SIGNERS = {"END", "COMMENT", "SUMMARY", "NOTE", "BT", "NNNN", "SIPDIS", "CONFIDENTIAL", "SECRET", "UNCLAS",
                "ACTION", "INFO", "NOFORN", "END COMMENT", "END NOTE", "END SUMMARY", "GP", "XXXXXXXXXXXX"}


def _starts_paragraph(body: str, start: int) -> bool:
    """True when the number at `start` begins a line, follows a paragraph sign, two spaces or a sentence's end."""
    before = body[max(0, start - 3): start]
    if start == 0 or before.endswith(("\n", "\u00b6", "  ")):
        return True
    stripped = before.rstrip(" \t")
    if not stripped or stripped.endswith(("\n", "\u00b6")):
        return True
    return before.endswith(" ") and before[-2:-1] in ".:!?\"')"


def _candidates(body: str):
    """(match, after a paragraph sign) for numbers followed by a dot that may start a paragraph: right after each
    paragraph sign, and by regex before the first sign (or everywhere when the text has none): scanning only there
    keeps long cables cheap."""
    first = body.find("\u00b6")
    if first < 0:
        for match in _NUMBER.finditer(body):
            yield match, False
        return
    for match in _NUMBER.finditer(body, 0, first):
        yield match, False
    at = first
    while at >= 0:
        match = _AFTER_SIGN.match(body, at + 1)
        if match:
            yield match, True
        at = body.find("\u00b6", at + 1)


def paragraph_starts(body: str) -> list[tuple[int, int, int, str | None]]:
    """The numbered paragraphs 1, 2, 3, ... in order ('¶1. (C)', '1. (S/NF)', '2. (SBU)'): (number, start of the
    number, start of the text, marking)."""
    kept: list[tuple[int, int, int, str | None]] = []
    expected = None
    size = len(body)
    for match, after_sign in _candidates(body):
        num = int(match.group(1))
        if (num > 2) if expected is None else (num != expected):
            continue
        start, dot = match.start(1), match.end()
        if dot < size and (body[dot].isalnum() or body[dot] == "_"):
            continue
        if not after_sign and ((start and (body[start - 1].isalpha() or body[start - 1] in _NOT_BEFORE))
                               or not _starts_paragraph(body, start)):
            continue
        after = _AFTER_NUMBER.match(body, dot)
        mark = after["mark"]
        if mark and (" " in mark or "\t" in mark):
            mark = re.sub(r"\s*/\s*", "/", " ".join(mark.split()))
        mark = mark.upper() if mark else None
        if expected is None and num == 2 and not mark and not after_sign:
            continue
        kept.append((num, start, after.end(), mark))
        expected = num + 1
    return kept


def _rule_start(text: str) -> int:
    """Where the rule of dashes that ends a text starts (`-------`, `- - - -`, also glued to a word as in
    `Comment-------`, and the white space around it), -1 when the text ends with no rule of three dashes or more. A
    word's own hyphen just before white space and the rule (`pre- ---`) stays with the word."""
    kept = text.rstrip("- \t\r\n")
    rule = text[len(kept):]
    if rule.count("-") < 3:
        return -1
    if kept and kept[-1].isalnum() and rule[0] == "-" and rule[1:2].isspace():
        return len(kept) + 1
    return len(kept)


def _without_heading(text: str) -> str:
    """A paragraph's stretch of the body without the section heading that ends it, before the next paragraph's
    number (the heading belongs to what follows; the body keeps it): a rule of dashes, with the heading's line
    above it and maybe another rule above that (`End summary.\n\n-------\nCOMMENT\n-------\n\n`); in the
    flattened dumps all on one line, two spaces standing for a line break (`End summary.  ------- COMMENT -------`).
    A line that ends a sentence (`End Summary.`; but `DIRK WHO?` is a heading) or runs over 100 characters is no
    heading: then only the rule goes. A lone `-` after white space, which parts the paragraphs of older cables,
    goes too."""
    if not text.endswith("-"):
        return text
    end = _rule_start(text)
    if end < 0:
        return text[:-1] if text[-2:-1].isspace() else text
    kept = text[:end]
    window = kept[-200:]
    cut = window.rfind("\n") if "\n" in window else window.rfind("  ")
    heading = window[cut:].strip() if cut >= 0 else ""
    if not heading or len(heading) > 100 or heading[-1] in ".!;:,)\"'":
        return kept
    before = kept[:len(kept) - len(window) + cut].rstrip()
    above = _rule_start(before)
    return before[:above] if above >= 0 else before


# A label in capitals with a colon that ends a mixed-case paragraph's text after the end of a sentence and opens the
# next part: `End Summary. POTENTIAL COOPERATION:`
_TRAILING_LABEL = re.compile(r"(?<=[.!?\"')])\s+[A-Z][A-Z0-9/ ,'&-]{0,60}[A-Z]:$")


def _without_open_heading(text: str) -> str:
    """A paragraph text (white space folded) without the heading of the next part that ends it with no rule after
    it: a line of at most 100 characters after a rule of dashes that ends no sentence (`End summary.----------
    Background`; `------- PAKISTAN:`, the first half of a two-part heading whose second half _without_heading()
    took; see below for what is no heading), or in mixed case a label in capitals with a colon after the end of a
    sentence (_TRAILING_LABEL). In a text in capitals nothing tells such a label from a sentence (`THE CRITICISMS
    DIRECTED AT BAZARGAN INCLUDED:`), so it stays."""
    at = text.rfind("---", len(text) - 110)
    if at >= 0:
        heading = text[at:].lstrip("- ")
        # (a heading opens with a letter or digit and has words, small letters or a colon: not `*Source: SEDENA`
        # under a table, a redaction `XXXXXXXXXXXX` or a signer's name `AGUIRRE`)
        if heading and heading[0].isalnum() and heading[-1] not in ".!;,)\"'" and (
                " " in heading or heading[-1] == ":" or not heading.isupper()):
            kept = text[:at + 3]
            return kept[:_rule_start(kept)].rstrip()
    if text.endswith(":") and not text.isupper():
        label = _TRAILING_LABEL.search(text, max(0, len(text) - 80))
        if label is not None:
            return text[:label.start()]
    return text


def paragraphs(body: str, starts: list[tuple[int, int, int, str | None]] | None = None) -> list[dict]:
    """Numbered paragraphs with their marking: '1. (C) text' to {'number': 1, 'classification': 'C', 'text': ...}."""
    kept = paragraph_starts(body) if starts is None else starts
    out: list[dict] = []
    for i, (num, _, text_start, mark) in enumerate(kept):
        end = kept[i + 1][1] if i + 1 < len(kept) else len(body)
        text = body[text_start:end].rstrip()
        if text.endswith("\u00b6"):  # the sign of the next paragraph ('¶2.'), not this one's text
            text = text[:-1].rstrip()
        text = _without_open_heading(" ".join(_without_heading(text).split()))
        out.append({"number": num, "classification": mark, "text": text})
    return out


def summary(body: str, head_end: int = 0) -> str | None:
    """The text between SUMMARY and END SUMMARY (or the paragraph that starts with 'Summary'), whitespace folded."""
    window = body[head_end: head_end + 8000]
    if "ummary" not in window and "UMMARY" not in window:
        return None
    end = _SUMMARY_END.search(window)
    if end:
        starts = [m for m in _SUMMARY_START.finditer(window, 0, end.start())
                  if not window[max(0, m.start() - 8): m.start()].lower().rstrip().endswith(("end", "of"))]
        if not starts:
            return None
        text = window[starts[0].end(): end.start()]
    else:
        start = _SUMMARY_START.search(window, 0, 3000)
        if not start:
            return None
        rest = window[start.end(): start.end() + 4000]
        stop = _SUMMARY_STOP.search(rest)
        text = rest[: stop.start()] if stop else rest
    text = " ".join(_MARKERS.sub(" ", text).split()).strip(" .-:")
    return text or None


def _strip_tail(text: str) -> str:
    """Drop what follows the signature: whitespace, quotes, NNNN, BT, the classification repeated."""
    while True:
        text = text.rstrip(" \t\n\"'>=#")
        if len(text) > 1 and text[-1] == "." and text[-2].isupper() and _SIGNED_WITH_DOT.search(text[-120:]):
            text = text[:-1]  # 'MCNAMARA.' alone after a blank line, not a wrapped sentence's last word
        if text.endswith((" .", " JR", " SR", " Jr", " Jr.")):
            text = text[: text.rfind(" ")]
            continue
        window = text[-90:]
        if not window or (window[-1] not in _TAIL_LAST and "NOTE BY OC/T" not in window):
            return text  # no tail word ends with this letter: skip the regex (this runs on every cable)
        word = _TAIL_WORD.search(window)
        if not word:
            return text
        text = text[: len(text) - len(window) + word.start()]


def signer(body: str) -> str | None:
    """The surname that signs the cable, at its end ('CROCKER'), ignoring trailing classification and NNNN."""
    tail = body[-400:]
    if "Declassified/Released" in tail:
        tail = _RELEASE_NOTE.sub("", tail)
    if "Visit" in tail:
        tail = _FOOTER.sub("\n", tail)
    tail = _strip_tail(tail)
    match = _SIGNER.search(tail[-60:])
    if not match:
        return None
    name = (match["upper"] or match["title"]).upper()
    if name in _NOT_SIGNERS or set(name) == {"X"}:
        return None
    return name
