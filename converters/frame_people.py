"""Persons the frame of a cable names: TAGS, routing lines, the Classified By line and the signer."""

from __future__ import annotations

import re

from converters import linking
from converters.people import FUNCTION_CAPS, Mention, clean_name
from converters.people_tables import english_words, forenames, leader_surnames, place_names, signers
from converters.record import Cable

# `\bTAGS?...`, the word boundary written as a lookbehind after `TAG`: the engine then looks for the literal `TAG`
_TAGS = re.compile(r"TAG(?<!\wTAG)S?\s*:\s*(.{0,300}?)(?=\s*SUBJ|\n\s*\n|$)", re.DOTALL)


_TAG_TOKEN = re.compile(r"\(?[A-Z][A-Za-z'-]+\)?")
_SEPARATOR = re.compile(r"[\s,]*")


def tag_mentions(cable: Cable) -> list[Mention]:
    """Persons in TAGS: 'OVIP (RICE, CONDOLEEZZA)', 'CLINTON, HILLARY' or 'OVIP BIDEN JOSEPH'."""
    match = _TAGS.search(cable.body, 0, 6000)  # (as searching cable.body[:6000])
    if not match:
        return []
    out = []
    given = forenames()
    tags = match.group(1)
    tokens = list(_TAG_TOKEN.finditer(tags))
    words = [t.group(0) for t in tokens]
    names = [w.strip("()") for w in words]
    for k in range(len(tokens) - 1):
        surname, first = names[k], names[k + 1]
        if len(surname) < 3 or len(first) < 3:
            continue
        # (the name tests before the separator test: cheaper, and they fail for most pairs of tags)
        bracketed = words[k].startswith("(") and words[k + 1].endswith(")")
        if not (bracketed or (first.title() in given and len(surname) >= 4 and surname.isupper())):
            continue
        between = tags[tokens[k].end():tokens[k + 1].start()]
        if not _SEPARATOR.fullmatch(between):
            continue
        name = f"{first.title()} {surname.title()}"
        text = f"{surname}, {first}" if "," in between else f"{surname} {first}"
        out.append(Mention(0, -1, -1, text, name, "", "", 0, "tags"))
    return out


# `\b[A-Z]{1,5}/...` spelled to open with a character set (as people.CAPWORD_RE): the same matches, found faster
_ROUTING_OFFICER = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]{0,4}/[A-Z]{1,6}(?:/[A-Z]{1,6})?\s+"
                              r"([A-Z])([A-Z]{3,}(?:-[A-Z]{2,})?)\b")


def _routing_matches(head: str):
    """`_ROUTING_OFFICER.finditer(head)`, tried only where a match can start: at the first letter of the run of
    one to five capitals before a slash (the start must follow no word character, so it opens the run). The same
    matches: the pattern matches nowhere else, and the candidates are tried in text order, each from the end of
    the previous match."""
    pos = 0
    find = head.find
    slash = find("/")
    while slash >= 0:
        start = slash
        while start > slash - 5 and start and "A" <= head[start - 1] <= "Z":
            start -= 1
        if start < slash and start >= pos:
            match = _ROUTING_OFFICER.match(head, start)
            if match:
                pos = match.end()
                yield match
        slash = find("/", max(slash + 1, pos))


def routing_mentions(cable: Cable) -> list[Mention]:
    """Action officers in routing lines: `PASS TO ISN/RA RMANGIELLO` -> Mangiello (the glued initial dropped)."""
    head = cable.body[:3000]
    if "/" not in head:
        return []
    out = []
    english = english_words()
    places = place_names()
    for match in _routing_matches(head):
        token = match.group(1) + match.group(2)
        title = token.title()
        if token in FUNCTION_CAPS or token.lower() in english or title in places or title in forenames():
            continue
        known = token in signers() or token.title() in leader_surnames() or linking.known_signer(token)
        surname = token if known else match.group(2)
        name = "Mc" + surname[2:].title() if surname.startswith("MC") else surname.title()
        out.append(Mention(0, -1, -1, token, name, "", "US", 0, "routing"))
    return out


def classified_by_mention(cable: Cable) -> Mention | None:
    """The official of the Classified By line as the parser read it ('Ambassador Ryan C. Crocker'); none when the
    line names no person ('Derived from DSCG 05-01', 'DOS Classification Guidelines')."""
    given = cable.classified_by
    if isinstance(given, dict):  # a record read back from JSON
        name, title = given.get("name"), given.get("title")
    else:
        name, title = getattr(given, "name", None), getattr(given, "title", None)
    if not name:
        return None
    return Mention(0, -1, -1, name, clean_name(name) or name, title or "", "US", 2, "classified_by")


_CAPS_WORD = re.compile(r"\b[A-Z][A-Z'-]{2,}\b")
_MIXED_SIGNER = re.compile(r"(?:^|\n|\s{2,})([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s*$")


def signer_mention(cable: Cable) -> Mention | None:
    """The signer, its surname expanded to a full name by the signers table or the chief of mission.

    A last word the signers table and the chiefs of mission do not know is not taken for a signer."""
    signer = cable.signer
    if not signer or not linking.known_signer(signer):
        tail = cable.body.rstrip()[-200:]
        mixed = _MIXED_SIGNER.search(tail)
        words = ([mixed.group(1)] if mixed else []) + _CAPS_WORD.findall(tail)[::-1][:6]
        signer = next((w for w in words if linking.known_signer(w, cable.station)), signer)
    if not signer or len(signer) < 3:
        return None
    full = linking.signer_full_name(signer, cable.station, cable.created)
    plain_word = signer.lower() in english_words() or signer.upper() in FUNCTION_CAPS
    if full is None and not linking.known_signer(signer, cable.station) and (signer != cable.signer or plain_word):
        return None
    name = full or signer.title()
    return Mention(0, -1, -1, signer, name, "", "US", 1, "signer")
