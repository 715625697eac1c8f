# ruff: noqa: E501  (a table of real snippets: long lines are the cables' own)
"""References: REF blocks of real cables, each naming its cable; the cable's own year fills in missing years.

Snippets come from the shared cable corpus (shared/data/cables; sources in samples/PROVENANCE.md); a cable appears twice when
both its multi-line (WikiLeaks viewer) and its flattened (MongoDB export) forms are in the sample.
"""

from __future__ import annotations

import pytest

from converters import fields

CORPUS = [
    ('09PARIS1052', 'REF: STATE 70129 \n \n¶',
     ['09STATE70129']),
    ('09MADRID982', 'REF: MADRID 417 AND PREVIOUS \n\n  \n\n\nSUMMARY \n\n¶',
     ['09MADRID417']),
    ('09STATE77662', 'REF: A. BRASILIA 000905 \n¶B. BRASILIA 000799 \n¶C. BRASILIA 000791 \n\nClassified By: MICHAEL P. OWENS, ACTING DIR, INR/OPS. REASON: 1.4(C).\n\n¶',
     ['09BRASILIA905', '09BRASILIA799', '09BRASILIA791']),
    ('06ISLAMABAD11546', 'REF: A. STATE 96389       B. ISLAMABAD 18050 AND PREVIOUS  Classified By: Ambassador Ryan C. Crocker, Reasons 1.4  (b) and (d)  (C)  On June 17, poloff called on MFA Director (OIC) Jamil Ahmed to deliver Ref A points encouraging OIC members to reach a common, public position urging Iran to abandon its uranium enrichment and processing programs and enter serious negotiations on the incentive package offered by the P-5   ',
     ['06STATE96389', '06ISLAMABAD18050']),
    ('07LAPAZ3262', 'REF: A. LA PAZ 3261 \n     ¶B. LA PAZ 3119 \n \nClassified By: EcoPol Chief Mike Hammer for reasons 1.4 (b) and (d) \n \n¶',
     ['07LAPAZ3261', '07LAPAZ3119']),
    ('09MAPUTO1291', "REF: STATE 105731 \n\nClassified By: Charge d'Affaires Todd C. Chapman for reasons 1.4 (b and \nd) \n\n¶",
     ['09STATE105731']),
    ('09PARIS119', 'REF: A. SECSTATE 6516 \n¶B. BRUSSELS 79 \n\nClassified By: Political Counselor Andrew R. Young for reasons 1.4 (B & \nD). \n\n¶',
     ['09STATE6516', '09BRUSSELS79']),
    ('09ISTANBUL440', 'REF: (A) ANKARA 1516 (EXDIS) (B) ISTANBUL 421 (C) \n     ISTANBUL 290 (D) 2008 ISTANBUL 85 (E) 2008 \n     ISTANBUL 146 (F) ISTANBUL 425 (G) ANKARA 1704 \n \nClassified By: ConGen Istanbul Deputy Principal Officer Win Dayton; Rea \nson 1.5 (d). \n \n¶',
     ['09ANKARA1516', '09ISTANBUL421', '09ISTANBUL290', '08ISTANBUL85', '08ISTANBUL146', '09ISTANBUL425', '09ANKARA1704']),
    ('09MOSCOW2366', 'REF: Vladivostok 5\n\nMoscow 00002366 001.2 of 004\n\n\nSensitive but unclassified -- please protect accordingly.\n\n¶',
     ['09VLADIVOSTOK5']),
    ('10BERLIN153', 'REF: 2009 BERLIN 1528 Classified By: Deputy Chief of Mission Greg Delawie for reasons 1.4 (b, d).¶',
     ['09BERLIN1528']),
    ('09MUNICH273', 'REF: BERLIN 1340 \n \nClassified By: CONSUL GENERAL CONRAD TRIBBLE FOR REASONS 1.4 (B) AND (D \n) \n \nSUMMARY \n------- \n \n¶',
     ['09BERLIN1340']),
    ('85BEIRUT1351', 'REF:  BEIRUT 1013 \n \nFOLLOWING IS TEXT OF ARTICLE WHICH APPEARED IN \nFEBRUARY 23 "MIDDLE EAST REPORTER."  IT SUMMARIZES \n48-PAGE HIZBALLAH TRACT ISSUED ON FEBRUARY 16 (REFTEL). \nEMBASSY HAS REQUIRED ORIGINAL ARABIC-LANGUAGE TEXT OF \nFULL MANIFIESTO, WHICH WE WILL POUCH TO INR AND \nNEA/ARN. \n \nBEGIN TEXT. \n \n"HIZBULLAH" DEFINES ITS MILITANT POLICY \n--------------------------------------- \n \n"HIZBULLAH" (PARTY OF GOD) HAS NOW PUBLICLY DEFINED ITS \nPOLICY, GOALS AND IDEOLOGY.  AS A GROUP OF FUNDAME',
     ['85BEIRUT1013']),
    ('09LAPAZ96', 'REF: A. 08 LAPAZ 2606 \n¶B. LA PAZ 6 \n\n¶C. LA PAZ 11 \n¶D. LA PAZ 62 \n¶E. LA PAZ 90 \n\nClassified By: A/EcoPol Chief Joe Relk for reasons 1.4 (b, d) \n\n¶',
     ['08LAPAZ2606', '09LAPAZ6', '09LAPAZ11', '09LAPAZ62', '09LAPAZ90']),
    ('05PARIS479', 'REF: PARIS 8760 AND PREVIOUS \n\nClassified By: POLITICAL MINISTER COUNSELOR JOSIAH ROSENBLATT, FOR REAS \nONS 1.4 B/D \n\n¶',
     ['05PARIS8760']),
    ('09LONDON2005', 'REF: A. LONDON 1788  B. DOHERTY-MARBURG-HOVENIER EMAILS 8/20/09\n\nClassified By: MINISTER COUNSELOR RICHARD ALBRIGHT FOR REASONS 1.4 B AN D D.\n\n¶',
     ['09LONDON1788']),
    ('98ISLAMABAD8066', 'REFS:  (A) STATE 190698, (B) ISLAMABAD 7155  (U) CLASSIFIED BY JOHN R. SCHMIDT, POLITICAL COUNSELOR.  REASON 1.5(D).  ',
     ['98STATE190698', '98ISLAMABAD7155']),
    ('07ISLAMABAD2207', "REF: ISLAMABAD 2033 AND PREVIOUS  Classified By: Charge d'Affaires Peter Bodde, Reasons 1.4 (b), (d)  ",
     ['07ISLAMABAD2033']),
    ('09BUENOSAIRES853', 'REF: BUENOS AIRES 0827\n\nClassified By: CDA Tom Kelly for reasons b, d.\n\n¶',
     ['09BUENOSAIRES827']),
    ('09LONDON1946', 'REF: A. LONDON 1925 AND PREVIOUS  B. STATE 80743\n\nClassified By: Ambassador Louis B. Susman, reasons 1.4 (b/d).\n\n¶',
     ['09LONDON1925', '09STATE80743']),
    ('09ROME97', 'REF: a) 08 STATE 134386 b) ROME 451\n\nCLASSIFIED BY: Ronald P. Spogli, Ambassador, for reasons 1.4 (b), (d).\n\n¶',
     ['08STATE134386', '09ROME451']),
    ('08LONDON1115', 'REF: A. LONDON 1064\n ¶B. TREMONT-PM ACTION TEAM EMAIL APRIL 16\n\nClassified By: Political Minister Counselor Maura Connelly, reason 1.4,  a/b/c/d.\n\n¶',
     ['08LONDON1064']),
    ('09RABAT1018', 'REF: A. RABAT 1009 \n¶B. RABAT 0988 \n\n  \n\n\nClassified By: DCM Robert P. Jackson for reasons 1.4(b) and (d). \n\n¶',
     ['09RABAT1009', '09RABAT988']),
    ('06ISLAMABAD19208', 'REF: A.) ISLAMABAD 017768 B.) ISLAMABAD 017992  Classified By: Ambassador Ryan C. Crocker, Reasons 1.4  (b) and (d)  ',
     ['06ISLAMABAD17768', '06ISLAMABAD17992']),
    ('98ISLAMABAD3474', 'REF:  A. ISLAMABAD 3446; B. ISLAMABAD 3358  (U) CLASSIFIED BY CHARGE ALAN EASTHAM.  REASON:  1.5 (B,D).  ',
     ['98ISLAMABAD3446', '98ISLAMABAD3358']),
    ('09NAIROBI2497', 'REF: 09 STATE 122115; 09 NAIROBI 2487\n\n\nS e c r e t section 01 of 02 nairobi 002497\n\nNoforn\nsipdis\n\nE.o. 12958: decl: 2019/12/16\nTags: marr, mcap, mops, mass, parm, pinr, pter, prel, ke, ug, up, su\nSUBJECT: Kenya responds to Sudan tank demarche\n\nRef: 09 state 122115; 09 nairobi 2487\n\nCLASSIFIED BY: Rachel Meyers, Deputy Political Counselor, State, POL;\nreason: 1.4(a), (b), (d)\n\n¶',
     ['09STATE122115', '09NAIROBI2487']),
    ('09ASTANA982', 'REF: ASTANA 0678\nClassified By: Ambassador Richard E. Hoagland, 1.4 (b), (d)\n¶',
     ['09ASTANA678']),
    ('08RABAT194', 'REF: A. RABAT 185 (NOTAL) \n¶B. RABAT 0178 (NOTAL) \n¶C. RABAT 0171 (NOTAL) \n\nClassified By: Ambassador Thomas T. Riley for reason 1.4 (b, c, and d). \n\n¶',
     ['08RABAT185', '08RABAT178', '08RABAT171']),
    ('06ISLAMABAD10261', 'REF: A. ISLAMABAD 10142\n\nB. STATE 87686\n\nClassified By: Ambassador Ryan C. Crocker, Reasons 1.4 (b) and (d)\n\n',
     ['06ISLAMABAD10142', '06STATE87686']),
    ('07ISLAMABAD3923', 'REF: A. ISLAMABAD 3901      B. ISLAMABAD 3873      C. ISLAMABAD 3706      D. ISLAMABAD 3692      E. LAHORE 524  Classified By: Anne W. Patterson, Reasons 1.4 (b), (d)  ',
     ['07ISLAMABAD3901', '07ISLAMABAD3873', '07ISLAMABAD3706', '07ISLAMABAD3692', '07LAHORE524']),
    ('85DAMASCUS1314', 'REF:  DAMASCUS 575 \n \n',
     ['85DAMASCUS575']),
    ('09BAKU175', 'REF: A) BAKU 139 B) BAKU 132 C) BAKU 80 D) 2008 BAKU      917  Classified By: POLECON CHIEF ROB GARVERICK, REASON 1.5 (B and D)  Summary ---------  ¶',
     ['09BAKU139', '09BAKU132', '09BAKU80', '08BAKU917']),
    ('06NEWDELHI5237', 'REF: SECSTATE 119436 \n \nClassified By: A/PolCouns Jon P. Dorschner for reasons 1.4 (B,D) \n \n ¶',
     ['06STATE119436']),
    ('09KABUL1892', 'REF: KABUL 1767\n\nClassified By: Ambassador Karl W. Eikenberry for Reasons 1:4 b,d\n\n¶',
     ['09KABUL1767']),
    ('07ISLAMABAD4794', 'REF: ISLAMABAD 4578  Classified By: Deputy Chief of Mission Peter W. Bodde, reasons 1.5 (b) and (d)  ',
     ['07ISLAMABAD4578']),
    ('66BUENOSAIRES2481', 'REF: STATE 106206 CIRCULAR; STATE CA-3400 NOV 2, 1966 \n \n \n',
     ['66STATE106206']),
    ('09JEDDAH343', 'REF: RIYADH 1178  Classified By: CG Martin R. Quinn for reasons 1.4 (b) and (d)   SUMMARY --------  ¶',
     ['09RIYADH1178']),
    ('09PARIS1040', 'REF: PARIS 997 \n \nClassified By: Kathleen Allegrone, Political Minister-Counselor, 1.4 (b \n/d). \n \n¶',
     ['09PARIS997']),
    ('09SANAA2070', 'REF: SANAA 2053\n\nClassified By: Ambassador Stephen Seche for reasons 1.4 (b) and (d).\n\n¶',
     ['09SANAA2053']),
    ('07ISLAMABAD4495', 'REF: A. KARACHI 728      B. KARACHI 736      C. ISLAMABAD 4494      D. ISLAMABAD 4493      E. ISLAMABAD 4491      F. ISLAMABAD 4472  Classified By: Anne W. Patterson, Reasons 1.4 (b), (d)  ',
     ['07KARACHI728', '07KARACHI736', '07ISLAMABAD4494', '07ISLAMABAD4493', '07ISLAMABAD4491', '07ISLAMABAD4472']),
    ('85CAIRO6360', 'REF:  CAIRO 5284 \n \n \n',
     ['85CAIRO5284']),
    ('10KABUL693', 'REF: A. (A) KABUL 673      ¶B. (B) 09 KABUL 3068  Classified By: Interagency Provincial Affairs Deputy Director Hoyt Yee for Reasons 1.4(b) and (d)  ¶',
     ['10KABUL673', '09KABUL3068']),
    ('10COLOMBO32', 'REF: A. 09 COLOMBO 1180  B. COLOMBO 8\n \nClassified By: AMBASSADOR PATRICIA A. BUTENIS. REASONS: 1.4 (B, D)\n¶',
     ['09COLOMBO1180', '10COLOMBO8']),
    ('05ISLAMABAD9706', 'REF: A. ISLAMABAD 007164      B. ISLAMABAD 008541      C. EMAIL TO SCA/PB ON TEHREEN PLAN 05/25/06      D. EMAIL TO SCA/PB ON ODRP MEMOS 05/25/06      Classified By: Ambassador Ryan C. Crocker, DSCG 05-01, January 2005, Edition 1, Reason: 1.4 (B,D)  ',
     ['05ISLAMABAD7164', '05ISLAMABAD8541']),
    ('85TOKYO364', 'REF:  STATE 5140 \n- \n',
     ['85STATE5140']),
    ('07BERLIN802', 'REF: BERLIN 747  Classified By: DCM John Koenig.  Reason: 1.4(b) and (d)  ¶',
     ['07BERLIN747']),
    ('07KINGSTON482', 'REF: 06 KINGSTON 1280 \n \n------- \nSummary \n------- \n \n¶',
     ['06KINGSTON1280']),
    ('08ANKARA536', 'REF: ANKARA 526 AND PREVIOUS \n\nClassified By: PolCouns Janice G Weiner, reasons 1.4 (b), (d)\n\n¶',
     ['08ANKARA526']),
    ('07ISLAMABAD1846', 'REF: A. ISLAMABAD 1647       B. ISLAMABAD 1688      C. ISLAMABAD 1698      Classified By: Charge Peter Bodde 1.5 (b), (d).  ',
     ['07ISLAMABAD1647', '07ISLAMABAD1688', '07ISLAMABAD1698']),
    ('73TEHRAN2077', "REF: STATE 053670 \n \nSUMMARY: AFTER APRIL 5 PRESENTATION OF CREDENTIALS \nEXPECT HAVE PRIVATE CONVERSATION WITH SHAH. I PLAN \nLISTEN BUT IF SUBJECT OF PAKISTAN AND SHAH' S CONCERNS \nREGARDING US/ USSR NEGOTIATIONS COME UP THIS \nWILL BE GOOD OCCASION TO PASS ON ANY THOUGHTS WE \nHAVE REGARDING PAKISTAN AS BHUTTO ARRIVING TEHRAN \nAPRIL 7 AND TO REASSURE SHAH TOTAL ERA OF NEGOTIATION \nWITH MOSCOW DOES NOT IN ANY WAY IMPLY LESSENING OF \nTIES WITH IRAN. END SUMMARY. ACTION REQUESTED: \nIT WOULD BE HELPF",
     ['73STATE53670']),
    ('09ANKARA1583', 'REF: ANKARA 1561 (EXDIS)  Classified By: AMB James F. Jeffrey, for reasons 1.4 (b,d)  ¶',
     ['09ANKARA1561']),
    ('09UNVIEVIENNA289', 'REF: UNVIE 00266 \n \nClassified By: DEPUTY CHIEF OF MISSION GEOFFREY PYATT FOR REASONS 1.4 ( \nB) AND (D) \n \n------------------- \nSummary and Comment \n------------------- \n \n¶',
     ['09UNVIEVIENNA266']),
    ('09PARIS1039', 'REF: A. PARIS POINTS JULY 15  B. PARIS POINTS JULY 6  C. PARIS POINTS APRIL 10  D. PARIS 1025\nClassified By: Political Minister-Counselor Kathy Allegrone for Reasons  1.4(b), (d).\n¶',
     ['09PARIS1025']),
    ('07ISLAMABAD899', 'REF: A. ISLAMABAD 824      B. KABUL 559  Classified By: Ambassador Ryan Crocker, Reasons 1.4 (b), (d)  ',
     ['07ISLAMABAD824', '07KABUL559']),
    ('85BEIRUT1013', 'REF:  BEIRUT 992 \n \n',
     ['85BEIRUT992']),
    ('10KUWAIT161', "REF: A. STATE 15979      ¶B. KUWAIT 137  Classified By: Political Counselor Pete O'Donohue for reasons 1.4 b and  d  ¶",
     ['10STATE15979', '10KUWAIT137']),
    ('07KUALALUMPUR1403', 'REF:  KUALA LUMPUR \n \nSUMMARY \n------- \n \n¶',
     []),
]


@pytest.mark.parametrize(("cable", "snippet", "expected"), CORPUS)
def test_refs(cable, snippet, expected):
    assert fields.references(snippet, cable, len(snippet)) == expected, cable


OTHER_CABLES = [  # snippets of other Cablegate cables quoted in heuer/cablemap test tables (BSD-3-Clause)
    ("04BRASILIA2863", "REF: A. BRASILIA 2799 AND 2764 \u00b6B. PORT AU PRINCE 2325 ",
     ["04BRASILIA2799", "04BRASILIA2764", "04PORTAUPRINCE2325"]),
    ("10SANAA317", "REF: A. SANAA 71\n\u00b6B. SANAA 151\n\u00b6F. 09 SANAA 720\n\u00b6H. MITCHELL/SIMS TELCON 02/16/2010\n"
     "\u00b6I. MITCHELL/SIMS EMAIL 02/16/2010\n\u00b6J. SANAA 214\n\nClassified By: Ambassador\n",
     ["10SANAA71", "10SANAA151", "09SANAA720", "10SANAA214"]),
    ("86BRASILIA13835", "REFS: (A)BRASILIA 13511, (B)BRASILIA 4799 \n \n1.  (U)", ["86BRASILIA13511", "86BRASILIA4799"]),
    ("05OTTAWA2105", "Ref: [A] State 188314, 259032, [B] Ottawa 2285 ", ["05STATE188314", "05STATE259032", "05OTTAWA2285"]),
    ("04DUBLIN1645", "REF: SECSTATE 232089 & USUN 2336 ", ["04STATE232089", "04USUNNEWYORK2336"]),
    ("05PARIS8123", "REF: Paris 7472 and 7677 ", ["05PARIS7472", "05PARIS7677"]),
    ("02AMMAN2228", "REF: A. SECSTATE 51937 B. AMMAN 5049-01 ", ["02STATE51937", "01AMMAN5049"]),
    ("07MOSCOW1811", "REF: A. ST. PETERSBURG 75 \n      B. MOSCOW 510 ", ["07STPETERSBURG75", "07MOSCOW510"]),
    ("03COLOMBO2183", "Refs:  (A) State 348254 \n-      (B) State 348253 -      (C) Colombo 2179, and previous ",
     ["03STATE348254", "03STATE348253", "03COLOMBO2179"]),
    ("07KABUL1033", "Refs:  A) Kabul 936/935; B) Kabul 692/317; C) 06 Kabul \n5353/5194 and previous \n ",
     ["07KABUL936", "07KABUL935", "07KABUL692", "07KABUL317", "06KABUL5353", "06KABUL5194"]),
    ("05PANAMA555", "REF: A. 04 STATE 273089 \n     \u00b6B. 04 PANAMA 02153 \n     \u00b6C. PANAMA 00338 \n"
     "     \u00b6F. 2004 HUMAN RIGHTS REPORT FOR PANAMA \n     \u00b6G. PANAMA 00390 ",
     ["04STATE273089", "04PANAMA2153", "05PANAMA338", "05PANAMA390"]),
]


@pytest.mark.parametrize(("cable", "snippet", "expected"), OTHER_CABLES)
def test_references_of_other_cables(cable, snippet, expected):
    assert fields.references(snippet, cable, len(snippet)) == expected, cable


def test_self_reference_and_container_references_are_merged():
    # 06ISLAMABAD10261 (Dawn reprint): the container lists 06ISLAMABAD10142 too; a cable never cites itself
    snippet = "REF: A. ISLAMABAD 10142\n\nB. STATE 87686\n\nC. ISLAMABAD 10261\n\nClassified By: Ambassador"
    got = fields.references(snippet, "06ISLAMABAD10261", len(snippet), ["06ISLAMABAD10142", "06STATE087686"])
    assert got == ["06ISLAMABAD10142", "06STATE87686"]


def test_second_ref_block_is_read():
    # 08KYIV2414 carries its REF line after the subject of a second header block (cablemap fix table)
    text = ("SUBJECT: UKRAINE: FIRTASH MAKES HIS CASE TO THE USG\nREF: A. KYIV 2383 B. KYIV 2294\n\n"
            "Classified By: Ambassador\n\nREF: C. KYIV 2212\n\n1. (C) Summary")
    assert fields.references(text, "08KYIV2414", text.index("1. (C)")) == ["08KYIV2383", "08KYIV2294", "08KYIV2212"]
