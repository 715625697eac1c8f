# ruff: noqa: E501  (a table of real snippets: long lines are the cables' own)
"""Classified By: real snippets, each naming its cable; titles split from names, reasons normalised.

Snippets come from the shared cable corpus (shared/data/cables; sources in samples/PROVENANCE.md); a cable appears twice when
both its multi-line (WikiLeaks viewer) and its flattened (MongoDB export) forms are in the sample.
"""

from __future__ import annotations

import pytest

from converters import fields

CORPUS = [
    ('07ISLAMABAD897', "Classified By: Ambassador Ryan Crocker, Reasons 1.4  (b) and (d)  1. (C) Summary. Four weeks in, approximately 200 female students of the Madrassa Hafza continue to occupy a children's library to protest the Islamabad Ca",
     ['Ryan Crocker', 'Ambassador', ['1.4(b)', '1.4(d)']]),
    ('07ISLAMABAD2799', "Classified By: Charge d'Affaires Peter W. Bodde, Reason 1.4 (G)  1.  (C) SUMMARY:  Deputy Secretary Negroponte, Assistant Secretary Boucher, and Charge d,Affaires Bodde met with  SIPDIS Prime Minister (PM) Aziz on June 1",
     ['Peter W. Bodde', "Charge d'Affaires", ['1.4(g)']]),
    ('06ISLAMABAD3195', 'Classified By: DCM Peter W. Bodde, reasons 1.4 (b) and (d)  (C) On February 18, the GOP Ministry of Foreign Affairs informed the Embassy by Note Verbale of its willingness to accept the return of Pakistani Gitmo detainee',
     ['Peter W. Bodde', 'DCM', ['1.4(b)', '1.4(d)']]),
    ('09RIYADH1121', 'Classified By: CDA Ambassador Richard Erdman for reasons 1.4(b) and (d) \n \nSUMMARY AND COMMENT \n-------------------- \n \n¶1.  (C) In the aftermath of the failed assassination attempt \ntargeting Assistant Interior Minister',
     ['Richard Erdman', 'CDA', ['1.4(b)', '1.4(d)']]),
    ('02BRASILIA4227', 'Classified By: POLOFF RICHARD REITER FOR REASONS 1.5(b) AND (d). \n\n1.(C) SUMMARY. Assistant Secretary Reich had warm and productive meetings in Brasilia November 20-21 with President-elect Lula da Silva, his senior advis',
     ['RICHARD REITER', 'POLOFF', ['1.5(b)', '1.5(d)']]),
    ('07MADRID520', 'Classified By: DCM Hugo Llorens; reason 1.4 (B) and (D) \n\n¶1. (C) Summary. In a volatile political climate leading up to regional/municipal elections in late May, the ruling Socialist Party (PSOE) and far left political ',
     ['Hugo Llorens', 'DCM', ['1.4(b)', '1.4(d)']]),
    ('06ISLAMABAD10850', "Classified By: Ambassador Ryan C. Crocker, Reasons 1.4  (b) and (d)  (C)  In a June 9 conversation with the Ambassador, MFA Director General Khalid Mehmood passed on a read-out of Foreign Minister Kasuri's latest convers",
     ['Ryan C. Crocker', 'Ambassador', ['1.4(b)', '1.4(d)']]),
    ('05ISLAMABAD15208', "Classified By: Derived from DSCG 05-01, B   1.  (c) Summary and Comment:  The scale of devastation from yesterday's earthquake is becoming increasingly clear as information comes in from remote, outlying provinces.  The ",
     [None, None, []]),
    ('09STATE96222', 'Classified By: EUR/PRA Acting Deputy Director Matthew Hardiman for reasons 1.4 (b) and (d).  ¶1. (U) This is an action request to Embassy Paris.  Please deliver the points in paragraph 4 as soon as possible.  These point',
     ['Matthew Hardiman', 'Deputy Director', ['1.4(b)', '1.4(d)']]),
    ('08STATE116392', 'Classified By: CATHERINE BROWN, DAS, INR/IPC. REASON: 1.4(C).  ¶1. (S/NF) SUMMARY:  This cable provides the full text of the new National HUMINT Collection Directive (NHCD) on Palestinian Issues (paragraph 3-end) and enc',
     ['CATHERINE BROWN', 'DAS', ['1.4(c)']]),
    ('04MADRID960', "Classified By: Ambassador George Argyros for reasons 1.4 (B) and (D). \n\n¶1. (C) Summary: This message provides initial embassy \nthinking on how to deal with President-Elect Zapatero in the \nlead up to his government's fo",
     ['George Argyros', 'Ambassador', ['1.4(b)', '1.4(d)']]),
    ('08RIYADH768', 'Classified By: Deputy Chief of Mission Michael Gfoeller for reasons 1.4\n(b) and (d)\n\n¶1. (S) SUMMARY. S/I Ambassador David Satterfield and an MNF-I/Embassy Baghdad team met with SAG Foreign Minister Prince Saud Al-Faisal',
     ['Michael Gfoeller', 'Deputy Chief of Mission', ['1.4(b)', '1.4(d)']]),
    ('07ISLAMABAD2525', "Classified By: CDA Peter Bodde, Reasons 1.4 (b), (d)  1.  (S) On June 6, Charge delivered reftel points to President Musharraf's Deputy Chief of Staff, Major General Akhtar Iqbal, National Security Advisor Tariq Aziz, an",
     ['Peter Bodde', 'CDA', ['1.4(b)', '1.4(d)']]),
    ('09BAGHDAD3195', "Classified By: Political M/C Gary A. Grappo for reasons 1.4 (b) and (d) \n\n\n¶1. (C) SUMMARY: Local interlocutors from Najaf's social, \neconomic, political and military circles discussed with \nPost's Senior Iran Watcher (I",
     ['Gary A. Grappo', 'Political M/C', ['1.4(b)', '1.4(d)']]),
    ('09MEXICO3061', 'Classified By: Ambassador Carlos Pascual. \nReason: 1.4 (b),(d). \n\n¶1. (S/NF) Summary. DNI Dennis Blair met with President \nCalderon for about forty minutes at the Presidential Palace \non October 19. The bulk of the discu',
     ['Carlos Pascual', 'Ambassador', ['1.4(b)', '1.4(d)']]),
    ('09MANAMA642', "Classified By: Ambassador Adam Ereli, reasons 1.4(b) and (d).   ¶1. (C) SUMMARY: In an hour-long meeting on November 1 with CENTCOM Commander General Petraeus, Bahrain's King Hamad said Arab states need to do more to eng",
     ['Adam Ereli', 'Ambassador', ['1.4(b)', '1.4(d)']]),
    ('06ISLAMABAD22215', 'Classified By: Ambassador Ryan C. Crocker, Reasons 1.4  (b) and (d)  (S/NF)  On November 28, MFA (Disarmament Cell) Director Imran Haider advised PolCouns that the Government of Pakistan (GOP) will conduct a test of a ba',
     ['Ryan C. Crocker', 'Ambassador', ['1.4(b)', '1.4(d)']]),
    ('08RANGOON44', 'Classified By: CDA Shari Villarosa for Reasons 1.4 (b) & (d)\n¶1. (C) Summary: Charge hosted the Chinese Ambassador for lunch on January 17. We discussed the lack of political dialogue and the need for all countries to sp',
     ['Shari Villarosa', 'CDA', ['1.4(b)', '1.4(d)']]),
    ('08BEIRUT523', "Classified By: Charge d'Affaires Michele Sison for reasons 1.4 (b) and (d)\n\nSUMMARY\n\n¶1. (S) Requesting a special meeting with Charge, Telecommunications Minister Marwan Hamadeh decried the establishment of a complete fi",
     ['Michele Sison', "Charge d'Affaires", ['1.4(b)', '1.4(d)']]),
    ('07ISLAMABAD4837', 'Classified By: Anne W. Patterson, Reasons 1.4 (b), (d)  1. (C) Summary: The Pakistan People\'s Party "long march" continued November 14, but with much reduced numbers, resulting from hundreds of arrests.  Bhutto remains u',
     ['Anne W. Patterson', None, ['1.4(b)', '1.4(d)']]),
    ('07ISLAMABAD2207', "Classified By: Charge d'Affaires Peter Bodde, Reasons 1.4 (b), (d)  1. (U) Since May 14, Pakistan's Supreme Court has held daily hearings to consider 23 petitions objecting to the filing of a reference against Chief Just",
     ['Peter Bodde', "Charge d'Affaires", ['1.4(b)', '1.4(d)']]),
    ('09BRUSSELS1580', 'Classified By: Ambassador Howard Gutman, reason 1.4(b) and (d).\n¶1. (C) Summary: Madame Secretary, Embassy Brussels welcomes your visit to Brussels on December 3-4 and your meetings with the in-coming Belgian Prime Minis',
     ['Howard Gutman', 'Ambassador', ['1.4(b)', '1.4(d)']]),
    ('01ISLAMABAD14190', 'Classified By: Ambassador Ryan C. Crocker, Reasons 1.5 (b)  1. (C) On July 21, Poloff delivered ref A demarche points to the MFA Acting-Director for Americas, Abdul Hameed.  Hameed accepted demarche points and said he wo',
     ['Ryan C. Crocker', 'Ambassador', ['1.5(b)']]),
    ('09UNVIEVIENNA553', 'Classified By: DCM Geoff Pyatt for reasons 1.4 (c) and (e) \n \n¶1.  (C)   Summary.  On December 3, former Austrian Ambassador \nto Tehran Michael Postl (please protect) debriefed MsnOff on \nhis final calls on Iranian offic',
     ['Geoff Pyatt', 'DCM', ['1.4(c)', '1.4(e)']]),
    ('06ISLAMABAD3542', 'Classified By: Derived from DSCG 05-01, b and d  1. (C) Summary: The 15th U.S.-Afghanistan-Pakistan Tripartite Commission meeting, held at Bagram on February 25, was characterized by frank discussion between the Afghan a',
     [None, None, []]),
    ('07ISLAMABAD1813', 'Classified By: Charge Peter Bodde 1.5 (b), (d).  1.  (C)  MG Helmly, Chief, Office of Defense Representative - Pakistan, met on April 21 with MG Ahmad Pasha, Pakistan Military Director General of Operations, to discuss t',
     ['Peter Bodde', 'Charge', ['1.5(b)', '1.5(d)']]),
    ('06ISLAMABAD21999', 'Classified By: Ambassador Ryan C. Crocker, Reasons 1.4  (b) and (d)  (S/NF)  On November 15, 2006, MFA Director General (Disarmament Cell) Khalilullah Qazi called PolCouns to advise that the Government of Pakistan (GOP) ',
     ['Ryan C. Crocker', 'Ambassador', ['1.4(b)', '1.4(d)']]),
    ('09ANKARA1549', "Classified By: AMB James F. Jeffrey, for reasons 1.4(b,d)¶1. (C) During an October 26 call on the Ambassador, Israeli Ambassador Gabby Levy registered concern over the recent deterioration in his country's bilateral rela",
     ['James F. Jeffrey', 'AMB', ['1.4(b)', '1.4(d)']]),
    ('07ISLAMABAD5263', "Classified By: Anne W. Patterson, Reasons 1.4 (b), (d)  1. (C) Summary. We welcome Pakistan's December 11 UNGA vote in favor of an Israeli-sponsored resolution; however, the MFA was quick to stress privately and publicly",
     ['Anne W. Patterson', None, ['1.4(b)', '1.4(d)']]),
    ('06ISLAMABAD10261', 'Classified By: Ambassador Ryan C. Crocker, Reasons 1.4 (b) and (d)\n\n1. (C) On June 2, Pakistani Foreign Minister Kasuri told the Ambassador that he had telephoned Iranian Foreign Minister Muttaki the previous day to shar',
     ['Ryan C. Crocker', 'Ambassador', ['1.4(b)', '1.4(d)']]),
    ('09BAGHDAD1103', "Classified By: Classified By: Charge d'Affaires Patricia A. Butenis for  reasons 1.4 (b) and (d).  ¶1. (S/NF) Summary:  Islamic Revolutionary Guard Corps - Quds Force (IRGC-QF) officers are active in Iraq, conducting tra",
     ['Patricia A. Butenis', "Charge d'Affaires", ['1.4(b)', '1.4(d)']]),
    ('06NEWDELHI5238', 'Classified By: A/PolCouns Jon P. Dorschner for reasons 1.4 (B,D) \n \n ¶1.  (C) On July 25, Poloff met with MEA Undersecretary \nAquino Vimal (Afghanistan) to discuss current Indian aid \nprograms in Afghanistan.  Vimal conf',
     ['Jon P. Dorschner', 'A/PolCouns', ['1.4(b)', '1.4(d)']]),
    ('08MADRID1281', 'Classified By: DCM Arnold A. Chacon, for reasons 1.4(B) and (d).\n\n¶1. (C) This is an action request. See paragraph 5.\n\n¶2. (C) Summary: MOD Carme Chacon continues to voice,\npublicly and privately, her desire to see the U',
     ['Arnold A. Chacon', 'DCM', ['1.4(b)', '1.4(d)']]),
    ('06ISLAMABAD22303', 'Classified By: Ambassador Ryan C. Crocker, Reasons 1.4  (b) and (d)  1. (C) During a December 1 meeting with poloffs, Pakistan Muslim League Secretary General and Chairman of the Senate Foreign Relations Committee Mushah',
     ['Ryan C. Crocker', 'Ambassador', ['1.4(b)', '1.4(d)']]),
    ('09STATE37566', 'Classified By: CATHERINE BROWN, DAS IPC.  REASON: 1.4(C).   ¶1. (S/NF) This cable provides the full text of the new National HUMINT Collection Directive (NHCD) on the West Africa Sahel region (paragraph 3-end) as well as',
     ['CATHERINE BROWN', 'DAS', ['1.4(c)']]),
    ('06NEWDELHI5237', 'Classified By: A/PolCouns Jon P. Dorschner for reasons 1.4 (B,D) \n \n ¶1.  (C) Summary: Poloff delivered reftel on July 24.  MEA \nUndersecretary Jayant Khobargade (Disarmament and \nInternational Security) expressed GOI su',
     ['Jon P. Dorschner', 'A/PolCouns', ['1.4(b)', '1.4(d)']]),
    ('09RIODEJANEIRO357', 'Classified By: Principal Officer Dennis W. Hearne for reasons 1.4 (b, d ) \n\n¶1. (C) Summary: Rio Principal Officer, accompanied by PAO, met on 23 October with XXXX (strictly protect),  XXX for the International Committee',
     ['Dennis W. Hearne', 'Principal Officer', ['1.4(b)', '1.4(d)']]),
    ('07ISLAMABAD1490', "Classified By: Charge d'Affaires Peter Bodde, Reasons 1.4 (b) and (d)  1.  (C) The bulk of the April 3 session of the Supreme Judicial Council proceedings against non-functioning Chief Justice Iftikhar Chaudhry involved ",
     ['Peter Bodde', "Charge d'Affaires", ['1.4(b)', '1.4(d)']]),
    ('09TELAVIV1688', 'Classified By: DCM Luis G. Moreno, reasons 1.4 (b),(d)  ¶1. (S) Summary:  Assistant Secretary for Political-Military Affairs Andrew Shapiro met with a number of GOI officials on July 22-23 to stress the importance of the',
     ['Luis G. Moreno', 'DCM', ['1.4(b)', '1.4(d)']]),
    ('09UNVIEVIENNA289', 'Classified By: DEPUTY CHIEF OF MISSION GEOFFREY PYATT FOR REASONS 1.4 ( \nB) AND (D) \n \n------------------- \nSummary and Comment \n------------------- \n \n¶1. (C) Summary: The June Board debate on Syria unfolded along \nlarg',
     ['GEOFFREY PYATT', 'DEPUTY CHIEF OF MISSION', ['1.4(b)', '1.4(d)']]),
    ('08RIYADH1134', "Classified By: Charge' d'Affaires Michael Gfoeller for \nreasons 1.4 (b) and (d) \n \n¶1. (S) On July 21, Pol Counselor delivered demarche on the \nupcoming Non-Aligned Movement (NAM) Foreign Ministers meeting \nscheduled for",
     ['Michael Gfoeller', "Charge' d'Affaires", ['1.4(b)', '1.4(d)']]),
    ('09BERLIN1528', 'Classified By: DCM Greg T. Delawie for Reasons 1.4 (b) and (d).  ¶1. (C) SUMMARY: German Federal Interior Minister Thomas de Maiziere overruled Justice Minister Sabine Leutheusser-Schnarrenberger and abstained from votin',
     ['Greg T. Delawie', 'DCM', ['1.4(b)', '1.4(d)']]),
    ('09PARIS997', 'Classified By: Kathleen Allegrone, Political Minister-Counselor, 1.4 (b \n/d). \n \n¶1.  (C)  SUMMARY:  MFA AF A/S-equivalent Stephane Gompertz on \nJuly 21 expressed frustration with the political impasse in \nMadagascar; re',
     ['Kathleen Allegrone', 'Political Minister-Counselor', ['1.4(b)', '1.4(d)']]),
    ('08ISLAMABAD3418', 'Classified By: Anne W. Patterson for reasons 1.4 (b), (d).\n\n¶1. (C) Summary: On October 29, Pakistani xxxxxxxxxxxx \nconvoked Ambassador to raise several\nrecent hot-button issues. In response to a Pakistani Senate\nresolut',
     ['Anne W. Patterson', None, ['1.4(b)', '1.4(d)']]),
    ('06ISLAMABAD7770', "Classified By: Derived from DSCG 05-01, b.   1.  (C)  Summary.  In the week following Crown Prince Sultan Bin Abdul Aziz Al-Saud's April visit to Pakistan, PolCouns sought assessments in separate meetings with the MFA Di",
     [None, None, []]),
    ('09MANAMA442', 'Classified By: Ambassador Adam Ereli for reasons 1.4 (b) and (d).  ¶1. (C) SUMMARY: In a July 22 meeting with Assistant Secretary of Defense for International Security Affairs, Ambassador Alexander Vershbow, and the U.S.',
     ['Adam Ereli', 'Ambassador', ['1.4(b)', '1.4(d)']]),
    ('06NEWDELHI5266', "Classified By: Charge Geoff Pyatt for reasons 1.4 (B,D) \n \n¶1.  (C) Summary:  A poll commissioned by a leading Indian \nnews network concluded that Sonia Gandhi remains India's most \npopular politician, with Manmohan Sing",
     ['Geoff Pyatt', 'Charge', ['1.4(b)', '1.4(d)']]),
    ('08KIGALI796', 'Classified By: Ambassador Stuart Symington for Reason 1.4 (b) (d) \n\n¶1. (C) Summary. German authorities in Frankfurt arrested \nclose Kagame confidant and Chief of Rwandan Presidential \nProtocol, Rose Kabuye, under a Euro',
     ['Stuart Symington', 'Ambassador', ['1.4(b)', '1.4(d)']]),
    ('07ISLAMABAD4805', "Classified By: Anne W. Patterson, Reasons 1.4 (b), (d)  1. (C) Summary: Pakistan People's Party (PPP) leader Benazir Bhutto is under virtual house arrest.  Ambassador called Bhutto to urge her to consider the consequence",
     ['Anne W. Patterson', None, ['1.4(b)', '1.4(d)']]),
    ('09MOSCOW2529', 'Classified By: Political Minister Counselor Susan Elliott for reasons 1.4 (b), (d)  ¶1.  (C) SUMMARY:  During consultations with GOR officials on September 30, Assistant Secretary of Defense (ASD) for International Secur',
     ['Susan Elliott', 'Political Minister Counselor', ['1.4(b)', '1.4(d)']]),
    ('07KUALALUMPUR1446', "Classified By: Political Section Chief Mark D. Clark for \nreasons 1.4 (b and d). \n \nSummary \n------- \n \n¶1. (C) Former Deputy Prime Minister Anwar Ibrahim rocked \nMalaysia's legal establishment on September 19 when he he",
     ['Mark D. Clark', 'Political Section Chief', ['1.4(b)', '1.4(d)']]),
    ('09BOGOTA1588', 'Classified By: Ambassador William R. Brownfield \nReasons 1.4 (b and d) \n\nSUMMARY \n------- \n\n¶1. (C) The Ambassador met Colombian Army Commander Oscar \nGonzalez on May 8 to voice concern over extrajudicial killings and ot',
     ['William R. Brownfield', 'Ambassador', ['1.4(b)', '1.4(d)']]),
    ('07ISLAMABAD2648', "Classified By: Charge d'Affaires Peter Bodde, Reasons 1.4 (b), (d)   1.  (C) Summary:  Poloff delivered reftel demarche June 12 to Ministry of Foreign Affairs (MFA) Assistant Director of the Americas Kamran Mansoor, who ",
     ['Peter Bodde', "Charge d'Affaires", ['1.4(b)', '1.4(d)']]),
    ('09ISTANBUL336', 'Classified By: Consulate General Istanbul Deputy Principal Officer Win Dayton; Reason 1.5 (d).¶1. (C) Summary: A XXXXXXXXXXXX businessman who represents the XXXXXXXXXXXX company XXXXXXXXXXXX shared with us a discussion h',
     ['Win Dayton', 'Deputy Principal Officer', ['1.5(d)']]),
    # `reasons` split by a line wrap in the WikiLeaks viewer's text (wikileaks-2010-12 dump)
    ('05PARIS104', 'Classified By: Political Minister-Counselor Josiah Rosenblatt for reaso \nns 1.4 b and d. \n\n\u00b61. (C) Summary: The investigation agai',
     ['Josiah Rosenblatt', 'Political Minister-Counselor', ['1.4(b)', '1.4(d)']]),
    ('07PARIS3956', 'Classified By: Acting Political Minister-Counselor Andrew Young for rea \nsons 1.4. (b), (d). \n \n\u00b61.  (C)  During a September 19 ca',
     ['Andrew Young', 'Acting Political Minister-Counselor', ['1.4(b)', '1.4(d)']]),
    ('08PARIS1616', 'Classified By: Political Minister-Counselor Kathleen Allegrone for reas \nons 1.4 (B & D). \n\n\u00b61. (C) SUMMARY: On August 21, French ',
     ['Kathleen Allegrone', 'Political Minister-Counselor', ['1.4(b)', '1.4(d)']]),
    ('09PARIS1040', "Classified By: Kathleen Allegrone, Political Minister-Counselor, 1.4 (b \n/d). \n \n¶1.  (C)  SUMMARY:  MFA AF Deputy DAS-equivalent Laurent Bigot \non July 30 commented on a range of West Africa issues: \n \n--  Cote d'Ivoire",
     ['Kathleen Allegrone', 'Political Minister-Counselor', ['1.4(b)', '1.4(d)']]),
]


@pytest.mark.parametrize(("cable", "snippet", "expected"), CORPUS)
def test_by(cable, snippet, expected):
    assert (lambda b: b and [b.name, b.title, b.reasons])(fields.classified_by(snippet)) == expected, cable


REASONS = [  # the reason forms of the issue, each as written in a real cable
    ("06ISLAMABAD10261", "Reasons 1.4 (b) and (d)", ["1.4(b)", "1.4(d)"]),
    ("06NEWDELHI5237", "for reasons 1.4 (B,D)", ["1.4(b)", "1.4(d)"]),
    ("98ISLAMABAD3474", "REASON:  1.5 (B,D).", ["1.5(b)", "1.5(d)"]),
    ("09BOGOTA1588", "Reasons 1.4 (b and d)", ["1.4(b)", "1.4(d)"]),
    ("08ROME1386", "Reasons 1.4(c)", ["1.4(c)"]),
    ("10MUSCAT71", "REASON: 1.4(A), (B), (D)", ["1.4(a)", "1.4(b)", "1.4(d)"]),
    ("08RABAT194", "for reason 1.4 (b, c, and d).", ["1.4(b)", "1.4(c)", "1.4(d)"]),
    ("09KABUL1892", "for Reasons 1:4 b,d", ["1.4(b)", "1.4(d)"]),
    ("09STOCKHOLM194", "for reasons: 1/4 (B), (D), (E), and (G)", ["1.4(b)", "1.4(d)", "1.4(e)", "1.4(g)"]),
    ("09PARIS1040", "1.4 (b \n/d).", ["1.4(b)", "1.4(d)"]),
    ("07ISLAMABAD1813", "Charge Peter Bodde 1.5 (b), (d).", ["1.5(b)", "1.5(d)"]),
    ("06ISLAMABAD3195", "reasons 1.4 (b) and (d)  (C) On February 18", ["1.4(b)", "1.4(d)"]),
]


@pytest.mark.parametrize(("cable", "snippet", "expected"), REASONS)
def test_reasons(cable, snippet, expected):
    assert fields.reasons(snippet) == expected, cable


def test_declassified_by_nara_is_not_a_classifier():
    # 66BUENOSAIRES2481: "E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009" is a release note
    assert fields.classified_by("E.O. 12958: DECL: DECLASSIFIED BY NARA 09/02/2009 \nTAGS: EFIS PBTS AR") is None


def test_unclassified_cable_has_no_classifier():
    # 07KUALALUMPUR1403 is UNCLASSIFIED: no "Classified By" line
    assert fields.classified_by("UNCLASSIFIED KUALA LUMPUR 001403 \n \nSIPDIS \n \nE.O. 12958: N/A \n") is None
