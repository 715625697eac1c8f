"""The people a cable's text names: the Mention and Person records, the name patterns built from the title and role
lexicon (people_data/lexicon.json), the stopwords and the cleaning of a candidate name.

The finders: names after a title are converters.titled, untitled full names converters.untitled, the frame of the
cable (TAGS, routing lines, Classified By, signer) converters.frame_people; resolution is converters.resolve. No NLP
model. See docs/people.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from converters.caches import bounded_cache
from converters.people_tables import (
    initial_branches,
    iso_to_fips,
    lexicon,
    trie_regex,
)


@dataclass(slots=True)
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


@dataclass(slots=True)
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
SURNAME_PARTICLES = frozenset({"bin", "ibn", "bint", "al", "el", "de", "da", "van", "von", "der", "dos", "das", "du",
                               "le", "la", "ul", "abu", "del", "della", "di"})

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
    of_words = _alternation([*lex["modifiers"], *lex["demonyms"], "Affairs", "State", "Staff", "Joint Chiefs of Staff"])
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
@bounded_cache(50_000)
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
