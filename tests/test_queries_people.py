"""The people and statement queries on the Dawn cable with its hand-made people graph (tests/data/dawn_people.ttl)."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

import queries
from queries.results import run
from tests.people_fixture import make_people_store

CATALOGUE = queries.catalogue()
DAWN = "06ISLAMABAD10261"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return ox.Store.read_only(str(make_people_store(tmp_path_factory.mktemp("people"))))


def rows(store, name, **values):
    """The answer of a canned query as a list of dicts."""
    return run(store, CATALOGUE[name], values).records()


def test_people_mentioned_with_a_person(store):
    got = {r["name"]: r for r in rows(store, "people_mentioned_with", person="kasuri")}
    assert set(got) == {"Muttaki", "Ryan C. Crocker", "Rice"}
    assert got["Muttaki"]["country"] == "IR" and got["Rice"]["role"] == "Secretary of State"
    # the family name finds the person as well as the full name
    assert {r["name"] for r in rows(store, "people_mentioned_with", person="Crocker")} == {"Kasuri", "Muttaki", "Rice"}


def test_statements_by_a_person_and_to_whom(store):
    got = rows(store, "statements_by_person", person="Kasuri")
    assert [(r["paragraph"], r["verb"], r["addressee"]) for r in got] == [
        ("1", "told", "Ryan C. Crocker"), ("1", "told", "Muttaki"), ("3", "urged", "Muttaki"),
        ("5", "observed", "Ryan C. Crocker")]
    assert "suspension of its enrichment program" in got[2]["text"]
    to_muttaki = rows(store, "statements_to_person", person="Muttaki")
    assert {r["speaker"] for r in to_muttaki} == {"Kasuri"} and len(to_muttaki) == 2


def test_statements_in_a_cable_in_paragraph_order(store):
    got = rows(store, "statements_in_cable", cable=DAWN)
    assert [r["paragraph"] for r in got] == ["1", "1", "2", "3", "4", "5", "5"]
    assert ("Ryan C. Crocker", "replied", "Kasuri") in {(r["speaker"], r["verb"], r["addressee"]) for r in got}


def test_who_talks_to_whom(store):
    got = {(r["source"], r["target"]): r for r in rows(store, "who_talks_to_whom")}
    assert set(got) == {("Kasuri", "Muttaki"), ("Muttaki", "Kasuri"), ("Kasuri", "Ryan C. Crocker"),
                        ("Ryan C. Crocker", "Kasuri")}
    assert got[("Kasuri", "Muttaki")]["statements"] == "2" and got[("Kasuri", "Muttaki")]["verbs"] == "told, urged"
    iran = {(r["source"], r["target"]) for r in rows(store, "who_talks_to_whom", country="IR")}
    assert iran == {("Kasuri", "Muttaki"), ("Muttaki", "Kasuri")}


def test_reporting_verbs(store):
    got = {r["verb"]: int(r["statements"]) for r in rows(store, "reporting_verbs")}
    assert got["told"] == 2 and sum(got.values()) == 7


def test_cables_mentioning_a_person_and_a_wikidata_item(store):
    assert [r["ref"] for r in rows(store, "cables_mentioning_person", person="Muttaki")] == [DAWN]
    [row] = rows(store, "cables_mentioning_wikidata_person", item="http://www.wikidata.org/entity/Q707883")
    assert row["ref"] == DAWN and row["name"] == "Kasuri" and row["post"] == "ISLAMABAD"
    assert rows(store, "cables_mentioning_wikidata_person", item="http://www.wikidata.org/entity/Q1") == []


def test_people_in_a_cable_and_of_a_country(store):
    got = {r["name"]: r for r in rows(store, "people_in_cable", cable=DAWN)}
    assert set(got["Ryan C. Crocker"]["relation"].split()) == {"mentions", "signedBy", "classifiedBy"}
    assert got["Kasuri"]["wikidata"] == "http://www.wikidata.org/entity/Q707883"
    assert {r["name"] for r in rows(store, "people_by_country", country="us")} == {"Ryan C. Crocker", "Rice"}


def test_who_classified_cables_at_a_post(store):
    [row] = rows(store, "classifiers_at_post", post="ISLAMABAD")
    assert (row["name"], row["title"], row["cables"]) == ("Ryan C. Crocker", "Ambassador", "1")
    assert row["first"].startswith("2006-06-02") and row["reasons"].split() == ["1.4(b)", "1.4(d)"]


def test_signer_full_name_wins_over_the_signature_line(store):
    [row] = rows(store, "signers_of_post", post="ISLAMABAD")
    assert row["signer"] == "Ryan C. Crocker" and row["year"] == "2006"


def test_person_timeline(store):
    assert rows(store, "person_timeline", person="Rice") == [{"month": "2006-06", "cables": "1"}]
