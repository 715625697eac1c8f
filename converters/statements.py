"""Find attributed speech acts (who said what to whom) in a cable's paragraphs.

A statement is a reporting verb (people_data/lexicon.json: told, said, urged, according to, ...) whose subject is
a person mention: directly before the verb (`Kasuri told`, `, Muttaki said,`), the sentence subject of a
coordinated or participle clause (`..., but said`, `..., saying that`), a pronoun that continues the last
speaker (`He added`), or the object of `according to`. The addressee is a person mention right after the verb
(`told the Ambassador`) or after `to`. Rule-based; see docs/people.md.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from operator import attrgetter, itemgetter

from converters.caches import trim
from converters.people import Mention, Person
from converters.people_tables import lexicon
from converters.record import Cable
from converters.resolve import find_persons
from converters.scan import Segment, scan
from converters.verbs import Found, verb_sentences, verbs_and_participles, verbs_of_texts

_FILLER = re.compile(r"[\s,]*(?:(?:also|again|then|further|later|subsequently|separately|had|has|have"
                     r"|privately|publicly|repeatedly|flatly|firmly|strongly|clearly|explicitly|specifically|candidly"
                     r"|quickly|immediately|bluntly|frankly|emphatically|initially|finally|earlier|previously"
                     r"|reportedly|only|simply|never|however|himself|herself|personally|briefly|directly|in turn"
                     r"|in response|at one point|at the meeting|in the meeting|twice|once"
                     r"|on\s+\w+\s+\d{1,2}|(?:January|February|March|April|May|June|July|August|September|October"
                     r"|November|December)\s+\d{1,2}|\([^()]{0,80}\)|,\s*(?:the|a|an|who|which|his|her)\b[^,;]{0,90},)"
                     r"[\s,]*)*$",
                     re.IGNORECASE)
# the characters of `[\s,]`: a text of them alone is a _FILLER (`text.strip(_SPACE_OR_COMMA)` is empty)
_SPACE_OR_COMMA = "".join(c for c in map(chr, range(0x110000)) if c.isspace()) + ","


# What a text that _FILLER matches starts with (in small letters) after its leading `[\s,]`: one of its words or
# phrases, `on` or a month (a date), '(' or a word after which `,\s*(?:the|a|an|who|which|his|her)\b` (a clause
# between commas) can open. Longer words under a shorter one are left out (`a` holds `also`, `again`, `at ...`).
_FILLER_OPENERS = ("a", "the", "further", "later", "subsequently", "separately", "had", "has", "have", "privately",
                   "publicly", "repeatedly", "flatly", "firmly", "strongly", "clearly", "explicitly", "specifically",
                   "candidly", "quickly", "immediately", "bluntly", "frankly", "emphatically", "initially", "finally",
                   "earlier", "previously", "reportedly", "only", "simply", "never", "however", "himself", "her",
                   "personally", "briefly", "directly", "in", "twice", "once", "on", "january", "february", "march",
                   "april", "may", "june", "july", "august", "september", "october", "november", "december", "(",
                   "who", "which", "his")


def _filler(text: str, start: int, end: int) -> bool:
    r"""`_FILLER.match(text, start, end)` for a text[start:end] that is not all `[\s,]`, tried only when the text
    opens with what a _FILLER can open with (see _FILLER_OPENERS; a failed match can cost microseconds)."""
    head = text[start:end].lstrip(_SPACE_OR_COMMA)[:16]  # the openers have at most 12 characters
    if head.isascii() and not head.lower().startswith(_FILLER_OPENERS):
        return False  # IGNORECASE matches a few letters beyond ASCII to ASCII ones: those are left to the pattern
    return _FILLER.match(text, start, end) is not None


_COORD = re.compile(r"(?:,\s*|\s)(?:but|and|yet)\s+(?:(?!(?:the|a|an|he|she|they|it|his|her|their|we|i)\b)[a-z-]+\s+)"
                    r"{0,4}$")
_INTRO = re.compile(r"^\s*(?:\(?[A-Z]{1,4}\)\s*)?(?:(?:[A-Z][A-Za-z]*\b[^,.;]{0,60},\s*)?(?:the\s+|The\s+)?)$")
_PASSIVE = re.compile(r"\b(?:was|were|been|being|be|is|are|not|to|will|would|should|could|might|must|may|shall|can"
                      r"|cannot|never)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_PRONOUN = re.compile(r"(?:^|[\s,;(\"])(he|she|He|She|HE|SHE|I)\s+(?:also\s+|again\s+|then\s+|further\s+|later\s+)*$")
# What the text before a verb must end with (before its trailing spaces) for _PASSIVE or _PRONOUN to match there:
# cheap tests that spare most searches.
_PASSIVE_ENDS = ("was", "were", "been", "being", "be", "is", "are", "not", "to", "will", "would", "should", "could",
                 "might", "must", "may", "shall", "can", "never", "ly")
_PRONOUN_ENDS = ("he", "He", "HE", "I", "also", "again", "then", "further", "later")


def _passive(before: str) -> bool:
    """`_PASSIVE.search(before)`, searched only when the last word can be one of its words or an adverb in -ly."""
    word = before.rstrip()
    if len(word) == len(before):
        return False  # the pattern ends with spaces
    tail = word[-8:]
    if tail.isascii() and not tail.lower().endswith(_PASSIVE_ENDS):
        return False
    return _PASSIVE.search(before) is not None


def _pronoun(before: str) -> re.Match | None:
    """`_PRONOUN.search(before)`, searched only when the last word can be a pronoun or one of the adverbs after it."""
    word = before.rstrip()
    if len(word) == len(before) or not word.endswith(_PRONOUN_ENDS):
        return None
    return _PRONOUN.search(before)


_LEAD = re.compile(r"\s+(?:to\s+|with\s+)?")
_THAT = re.compile(r"^(?:that\b,?|,)\s*")
_TO = re.compile(r"\s+to\s")
_START = attrgetter("start")
_POS = itemgetter(0)
_QUOTING = frozenset(("said", "added", "noted", "stated", "continued"))
# verbs whose addressee follows `to` (`said to the Ambassador`)
_ADDRESSEE_AFTER_TO = frozenset(("said", "explained", "complained", "stressed", "emphasized", "noted", "stated",
                                 "replied"))


@cache
def _addressee_verbs() -> frozenset[str]:
    """Verbs followed by their addressee (`told`, `urged`, ...)."""
    return frozenset(lexicon()["addressee_verbs"])


def _mention_after(mentions: list[Mention], text: str, pos: int) -> Mention | None:
    rest = text[pos:pos + 80]
    lead = _LEAD.match(rest)
    offset = pos + (lead.end() if lead else 0)
    for m in mentions:
        if m.start == offset or (m.start > pos and text[pos:m.start].strip() in ("", "to", "the", "to the")):
            return m
    return None


def _opens(text: str, s_start: int, mention: Mention) -> bool:
    """True when the sentence starting at s_start opens with the mention, its subject: only an introduction (a
    paragraph mark, a leading clause, `the`) comes before it."""
    return _INTRO.match(text[s_start:mention.start]) is not None


def _text_after(text: str, pos: int, end: int) -> str:
    rest = text[pos:end].strip()
    lead = _THAT.match(rest)  # `_THAT.sub("", rest)`: the pattern is anchored at the start
    if lead:
        rest = rest[lead.end():]
    return rest.strip(" ,;") or text[pos:end].strip()


# A statement as _segment_statements() finds it: where its verb starts, the speaker, the verb as written in small
# letters, the text, the addressee (persons' numbers) and for a participle its lemma (else None).
Statement = tuple[int, int, str, str, int | None, str | None]


def _segment_statements(seg: Segment, ordered: list[Mention], last: int | None, signer: int | None,
                        found: Found | None = None) -> tuple[list[Statement], int | None]:
    """The statements of one segment in text order, as Statement tuples, given the segment's mentions of a person
    (`person >= 0`) in order of their start, `last` (the speaker carried over for pronouns), `signer` (who speaks as
    I), and the verbs and participle clauses of its text when they were found already (see verbs.verbs_of_texts)."""
    out: list[Statement] = []
    if not ordered and last is None and signer is None:
        return out, last
    text, caps = seg.text, seg.caps
    if found is None:
        found = verbs_and_participles(text, caps, "ing" in text and "," in text)
    all_verbs, all_participles = found
    if not ordered and not any(_pronoun(text[v_start - 80 if v_start > 80 else 0:v_start])
                               for v_start, _, _ in all_verbs):
        # With no person mention in the segment, only a pronoun before a verb can speak (`He added`, `I told`); a
        # pronoun that ends the text before a verb within its sentence also ends it in the 80 characters before.
        return out, last
    if not all_verbs and not all_participles:
        return out, last
    addressee_verbs = _addressee_verbs()
    starts = [m.start for m in ordered]
    verb_starts = [v[0] for v in all_verbs]
    participle_starts = [p[0] for p in all_participles]
    for s_start, s_end in verb_sentences(text, verb_starts, participle_starts):
        sentence_verbs = all_verbs[bisect_left(verb_starts, s_start):bisect_left(verb_starts, s_end)]
        sentence_mentions = ordered[bisect_left(starts, s_start):bisect_left(starts, s_end)]
        first = sentence_mentions[0] if sentence_mentions else None  # the subject when _opens() says so
        for v_start, v_end, verb in sentence_verbs:
            if v_start == s_start and not caps and text[v_start].isupper():
                continue
            before = text[v_start - 80 if v_start - 80 > s_start else s_start:v_start]
            # the speaker: its person and where its mention starts (-1 for a pronoun)
            who: int | None = None
            who_start = -1
            if not sentence_mentions:
                # only a pronoun can speak: the branches below that need a mention find none (and the quoting verb
                # after a comma or a quote looks for none further)
                if verb == "according to" or verb in _QUOTING and before.rstrip().endswith((",", '"')):
                    pass
                elif (pronoun := _pronoun(before)) and pronoun.group(1) == "I":
                    if signer is not None and text.count('"', s_start, v_start) % 2 == 0:
                        who = signer
                elif pronoun:
                    who = last if last is not None else next((m.person for m in reversed(ordered)
                                                              if m.end <= v_start), None)
            elif verb == "according to":
                found = _mention_after(sentence_mentions, text, v_end)
                if found is not None:
                    who, who_start = found.person, found.start
            else:
                prior = None  # the last mention (in text order) that ends before the verb
                for m in reversed(sentence_mentions):
                    if m.end <= v_start:
                        prior = m
                        break
                if prior and (not text[prior.end:v_start].strip(_SPACE_OR_COMMA)
                              or _filler(text, prior.end, v_start)):
                    who, who_start = prior.person, prior.start
                elif verb in _QUOTING and before.rstrip().endswith((",", '"')):  # _COMMA_END.search(before)
                    found = _mention_after(sentence_mentions, text, v_end)
                    if found is not None:
                        who, who_start = found.person, found.start
                elif first.end <= v_start and ("and" in before or "but" in before or "yet" in before) \
                        and _COORD.search(before) and _opens(text, s_start, first):
                    who, who_start = first.person, first.start
                elif (pronoun := _pronoun(before)) and pronoun.group(1) == "I":
                    if signer is not None and text.count('"', s_start, v_start) % 2 == 0:
                        who = signer
                elif pronoun:
                    who = prior.person if prior else (
                        last if last is not None else next((m.person for m in reversed(ordered)
                                                            if m.end <= v_start), None))
            if who is None or _passive(before):
                continue
            addressee = None
            if verb in addressee_verbs or verb in _ADDRESSEE_AFTER_TO:
                found = _mention_after(sentence_mentions, text, v_end)
                if found is not None and found.person != who and (
                        verb in addressee_verbs or _TO.match(text, v_end, v_end + 5)):
                    addressee = found
            tail = addressee.end if addressee else v_end
            leading = 0 <= who_start < v_start and who_start - s_start <= 25
            said = _text_after(text, tail, s_end) if leading else text[s_start:s_end].strip()
            out.append((v_start, who, verb, said, addressee.person if addressee else None, None))
            last = who
        if not all_participles:
            continue
        for p_start, p_end, written in all_participles[bisect_left(participle_starts, s_start):
                                                        bisect_left(participle_starts, s_end)]:
            prior = [o for o in out if s_start <= o[0] < p_start]  # `out` holds this paragraph's statements
            who = prior[-1][1] if prior else (
                first.person if first and first.end <= p_start and _opens(text, s_start, first) else None)
            if who is None:
                continue
            verb = lexicon()["participles"][" ".join(written.split()).lower()]
            out.append((p_start, who, written.lower(), _text_after(text, p_end, s_end), None, verb))
            last = who
    if all_participles and len(out) > 1:
        out.sort(key=_POS)  # a participle comes after the verbs of its sentence; the verbs come in text order
    return out, last


def find_statements(cable: Cable, persons: list[Person], mentions: list[Mention],
                    segs: list[Segment] | None = None) -> list[dict]:
    """Every statement of a cable as record dicts: paragraph, speaker and addressee surnames, verb, text."""
    last: int | None = None
    signer = None  # the person of the first mention of the signer
    seen_signer = False
    by_para: dict[int, list[Mention]] = {}  # the mentions of a person by paragraph
    for m in mentions:
        if m.person >= 0:
            group = by_para.get(m.paragraph)
            if group is None:
                by_para[m.paragraph] = [m]
            else:
                group.append(m)
        if not seen_signer and m.kind == "signer":
            signer, seen_signer = m.person, True
    for ordered in by_para.values():
        ordered.sort(key=_START)
    skip_preamble = bool(cable.paragraphs)
    segs = [seg for seg in (segs if segs is not None else scan(cable)) if seg.number or not skip_preamble]
    # the verbs of every segment in one pass (see verbs_of_texts), else segment by segment
    verbs = verbs_of_texts([seg.text for seg in segs], [seg.caps for seg in segs]) or [None] * len(segs)
    records = []
    for seg, seg_verbs in zip(segs, verbs, strict=True):
        if seg_verbs is not None and not seg_verbs[0] and not seg_verbs[1]:
            continue  # no verb, no statement, and `last` stays
        found, last = _segment_statements(seg, by_para.get(seg.number, []), last, signer, seg_verbs)
        para = seg.number
        for _, who, verb, said, whom, _ in found:
            speaker = persons[who]
            addressee = persons[whom] if whom is not None else None
            records.append({"paragraph": para, "speaker": speaker.surname,
                            "addressee": addressee.surname if addressee else None, "verb": verb, "text": said,
                            "speaker_id": speaker.extra.get("id"),
                            "addressee_id": addressee.extra.get("id") if addressee else None})
    return records


def extract(cable: Cable) -> tuple[list[dict], list[dict]]:
    """The persons and statements of a parsed cable, as the record's `persons` and `statements` lists.

    The cable's segments are scanned once (converters.scan) and shared by the person and statement finders. The
    per-process caches of the finders are kept bounded here (converters.caches.trim)."""
    trim()
    segs = scan(cable)
    persons, mentions = find_persons(cable, segs)
    statements = find_statements(cable, persons, mentions, segs)
    return [p.to_json() for p in persons], statements
