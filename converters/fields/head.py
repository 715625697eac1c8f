"""The head of the cable body: TAGS and SUBJECT, on multi-line and flattened text alike."""

from __future__ import annotations

import re

from converters.fields.common import CLASSIFIED_BY, tag_codes

# the keyword, its typos, with or without a colon; the letter before it is checked apart (a regex that starts with
# a look-behind cannot skip ahead, and this one runs on every cable)
_TAGS_KEY_RAW = re.compile(
    r"(?:(?:TAGS?|TAGE|TAS|TABS|TGS|AGS)\s*:|(?:TAGS|TAG|TAGE)(?=\s+[A-Z]{2,5}[\s,]))\s*", re.IGNORECASE)
_TAGS_STOP = re.compile(
    r"SUBJ(?:ECT)?\s*:|\bSUBJECT\b|REF(?:S|TELS?|ERENCES?)?\s*:|" + CLASSIFIED_BY
    + r"|\u00b6|\bE\.\s?O\.|\n[ \t]*\n|[ \t]{4,}"
    r"|\n\s*(?:\d{1,2}\.|\([A-Z/]{1,6}\))", re.IGNORECASE)
_CODELIKE = re.compile(r"^[A-Z0-9 ,/&.-]+$")
_COMMAS = re.compile(r"[,;]")
_GIVEN_NAME = re.compile(r"[A-Z]+(?: [A-Z]\.?)?")
_SUBJECT_KEY = re.compile(r"SUBJ(?:ECT\s*:\s*|ECT\s+(?=[A-Z])|\s*:\s*)", re.IGNORECASE)
_SUBJECT_STOP = re.compile(
    r"\n[ \t]*\n|(?<![\n \t])[ \t]{3,}|\u00b6|REF(?:S|TELS?|ERENCES?)?\s*[:.]|\bREFTEL\b|\bREF\s+[A-Z][.)]"
    r"|\bE\.\s?O\.\s*1\d{4}"
    r"|\n\s*(?:\d{1,2}\s*\.|\([A-Z/]{1,6}\)|REF\b|[A-Z]\.\s|SUMMARY\b)"
    r"|[ \t]{2}(?=\d{1,2}\.\s|\([A-Z]{1,3}\)|(?-i:[A-Z][a-z]))"
    r"|\s*\((?:U|C|S|SBU)\)\s*(?=Classified)|\bSENSITIVE\s+BUT\s+UNCLASSIFIED\b|" + CLASSIFIED_BY + r"\b",
    re.IGNORECASE)
_REGION = re.compile(r"^[XZ][A-Z]$")  # regional country tags (XF Middle East, ZP Palestinian territories, ...)
_MARKERS = {"SIPDIS", "NOFORN", "EXDIS", "NODIS", "LIMDIS", "SENSITIVE", "SUBJECT", "SUBJ"}
_SUBJECT_MARK = re.compile(r"^\((?:U|C|S|SBU|TS|S/NF|C/NF|S//NF|C//NF|SBU/NF|U//FOUO)\)\s*", re.IGNORECASE)
_PAREN = re.compile(r"\(([^()]{3,60})\)")


def _tags_key(text: str) -> re.Match | None:
    """The TAGS keyword, not inside a word (but 'N/ATAGS:' where a newline was lost after 'E.O. 12958: N/A')."""
    for match in _TAGS_KEY_RAW.finditer(text):
        at = match.start()
        if at == 0 or not text[at - 1].isalpha() or text[max(0, at - 3): at].upper() == "N/A":
            return match
    return None


def _tag_value(body: str) -> str | None:
    match = _tags_key(body[:6000])
    if not match:
        return None
    rest = body[match.end(): match.end() + 400]
    stop = _TAGS_STOP.search(rest)
    value = rest[: stop.start()] if stop else rest[:200]
    lines = value.split("\n")
    kept = [lines[0]]
    for line in lines[1:]:
        if kept[-1].rstrip().endswith(",") or _CODELIKE.match(line.strip().upper() or "-"):
            kept.append(line)
        else:
            break
    return " ".join(kept)


def _decompose(token: str, known: frozenset[str]) -> list[str] | None:
    """'PHUMPGOV', 'PHUMBA', 'VEPREL', 'SAQA' to known codes run together: four-letter codes, with a two-letter
    (country) code allowed only at either end; None when the token is not such a run."""
    if len(token) < 4 or token in known or not token.isalpha():
        return None
    if len(token) == 4:
        halves = token[:2], token[2:]
        return list(halves) if all(h in known or _REGION.match(h) for h in halves) else None
    lead = [token[:2]] if (token[:2] in known or _REGION.match(token[:2])) and token[2:6] in known else []
    rest = token[2:] if lead else token
    tail = [rest[-2:]] if len(rest) % 4 == 2 else []
    body = rest[: len(rest) - 2] if tail else rest
    if len(body) % 4 or (tail and not (tail[0] in known or _REGION.match(tail[0]))):
        return None
    pieces = [body[i: i + 4] for i in range(0, len(body), 4)]
    return [*lead, *pieces, *tail] if pieces and all(p in known for p in pieces) else None


def _is_word(token: str, known: frozenset[str]) -> bool:
    return token.isalpha() and token not in known and len(token) >= 3


def _split_spaced(text: str, known: frozenset[str]) -> list[str]:
    """Space-separated codes; runs of plain words (POLITICAL PARTIES) stay together."""
    out: list[str] = []
    run: list[str] = []
    tokens = [t.strip(" .;:") for t in text.split() if t.strip(" .;:")]
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if out and out[-1] == "OVIP" and not run and i < len(tokens) and all(
                _is_word(t, known) for t in tokens[i - 1: i + 1]):
            out.append(f"{token}, {tokens[i]}")  # OVIP CLINTON HILLARY: a visiting person
            i += 1
            continue
        if _is_word(token, known) and len(token) >= 5 and not _decompose(token, known):
            run.append(token)
            continue
        if run:
            out.append(" ".join(run))
            run = []
        out.extend(_decompose(token, known) or [token])
    if run:
        out.append(" ".join(run))
    return out


def tags(body: str) -> list[str]:
    """The TAGS: 'TAGS: PK, PREL, PGOV' to ['PK', 'PREL', 'PGOV']; commas or spaces, typos, person tags."""
    value = _tag_value(body)
    if not value:
        return []
    known = tag_codes()
    value = value.upper().replace("\u00a0", " ")
    items: list[str] = []
    stash: list[list[str]] = []

    def keep(paren: re.Match) -> str:
        """Set a parenthesised group aside (codes, or one person tag) and leave a placeholder item."""
        inner = paren.group(1)
        codes = [c.strip(" .") for c in re.split(r"[,\s]+", inner) if c.strip(" .")]
        if all(c in known or (len(c) <= 5 and c.isalpha()) for c in codes) and "," in inner:
            stash.append(codes)
        else:
            stash.append([" ".join(inner.split()).strip(" .")])  # a person tag: (STEINBERG, JAMES B.)
        return f",\x00{len(stash) - 1},"

    value = _PAREN.sub(keep, value)
    parts = [" ".join(p.split()) for p in _COMMAS.split(value)] if "," in value or ";" in value else [value]
    i = 0
    while i < len(parts):
        part = parts[i].strip(" .:")
        if part.startswith("\x00"):
            items.extend(stash[int(part[1:])])
            i += 1
            continue
        nxt = parts[i + 1].strip(" .:") if i + 1 < len(parts) else ""
        if " " not in part and _is_word(part, known) and len(part) >= 4 and nxt and not any(
                w in known for w in nxt.split()) and _GIVEN_NAME.fullmatch(nxt) and len(nxt) >= 5:
            items.append(f"{part}, {nxt}")  # a person tag: CLINTON, HILLARY
            i += 2
            continue
        if part:
            words = part.split()
            if len(words) > 1 and all(w in known or len(w) <= 4 for w in words):
                for word in words:
                    items.extend(_decompose(word, known) or [word])
            elif len(words) > 1 and "," in value and not any(w in known for w in words):
                items.append(part)  # a phrase tag in a comma list: GOI EXTERNAL, HUMAN RIGHTS
            elif len(words) > 1:
                items.extend(_split_spaced(part, known))
            else:
                items.extend((len(part) > 4 and _decompose(part, known)) or [part])
        i += 1
    out: list[str] = []
    for item in items:
        item = item.strip(" .;:()-")
        if item and item not in out and len(item) <= 40 and item not in _MARKERS and any(c.isalpha() for c in item):
            out.append(item)
    return out


def subject(body: str) -> str | None:
    """The SUBJECT line, its wrapped lines joined, whitespace folded."""
    head = body[:8000]
    tags_at = _tags_key(head)
    match = _SUBJECT_KEY.search(head, tags_at.start() if tags_at else 0) or _SUBJECT_KEY.search(head)
    if not match:
        return None
    rest = head[match.end(): match.end() + 600]
    stop = _SUBJECT_STOP.search(rest)
    text = " ".join((rest[: stop.start()] if stop else rest[:300]).split()).strip()
    text = _SUBJECT_MARK.sub("", text)
    return text or None
