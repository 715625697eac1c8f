"""Canned-query metadata and parameter binding: typed terms, never spliced text; clear errors naming the parameter."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

import queries
from queries.results import run
from tests.conftest import run_cli

CATALOGUE = queries.catalogue()


def test_every_query_has_grlc_metadata_and_a_runnable_example():
    assert len(CATALOGUE) >= 25
    for name, q in CATALOGUE.items():
        assert q.summary and q.description and q.tags, name
        for p in q.params:
            assert p.type in queries.TYPES and p.description, (name, p.name)
        queries.bound_text(q, q.example)  # the example binds
        ox.Store().query(queries.bound_text(q, q.example))  # and parses as SPARQL


def test_injection_in_a_string_is_bound_as_one_harmless_literal(sample_store):
    q = CATALOGUE["phrase_search"]
    hostile = 'x" } ; DROP ALL ; #'
    text = queries.bound_text(q, {"phrase": hostile})
    hits = [line for line in text.splitlines() if "DROP ALL" in line]
    assert hits and all(line.strip().startswith("VALUES") and '"x\\" } ; DROP ALL ; #"' in line for line in hits)
    store = ox.Store.read_only(str(sample_store))
    before = len(store)
    answer = run(store, q, {"phrase": hostile})
    assert answer.rows == [] and len(store) == before


def test_a_newline_and_a_quote_in_a_value_stay_inside_the_literal():
    q = CATALOGUE["phrase_search"]
    text = queries.bound_text(q, {"phrase": 'a"\n} SELECT * WHERE { ?s ?p ?o'})
    values_line = next(line for line in text.splitlines() if line.strip().startswith("VALUES"))
    assert "\\n} SELECT" in values_line and '\\"' in values_line


@pytest.mark.parametrize("bad", ["http://example.org/a> } DROP ALL { <x", "http://ex.org/<a>", "not an iri", "x y:z"])
def test_an_iri_with_angle_brackets_or_spaces_is_rejected(bad):
    q = CATALOGUE["cables_mentioning_wikidata_person"]
    with pytest.raises(queries.ParameterError, match="'item'"):
        queries.bound_text(q, {"item": bad})


@pytest.mark.parametrize(("name", "values", "param"), [
    ("cables_by_post", {"post": "MADRID", "from": "2006-13-45"}, "from"),
    ("cables_by_post", {"post": "MADRID", "to": "yesterday"}, "to"),
    ("cables_by_post", {"post": "MADRID; DROP"}, "post"),
    ("cable_summary", {"cable": 'x" } ; DROP ALL ; #'}, "cable"),
    ("most_cited_cables", {"limit": "ten"}, "limit"),
    ("most_cited_cables", {"limit": "0"}, "limit"),
    ("phrase_search", {"phrase": "iran", "field": "title"}, "field"),
    ("statements_by_person", {"person": "<script>"}, "person"),
    ("tag_timeline", {"tag": "PREL} ; DROP"}, "tag"),
])
def test_wrongly_typed_values_raise_an_error_naming_the_parameter(name, values, param):
    with pytest.raises(queries.ParameterError, match=f"'{param}'"):
        queries.bound_text(CATALOGUE[name], values)


def test_missing_and_unknown_parameters_are_errors():
    with pytest.raises(queries.ParameterError, match="'post' is required"):
        queries.bound_text(CATALOGUE["cables_by_post"], {})
    with pytest.raises(queries.ParameterError, match="unknown parameter"):
        queries.bound_text(CATALOGUE["cables_by_post"], {"post": "MADRID", "color": "red"})


def test_terms_are_typed():
    q = CATALOGUE["cables_by_post"]
    terms = queries.bind(q, {"post": "madrid", "from": "2006-01-01"})
    assert terms[ox.Variable("post")] == ox.Literal("MADRID")
    assert queries.bind(q, {"post": "New Delhi"})[ox.Variable("post")] == ox.Literal("NEWDELHI")
    assert terms[ox.Variable("from")] == ox.Literal("2006-01-01", datatype=ox.NamedNode(queries.XSD + "date"))
    text = queries.bound_text(CATALOGUE["most_cited_cables"], {"limit": "7"})
    assert "LIMIT 7" in text and "LIMIT 20" not in text


def test_cli_reports_a_bad_date_naming_the_parameter_with_exit_2(sample_store):
    proc = run_cli("queries", "run", "cables_by_post", "-p", "post=MADRID", "-p", "from=2006-02-30",
                   "--store", str(sample_store), check=False)
    assert proc.returncode == 2
    assert "'from'" in proc.stderr and "2006-02-30" in proc.stderr


def test_cli_list_show_and_run(sample_store):
    listing = run_cli("queries", "list").stdout
    assert "tag_timeline" in listing and "who_talks_to_whom" in listing
    shown = run_cli("queries", "show", "tag_timeline").stdout
    assert "#+ summary:" in shown and "SELECT ?month" in shown
    bound = run_cli("queries", "show", "tag_timeline", "-p", "tag=knnp").stdout
    assert 'VALUES (?tag) { ("KNNP") }' in bound
    proc = run_cli("queries", "run", "tag_cooccurrence", "-p", "tag=KNNP", "--store", str(sample_store),
                   "--format", "tsv")
    lines = proc.stdout.splitlines()
    assert lines[0] == "?other\t?cables"
    assert any(line.startswith('"IR"\t') for line in lines)


def test_values_go_where_the_query_marks_them():
    q = CATALOGUE["phrase_search"]
    text = queries.bound_text(q, {"phrase": "offer"})
    assert text.count('VALUES (?phrase ?field) { ("offer" "both") }') == 2 and "# @values" not in text
    inner = queries.bound_text(CATALOGUE["tag_pairs"], {"post": "PARIS", "limit": 3})
    assert inner.index('VALUES (?post) { ("PARIS") }') > inner.index("SELECT ?a ?b")
    assert "LIMIT 3" in inner and "LIMIT 30" not in inner
