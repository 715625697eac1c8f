"""The SPARQL 1.1 Service Description of the endpoint, in any RDF syntax the client accepts."""

from __future__ import annotations

import pyoxigraph as ox
from fastapi.responses import Response

from endpoint import negotiate
from endpoint.config import EndpointConfig

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"


def turtle(endpoint: str, config: EndpointConfig) -> str:
    """The service description of the endpoint at `endpoint` as Turtle."""
    features = [f"<{SD}BasicFederatedQuery>"]
    if config.union_default_graph:
        features.append(f"<{SD}UnionDefaultGraph>")
    languages = [f"<{SD}SPARQL11Query>"]
    if config.update_token:
        languages.append(f"<{SD}SPARQL11Update>")
    results = ["SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle",
               "N-Triples", "N-Quads", "TriG", "RDF_XML", "JSON-LD"]
    return f"""@prefix sd: <{SD}> .
@prefix void: <http://rdfs.org/ns/void#> .

[] a sd:Service ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage {", ".join(languages)} ;
  sd:feature {", ".join(features)} ;
  sd:resultFormat {", ".join(f"<{FORMATS}{name}>" for name in results)} ;
  sd:defaultDataset [
    a sd:Dataset ;
    sd:defaultGraph [ a sd:Graph ]
  ] .
"""


def response(endpoint: str, config: EndpointConfig, accept: str | None, fmt: str | None) -> Response:
    """The service description in the negotiated RDF syntax (406 when none is acceptable)."""
    try:
        media = negotiate.negotiate("graph", accept, fmt)
    except negotiate.NotAcceptable as exc:
        return Response(str(exc) + "\n", status_code=406, media_type="text/plain")
    text = turtle(endpoint, config)
    if media == "text/turtle":
        data = text.encode()
    else:
        triples = ox.parse(text.encode(), format=ox.RdfFormat.TURTLE)
        data = ox.serialize(triples, format=negotiate.GRAPH[media])
    return Response(data, media_type=negotiate.content_type(media), headers={"Vary": "Accept"})
