# ruff: noqa: E501  (a table of real snippets: long lines are the cables' own)
"""Signers: the last lines of real cables, each naming its cable; footers, NNNN, release notes and repeated classification skipped.

Snippets come from the shared cable corpus (shared/data/cables; sources in samples/PROVENANCE.md); a cable appears twice when
both its multi-line (WikiLeaks viewer) and its flattened (MongoDB export) forms are in the sample.
"""

from __future__ import annotations

import pytest

from converters import fields

CORPUS = [
    ('08LONDON2211', "d to send a message to Georgia as well warning against this.\nVisit London's Classified Website: http://www.intelink.sgov.gov/wiki/Portal:Unit ed_Kingdom\nLEBARON",
     'LEBARON'),
    ('09STATE63860', 'ts of their investigations.\n\n¶31. XXXXXXXXXXXX SECRET//FGI//NOFORN\nFull Appendix with sourcing available upon request. CLINTON\nNNNN\nEnd Cable Text\n XXXXXXXXXXXX',
     'CLINTON'),
    ('08BERLIN531', ' U.S. administration. \n Consequently, German politicians might perceive less \npolitical advantage in a critical stance toward the U.S.  End \ncomment. \nTIMKEN JR',
     'TIMKEN'),
    ('07ANKARA1258', "y, compromise, and the \nconstitutional process will remain critical. \n \nVisit Ankara's Classified Web Site at \nhttp://www.state.sgov.gov/p/eur/ankara/ \n \nWILSON",
     'WILSON'),
    ('09ANKARA1549', 'Iran/Middle East isues, but antipathy towards Israel is a factor.JEFFREY"Visit Ankara\'s Classified Web Site at http://www.intelink.s gov.gov/wiki/Portal:Turkey"',
     'JEFFREY'),
    ('10LONDON131', "malbaf to relocate to London for their own safety. END COMMENT.Visit London's Classified Website: http://www.intelink.sgov.gov/wiki/Portal:Unit ed_KingdomSUSMAN",
     'SUSMAN'),
    ('09ANKARA1472', 'ise, \nbut the relationship has begun to sour. \n \nJEFFREY \n \n           "Visit Ankara\'s Classified Web Site at http://www.intelink.s \ngov.gov/wiki/Portal:Turkey"',
     'JEFFREY'),
    ('73TEHRAN7005', 'OF DATE ARREST TOOK PLACE. WILL \nREPORT FURTHER DEVELOPMENTS. \n \nHELMS \n \nDeclassified/Released US Department of State EO Systematic Review 30 JUN 2005 \n \nNNN \n',
     'HELMS'),
    ('08ANKARA536', "t would not garner a solid majority.\n\nVisit Ankara's Classified Web Site at http://www.intelink.sgov.gov/wiki/Portal:Turk ey\n\nAnkara 00000536 002 of 002\n\nWilson",
     'WILSON'),
    ('08STATE116943', '. He left the area on foot shortly afterward. (SIMAS\nEvent: Taipei-00195-2008)\n\nSECRET//FGI//NOFORN//MR\nFull Appendix with sourcing available upon request.\nRICE',
     'RICE'),
    ('09BEIJING1761', 'ransactions.  He emphasized that this type of\nmonitoring should be done on a global scale, and not simply\ntargeted at the DPRK, said XXXXXXXXXXXX.\nPICCUTA\n\nNNNN',
     'PICCUTA'),
    ('08ANKARA1643', "e again if these or additional corruption charges are substantiated.Visit Ankara's Classified Web Site at http://www.intelink.sgov.gov/wiki/Portal:Turk eyWilson",
     'WILSON'),
    ('08RABAT185', "*************************** \nVisit Embassy Rabat's Classified Website; \nhttp://www.state.sgov.gov/p/nea/rabat \n***************************************** \n\nRiley",
     'RILEY'),
    ('09LONDON604', "d would justify turning away from the UK's two main parties.\nVisit London's Classified Website: http://www.intelink.sgov.gov/wiki/Portal:Unit ed_Kingdom\nLEBARON",
     'LEBARON'),
    ('09ANKARA1583', 'their interest in reining in Erdogan on Iran. \n \nJEFFREY \n \n           "Visit Ankara\'s Classified Web Site at http://www.intelink.s \ngov.gov/wiki/Portal:Turkey"',
     'JEFFREY'),
    ('07ANKARA1091', 'he didn\'t want to do, even "for the greater good for his party." End comment.Visit Ankara\'s Classified Web Site at http://www.state.sgov.gov/p/eur/ankara/WILSON',
     'WILSON'),
    ('09RABAT1009', "************* \nVisit Embassy Rabat's Classified Website; \nhttp://www.intelink.sgov.gov/wiki/Portal:Moro cco \n***************************************** \n\nJACKSON",
     'JACKSON'),
    ('08LONDON1001', "nal discussion on the evolving security threats that do face the UK.\nVisit London's Classified Website: http://www.state.sgov.gov/p/eur/london/index. cfm Tuttle",
     'TUTTLE'),
    ('10ANKARA251', 'cDef has cleared this cable.  Drafted by OSD staff. Jeffrey             "Visit Ankara\'s Classified Web Site at http://www.intelink.s gov.gov/wiki/Portal:Turkey"',
     'JEFFREY'),
    ('09LONDON2742', "ticize the U.S. if it gets no further international traction.\nVisit London's Classified Website: http://www.intelink.sgov.gov/wiki/Portal:Unit ed_Kingdom\nSusman",
     'SUSMAN'),
    ('07ISLAMABAD2574', 'mmed Ali Durrani in his defense of government actions. There are continuing rumors that he may replace Durrani as the Information Minister. End comment.  BODDE ',
     'BODDE'),
    ('85STATE38496', ' GROUPS HAVE ALSO \nCLAIMED CREDIT FOR THE SAME INCIDENT.  THE BEST AVAILABLE \nEVIDENCE INDICATES THAT LIBYA WAS RESPONSIBLE FOR \nGULF/RED SEA MINES. \n \nSHULTZ \n',
     'SHULTZ'),
    ('06ISLAMABAD10261', "hat the media is notoriously cynical. Kasuri may be mildly worried that he has gone out on a limb by endorsing the Secretary's statement so vigorously.\n\nCROCKER",
     'CROCKER'),
    ('07KUALALUMPUR1403', 'are concerned about weak exports and the knock-on effects of the \nsub-prime crisis in the U.S. on Malaysia and other regional \neconomies.  End Comment. \n \nSHEAR',
     'SHEAR'),
    ('05PARIS5539', 'isappear from France, acceptance of Muslims as \nfull, participating members of French society will go a long \nway to minimizing its reach. End comment. \nHofmann',
     'HOFMANN'),
    ('06ISLAMABAD8391', "Post will monitor MFA, SBP and MinFin action against the Jemaah Islamiya members to assess the efficacy of the GOP's terror finance sanctions procedures. BODDE ",
     'BODDE'),
    ('75TEHRAN2069', 'DING SEVERAL DISADVANTAGES BOTH DOMESTICALLY AND INTERNATIONALLY. \n \n \nHELMS \n \nDeclassified/Released US Department of State EO \nSystematic Review 05 JUL 2006 \n',
     'HELMS'),
    ('10KABUL693', 'r his activity closely, and deliver a recurring, transparent message to him of where are redlines are and what we expect of him in the months ahead. RICCIARDONE',
     'RICCIARDONE'),
    ('09USEUBRUSSELS1177', 'te and \nconsistent with established interagency procedures) in advance of \nfuture meetings of the WCO CAP group to ensure optimal USG \nrepresentation. \n \nMurray',
     'MURRAY'),
    ('09LONDON2222', ' broader negotiation, we stand ready to participate and act."\nVisit London\'s Classified Website: http://www.intelink.sgov.gov/wiki/Portal:Unit ed_Kingdom\nSUSMAN',
     'SUSMAN'),
    ('06ISLAMABAD4960', "sion or reference via unclassified email or telephone conversation to the portion of the Senator's Pakistan program being planned through OGA channels. CROCKER ",
     'CROCKER'),
    ('85MOGADISHU1292', 'BYAN INVOLVEMENT CANNOT BE EXCLUDED, \nALTHOUGH THIS WOULD MEAN ADDING A NEW ELEMENT \nTO THE CURRENT SOVIET/CUBAN MILITARY INVOLVEMENT \nIN ETHIOPIA. \n \nBRIDGES \n',
     'BRIDGES'),
    ('08CAIRO9', ') Congressman Steve Pearce (R-NM) Congressman Rob Bishop (R-UT) Congressman Phil Gingrey (R-GA)  ¶13. (U) The delegation did not clear this message. Ricciardone',
     'RICCIARDONE'),
    ('07KINGSTON382', "RST SEARGEANT, FORT BLISS, TX \nTraining Starts:   29 March 2007 \nTravel Date:       28 March 2007 \n \n \n¶3.  Post appreciates Department's assistance. \n \nJOHNSON",
     'JOHNSON'),
    ('08CAIRO9', 'gressman Steve Pearce (R-NM) \nCongressman Rob Bishop (R-UT) \nCongressman Phil Gingrey (R-GA) \n \n¶13. (U) The delegation did not clear this message. \nRicciardone',
     'RICCIARDONE'),
    ('07ISLAMABAD5361', ' forward for the future and Pakistan must have free and fair elections.  13.  (U)  Codel Specter did not have an opportunity to clear this message.   PATTERSON ',
     'PATTERSON'),
    ('79TEHRAN11260', 'S KURDS AND ARABS, BUT DISMISSED THE THOUGHT THAT THESE USSR MIGHT HAVE INFLUENCE IN BAGHDAD TO RESTRAIN THE IRAQIS.  "THEY ARE JUST CRAZY PEOPLE." \n \nLAINGEN \n',
     'LAINGEN'),
    ('09TELAVIV2502', 'nvolved in countering AQIM with 3,800 soldiers in Sudan -- this should be encouraged and expanded.  ¶20. (U) A/S Shapiro has cleared on this cable.   CUNNINGHAM',
     'CUNNINGHAM'),
    ('06NEWDELHI5238', 'vided no further \ndetails.  Vimal also mentioned that the Afghan and Indian \nCommerce Ministers plan to meet in Kabul, but a date has not \nyet been set. \nPYATT\n',
     'PYATT'),
]


@pytest.mark.parametrize(("cable", "snippet", "expected"), CORPUS)
def test_signer(cable, snippet, expected):
    assert fields.signer(snippet) == expected, cable


OTHER_CABLES = [  # cable ends quoted in heuer/cablemap's signer tests (BSD-3-Clause), with the cables they name
    ("85BAGHDAD3988", "MAKING THE SOVIETS A SUFFICIENTLY ATTRACTIVE OFFER TO SWITCH\nSIDES.-/\n\n\nNEWTON\n", "NEWTON"),
    ("86STATE29781", "EVOLUTION. END TEXT.\n\n4.  KAMPALA MINIMIZE CONSIDERED.\nUNQUOTE\n\nSHULTZ\n", "SHULTZ"),
    ("86ALEXANDRIA1240", "EGYPTIAN-ISRAELI TIES.  TUVAL IS ASSISTED IN HIS \n \n \nHAMBLEY \n", "HAMBLEY"),
    ("79ANKARA6618", "DISCUSSING KURDISH QUESTION.\n\nSPIERS\n", "SPIERS"),
]


@pytest.mark.parametrize(("cable", "snippet", "expected"), OTHER_CABLES)
def test_signer_of_other_cables(cable, snippet, expected):
    assert fields.signer(snippet) == expected, cable


def test_wrapped_sentence_end_is_no_signer():
    # 06BRIDGETOWN2164 ends on a wrapped sentence, with no signature
    assert fields.signer("\u00b63. PLEASE CABLE CONCURRENCE. BRIDGETOWN APPRECIATES TRINIDAD'S \nASSISTANCE.") is None
