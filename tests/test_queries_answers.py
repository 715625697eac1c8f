"""Each cable-level canned query on the sample store, checked against what the sample cables say."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

import queries
from queries.results import run

CATALOGUE = queries.catalogue()
DAWN = "06ISLAMABAD10261"
DAWN_SUBJECT = 'FM KASURI TELLS IRAN "TAKE THE OFFER"'


@pytest.fixture(scope="module")
def store(sample_store):
    return ox.Store.read_only(str(sample_store))


def rows(store, name, **values):
    """The answer of a canned query as a list of dicts."""
    return run(store, CATALOGUE[name], values).records()


def count(store, sparql):
    """One number from a hand-written check query (independent of the canned query under test)."""
    prefixes = "PREFIX cg: <https://w3id.org/cablegraph/ontology#>\nPREFIX dcterms: <http://purl.org/dc/terms/>\n"
    prefixes += "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    [row] = list(store.query(prefixes + sparql, use_default_graph_as_union=True))
    return int(row[0].value)


def test_cables_by_post_in_a_date_range(store):
    got = rows(store, "cables_by_post", post="MADRID", **{"from": "2006-01-01", "to": "2006-12-31"})
    assert got and all(r["ref"].startswith("06MADRID") and r["created"].startswith("2006-") for r in got)
    assert [r["created"] for r in got] == sorted((r["created"] for r in got), reverse=True)
    assert any("AZNAR" in r["subject"] for r in got)
    everything = rows(store, "cables_by_post", post="MADRID")
    assert len(everything) > len(got)
    assert len(everything) == count(store, 'SELECT (COUNT(?c) AS ?n) WHERE { ?c cg:sentBy/cg:stationKey "MADRID" ; '
                                           "dcterms:created ?d }")


def test_post_cables_all_takes_the_year_of_undated_cables_from_the_reference(store):
    got = rows(store, "post_cables_all", post="ISLAMABAD")
    assert len(got) == count(store, 'SELECT (COUNT(?c) AS ?n) WHERE { ?c cg:sentBy/cg:stationKey "ISLAMABAD" }')
    dawn = next(r for r in got if r["ref"] == DAWN)
    assert dawn["year"] == "2006" and dawn["classification"] == "CONFIDENTIAL"
    undated = [r for r in got if r["created"] is None and r["year"]]
    assert undated and all(r["year"][2:] == r["ref"][:2] for r in undated)


def test_cable_summary_of_the_dawn_cable(store):
    [row] = rows(store, "cable_summary", cable=DAWN)
    assert row["post"] == "ISLAMABAD" and row["classification"] == "CONFIDENTIAL"
    assert set(row["tags"].split()) == {"PK", "PREL", "PGOV", "IR", "KNNP"}
    assert set(row["references"].split()) == {"06ISLAMABAD10142", "06STATE87686"}
    assert row["subject"] == DAWN_SUBJECT and row["signer"] == "CROCKER" and row["declassifyOn"] == "2016-06-02"


def test_cable_paragraphs_and_text(store):
    got = rows(store, "cable_paragraphs", cable=DAWN)
    assert [r["number"] for r in got] == ["1", "2", "3", "4", "5"]
    assert all(r["marking"] == "C" for r in got)
    assert got[0]["text"].startswith("On June 2, Pakistani Foreign Minister Kasuri told the Ambassador")
    [whole] = rows(store, "cable_text", cable=DAWN)
    assert "Muttaki thanked Kasuri again for calling" in whole["text"]


def test_what_a_cable_cites_and_what_cites_it(store):
    cites = {r["ref"]: r for r in rows(store, "cable_cites", cable=DAWN)}
    assert set(cites) == {"06ISLAMABAD10142", "06STATE87686"} and all(r["direct"] == "true" for r in cites.values())
    cited_by = {r["ref"]: r["direct"] for r in rows(store, "cable_cited_by", cable="06STATE87686")}
    # 06ISLAMABAD10850 cites the Dawn cable, which cites STATE 87686: an indirect citation
    assert cited_by == {DAWN: "true", "06ISLAMABAD10850": "false"}
    transitive = {r["ref"]: r["direct"] for r in rows(store, "cable_cites", cable="06ISLAMABAD10850")}
    assert transitive[DAWN] == "true" and transitive["06STATE87686"] == "false"
    direct = rows(store, "cables_citing", cable="06STATE87686")
    assert [r["ref"] for r in direct] == [DAWN]


def test_citation_network_is_an_edge_list_around_the_cable(store):
    edges = {(r["source"], r["target"]) for r in rows(store, "citation_network", cable=DAWN)}
    assert {(DAWN, "06STATE87686"), (DAWN, "06ISLAMABAD10142"), ("06ISLAMABAD10850", DAWN)} <= edges


def test_most_cited_cables(store):
    got = rows(store, "most_cited_cables", limit=5)
    assert len(got) == 5
    counts = [int(r["citations"]) for r in got]
    assert counts == sorted(counts, reverse=True)
    top = got[0]["ref"]
    assert counts[0] == count(store, f'SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ ?c cg:references/cg:referenceId '
                                     f'"{top}" }}')
    assert counts[0] >= 2


def test_tag_timeline_by_month(store):
    got = rows(store, "tag_timeline", tag="KNNP")
    months = [r["month"] for r in got]
    assert months == sorted(months) and "2006-06" in months
    assert sum(int(r["cables"]) for r in got) == count(
        store, 'SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c cg:tag/cg:tagCode "KNNP" ; dcterms:created ?d }')


def test_tag_by_year_and_post(store):
    got = rows(store, "tag_by_year", tag="KNNP")
    assert {"year": "2006", "post": "ISLAMABAD"}.items() <= next(
        r for r in got if r["year"] == "2006" and r["post"] == "ISLAMABAD").items()
    assert sum(int(r["cables"]) for r in got) == len(rows(store, "cables_with_tag", tag="KNNP"))


def test_tags_that_occur_together(store):
    got = {r["other"]: int(r["cables"]) for r in rows(store, "tag_cooccurrence", tag="KNNP")}
    assert {"PK", "PREL", "PGOV", "IR"} <= set(got) and "KNNP" not in got
    both = rows(store, "cables_with_tags_both", tag="IR", other="KNNP")
    assert got["IR"] == len(both) and DAWN in {r["ref"] for r in both}
    pairs = rows(store, "tag_pairs", post="ISLAMABAD", limit=10)
    assert len(pairs) == 10 and all(r["source"] < r["target"] for r in pairs)
    assert (pairs[0]["source"], pairs[0]["target"]) == ("PK", "PREL")
    assert int(pairs[0]["cables"]) == count(
        store, 'SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c cg:sentBy/cg:stationKey "ISLAMABAD" ; '
               'cg:tag/cg:tagCode "PK", "PREL" }')


def test_top_tags_of_a_post_and_overall(store):
    madrid = rows(store, "top_tags", post="MADRID", limit=5)
    # every Madrid cable carries the country code of Spain
    assert madrid[0]["tag"] == "SP" and int(madrid[0]["cables"]) == len(rows(store, "post_cables_all", post="MADRID"))
    overall = rows(store, "top_tags", limit=3)
    assert overall[0]["tag"] == "PREL" and int(overall[0]["cables"]) > int(madrid[1]["cables"])


def test_posts_reporting_on_a_country_tag(store):
    got = {r["post"]: r for r in rows(store, "posts_reporting_on_tag", tag="IR")}
    assert {"TEHRAN", "ISLAMABAD"} <= set(got)
    assert got["TEHRAN"]["first"].startswith("197")


def test_classification_and_noforn_share_by_post_and_year(store):
    got = rows(store, "classification_by_post_year")
    for r in got:
        assert int(r["secret"]) + int(r["confidential"]) + int(r["unclassified"]) <= int(r["cables"])
        assert float(r["nofornPercent"]) == pytest.approx(100 * int(r["noforn"]) / int(r["cables"]), abs=0.06)
    assert sum(int(r["noforn"]) for r in got) == count(
        store, 'SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c cg:caveat/skos:notation "NOFORN" ; cg:sentBy ?p }')
    isl = rows(store, "classification_by_post_year", post="ISLAMABAD")
    assert {r["post"] for r in isl} == {"ISLAMABAD"} and "2006" in {r["year"] for r in isl}


def test_classification_counts_and_listing(store):
    counts = {r["classification"]: r for r in rows(store, "classification_counts")}
    assert {"SECRET", "CONFIDENTIAL", "UNCLASSIFIED"} <= set(counts)
    secret_noforn = rows(store, "cables_with_caveat", caveat="NOFORN", level="SECRET")
    assert len(secret_noforn) == int(counts["SECRET"]["noforn"]) > 0
    assert {r["classification"] for r in secret_noforn} == {"SECRET"}
    all_noforn = rows(store, "cables_with_caveat", caveat="NOFORN")
    assert len(all_noforn) == sum(int(r["noforn"]) for r in counts.values())
    confidential = rows(store, "cables_by_classification", level="CONFIDENTIAL")
    assert DAWN in {r["ref"] for r in confidential} and len(confidential) == int(counts["CONFIDENTIAL"]["cables"])


def test_post_activity_and_overview(store):
    years = rows(store, "post_activity_by_year", post="MADRID")
    assert [r["year"] for r in years] == sorted(r["year"] for r in years)
    overview = {r["post"]: r for r in rows(store, "posts_overview", limit=100)}
    ranked = [int(r["cables"]) for r in rows(store, "posts_overview", limit=5)]
    assert len(ranked) == 5 and ranked == sorted(ranked, reverse=True)
    assert overview["MADRID"]["label"] == "Embassy Madrid"
    assert sum(int(r["cables"]) for r in years) == int(overview["MADRID"]["cables"])


def test_signers_of_a_post_over_time(store):
    got = rows(store, "signers_of_post", post="ISLAMABAD")
    # the signature line CROCKER resolves to the chief of mission's full name (POCOM / Wikidata)
    crocker_2006 = [r for r in got if "crocker" in r["signer"].lower() and r["year"] == "2006"]
    assert crocker_2006 and all(r["signer"] != "CROCKER" for r in crocker_2006)
    assert all(r["firstRef"] <= r["lastRef"] for r in got)


def test_phrase_search_in_subject_and_text(store):
    in_text = {r["ref"]: r["where"] for r in rows(store, "phrase_search", phrase="Take The Offer")}
    assert in_text[DAWN] == "subject+text"
    subject_only = rows(store, "phrase_search", phrase="enrichment", field="subject")
    body = rows(store, "phrase_search", phrase="enrichment", field="text")
    assert DAWN in {r["ref"] for r in body} and DAWN not in {r["ref"] for r in subject_only}


def test_declassification_due(store):
    got = rows(store, "declassification_due", **{"from": "2016-06-01", "to": "2016-06-30"})
    assert DAWN in {r["ref"] for r in got}
    assert all("2016-06-01" <= r["declassifyOn"] <= "2016-06-30" for r in got)


def test_limit_keeps_the_first_rows_in_order(store):
    every = rows(store, "cables_with_tag", tag="KNNP")
    assert len(every) > 3 and rows(store, "cables_with_tag", tag="KNNP", limit=3) == every[:3]


def test_people_and_statement_queries_on_the_extracted_sample_graph(store):
    """The people queries on what the extractor found in the samples (not a hand-made graph)."""
    said = rows(store, "statements_in_cable", cable=DAWN)
    assert ("1", "told", "Ryan Crocker") in {(r["paragraph"], r["verb"], r["addressee"]) for r in said}
    assert [r["paragraph"] for r in said] == sorted(r["paragraph"] for r in said)
    # the cable spells Muttaki; the person is linked to Wikidata's Manouchehr Mottaki, so either name finds him
    by_mottaki = rows(store, "statements_by_person", person="Mottaki")
    assert any(r["ref"] == DAWN and "not accept these preconditions" in r["text"] for r in by_mottaki)
    people = {r["name"]: r for r in rows(store, "people_in_cable", cable=DAWN)}
    assert people["Ryan Crocker"]["relation"].split() == ["classifiedBy", "signedBy", "mentions"]
    assert people["Khurshid Mahmud Kasuri"]["wikidata"].endswith("/Q707883")
    linked = rows(store, "cables_mentioning_wikidata_person", item="http://www.wikidata.org/entity/Q707883")
    assert DAWN in {r["ref"] for r in linked}
    pairs = rows(store, "who_talks_to_whom")
    assert any(r["source"] == "Khurshid Mahmud Kasuri" and r["target"] == "Ryan Crocker" for r in pairs)
