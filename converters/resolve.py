"""Resolve the mentions of a cable into persons: one person per individual, the fullest name, role and country.

Also whom the role designations of the sending post stand for (`the Ambassador`; where they are is
converters.designations), role references (`the Foreign Minister`),
surname-only mentions, well-known office holders named by surname alone, and the links of converters.linking.
See docs/people.md.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from functools import cache
from operator import attrgetter

from converters import linking
from converters.caches import bounded_cache
from converters.designations import after_apostrophe, designation_matches
from converters.frame_people import classified_by_mention, routing_mentions, signer_mention, tag_mentions
from converters.leaders import foreign_common_word, in_proper_noun, leader_country, leaders_in
from converters.people import (
    SURNAME_PARTICLES,
    WORD_RE,
    Mention,
    Person,
)
from converters.people_tables import (
    forenames,
    lexicon,
    surname_key,
)
from converters.record import Cable
from converters.scan import Segment, scan
from converters.titled import titled_mentions
from converters.untitled import untitled_mentions

_PARTICLE = re.compile(r"^(?:al|el|ul|ud)[- ]")
_PLACE = attrgetter("paragraph", "start")  # a mention's place: (paragraph, start)
_PATRONYMIC = re.compile(r"\b(?:bin|ibn|bint)\b")
_INITIAL_DOT = re.compile(r"[A-Z]\.")

_SUFFIXES = {"Jr", "Sr", "II", "III", "IV", "JR", "SR"}


@cache
def _east() -> frozenset[str]:
    return frozenset(lexicon()["east_asian"])


@cache
def _east_family_names() -> frozenset[str]:
    return frozenset(lexicon()["east_asian_surnames"])


@cache
def _designation_labels() -> dict[str, str]:
    """Role designation labels by their phrase in lower case (the first of equal phrases wins)."""
    out: dict[str, str] = {}
    for phrase, label in lexicon()["role_designations"].items():
        out.setdefault(phrase.lower(), label)
    return out


def _compatible(a: str, b: str) -> bool:
    """True when two given-name parts can be the same person ('' fits all; 'R.' fits 'Ryan')."""
    if not a or not b:
        return True
    x, y = a.split()[0].rstrip(".").lower(), b.split()[0].rstrip(".").lower()
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


@bounded_cache(65536)
def _name_parts(name: str) -> tuple[str, str, str, str, bool, str]:
    """A mention's name as a person takes it: the name without `'s` and suffixes (`Jr`), its surname (with its
    particles: `bin Zayed`), the surname_key of its last word, the given names, whether it is one word, and the
    surname_key of the surname (the person's key in the index of _merge). Per name, once per process (bounded)."""
    tokens = name.split()
    if "s" in name and ("'" in name or "\u2019" in name):  # (else no token ends with `'s`)
        tokens = [t.removesuffix("'s").removesuffix("\u2019s") for t in tokens]
    while len(tokens) > 1 and tokens[-1].rstrip(".,") in _SUFFIXES:
        tokens.pop()
    tokens[-1] = tokens[-1].rstrip(",")  # "Timken, Jr." leaves "Timken,"
    cut = len(tokens) - 1
    while cut > 0 and tokens[cut - 1].lower() in SURNAME_PARTICLES:
        cut -= 1
    surname = " ".join(tokens[cut:])
    return " ".join(tokens), surname, surname_key(tokens[-1]), " ".join(tokens[:cut]), len(tokens) == 1, \
        surname_key(surname)


# the key of `index` (see _merge) that lists the persons who ever had an East Asian country (never a surname_key,
# which has letters only)
_EAST_KEY = " east"


def _merge(persons: list[Person], index: dict[str, list[int]], m: Mention) -> int:
    """Attach a named mention to the person it names (same surname, compatible given names) or add one.

    `index` lists the persons by the surname_key of their surname (in order; kept up to date here): the person
    taken is the last one that matches, as a scan of every person from the last would find. Under _EAST_KEY it
    lists the persons who ever had an East Asian country (kept by _merge and _add)."""
    m.name, surname, key, fore, single, surname_index = _name_parts(m.name)
    found = -1
    # the same surname with compatible given names (the persons of that surname key, from the last)
    same = index.get(key)
    if same:
        if not fore:  # ('' fits all)
            found = same[-1]
        else:
            for i in reversed(same):
                if _compatible(persons[i].forename, fore):
                    found = i
                    break
    # or a lone East Asian family name written first (any person after the one found above)
    east = _east()
    m_east = m.country in east
    # (when neither the mention nor any person is East Asian, the loop below finds nothing)
    if single and found < len(persons) - 1 and (m_east or _EAST_KEY in index):
        for i in range(len(persons) - 1, found, -1):
            p = persons[i]
            if (m_east or p.country in east) and surname_key(p.name.split()[0]) == key:
                found = i
                break
    if found >= 0:
        p = persons[found]
        if fore and len(fore) > len(p.forename):  # (an empty given name is never the longer)
            p.name = m.name
        if m.role and (not p.role or (m.kind == "titled" and p.extra.get("_role_kind") != "titled")):
            p.role, p.extra["_role_kind"] = m.role, m.kind
        if m.country and m.strength >= p.strength:
            p.country, p.strength = m.country, m.strength
            if m_east:
                index.setdefault(_EAST_KEY, []).append(found)
        p.mentions.append(m)
        m.person = found
        return found
    person = Person(m.name, surname, m.role, m.country, m.strength, [m], {"_role_kind": m.kind})
    return _add(persons, index, person, surname_index)


def _add(persons: list[Person], index: dict[str, list[int]], person: Person, key: str | None = None) -> int:
    """Append a person (and to the index by surname key: `key` when the caller has it); its position, set on its
    mentions."""
    persons.append(person)
    i = len(persons) - 1
    index.setdefault(surname_key(person.surname) if key is None else key, []).append(i)
    if person.country in _east():
        index.setdefault(_EAST_KEY, []).append(i)
    for m in person.mentions:
        m.person = i
    return i


@bounded_cache(65536)
def _surname_forms(name: str) -> tuple[bool, bool, tuple[str, ...], frozenset[str]]:
    """How a later mention can write a surname (or East Asian/patronymic given name) of a person: whether it is
    long enough to look for (a surname_key of three letters or more), whether it is patronymic (`bin Zayed`), the
    lower-case keys it is looked up by (the name, and without a leading `al-`/`el-`), and the spellings a
    capitalised word of mixed-case text can have (each key capitalised, in capitals and title case; the name with
    and without the particle). Per name, once per process (bounded: the names of the persons found)."""
    lower = name.lower()
    cased = {lower.capitalize(), lower.upper(), lower.title(), name}
    article = _PARTICLE.match(lower)  # (`_PARTICLE.sub("", lower)`: the pattern is anchored at the start)
    if article is None:
        variants: tuple[str, ...] = (lower,)
    else:
        bare = lower[article.end():]
        variants = (lower, bare)
        cased |= {bare.capitalize(), bare.upper(), bare.title(), _PARTICLE.sub("", name)}
    # (`_PARTICLE.sub("", name)` is the name itself when its lower case has no article: the pattern is in lower case)
    patronymic = ("bin" in name or "ibn" in name) and _PATRONYMIC.search(name) is not None
    return len(surname_key(name)) >= 3, patronymic, variants, frozenset(cased)


def _caps_words(text: str, lower: str, lookup: dict[str, list[int]]) -> list[tuple[int, str]] | None:
    """The words of an ASCII all-caps text (WORD_RE) whose lower case, without `'s`, is a key of `lookup`, with
    their offsets, in text order: `[(m.start(), m.group()) for m in WORD_RE.finditer(text) if ...]`, found from
    the places where a key occurs in `lower` (text.lower()) instead of reading every word. None when a key occurs
    right after an apostrophe (it may be inside a word like `O'BRIEN`): the caller then reads every word."""
    hits: set[int] = set()
    for key in lookup:
        if not key:
            continue
        i = lower.find(key)
        while i >= 0:
            hits.add(i)
            i = lower.find(key, i + 1)
    found = []
    for i in sorted(hits):
        before = text[i - 1] if i else " "
        if before.isalnum() or before in "_-":  # no word starts here (WORD_RE opens with `(?<![\w-])`)
            continue
        if before == "'":
            return None
        # no word of finditer covers i (a word is made of [\w'-] only), so finditer has a word starting here
        # exactly when WORD_RE matches here
        word = WORD_RE.match(text, i)
        if word and word.group().lower().removesuffix("'s") in lookup:
            found.append((i, word.group()))
    return found


def _surname_lookup(persons: list[Person]) -> tuple[dict[str, list[int]], set[str]]:
    """The names a later mention can use, by their lower-case keys, each with its persons in order (the surname
    and, for East Asian and patronymic names, the first given name), and the spellings of these names a
    capitalised word of mixed-case text can have (see _surname_forms)."""
    east = _east()
    keys: dict[str, list[int]] = {}
    forms_of: dict[str, tuple[bool, bool, tuple[str, ...], frozenset[str]]] = {}  # (_surname_forms of each key)
    for i, p in enumerate(persons):
        surname = p.surname
        forms = _surname_forms(surname)
        if forms[0]:  # (long enough)
            if surname in keys:
                keys[surname].append(i)
            else:
                keys[surname], forms_of[surname] = [i], forms
        if forms[1] or p.country in east:  # (patronymic or East Asian)
            fore = p.forename
            if fore:
                first = fore.split()[0]
                if first != surname:
                    forms = _surname_forms(first)
                    if forms[0]:
                        if first in keys:
                            keys[first].append(i)
                        else:
                            keys[first], forms_of[first] = [i], forms
    lookup: dict[str, list[int]] = {}
    cased: set[str] = set()
    for k, ids in keys.items():
        _, _, variants, forms = forms_of[k]
        cased |= forms
        for variant in variants:
            have = lookup.get(variant)
            if have is None:
                lookup[variant] = ids[:]
            else:
                have.extend(i for i in ids if i not in have)
    return lookup, cased


def _caps_surname_words(text: str, lookup: dict[str, list[int]]) -> list[tuple[int, str]]:
    """The words of an all-caps text (WORD_RE) whose lower case, without `'s`, is a key of `lookup`, with their
    offsets, in text order."""
    lower = text.lower()
    # an ASCII key can be the lower case of a word only if it occurs in the lower-cased text
    if all(k.isascii() for k in lookup) and not any(k in lower for k in lookup):
        return []
    found = _caps_words(text, lower, lookup) if text.isascii() else None
    if found is None:
        found = [(m.start(), m.group(0)) for m in WORD_RE.finditer(text)]
        found = [(start, w) for start, w in found if w.lower().removesuffix("'s") in lookup]
    return found


def _surname_mentions(segs: list[Segment], persons: list[Person], mentions: list[Mention]) -> None:
    """Later mentions by surname alone ('Kasuri'), attached to the nearest preceding person of that surname."""
    lookup, cased = _surname_lookup(persons)
    if not lookup:
        return
    by_para: dict[int, list[tuple[int, int]]] | None = None
    # the places (paragraph, start) of the mentions of each person, sorted (built when first needed)
    places: dict[int, list[tuple[int, int]]] | None = None
    for seg in segs:
        para, caps = seg.number, seg.caps
        if caps:
            found = _caps_surname_words(seg.text, lookup)
        else:
            words = seg.capwords & cased
            if not words:
                continue
            found = seg.positions(next(iter(words))) if len(words) == 1 else seg.occurrences(words)
        if not found:
            continue
        if by_para is None:  # the spans of the mentions found before this step, sorted (built once)
            by_para = {}
            for m in mentions:
                if m.start >= 0:
                    by_para.setdefault(m.paragraph, []).append((m.start, m.end))
            for spans in by_para.values():
                spans.sort()
        # a word is inside a span found before when the largest end among the spans starting at or before it lies
        # beyond it (`any(s <= start < e for s, e in taken)`): the words come in text order, so one sweep
        taken = by_para.get(para, ())
        j, reach, count = 0, -1, len(taken)
        for start, word in found:
            if word[-2:] in ("'s", "\u2019s"):
                word = word[:-2]
            cands = lookup.get(word.lower())
            if not cands:  # (`or not caps and not word[0].isupper()`: a capitalised word starts with [A-Z])
                continue
            while j < count and taken[j][0] <= start:
                if taken[j][1] > reach:
                    reach = taken[j][1]
                j += 1
            if reach > start:
                continue
            target = cands[0]
            if len(cands) > 1:
                # the person of the last mention before this word: `max((m.paragraph, m.start, m.person) for m
                # in mentions if m.person in cands and (m.paragraph, m.start) < (para, start))`, from each
                # candidate's last place before this word (bisect in its sorted places)
                if places is None:
                    places = {}
                    for m in mentions:
                        places.setdefault(m.person, []).append((m.paragraph, m.start))
                    for spots in places.values():
                        spots.sort()
                here = (para, start)
                last = None
                for i in cands:
                    spots = places.get(i)
                    if spots:
                        k = bisect_left(spots, here)
                        if k and (last is None or (spots[k - 1], i) > last):
                            last = (spots[k - 1], i)
                if last is not None:
                    target = last[1]
            m = Mention(para, start, start + len(word), word, persons[target].name, "", "", 0, "surname", target)
            persons[target].mentions.append(m)
            mentions.append(m)
            if places is not None:
                insort(places.setdefault(target, []), (para, start))


_UNRESOLVED = {"Ambassador": "Ambassador", "Deputy Chief of Mission": "DCM", "Charge d'Affaires": "Charge",
               "Consul General": "Consul General", "Ambassador-designate": "Ambassador-designate"}
_ROLE_MODIFIERS = "Foreign|Prime|Interior|Defense|Finance|Deputy|Vice|Crown|Chief|Deputy Prime"
_ROLE_WORDS = ("Minister|President|King|Emir|Sultan|Premier|Chancellor|Governor|Chairman|Speaker|Senator|General"
               "|Sheikh|Prince|Director General|Director|Mayor|Foreign Secretary|Spokesman|Senator")
# `\b[Tt]he <role>`, the match starting at the `h` (the engine then looks for the literal `he`): a match covers
# text[match.start() - 1:match.end()]. The lookahead after `he` (white space, then a first letter of a modifier or
# role word) only states early what the rest requires: most `he` fail it at once, before the two lookbehinds and
# the alternatives are tried (the same matches as without it; bench/resolve.py --check).
_ROLE_REFERENCE = re.compile(
    rf"he(?=\s+[{''.join(sorted({w[0] for w in (_ROLE_MODIFIERS + '|' + _ROLE_WORDS).split('|')}))}])"
    r"(?<=[Tt]he)(?<!\w[Tt]he)\s+"
    rf"(?P<r>(?:(?:{_ROLE_MODIFIERS})\s+)?(?:{_ROLE_WORDS}))\b(?!\s+(?:of|for)\b)"
    r"(?!\s*[A-Z][a-z])(?!-)")


_ROLE_HEADS = ("minister", "president", "king", "emir", "sultan", "premier", "chancellor", "governor", "chairman",
               "speaker", "senator", "general", "sheikh", "prince", "director", "mayor", "secretary", "spokesman")


@bounded_cache(16384)
def _role_needles(role: str) -> frozenset[str]:
    """The role words (capitalised, as _ROLE_REFERENCE writes them) a role in lower case ends with: a reference
    to its holder ends with one of them. Per role, once per process (a bounded cache of the roles met)."""
    return frozenset(head.capitalize() for head in _ROLE_HEADS if role.endswith(head))


def _role_references(segs: list[Segment], persons: list[Person], mentions: list[Mention]) -> None:
    """`the Foreign Minister` after `Foreign Minister Kasuri`: a mention of the one person holding that role."""
    roles = [(i, p.role.lower()) for i, p in enumerate(persons) if p.role and not p.extra.get("_unresolved")]
    needles: frozenset[str] = frozenset().union(*(_role_needles(r) for _, r in roles))
    if not needles:
        return
    ends = tuple(needles)
    for seg in segs:
        if seg.caps:
            continue
        para, text = seg.number, seg.text
        # A reference ends with a role word preceded by white space and followed by no letter, digit or hyphen:
        # a capitalised word of the text (CAPWORD_RE), unless an apostrophe and letters follow it (`Minister'x`,
        # one capitalised word). The same segments as `any(n in text for n in needles)` gave a reference in.
        if needles.isdisjoint(seg.capwords) and not ("'" in text and after_apostrophe(text, ends)):
            continue
        for match in _ROLE_REFERENCE.finditer(text):
            phrase = match["r"].lower()
            holders = {i for i, role in roles if role.endswith(phrase)}
            if len(holders) != 1:
                continue
            i = holders.pop()
            start = match.start() - 1  # the `T` of `The`
            m = Mention(para, start, match.end(), text[start:match.end()], persons[i].name, persons[i].role,
                        kind="role", person=i)
            persons[i].mentions.append(m)
            mentions.append(m)


_FRAME_KINDS = ("classified_by", "signer")


def _designation_person(label: str, cable: Cable, persons: list[Person], index: dict[str, list[int]],
                        context: dict) -> int | None:
    """The person a role designation of the sending post stands for, added when the tables name them.

    `context["designated"]` keeps each label given so far with its person (a person's `_designation`: at most one
    person has a label at a time, since a label is given only when no person has it)."""
    designated = context.setdefault("designated", {})
    if label in designated:  # (`next(i for i, p in enumerate(persons) if p.extra.get("_designation") == label)`)
        return designated[label]
    found: int | None = None
    if label == "Ambassador":
        chief = context.get("chief")
        if chief and chief["role"].startswith("ambassador"):
            m = Mention(0, -1, -1, chief["name"], chief["name"], "Ambassador", "US", 2, "role")
            found = _merge(persons, index, m)
    elif label == "Secretary of State":
        sec = linking.secretary_of_state(cable.created)
        if sec:
            m = Mention(0, -1, -1, sec["name"], sec["name"], "Secretary of State", "US", 2, "role")
            found = _merge(persons, index, m)
    else:
        short = {"Deputy Chief of Mission": "DCM", "Charge d'Affaires": "Charge", "Consul General": "Consul"}[label]
        for i, p in enumerate(persons):
            # (the role test first: cheap, and it rarely passes; `{m.kind for m in p.mentions} & {"classified_by",
            # "signer"}` then)
            role = p.role
            if (short in role or label in role) and any(m.kind in _FRAME_KINDS for m in p.mentions):
                found = i
        chief = context.get("chief")
        if found is None and label == "Charge d'Affaires":
            for i, p in enumerate(persons):
                if any(m.kind == "signer" for m in p.mentions) and not (
                        chief and surname_key(chief["surname"]) == surname_key(p.surname)):
                    found = i
    if found is None and label == "Ambassador":
        titled = [i for i, p in enumerate(persons) if p.role == "Ambassador" and p.country == "US"]
        found = titled[0] if len(titled) == 1 else None
    if found is None and label in _UNRESOLVED and linking.host_country(cable.station) not in ("", "US"):
        word = _UNRESOLVED[label]
        extra = {"_role_kind": "role", "_unresolved": True}
        found = _add(persons, index, Person(word, word, label, "US", 1, [], extra))
    if found is not None:
        designated.pop(persons[found].extra.get("_designation"), None)  # (the person's label before, now lost)
        persons[found].extra["_designation"] = label
        designated[label] = found
        if not persons[found].role:
            persons[found].role = label
    return found


_AFTER_NAME = re.compile(r"[A-Z][\w.'-]*\s+$")  # a bare role word right after a capitalised word ...
_AFTER_STOP = re.compile(r"[.:;]\s+\S+\s+$")  # ... that is not the first word of a sentence


def _designations(segs: list[Segment], cable: Cable, persons: list[Person], mentions: list[Mention],
                  index: dict[str, list[int]], context: dict) -> None:
    labels = _designation_labels()
    for seg in segs:
        para, text, caps = seg.number, seg.text, seg.caps
        for match in designation_matches(seg):
            phrase = " ".join(match["d"].split())
            if not phrase.lower().startswith("the "):
                before = text[max(0, match.start() - 30):match.start()]
                if caps or _AFTER_NAME.search(before) and not _AFTER_STOP.search(before):
                    continue
            key = phrase if phrase.lower().startswith("the ") else "the " + phrase
            label = labels.get(key.lower())
            if label is None:
                continue
            i = _designation_person(label, cable, persons, index, context)
            if i is None:
                continue
            m = Mention(para, match.start(), match.end(), phrase, persons[i].name, label, kind="role", person=i)
            persons[i].mentions.append(m)
            mentions.append(m)


def _leader_mentions(segs: list[Segment], cable: Cable, persons: list[Person], mentions: list[Mention],
                     index: dict[str, list[int]]) -> None:
    """Office holders the cable names by surname alone (`Khamenei`, `Bush`): a capitalised word that is the
    surname of a head of state or government or foreign minister in office within six years of the cable,
    never used in lower case in the same text, not a stopword, not inside a proper noun (`White House`), and not an
    ordinary English word unless the office holder is of the host country or the US (leaders.foreign_common_word)."""
    year = linking.year_of(cable.created)
    if year is None:
        return
    host = linking.host_country(cable.station)
    qualified = leaders_in(year)  # (the words that can qualify in this year, whatever the text around them)
    known: set[str] | None = None
    by_para: dict[int, list[tuple[int, int]]] | None = None
    for seg in segs:
        if seg.caps:
            continue
        # the words that can qualify whatever the text around them, then their occurrences in text order
        words = seg.capwords & qualified
        if not words:
            continue
        if known is None:  # the surname keys of the persons (`{surname_key(p.surname) for p in persons}`: the keys
            known = set(index)  # of the index, which has every person, plus _EAST_KEY, no surname_key)
        para, text = seg.number, seg.text
        for start, word in seg.occurrences(words):
            if surname_key(word) in known or f" {word.lower()} " in text or in_proper_noun(text, start, word):
                continue
            if by_para is None:  # the spans of the mentions found before this step (built once, when first needed)
                by_para = {}
                for m in mentions:
                    by_para.setdefault(m.paragraph, []).append((m.start, m.end))
            if any(s <= start < e for s, e in by_para.get(para, ())):
                continue
            country = leader_country(word, year)
            if foreign_common_word(word, country, host):
                continue
            m = Mention(para, start, start + len(word), word, word, "", country, 1, "leader")
            _merge(persons, index, m)
            mentions.append(m)
            known.add(surname_key(word))


def find_persons(cable: Cable, segs: list[Segment] | None = None) -> tuple[list[Person], list[Mention]]:
    """Every person of a cable, resolved within it, with every mention (spans by paragraph); `segs` are the
    cable's scanned segments (converters.scan), made here when not given."""
    segs = scan(cable) if segs is None else segs
    host = linking.host_country(cable.station)
    mentions: list[Mention] = []
    for seg in segs:
        mentions += titled_mentions(seg.number, seg.text, seg.caps)
    if host and host != "US":
        for m in mentions:
            if not m.country and m.role and m.strength == 0 and m.kind == "titled":
                m.country = host
    special = [m for m in (classified_by_mention(cable), signer_mention(cable)) if m]
    special += tag_mentions(cable) + routing_mentions(cable)
    known = {m.name.split()[-1] for m in mentions + special}
    known |= {k.upper() for k in known}
    spans: dict[int, list[tuple[int, int]]] = {}
    for m in mentions:
        spans.setdefault(m.paragraph, []).append((m.start, m.end))
    for seg in segs:
        if not seg.caps:
            mentions += untitled_mentions(seg, known, spans.get(seg.number, []))
    mentions.sort(key=_PLACE)
    persons: list[Person] = []
    index: dict[str, list[int]] = {}
    mentions = special + mentions
    for m in mentions:
        _merge(persons, index, m)
    context = {"chief": linking.chief_of_mission(cable.station, cable.created)}
    _designations(segs, cable, persons, mentions, index, context)
    _surname_mentions(segs, persons, mentions)
    _leader_mentions(segs, cable, persons, mentions, index)
    _role_references(segs, persons, mentions)
    east = _east()
    family = _east_family_names()
    given = forenames()
    for p in persons:
        parts = p.name.split()
        # (the country and name-table tests first: they are cheap and rarely pass)
        if (p.country in east or (len(parts) == 2 and parts[0] in family and parts[1] not in given)) and \
                p.forename and not _INITIAL_DOT.search(p.name):
            p.surname = parts[0]
    linking.link_persons(persons, cable, context["chief"])
    return persons, mentions


# the keys of Person.extra that only resolution uses (all start with `_`; _link drops them)
