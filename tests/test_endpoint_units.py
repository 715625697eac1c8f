"""Pure parts of the endpoint: the Accept parser and the SPARQL text checks, on the queries people send."""

from __future__ import annotations

import pytest

from endpoint import negotiate, sparql_text


def test_accept_q_values_pick_the_clients_favourite():
    accept = "text/csv;q=0.5, text/tab-separated-values, */*;q=0.1"
    assert negotiate.choose(accept, list(negotiate.SOLUTIONS)) == "text/tab-separated-values"
    # YASGUI's header: JSON first, anything else at lower quality.
    yasgui = "application/sparql-results+json,*/*;q=0.9"
    assert negotiate.negotiate("solutions", yasgui, None) == "application/sparql-results+json"
    # A specific range beats a wildcard, even with a lower q: q=0 excludes.
    assert negotiate.choose("*/*;q=0.8, application/sparql-results+json;q=0", ["application/sparql-results+json",
                                                                                "text/csv"]) == "text/csv"
    assert negotiate.choose("text/*", list(negotiate.GRAPH)) == "text/turtle"
    assert negotiate.choose(None, ["a/b", "c/d"]) == "a/b"


def test_not_acceptable_and_format_parameter():
    with pytest.raises(negotiate.NotAcceptable):
        negotiate.negotiate("solutions", "image/png", None)
    with pytest.raises(negotiate.NotAcceptable):
        negotiate.negotiate("boolean", None, "csv")
    assert negotiate.negotiate("solutions", "image/png", "tsv") == "text/tab-separated-values"
    assert negotiate.negotiate("graph", None, "xml") == "application/rdf+xml"
    assert negotiate.negotiate("graph", None, "application/n-quads") == "application/n-quads"
    # A notebook asking for plain JSON gets SPARQL JSON results, or JSON-LD for a graph.
    assert negotiate.negotiate("solutions", "application/json", None) == "application/json"
    assert negotiate.negotiate("graph", "application/json", None) == "application/json"
    assert negotiate.GRAPH["application/json"] == negotiate.GRAPH["application/ld+json"]


def test_service_targets_resolve_prefixes_and_skip_strings_and_comments():
    query = """PREFIX wdq: <https://query.wikidata.org/>
    # SERVICE <http://in-a-comment.example/>
    SELECT * WHERE {
      ?c <https://w3id.org/cablegraph/ontology#subject> "SERVICE <http://in-a-string.example/> {}" .
      SERVICE wdq:sparql { ?item ?p ?o }
      service silent <http://evil.example/sparql> { ?a ?b ?c }
    }"""
    assert sparql_text.service_targets(query) == ["https://query.wikidata.org/sparql", "http://evil.example/sparql"]
    allow = ["https://query.wikidata.org/sparql"]
    assert "evil.example" in sparql_text.service_refusal(query, allow)
    assert sparql_text.service_refusal("SELECT * { SERVICE ?x { ?s ?p ?o } }", allow)
    assert sparql_text.service_refusal("SELECT * { SERVICE <https://query.wikidata.org/sparql> {} }", allow) is None


def test_cap_rows_adds_or_lowers_the_top_level_limit_only():
    capped = sparql_text.cap_rows("SELECT ?c { { SELECT ?c { ?c ?p ?o } LIMIT 5000 } } # end", 100)
    assert capped.rstrip().endswith("LIMIT 100") and "LIMIT 5000" in capped
    assert sparql_text.cap_rows("SELECT * { ?s ?p ?o } LIMIT 7", 100).endswith("LIMIT 7")
    assert sparql_text.cap_rows("SELECT * { ?s ?p ?o } LIMIT 700", 100).endswith("LIMIT 100")
    values = sparql_text.cap_rows("SELECT * { ?s ?p ?o } VALUES ?s { <x:a> }", 9)
    assert values.index("LIMIT 9") < values.index("VALUES")
    assert sparql_text.cap_rows("ASK { ?s ?p ?o }", 9) == "ASK { ?s ?p ?o }"


def test_add_using_goes_before_where_of_modify_operations():
    update = ("CLEAR ALL ; INSERT DATA { GRAPH <x:g> { <x:a> a <x:T> } } ;\n"
              "INSERT { GRAPH <x:out> { ?s a <x:U> } } WHERE { ?s a <x:T> } ; DELETE WHERE { ?s a <x:Z> }")
    out = sparql_text.add_using(update, ["x:g"], ["x:n"])
    assert "} USING <x:g> USING NAMED <x:n> WHERE { ?s a <x:T> }" in out
    assert "DELETE WHERE" in out and out.count("USING <x:g>") == 1
    with pytest.raises(sparql_text.DatasetConflict):
        sparql_text.add_using("WITH <x:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", ["x:g"], [])


def test_a_worker_reopens_a_handle_whose_files_compaction_deleted(monkeypatch, tmp_path):
    """The writer's compaction can delete files a read-only snapshot still names (seen in CI as 'No such file or
    directory ... .sst'): the worker reopens its handle and runs the query again instead of answering 500."""
    import socket
    import threading

    import pyoxigraph as ox

    from endpoint import worker

    good = ox.Store()
    good.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("x")))

    class Stale:
        def query(self, *args, **kwargs):
            raise OSError("IO error: No such file or directory: While open a file for random read: 000021.sst")

    handles = iter([Stale(), good])
    monkeypatch.setattr(worker, "open_read_only", lambda path: next(handles))
    parent, child = socket.socketpair()
    thread = threading.Thread(target=worker.main, args=(child, str(tmp_path)), daemon=True)
    thread.start()
    link = worker.Link(parent)
    link.send({"query": "SELECT ?o WHERE { ?s ?p ?o }", "accept": "text/csv", "union": False})
    reply = link.recv()
    parent.close()
    assert reply[0] == "head" and b"x" in reply[2]
