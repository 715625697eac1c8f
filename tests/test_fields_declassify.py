# ruff: noqa: E501  (a table of real snippets: long lines are the cables' own)
"""Declassification dates: E.O. lines of real cables, each naming its cable; OADR, N/A and NARA release notes give None.

Snippets come from the shared cable corpus (shared/data/cables; sources in samples/PROVENANCE.md); a cable appears twice when
both its multi-line (WikiLeaks viewer) and its flattened (MongoDB export) forms are in the sample.
"""

from __future__ import annotations

import pytest

from converters import fields

CORPUS = [
    ('10RPODUBAI13', 'E.O. 12958: DECL: 2035/01/12 \nTAGS: PGOV IR PREL\nSUBJECT: IR',
     '2035-01-12'),
    ('04PARIS8983', 'E.O. 12958: N/A \nTAGS: PTER ASEC FR\nSUBJECT: FRANCE: 2004 AN',
     None),
    ('10MUSCAT71', 'E.O. 12958: DECL: 2020/02/02 \nTAGS: PREL MARR MOPS IR MU\nSUB',
     '2020-02-02'),
    ('08BERLIN643', 'E.o. 12958: decl: 05/16/2033\nTags: parm, prel, ettc, mtcre, ',
     '2033-05-16'),
    ('10BRASILIA61', 'EO 12958 DECL: 2020/02/19 \nTAGS PREL, XM, BR \nSUBJECT: BRAZI',
     '2020-02-19'),
    ('10BELGRADE25', 'EO 12958 DECL: 2020/02/05 \nTAGS PREL, PGOV, MARR, SR, KV \nSU',
     '2020-02-05'),
    ('09ABUDHABI1151', 'E.O. 12958: DECL: 2019/12/17 \nTAGS: PGOV PREL PARM ENRG IR Y',
     '2019-12-17'),
    ('85TOKYO364', 'E.O. 12356:  DECL:  OADR \nTAGS:  EFIS, JA, IWC-2 \nSUBJECT:  ',
     None),
    ('09PARIS1339', 'E.O. 12958: N/A \nTAGS: PTER PREL PINR EAID EU UK MA NG MR NI',
     None),
    ('03ABUDHABI2641', 'EO 12958 DECL: 06/03/08 \nTAGS PREL, EPET, EAID, PGOV, JO, MO',
     '2008-06-03'),
    ('85MOGADISHU1175', 'E.O. 12356: N/A \nTAGS: EFIN, ECON, EAID, SO \nSUBJ: ECONOMIC ',
     None),
    ('72TEHRAN1164', 'E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006 TAGS: MAS',
     None),
    ('09ABUDHABI1151', 'E.O. 12958: DECL: 2019/12/17 TAGS: PGOV PREL PARM ENRG IR YM',
     '2019-12-17'),
    ('08VLADIVOSTOK68', 'E.O. 12958: N/A \nTAGS: PGOV PINR RS\nSUBJECT: RUSSIAN FAR EAS',
     None),
    ('09RIODEJANEIRO311', 'E.O. 12958: N/A \nTAGS: ECON EIND EAIR EINV EPET ENRG PREL PH',
     None),
    ('08BRASILIA1112', 'EO 12958 N/A \nTAGS KGHG, KSCA, SENV, AORC, BR \nSUBJECT: CLIM',
     None),
    ('09BRASILIA1516', 'E.O. 12958: N/A \nTAGS: SENV KGHG EFIN EAID EAGR BR\nSUBJECT: ',
     None),
    ('85CAIRO6360', 'E.O. 12356:  DECL: OADR \nTAGS:  PGOV, SOCI, SHUM, EG \nSUBJEC',
     None),
    ('09LONDON2770', 'EO 12958 N/A \nTAGS ELAB, ECON, UK \nSUBJECT: UNION LEADER: CO',
     None),
    ('72TEHRAN4789', 'E.O. 12958: AS AMENDED; DECLASSIFIED JUNE 21, 2006 \nTAGS: IR',
     None),
    ('06ISLAMABAD17014', 'E.O. 12958: DECL: 08/29/2016 TAGS: PK, PREL, PGOV, KTER SUBJ',
     '2016-08-29'),
    ('85GABORONE501', 'E.O. 12356: DECL: OADR \nTAGS: PREL, SF, BC \nSUBJECT: BOTSWAN',
     None),
    ('06ISLAMABAD10261', 'E.O. 12958: DECL: 06/02/2016TAGS: PK, PREL, PGOV, IR, KNNPSU',
     '2016-06-02'),
    ('09ANKARA226', 'EO 12958 DECL: 06/02/2019 TAGS CASC, PGOV, PHUM, PINS, PREL,',
     '2019-06-02'),
    ('09UNVIEVIENNA281', 'E.O. 12958: N/A \nTAGS: AORC IAEA IZ KNNP\nSUBJECT: IAEA/JUNE ',
     None),
    ('07TALLINN366', 'E.O. 12958: DECL: 06/04/2017 \nTAGS: PREL PGOV ECON ETRD NATO',
     '2017-06-04'),
    ('05ISLAMABAD5235', 'E.O. 12958: DECL: 09/19/2015 TAGS: PK, PREL, PGOV SUBJECT: P',
     '2015-09-19'),
    ('75TEHRAN2069', 'Declassified/Released US Department of State EO \nSystematic ',
     None),
    ('09TRIPOLI771', 'E.O. 12958: DECL: 9/29/2019 TAGS: PREL PGOV LY PINRSUBJECT: ',
     '2019-09-29'),
    ('06NEWDELHI5266', 'E.O. 12958: DECL: 07/27/2016 \nTAGS: PGOV PREL PINR ECON KMDR',
     '2016-07-27'),
    ('07MADRID208', 'E.O. 12958: DECL: 02/05/2017\nTAGS: MARR PGOV PREL SP\nSUBJECT',
     '2017-02-05'),
    ('00ISLAMABAD648', 'E.O. 12958:  DECL:  2/06/11 TAGS:  PTER, EAIR, PLO, PK SUBJE',
     '2011-02-06'),
    ('66BUENOSAIRES2481', 'E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009 \nTAGS: EFI',
     None),
    ('09BAKU175', 'E.O. 12958: DECL: 03/08/2019 TAGS: PREL ETRD SNAR ECON AJ TU',
     '2019-03-08'),
    ('09USEUBRUSSELS1177', 'E.O. 12958: N/A \nTAGS: OTRA AORC CTM SCCC\n \nSUBJECT: World C',
     None),
    ('08BRASILIA236', 'E.O. 12958: DECL: 02/14/2018 TAGS: BR PREL MARR\nBR, PREL, MA',
     '2018-02-14'),
    ('06ISLAMABAD11546', 'E.O. 12958: DECL: 06/19/2016 TAGS: PK, PREL, IR SUBJECT: DEM',
     '2016-06-19'),
    ('79TEHRAN8980', 'E.O. 12065: GDS 8/12/85 (TOMSETH, VICTOR L.) OR-P \nTAGS: PEP',
     '1985-08-12'),
    ('09CAIRO746', 'E.O. 12958: DECL: 04/26/2019 TAGS: PREL MASS MOPS PARM KPAL ',
     '2019-04-26'),
    ('07KUALALUMPUR1376', 'E.O. 12958: N/A \nTAGS: PREL SOCI TSPL UNGA MY\nSUBJECT: MALAY',
     None),
]


@pytest.mark.parametrize(("cable", "snippet", "expected"), CORPUS)
def test_decl(cable, snippet, expected):
    assert fields.declassify_on(snippet) == expected, cable


OTHER_FORMS = [  # forms quoted in heuer/cablemap test tables (BSD-3-Clause) that the shared sample lacks
    ("01VATICAN3507", "EO 12958 DECL: 07/02/11 \nTAGS PREL", "2011-07-02"),
    ("09TELAVIV2502", "E.O. 12958: DECL: 11/18/2019", "2019-11-18"),
    ("05SANJOSE2199", "E.O. 12958: N/A \nTAGS: PREL SCUL", None),
    ("09BEIJING2965", "E.o. 12958: decl: after korean unification\nTags: ovip", None),
]


@pytest.mark.parametrize(("cable", "snippet", "expected"), OTHER_FORMS)
def test_other_forms(cable, snippet, expected):
    assert fields.declassify_on(snippet) == expected, cable
