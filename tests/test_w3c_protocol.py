"""The W3C SPARQL 1.1 Protocol tests, played against a live server by a small runner of our own.

The runner reads tests/w3c/protocol/manifest.ttl (copied from w3c/rdf-tests, see tests/w3c/SOURCE.md). For each
test it empties the store, loads the test's graph data through the Graph Store Protocol, sends each request as the
manifest spells it (method, path, headers, body in its declared character encoding) and checks the expected status,
result format and boolean. The server runs with `--default-graph stored` (the store's own default graph, as the
tests expect) and an update token, which the runner sends with every request.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Namespace
from rdflib.collection import Collection
from rdflib.namespace import RDFS

from tests.conftest import start_server

HERE = Path(__file__).parent / "w3c" / "protocol"
MANIFEST = HERE / "manifest.ttl"
TOKEN = "w3c-runner-token"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
STATUS = "http://www.w3.org/2011/http-statusCodes#StatusCode"
RESULT_TYPES = {"boolean": ("application/sparql-results+json", "application/sparql-results+xml"),
                "tabular": ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                            "text/tab-separated-values"),
                "RDF": ("application/rdf+xml", "text/turtle", "application/n-triples", "text/html")}

# Tests that do not apply to this server, with the reason. Empty: every test of the manifest runs.
NOT_APPLICABLE: dict[str, str] = {}


@dataclass
class Exchange:
    """One request of a test and what its response must show."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes | None
    statuses: list[str]
    expected_format: str | None = None
    expected_boolean: bool | None = None


@dataclass
class ProtocolTest:
    """A manifest entry: its name, the graph data to load, its exchanges."""

    key: str
    name: str
    graph_data: list[tuple[Path, str]] = field(default_factory=list)
    exchanges: list[Exchange] = field(default_factory=list)


def read_manifest(path: Path = MANIFEST) -> list[ProtocolTest]:
    """Every test of the manifest, in its order."""
    g = Graph().parse(path, format="turtle", publicID=path.resolve().as_uri())
    manifest = next(g.subjects(MF.entries, None))
    tests = []
    for entry in Collection(g, g.value(manifest, MF.entries)):
        test = ProtocolTest(str(entry).rsplit("#", 1)[-1], str(g.value(entry, MF.name)))
        for data in g.objects(entry, UT.graphData):
            file = Path(str(g.value(data, UT.graph)).removeprefix("file://"))
            test.graph_data.append((file, str(g.value(data, RDFS.label))))
        action = g.value(entry, MF.action)
        for request in Collection(g, g.value(action, HT.requests)):
            headers = {}
            list_node = g.value(request, HT.headers)
            for header in Collection(g, list_node) if list_node else []:
                headers[str(g.value(header, HT.fieldName))] = str(g.value(header, HT.fieldValue))
            body_node = g.value(request, HT.body)
            body = None
            if body_node is not None:
                encoding = str(g.value(body_node, CNT.characterEncoding) or "UTF-8")
                body = str(g.value(body_node, CNT.chars)).encode(encoding)
            resp = g.value(request, HT.resp)
            boolean = g.value(resp, MF.expectedBoolean)
            fmt = g.value(resp, MF.expectedFormat)
            test.exchanges.append(Exchange(
                method=str(g.value(request, HT.methodName)), path=str(g.value(request, HT.absolutePath)),
                headers=headers, body=body, statuses=[str(s) for s in g.objects(resp, MF.expectedStatus)],
                expected_format=str(fmt) if fmt is not None else None,
                expected_boolean=boolean.toPython() if boolean is not None else None))
        tests.append(test)
    return tests


TESTS = read_manifest()


@pytest.fixture(scope="module")
def w3c_server(tmp_path_factory):
    store = tmp_path_factory.mktemp("w3c") / "store"
    proc, url = start_server(store, "--default-graph", "stored", "--update-token", TOKEN)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def _auth(headers: dict[str, str] | None = None) -> dict[str, str]:
    return {**(headers or {}), "Authorization": f"Bearer {TOKEN}"}


def _prepare(url: str, test: ProtocolTest) -> None:
    reset = httpx.post(url + "/sparql", content="DROP ALL",
                       headers=_auth({"Content-Type": "application/sparql-update"}))
    assert reset.status_code == 204, reset.text
    for file, graph in test.graph_data:
        put = httpx.put(url + "/rdf-graphs", params={"graph": graph}, content=(HERE / file.name).read_bytes(),
                        headers=_auth({"Content-Type": "application/n-triples"}))
        assert put.status_code in (201, 204), put.text


def _boolean(response: httpx.Response) -> bool:
    ctype = response.headers.get("content-type", "")
    if "xml" in ctype:
        return "<boolean>true</boolean>" in response.text
    return json.loads(response.text)["boolean"]


def check(exchange: Exchange, response: httpx.Response) -> None:
    """Assert that a response is what the manifest expects."""
    status = f"{STATUS}{response.status_code // 100}xx"
    assert status in exchange.statuses, f"status {response.status_code}: {response.text[:300]}"
    if exchange.expected_format:
        ctype = response.headers.get("content-type", "").split(";")[0].strip()
        assert ctype in RESULT_TYPES[exchange.expected_format], f"content type {ctype}"
    if exchange.expected_boolean is not None:
        assert _boolean(response) is exchange.expected_boolean, response.text


@pytest.mark.parametrize("test", TESTS, ids=[t.key for t in TESTS])
def test_w3c_protocol(w3c_server, test: ProtocolTest):
    if test.key in NOT_APPLICABLE:
        pytest.skip(NOT_APPLICABLE[test.key])
    _prepare(w3c_server, test)
    for exchange in test.exchanges:
        path = exchange.path.replace("/sparql/", "/sparql", 1)
        response = httpx.request(exchange.method, w3c_server + path, content=exchange.body,
                                 headers=_auth(exchange.headers), timeout=30)
        check(exchange, response)


def test_manifest_has_every_protocol_test():
    assert len(TESTS) == 34
    assert {t.key for t in TESTS} >= {"query_post_form", "update_dataset_full", "bad_update_dataset_conflict"}
    assert sum(len(t.exchanges) for t in TESTS) > 34 and all(t.exchanges for t in TESTS)
