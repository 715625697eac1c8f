# ruff: noqa: E501  (real snippets: long lines are the cables' own)
"""Text clean-up before the field parsers: page marks of flattened cables, the viewer's date line, mojibake."""

from __future__ import annotations

import pytest

from converters.normalize import normalize_text

PAGE_MARKS = [  # flattened MongoDB export: the second page's mark lands inside the head
    ("07DUBAI355", "SUBJECT: DUBAI RULER DISCUSSES IRAN AND IRAQ WITH SENATOR LIEBERMAN  DUBAI 00000355  001.2 OF 003   "
     "CLASSIFIED BY: Paul", "SUBJECT: DUBAI RULER DISCUSSES IRAN AND IRAQ WITH SENATOR LIEBERMAN"),
    ("09ASHGABAT1182", "SUBJECT: IRAN: WHERE TO GO FROM HERE? XXXXXXXXXXXX DIPLOMAT SHARES HIS PERSPECTIVE ASHGABAT "
     "00001182 001.2 OF 003 Classified By: Acting DCM", "DIPLOMAT SHARES HIS PERSPECTIVE Classified By"),
    ("08RPODUBAI49", "OUTLINES IRC'S AUXILIARY ROLE  [DETAILS REMOVED] IRGC, MOISDUBAI 00000049 001.2 OF 003CLASSIFIED BY:",
     "IRGC, MOIS CLASSIFIED BY:"),
    ("07BAGHDAD3895", "NEGOTIATING STYLE, TACTICS BAGHDAD 00003895  001.3 OF 003 Classified", "STYLE, TACTICS Classified"),
    # the WikiLeaks viewer text: the page mark on its own lines, inside a sentence
    ("07ABUDHABI145", "oyed in Afghanistan.  MbZ reciprocated: \"No -- \n \nABU DHABI 00000145  002 OF 002 \n \n \nthank you.  This",
     "MbZ reciprocated: \"No -- thank you. This"),
]


@pytest.mark.parametrize(("cable", "text", "kept"), PAGE_MARKS)
def test_page_marks_are_dropped(cable, text, kept):
    out = " ".join(normalize_text(text).split())
    assert kept in out, cable
    assert " OF 00" not in out, cable


def test_section_lines_are_kept():
    # 04ANKARA7211: 'SECTION 01 OF 05' is no page mark
    assert normalize_text("S E C R E T SECTION 01 OF 05 ANKARA 007211 \n") == "S E C R E T SECTION 01 OF 05 ANKARA 007211 \n"


def test_date_line_gets_its_own_line():
    # 09ANKARA226 in the flattened export: the viewer's date line glued to the classification line
    text = "Wednesday, 11 February 2009, 13:03C O N F I D E N T I A L SECTION 01 OF 04 ANKARA 000226 SIPDIS"
    assert normalize_text(text).split("\n")[1].startswith("C O N F I D E N T I A L")


def test_mojibake_and_quotes():
    # 06NEWDELHI5237 (PDF text): U+FFFD for the paragraph sign; typographic quotes folded
    assert normalize_text(" \ufffd1.  (C) Summary: \u201cyes\u201d") == " \u00b61.  (C) Summary: \"yes\""
