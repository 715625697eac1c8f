"""Find the people a cable names and resolve their mentions within the cable.

Rule-based and fast: a title and role lexicon (people_data/lexicon.json), regular expressions for names
after titles, given names for untitled full names, person TAGS, the Classified By line, the signer and the
role designations of the sending post (`the Ambassador`). No NLP model. See docs/people.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from converters import linking
from converters.people_tables import forenames, lexicon, surname_key
from converters.record import Cable


@dataclass
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


@dataclass
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
        out = {"name": self.name, "surname": self.surname, "role": self.role or None,
               "country": self.country or None, "mentions": sorted({m.text for m in self.mentions})}
        out.update(self.extra)
        return out


# ---------------------------------------------------------------- patterns built once from the lexicon

_TOKEN = (r"(?:(?:al|el|bin|ibn|bint|abu|abd|de|da|del|della|van|von|der|le|la|du|dos|das|ul|ud|Al|El|Abu|Abd|Bin|Ibn"
          r"|Van|Von|De|Da|Le|La|Du)[- ])?[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]*[a-z\u00df-\u00ff]"
          r"(?:['\u2019][A-Z][a-z]+|[A-Z][a-z]+)?(?:-[A-Z][a-z]+)*")
_NAME = rf"(?:[A-Z]\.\s*)?{_TOKEN}(?:\s+(?:[A-Z]\.|{_TOKEN})){{0,3}}"
_CAPS_TOKEN = r"(?:(?:AL|EL|BIN|IBN|ABU|ABD|DE|VAN|VON|UL)[- ])?[A-Z][A-Z'\-]*[A-Z]"
_CAPS_NAME = rf"(?:[A-Z]\.\s*)?{_CAPS_TOKEN}(?:\s+(?:[A-Z]\.|{_CAPS_TOKEN})){{0,2}}"
_FUNCTION_CAPS = {"IS", "WAS", "WERE", "HAD", "HAS", "HAVE", "WILL", "WOULD", "COULD", "SHOULD", "MAY", "AND", "OF",
                  "THE", "TO", "THAT", "WHO", "IN", "ON", "AT", "FOR", "WITH", "AS", "ALSO", "BUT", "OR", "NOT",
                  "BY", "FROM", "DURING", "AFTER", "BEFORE", "THIS", "HIS", "HER", "ITS", "THEIR", "AN", "A", "IF",
                  "SAID", "TOLD", "AGAIN", "THEN", "STILL", "HIMSELF", "WHICH", "WHEN", "WHILE", "AMB", "GOP",
                  "REF", "PARA", "SUBJECT", "TAGS", "EO", "DECL", "SECSTATE", "WASHDC", "CONFIDENTIAL", "SECRET",
                  "UNCLASSIFIED", "UNCLAS", "SIPDIS", "NOFORN", "SUMMARY", "COMMENT", "END", "NOTE"}


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern]:
    lex = lexicon()
    heads = _alternation(lex["titles"])
    mods = _alternation(lex["modifiers"])
    dems = _alternation(lex["demonyms"])
    of_words = _alternation([*lex["modifiers"], *lex["demonyms"], "Affairs", "State", "Staff"])
    role = (rf"(?:(?P<dem>{dems})\s+)?(?P<mods>(?:(?:{mods}|[A-Z]{{2,5}})\s+){{0,3}})(?P<head>{heads})"
            rf"(?:\s+(?:of|for)\s+(?:the\s+)?(?P<of>(?:{of_words})(?:\s+(?:and\s+)?(?:{of_words})){{0,3}}))?"
            r"(?:\s+a\.i\.)?")
    titled = re.compile(rf"(?<![\w/.-])(?=[A-Z]){role}\s+(?P<name>{_NAME})")
    titled_caps = re.compile(rf"(?<![\w/.-])(?=[A-Za-z])(?i:{role})\s+(?P<name>{_CAPS_NAME})")
    designation_caps = re.compile(
        r"(?<![\w-])(?P<d>" + _alternation(lex["role_designations"]) + r")(?!\s+(?:of|to|for|in|at)\b)(?![\w'-])",
        re.IGNORECASE)
    designation = re.compile(
        r"(?<![\w-])(?P<d>" + _alternation(lex["role_designations"]).replace("the", "[Tt]he")
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


_WORD = re.compile(r"(?<![\w-])[A-Za-z\u00c0-\u00ff][\w'\u2019-]*(?<![-'])")
_PARTICLE = re.compile(r"^(?:al|el|ul|ud)[- ]")
_CAPWORD = re.compile(r"\b[A-Z][A-Za-z'-]*")
_INITIAL = re.compile(r"[A-Z]\.?")
_NONSPACE = re.compile(r"\S+")


_DROP_LOWER = str.maketrans("", "", "abcdefghijklmnopqrstuvwxyz")
_DROP_UPPER = str.maketrans("", "", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")


@lru_cache(maxsize=1024)
def is_caps(text: str) -> bool:
    """True when a text is (nearly) all upper case, as in older cables."""
    sample = text[:2000]
    lower = len(sample) - len(sample.translate(_DROP_LOWER))
    upper = len(sample) - len(sample.translate(_DROP_UPPER))
    return upper > 0 and lower < 0.05 * (lower + upper)


def clean_name(name: str, caps: bool = False) -> str:
    """Cut a candidate name at its first word that cannot be part of a name; '' when nothing is left."""
    stop = _stop()
    kept: list[str] = []
    for token in name.split():
        bare = token.rstrip(".,")
        if caps and (bare in _FUNCTION_CAPS or bare.title() in stop):
            break
        if not caps and (bare in stop or bare.lower() in lexicon()["verbs"]):
            break
        kept.append(token)
    while kept and _INITIAL.fullmatch(kept[-1]):
        kept.pop()
    text = " ".join(kept)
    if caps:
        text = " ".join(w if re.fullmatch(r"[A-Z]\.", w) else w.title() for w in text.split())
    return text


def segments(cable: Cable) -> list[tuple[int, str]]:
    """The texts to search, by paragraph number: 0 for what comes before paragraph 1 (or the whole body)."""
    paras = [(p["number"], p["text"]) for p in cable.paragraphs]
    body = cable.body or ""
    if not paras:
        return [(0, " ".join(body.split()))]
    first = paras[0][1][:60]
    cut = body.find(first[:40]) if first else -1
    preamble = body[: cut if cut > 0 else min(len(body), 3000)]
    start = re.search(r"\b(?:E\.\s?O\.|TAGS?:|SUBJ(?:ECT)?:|Subject:|Classified\s+By)", preamble, re.IGNORECASE)
    preamble = " ".join(preamble[start.start() if start else 0:].split())
    return [(0, preamble), *paras]


def _role_label(match: re.Match) -> tuple[str, str]:
    """The role text and the country a titled match implies ('' when none)."""
    lex = lexicon()
    head = " ".join(match["head"].split())
    label, implied = lex["titles"].get(head, lex["titles"].get(head.rstrip("."), ["", ""]))
    mods = " ".join(match["mods"].split())
    if mods or match["of"]:
        label = " ".join(x for x in (mods, head if len(head) > 3 else label) if x)
        implied = "" if re.search(r"\b[A-Z]{2,5}\b", mods) and implied == "US" else implied
    if match["of"]:
        label = f"{label} of {' '.join(match['of'].split())}"
    dem = match["dem"]
    country = lex["demonyms"].get(" ".join(dem.split()), "") if dem else ""
    return label, country or implied


@cache
def _title_starts() -> frozenset[str]:
    lex = lexicon()
    words = [*lex["titles"], *lex["modifiers"], *lex["demonyms"]]
    return frozenset(w.split()[0] for w in words)


@lru_cache(maxsize=256)
def capwords(text: str) -> list[tuple[int, str]]:
    """Capitalised words of a text with their offsets (cached: the finders share them)."""
    return [(m.start(), m.group(0)) for m in _CAPWORD.finditer(text)]


@cache
def _head_pattern() -> re.Pattern:
    """The last word of every title ('Minister', 'A/S', 'Mr.'): where a titled name can end its role."""
    ends = {t.split()[-1] for t in lexicon()["titles"]}
    alternation = "|".join(re.escape(e) for e in sorted(ends, key=len, reverse=True))
    return re.compile(rf"(?=[A-Z])(?<![\w/])(?:{alternation})(?![\w/])")


@cache
def _title_starts_upper() -> frozenset[str]:
    return frozenset(w.upper() for w in _title_starts())


def _titled_matches(pattern: re.Pattern, text: str, caps: bool):
    """The titled pattern tried only where a capitalised word can start a role."""
    starts = _title_starts_upper() if caps else _title_starts()
    if caps:
        pos = 0
        for start, w in capwords(text):
            if start >= pos and (w in starts or ("/" in w and w.split("/")[0] + "/" in starts)):
                match = pattern.match(text, start)
                if match:
                    pos = match.end()
                    yield match
        return
    pos = 0
    for head in _head_pattern().finditer(text):
        if head.start() < pos:
            continue
        lo = max(pos, head.start() - 90)
        words = [(m.start(), m.group(0)) for m in _CAPWORD.finditer(text, lo, head.end())]
        for start, w in words[-6:]:
            if start < pos:
                continue
            if w in starts or (len(w) <= 5 and w.isupper()):
                match = pattern.match(text, start)
                if match and match.end() > head.end():
                    pos = match.end()
                    yield match
                    break


def titled_mentions(paragraph: int, text: str, caps: bool) -> list[Mention]:
    """Names after a title or role: 'Pakistani Foreign Minister Kasuri', 'A/S Boucher', 'PM Gilani'."""
    out: list[Mention] = []
    pattern = _patterns()["titled_caps" if caps else "titled"]
    for match in _titled_matches(pattern, text, caps):
        name = clean_name(match["name"], caps)
        if not name or (caps and len(name) < 3):
            continue
        role, country = _role_label(match)
        strength = 3 if match["dem"] else (2 if country else 0)
        tokens = list(_NONSPACE.finditer(match["name"]))
        end = match.start("name") + tokens[min(len(name.split()), len(tokens)) - 1].end()
        out.append(Mention(paragraph, match.start(), end, text[match.start():end], name, role, country, strength,
                           "titled"))
    return out


def untitled_mentions(paragraph: int, text: str, known: set[str], taken: list[tuple[int, int]]) -> list[Mention]:
    """Full names without a title: a known given name first ('Adel al-Jubeir'), or a surname already seen."""
    out: list[Mention] = []
    given = forenames()
    stop = _stop()
    words = capwords(text)
    full = _patterns()["full"]
    pos = 0
    for i, (start, w) in enumerate(words):
        if start < pos:
            continue
        if w not in given and (w in stop or i + 1 == len(words) or words[i + 1][1].removesuffix("'s") not in known):
            continue
        match = full.match(text, start)
        if match is None:
            continue
        pos = match.end()
        if any(s <= match.start() < e or s < match.end() <= e for s, e in taken):
            continue
        raw = match["name"]
        skip = 0
        for token in raw.split():
            if token.rstrip(".,") not in stop:
                break
            skip += 1
        lead = re.match(rf"(?:\S+\s+){{{skip}}}", raw)
        offset = lead.end() if lead else 0
        name = clean_name(raw[offset:])
        parts = name.split()
        if len(parts) < 2 or parts[0] in stop:
            continue
        if parts[0] in given or (parts[-1] in known and len(parts) <= 3):
            start = match.start() + offset
            out.append(Mention(paragraph, start, start + len(name), name, name, kind="name"))
    return out


def _tag_mentions(cable: Cable) -> list[Mention]:
    """Persons in TAGS: 'OVIP (RICE, CONDOLEEZZA)', 'CLINTON, HILLARY' or 'OVIP BIDEN JOSEPH'."""
    match = re.search(r"\bTAGS?\s*:\s*(.{0,300}?)(?=\s*SUBJ|\n\s*\n|$)", cable.body[:6000], re.DOTALL)
    if not match:
        return []
    out = []
    given = forenames()
    tokens = list(re.finditer(r"\(?[A-Z][A-Za-z'-]+\)?", match.group(1)))
    for first_tok, second_tok in zip(tokens, tokens[1:], strict=False):
        surname, first = first_tok.group(0).strip("()"), second_tok.group(0).strip("()")
        between = match.group(1)[first_tok.end():second_tok.start()]
        bracketed = first_tok.group(0).startswith("(") and second_tok.group(0).endswith(")")
        if len(surname) < 3 or len(first) < 3 or not re.fullmatch(r"[\s,]*", between):
            continue
        if bracketed or (first.title() in given and len(surname) >= 4 and surname.isupper()):
            name = f"{first.title()} {surname.title()}"
            text = f"{surname}, {first}" if "," in between else f"{surname} {first}"
            out.append(Mention(0, -1, -1, text, name, "", "", 0, "tags"))
    return out


def classified_by_mention(cable: Cable, preamble: str) -> Mention | None:
    """The official of the Classified By line, from the record or the text ('Ambassador Ryan C. Crocker')."""
    given = cable.classified_by
    if given is not None and given.name:
        return Mention(0, -1, -1, given.name, given.name, given.title or "", "US", 2, "classified_by")
    match = re.search(r"Classified\s+By\s*:?\s*(?P<what>.{3,120}?)(?=\s*(?:[,;]|\bfor\s+reasons?\b|\breasons?\b"
                      r"|\bE\.\s?O\.|\b1\.[45]\b|$))", preamble, re.IGNORECASE)
    if not match:
        return None
    what = re.sub(r"^(?:A/|Acting\s+)", "", match["what"].strip())
    what = re.sub(r"^A/(?=[A-Z])", "", what)
    caps = is_caps(what)
    found = titled_mentions(0, what, caps)
    if found:
        m = found[0]
        return Mention(0, -1, -1, what, m.name, m.role, m.country or "US", 2, "classified_by")
    name = clean_name(what, caps)
    if 2 <= len(name.split()) <= 4:
        return Mention(0, -1, -1, what, name, "", "US", 1, "classified_by")
    return None


def signer_mention(cable: Cable) -> Mention | None:
    """The signer, its surname expanded to a full name by the signers table or the chief of mission."""
    if not cable.signer or len(cable.signer) < 3:
        return None
    full = linking.signer_full_name(cable.signer, cable.station, cable.created)
    name = full or cable.signer.title()
    return Mention(0, -1, -1, cable.signer, name, "", "US", 1, "signer")


# ---------------------------------------------------------------- resolution within the cable

def _compatible(a: str, b: str) -> bool:
    """True when two given-name parts can be the same person ('' fits all; 'R.' fits 'Ryan')."""
    if not a or not b:
        return True
    x, y = a.split()[0].rstrip(".").lower(), b.split()[0].rstrip(".").lower()
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


def _merge(persons: list[Person], m: Mention) -> int:
    """Attach a named mention to the person it names (same surname, compatible given names) or add one."""
    tokens = m.name.split()
    key, fore = surname_key(tokens[-1]), " ".join(tokens[:-1])
    east = lexicon()["east_asian"]
    for i in range(len(persons) - 1, -1, -1):
        p = persons[i]
        family_first = len(tokens) == 1 and (p.country in east or m.country in east) and \
            surname_key(p.name.split()[0]) == key
        if family_first or (surname_key(p.surname) == key and _compatible(p.forename, fore)):
            if len(fore) > len(p.forename):
                p.name = m.name
            if m.role and (not p.role or (m.kind == "titled" and p.extra.get("_role_kind") != "titled")):
                p.role, p.extra["_role_kind"] = m.role, m.kind
            if m.country and m.strength >= p.strength:
                p.country, p.strength = m.country, m.strength
            p.mentions.append(m)
            m.person = i
            return i
    persons.append(Person(m.name, tokens[-1], m.role, m.country, m.strength, [m], {"_role_kind": m.kind}))
    m.person = len(persons) - 1
    return m.person


def _occurrences(text: str, words: set[str]) -> list[tuple[int, str]]:
    """Where each word occurs as a whole word (not inside a longer word or a hyphenated name)."""
    out = []
    for word in words:
        i = text.find(word)
        while i >= 0:
            before = text[i - 1] if i else " "
            after = text[i + len(word)] if i + len(word) < len(text) else " "
            if not (before.isalnum() or before == "-") and not (after.isalnum() or after == "-"):
                out.append((i, word))
            i = text.find(word, i + len(word))
    return sorted(out)


def _surname_mentions(segs: list[tuple[int, str]], persons: list[Person], mentions: list[Mention]) -> None:
    """Later mentions by surname alone ('Kasuri'), attached to the nearest preceding person of that surname."""
    east = set(lexicon()["east_asian"])
    keys: dict[str, list[int]] = {}
    for i, p in enumerate(persons):
        names = {p.surname}
        if p.country in east and p.forename:
            names.add(p.forename.split()[0])
        for n in names:
            if len(surname_key(n)) >= 3:
                keys.setdefault(n, []).append(i)
    if not keys:
        return
    lookup: dict[str, list[int]] = {}
    for k, ids in keys.items():
        for variant in {k.lower(), _PARTICLE.sub("", k.lower())}:
            lookup.setdefault(variant, []).extend(i for i in ids if i not in lookup.get(variant, []))
    by_para: dict[int, list[tuple[int, int]]] = {}
    for m in mentions:
        if m.start >= 0:
            by_para.setdefault(m.paragraph, []).append((m.start, m.end))
    for para, text in segs:
        caps = is_caps(text)
        taken = by_para.get(para, [])
        if caps:
            found = [(m.start(), m.group(0)) for m in _WORD.finditer(text)]
            found = [(start, w) for start, w in found if w.lower().removesuffix("'s") in lookup]
        else:
            found = _occurrences(text, {w.removesuffix("'s") for w in _CAPWORD.findall(text)
                                        if w.lower().removesuffix("'s") in lookup})
        for start, word in found:
            if word[-2:] in ("'s", "\u2019s"):
                word = word[:-2]
            cands = lookup.get(word.lower())
            if not cands or (not caps and not word[0].isupper()):
                continue
            if any(s <= start < e for s, e in taken):
                continue
            target = cands[0]
            if len(cands) > 1:
                before = [(m.paragraph, m.start, m.person) for m in mentions
                          if m.person in cands and (m.paragraph, m.start) < (para, start)]
                target = max(before)[2] if before else cands[0]
            m = Mention(para, start, start + len(word), word, persons[target].name, kind="surname",
                        person=target)
            persons[target].mentions.append(m)
            mentions.append(m)


def _designation_person(label: str, cable: Cable, persons: list[Person], context: dict) -> int | None:
    """The person a role designation of the sending post stands for, added when the tables name them."""
    for i, p in enumerate(persons):
        if p.extra.get("_designation") == label:
            return i
    found: int | None = None
    if label == "Ambassador":
        chief = context.get("chief")
        if chief and chief["role"].startswith("ambassador"):
            m = Mention(0, -1, -1, chief["name"], chief["name"], "Ambassador", "US", 2, "role")
            found = _merge(persons, m)
    elif label == "Secretary of State":
        sec = linking.secretary_of_state(cable.created)
        if sec:
            m = Mention(0, -1, -1, sec["name"], sec["name"], "Secretary of State", "US", 2, "role")
            found = _merge(persons, m)
    else:
        short = {"Deputy Chief of Mission": "DCM", "Charge d'Affaires": "Charge", "Consul General": "Consul"}[label]
        for i, p in enumerate(persons):
            kinds = {m.kind for m in p.mentions}
            if kinds & {"classified_by", "signer"} and (short in p.role or label in p.role):
                found = i
        chief = context.get("chief")
        if found is None and label == "Charge d'Affaires":
            for i, p in enumerate(persons):
                if any(m.kind == "signer" for m in p.mentions) and not (
                        chief and surname_key(chief["surname"]) == surname_key(p.surname)):
                    found = i
    if found is not None:
        persons[found].extra["_designation"] = label
        if not persons[found].role:
            persons[found].role = label
    return found


_DESIGNATION_HINTS = ("Ambassador", "AMBASSADOR", "DCM", "Charge", "CHARGE", "Secretary", "SECRETARY", "CDA", "Consul",
                      "CONSUL", "CG")


def _designations(segs, cable: Cable, persons: list[Person], mentions: list[Mention], context: dict) -> None:
    labels = lexicon()["role_designations"]
    for para, text in segs:
        if not any(hint in text for hint in _DESIGNATION_HINTS):
            continue
        caps = is_caps(text)
        pattern = _patterns()["designation_caps" if caps else "designation"]
        for match in pattern.finditer(text):
            phrase = " ".join(match["d"].split())
            label = next((v for k, v in labels.items() if k.lower() == phrase.lower()), None)
            if label is None:
                continue
            i = _designation_person(label, cable, persons, context)
            if i is None:
                continue
            m = Mention(para, match.start(), match.end(), phrase, persons[i].name, label, kind="role", person=i)
            persons[i].mentions.append(m)
            mentions.append(m)


def find_persons(cable: Cable) -> tuple[list[Person], list[Mention]]:
    """Every person of a cable, resolved within it, with every mention (spans by paragraph)."""
    segs = segments(cable)
    host = linking.host_country(cable.station)
    mentions: list[Mention] = []
    for para, text in segs:
        if "articipants" not in text and "ARTICIPANTS" not in text and "ttendees" not in text:
            mentions += titled_mentions(para, text, is_caps(text))
    for m in mentions:
        if not m.country and m.role and host and host != "US" and m.strength == 0 and m.kind == "titled":
            m.country = host
    special = [m for m in (classified_by_mention(cable, segs[0][1]), signer_mention(cable)) if m]
    special += _tag_mentions(cable)
    known = {m.name.split()[-1] for m in mentions + special}
    known |= {k.upper() for k in known}
    for para, text in segs:
        if not is_caps(text):
            taken = [(m.start, m.end) for m in mentions if m.paragraph == para]
            mentions += untitled_mentions(para, text, known, taken)
    mentions.sort(key=lambda m: (m.paragraph, m.start))
    persons: list[Person] = []
    for m in special + mentions:
        _merge(persons, m)
    mentions = special + mentions
    context = {"chief": linking.chief_of_mission(cable.station, cable.created)}
    _designations(segs, cable, persons, mentions, context)
    _surname_mentions(segs, persons, mentions)
    east = set(lexicon()["east_asian"])
    for p in persons:
        if p.country in east and p.forename and not re.search(r"[A-Z]\.", p.name):
            p.surname = p.name.split()[0]
    _link(persons, cable)
    return persons, mentions


def _link(persons: list[Person], cable: Cable) -> None:
    """Add the corpus-wide id and the POCOM and Wikidata links to each person (see converters.linking)."""
    for p in persons:
        forename = p.forename
        pocom = None
        if p.country in ("US", ""):
            pocom = linking.link_pocom(p.surname, forename, p.role, cable.station, cable.created)
            if pocom and not forename:
                p.name = pocom["name"]
        wikidata = linking.link_wikidata(p.surname, forename, p.role, p.country or ("US" if pocom else ""),
                                         cable.created)
        if wikidata is None and p.strength == 0 and p.country != "US" and not pocom:
            wikidata = linking.link_wikidata(p.surname, forename, p.role, "US", cable.created)
            if wikidata:
                p.country = "US"
        if wikidata is None and pocom:
            wikidata = linking.pocom_wikidata(pocom["pocom"], p.surname, cable.created)
        p.extra = {k: v for k, v in p.extra.items() if not k.startswith("_")}
        p.extra["id"] = linking.person_id(p.name, p.surname, p.country, cable.reference_id, wikidata, pocom)
        if pocom:
            p.extra["pocom"] = pocom
        if wikidata:
            p.extra["wikidata"] = wikidata
