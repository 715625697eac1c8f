"""The segments every finder reads (converters.scan): the preamble stops where paragraph 1 starts, on real cables."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

from converters.parse import parse
from converters.readers import iter_files, read
from converters.record import UnreadableCable
from converters.scan import segments

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _cable(path: str, record: int):
    return parse(next(islice(read(SAMPLES / path), record - 1, None)))


def test_preamble_stops_at_paragraph_one_when_the_body_spaces_differ():
    # 85TOKYO364: the body has 'SUMMARY.  POST DELIVERS' (two spaces), the paragraph text one: the preamble still
    # ends where paragraph 1 starts instead of running on 3,000 characters into the paragraphs
    preamble = segments(_cable("cables-csv/cables_first37_rows.csv", 18))[0][1]
    assert preamble.startswith("E.O. 12356: DECL: OADR TAGS: EFIS, JA, IWC-2 SUBJECT: GOJ WHALING REF: STATE 5140")
    assert "WHALE TALKING POINTS" not in preamble


def test_no_preamble_repeats_its_first_paragraph():
    # every sample cable with numbered paragraphs: the opening words of paragraph 1 are not in the preamble segment
    checked = 0
    for path in iter_files([SAMPLES]):
        if path.suffix == ".md":
            continue
        for raw in read(path):
            try:
                cable = parse(raw)
            except UnreadableCable:
                continue
            segs = segments(cable)
            if not cable.paragraphs or len(cable.paragraphs[0]["text"].split()) < 6:
                continue
            opening = " ".join(cable.paragraphs[0]["text"].split()[:6])
            assert opening not in segs[0][1], (cable.reference_id, opening)
            checked += 1
    assert checked > 300


def test_the_parser_gives_where_paragraph_one_starts():
    # 85TOKYO364: the offset in the body where the text of paragraph 1 starts; the JSON record leaves it out
    cable = _cable("cables-csv/cables_first37_rows.csv", 18)
    opening = cable.paragraphs[0]["text"].split()[:4]
    assert cable.body[cable.paragraphs_start:].split()[:4] == opening
    assert "paragraphs_start" not in cable.to_json()
