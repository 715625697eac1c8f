"""Statements: who said what to whom, by paragraph, on real cables; and their RDF in the cable's graph."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest
from pyoxigraph import Store

from converters.parse import parse
from converters.rdf_people import people_quads
from converters.readers import read
from converters.statements import extract
from converters.verbs import sentences
from ontology.terms import Ids, sparql_prefixes

ROOT = Path(__file__).resolve().parent.parent


def cable(path: str, record: int = 1):
    """The parsed cable at a samples path and record number."""
    return parse(next(islice(read(ROOT / path), record - 1, None)))


@pytest.fixture(scope="module")
def dawn():
    c = cable("samples/dawn/06ISLAMABAD10261.txt")
    c.persons, c.statements = extract(c)
    return c


def _find(statements, para, speaker, verb=None):
    return [s for s in statements if s["paragraph"] == para and s["speaker"] == speaker
            and (verb is None or s["verb"] == verb)]


def test_kasuri_told_the_ambassador_about_his_call(dawn):
    told = _find(dawn.statements, 1, "Kasuri", "told")
    assert any(s["addressee"] == "Crocker" and "telephoned" in s["text"] for s in told)
    assert any(s["addressee"] == "Muttaki" for s in told)


def test_muttaki_said_iran_would_not_accept_preconditions(dawn):
    said = _find(dawn.statements, 2, "Muttaki", "said")
    assert any("will not accept these preconditions" in s["text"] for s in said)  # inverted: ", Muttaki said,"


def test_kasuri_urged_iran_to_suspend_enrichment(dawn):
    urged = _find(dawn.statements, 3, "Kasuri", "urged")
    assert urged and "suspension of its enrichment program" in urged[0]["text"] and urged[0]["addressee"] is None


def test_role_designation_speaks_as_the_person(dawn):
    replied = _find(dawn.statements, 5, "Crocker", "replied")
    assert replied and replied[0]["speaker_id"] == next(p["id"] for p in dawn.persons if p["surname"] == "Crocker")


def test_participle_and_pronoun_statements():
    c = cable("samples/plaintext/06NEWDELHI5237.txt")
    _, statements = extract(c)
    assert _find(statements, 2, "Khobargade", "stated")
    assert _find(statements, 6, "Mottaki", "announced")  # "Mottaki canceled ..., and four days later ... announced"
    assert not any(s["speaker"] == "Khobargade" for s in statements if s["paragraph"] == 3)


def test_sentences_do_not_split_after_abbreviations():
    text = "Kasuri met U.S. officials. He said the U.S. offer was good. Gen. Kayani agreed."
    spans = [text[a:b] for a, b in sentences(text)]
    assert spans == ["Kasuri met U.S. officials.", "He said the U.S. offer was good.", "Gen. Kayani agreed."]


def test_graph_says_who_said_what_to_whom(dawn):
    ids = Ids()
    store = Store()
    store.extend(list(people_quads(dawn, ids)))
    query = sparql_prefixes() + """
        SELECT ?para ?verb ?speakerName ?addresseeName ?qid WHERE {
          ?cable cg:hasStatement ?s . ?s cg:speaker ?sp ; cg:reportingVerb ?verb ; cg:paragraph ?para .
          ?sp foaf:familyName ?speakerName .
          OPTIONAL { ?s cg:addressee ?ad . ?ad foaf:name ?addresseeName }
          OPTIONAL { ?sp owl:sameAs ?qid }
        }"""
    rows = {(int(r["para"].value), r["verb"].value, r["speakerName"].value,
             r["addresseeName"].value if r["addresseeName"] else None, r["qid"].value if r["qid"] else None)
            for r in store.query(query, use_default_graph_as_union=True)}
    wd = "http://www.wikidata.org/entity/"
    # a person linked across the corpus goes by the linked name (Wikidata's label) in the shared persons graph
    assert (1, "told", "Kasuri", "Ryan Crocker", wd + "Q707883") in rows
    assert (2, "said", "Muttaki", None, wd + "Q374481") in rows
    assert (3, "urged", "Kasuri", None, wd + "Q707883") in rows
    links = list(store.query(sparql_prefixes() + f"""
        SELECT ?method ?conf WHERE {{ GRAPH <{ids.graph('links')}> {{
          ?p owl:sameAs wd:Q47216 ; cg:linkMethod ?method ; cg:linkConfidence ?conf }} }}"""))
    assert links and float(links[0]["conf"].value) >= 0.7
