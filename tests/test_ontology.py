"""The ontology: well-formed OWL 2 that HermiT finds consistent, every term documented, every record field mapped."""

from __future__ import annotations

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from cablegraph.validate import check_ontology
from ontology import terms as t

CG = rdflib.Namespace(t.CG)
SCHEMA = rdflib.Namespace(t.SCHEMA)


def _ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(t.ONTOLOGY_FILE)


def test_hermit_finds_the_ontology_consistent():
    report = check_ontology()
    assert report.consistent, report.message
    assert report.inconsistent_classes == []
    assert report.classes >= 15


def test_every_cg_term_has_label_comment_domain_and_range():
    g = _ontology()
    terms = {s for s in g.subjects(RDF.type, None) if isinstance(s, rdflib.URIRef) and str(s).startswith(t.CG)}
    assert len(terms) > 60
    for term in terms:
        assert g.value(term, RDFS.label) is not None, term
        assert g.value(term, RDFS.comment) is not None, term
    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty)
    properties = {p for p in terms if any((p, RDF.type, kind) in g for kind in kinds)}
    cross_cutting = {CG.country, CG.linkMethod, CG.linkConfidence, CG.routingIndicator, CG.city}
    for prop in properties - cross_cutting:
        assert g.value(prop, RDFS.domain) is not None, f"{prop} has no domain"
    for prop in properties - {CG.city}:
        assert g.value(prop, RDFS.range) is not None or g.value(prop, SCHEMA.rangeIncludes) is not None, prop


def test_terms_the_code_and_the_people_helper_use_are_declared():
    g = _ontology()
    declared = set(g.subjects(RDF.type, None))
    used = ["referenceId", "sentBy", "sentTo", "infoTo", "stationKey", "tag", "tagCode", "references",
            "classification", "caveat", "handling", "declassifyOn", "dtg", "signerName", "signedBy", "text",
            "hasParagraph", "paragraphNumber", "marking", "parseWarning", "sourcePath", "sourceRecord",
            "sourceFormat", "sourceRank", "classifiedBy", "classificationReason", "transmissionId", "summary",
            "mentions", "hasStatement", "speaker", "addressee", "reportingVerb", "paragraph", "role", "country",
            "linkMethod", "linkConfidence", "Cable", "Post", "Person", "Statement", "Topic", "Paragraph",
            "ClassificationLevel", "Caveat"]
    missing = [name for name in used if CG[name] not in declared]
    assert missing == []


def test_alignments_to_the_standard_vocabularies():
    g = _ontology()
    text = g.serialize(format="nt")
    for namespace in (t.DCTERMS, t.PROV, t.FOAF, t.ORG, t.SKOS, t.SCHEMA):
        assert f"<{namespace}" in text, namespace
    assert (CG.Cable, RDFS.subClassOf, SCHEMA.Message) in g
    assert (CG.Post, RDFS.subClassOf, rdflib.URIRef(t.ORG + "Organization")) in g
    assert (CG.Topic, RDFS.subClassOf, rdflib.URIRef(t.SKOS + "Concept")) in g
    version = g.value(rdflib.URIRef(t.ONTOLOGY_IRI), OWL.versionInfo)
    assert version is not None and str(version) in (t.ONTOLOGY_DIR / "CHANGELOG.md").read_text()


def test_the_endpoint_serves_the_ontology_by_content_negotiation(live_server):
    import httpx

    turtle = httpx.get(live_server + "/ontology", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200 and turtle.headers["content-type"].startswith("text/turtle")
    parsed = rdflib.Graph().parse(data=turtle.text, format="turtle")
    assert (CG.Cable, RDFS.subClassOf, SCHEMA.Message) in parsed
    html = httpx.get(live_server + "/ontology", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert html.headers["content-type"].startswith("text/html")
    assert "<td>cg:sentBy</td>" in html.text and "The post that sent the cable" in html.text
    jsonld = httpx.get(live_server + "/ontology", headers={"Accept": "application/ld+json"})
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    assert len(rdflib.Graph().parse(data=jsonld.text, format="json-ld")) == len(parsed)
    assert httpx.get(live_server + "/ontology?format=turtle").headers["content-type"].startswith("text/turtle")
    shapes = httpx.get(live_server + "/ontology/shapes")
    assert "sh:NodeShape" in shapes.text
    assert httpx.get(live_server + "/ontology/context.jsonld").json()["@context"]["cg"] == t.CG


def test_negotiation_honours_q_values():
    from endpoint.ontology_routes import negotiate

    offered = ["text/turtle", "text/html", "application/ld+json"]
    assert negotiate("text/html;q=0.5, text/turtle", offered) == "text/turtle"
    assert negotiate("application/ld+json", offered) == "application/ld+json"
    assert negotiate("*/*", offered) == "text/turtle"
    assert negotiate("text/html, */*;q=0.1", offered) == "text/html"


def test_docs_table_and_diagram_are_in_step_with_the_ontology():
    from ontology.describe import markdown_tables
    from ontology.diagram import dot_source

    docs = t.ONTOLOGY_DIR.parent / "docs"
    assert markdown_tables() in (docs / "ontology.md").read_text(encoding="utf-8")
    svg = (docs / "ontology.svg").read_text(encoding="utf-8")
    source = dot_source()
    for name in ("cg:Cable", "cg:Post", "cg:Person", "cg:Statement", "cg:Topic"):
        assert f'"{name}"' in source and name in svg
    assert '"cg:Cable" -> "cg:Post" [label="cg:sentBy"]' in source
