# ruff: noqa: E501  (real snippets: long lines are the cables' own)
"""The year of a cable whose container gives no date (the Islamabad bodies): DTG, date line, DECL, dated references.

Real snippets from the shared cable corpus (shared/data/cables); the expected years are the cables' own (their ids are known from the
other containers or from the complete id list, cable2month.csv.gz).
"""

from __future__ import annotations

import pytest

from converters import fields
from converters.parse import parse
from converters.record import RawCable, Source

YEARS = [
    # (cable, header, body, year, how the year was found: None when it is read, not guessed)
    ("06NEWDELHI5237", "", "\nVZCZCXRO1344\nOO RUEHBI RUEHCI RUEHLH RUEHPW\nDE RUEHNE #5237/01 2070835\nZNY CCCCC ZZH\nO 260835Z JUL 06\nFM AMEMBASSY NEW DELHI\n", 2006, None),
    ("72TEHRAN5055", "R 220927Z AUG 72 \nFM AMEMBASSY TEHRAN\nTO SECSTATE WASHDC 9461", "UNCLASSIFIED TEHRAN 5055 \n", 1972, None),
    ("09ANKARA226", "", "Wednesday, 11 February 2009, 13:03\nC O N F I D E N T I A L SECTION 01 OF 04 ANKARA 000226 \nSIPDIS \n", 2009, None),
    ("06ISLAMABAD10261", "", "C O N F I D E N T I A L ISLAMABAD 010261  SIPDIS  SIPDIS  E.O. 12958: DECL: 06/02/2016 TAGS: PK, PREL, PGOV, IR, KNNP SUBJECT: FM KASURI TELLS IRAN \"TAKE THE OFFER\"  REF: A. ISLAMABAD 10142  B. STATE 87686  Classified By: Ambassador Ryan C. Crocker, Reasons 1.4 (b) and (d)  1. (C) On June 2", 2006, "DECL date - 10"),
    ("04ANKARA7211", "", "S E C R E T SECTION 01 OF 05 ANKARA 007211 \n \nSIPDIS \n \nE.O. 12958: DECL: 12/14/2029 \nTAGS: PREL PGOV PINS ECON TU\n", 2004, "DECL date - 25"),
    ("06ISLAMABAD140", "", "UNCLAS SECTION 01 OF 06 ISLAMABAD 000140  SIPDIS  STATE ALSO PASS TO USAID  E.O. 12958: N/A TAGS: EAID, AEMR, ASEC, MASS, PREL, PK SUBJECT: PAKISTAN EARTHQUAKE  REF: 05 Islamabad 17853  ------- Summary -------  1. Effective information management", 2006, "latest dated reference + 1"),
]


@pytest.mark.parametrize(("cable", "header", "body", "year", "how"), YEARS)
def test_year_from_text(cable, header, body, year, how):
    got, warning = fields.year_from_text(header, body, len(body))
    assert got == year, cable
    assert (warning is None) if how is None else (how in warning), cable


def test_metadata_less_body_gets_an_id_and_a_warning():
    # 06ISLAMABAD10261 as it appears among the Islamabad bodies: no container metadata at all
    body = YEARS[3][2]
    cable = parse(RawCable(body=body, source=Source("embassy_islamabad_06-08.txt", 72)))
    assert cable.reference_id == "06ISLAMABAD10261"
    assert cable.origin == "Embassy Islamabad"
    assert any("DECL date - 10" in w for w in cable.warnings)
