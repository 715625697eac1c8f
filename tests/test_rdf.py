"""The RDF mapping of every field of the record contract, on real cables, checked against the SHACL shapes.

The parser does not fill every field yet (routing, classifier, summary, people); these tests fill them with what
the cables' own text says, so the mapping is ready when the parser is.
"""

from __future__ import annotations

import pyoxigraph as ox

from converters import readers
from converters.parse import parse
from converters.rdf import cable_quads
from converters.record import ClassifiedBy, Recipient
from ontology import reference
from ontology import terms as t
from tests.conftest import DAWN, SAMPLES

KINGSTON = SAMPLES / "plaintext" / "07KINGSTON382.txt"
CG = t.CG


def _cable(path):
    [raw] = list(readers.read(path, readers.detect_format(path)))
    return parse(raw)


def _store(cable) -> ox.Store:
    ids = t.Ids()
    store = ox.Store()
    for quads in reference.reference_quads(ids).values():
        store.extend(quads)
    store.extend(cable_quads(cable, ids, "2026-11-28T04:00:00"))
    return store


def _values(store, subject, predicate) -> set[str]:
    return {q.object.value for q in store.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(predicate), None)}


def test_routing_header_of_07kingston382():
    cable = _cable(KINGSTON)
    # the header: VZCZCXYZ0015 ... DE RUEHKG #0382 ... TO SECSTATE WASHDC PRIORITY 4496
    cable.transmission_id = "VZCZCXYZ0015"
    cable.recipients = [Recipient("SECSTATE WASHDC", route="RUEHC", precedence="PRIORITY", serial="4496")]
    cable.info_recipients = [{"name": "AMEMBASSY PORT OF SPAIN", "route": None, "precedence": None, "serial": None},
                             {"name": "CIA WASHINGTON DC", "route": None, "precedence": None, "serial": None}]
    store = _store(cable)
    ids = t.Ids()
    c = ids.cable("07KINGSTON382")
    assert _values(store, c, CG + "transmissionId") == {"VZCZCXYZ0015"}
    # addresses that name a post point to the post; others to an addressee node with the address as label
    assert _values(store, c, CG + "sentTo") == {ids.post("STATE")}
    assert _values(store, c, CG + "infoTo") == {ids.post("PORTOFSPAIN"), ids.addressee("CIA WASHINGTON DC")}
    assert _values(store, ids.addressee("CIA WASHINGTON DC"), t.RDFS + "label") == {"CIA WASHINGTON DC"}
    entry = ids.routing("07KINGSTON382", 1)
    assert _values(store, entry, CG + "precedence") == {"PRIORITY"}
    assert _values(store, entry, CG + "serial") == {"4496"}
    assert _values(store, entry, CG + "routingIndicator") == {"RUEHC"}
    assert _values(store, entry, CG + "routingKind") == {"action"}
    assert _values(store, ids.routing("07KINGSTON382", 2), CG + "routingKind") == {"info"}
    assert _values(store, c, CG + "sentBy") == {ids.post("KINGSTON")}
    from cablegraph.validate import check_store

    report = check_store(store)
    assert report.conforms, report.text


def test_classifier_summary_and_people_of_06islamabad10261():
    cable = _cable(DAWN)
    # "Classified By: Ambassador Ryan C. Crocker, Reasons 1.4 (b) and (d)"
    cable.classified_by = ClassifiedBy("Ryan C. Crocker", "Ambassador", ["1.4(b)", "1.4(d)"])
    cable.summary = "FM Kasuri told the Ambassador he had urged Iran's FM Muttaki to take the offer."
    cable.persons = [{"name": "Khurshid Kasuri", "surname": "Kasuri", "role": "Foreign Minister", "country": "PK",
                      "mentions": ["Kasuri"]},
                     {"name": "Manouchehr Mottaki", "surname": "Muttaki", "role": "Foreign Minister",
                      "country": "IR", "mentions": ["Muttaki"]}]
    cable.statements = [{"paragraph": 1, "speaker": "Kasuri", "addressee": "Ambassador", "verb": "told",
                         "text": "he had telephoned Iranian Foreign Minister Muttaki the previous day"}]
    store = _store(cable)
    ids = t.Ids()
    c = ids.cable("06ISLAMABAD10261")
    crocker = ids.person("ryan-c-crocker")
    assert _values(store, c, CG + "classifiedBy") == {crocker}
    assert _values(store, crocker, t.FOAF + "name") == {"Ryan C. Crocker"}
    assert _values(store, c, CG + "classifierTitle") == {"Ambassador"}
    assert _values(store, c, CG + "classificationReason") == {"1.4(b)", "1.4(d)"}
    assert _values(store, c, CG + "summary") == {cable.summary}
    # persons without a corpus-wide id (no Wikidata/POCOM link here) get IRIs local to the cable
    kasuri, mottaki = (ids.person(f"06ISLAMABAD10261-{name}") for name in ("Khurshid Kasuri", "Manouchehr Mottaki"))
    assert _values(store, c, CG + "mentions") == {kasuri, mottaki}
    assert _values(store, kasuri, CG + "country") == {ids.topic("PK")}
    statement = ids.statement("06ISLAMABAD10261", 1, 1)
    assert _values(store, statement, CG + "speaker") == {kasuri}
    assert _values(store, statement, CG + "reportingVerb") == {"told"}
    assert _values(store, c, CG + "signedBy") == {ids.signer("ISLAMABAD", "CROCKER")}
    assert _values(store, c, CG + "declassifyOn") == {"2016-06-02"}
    assert _values(store, c, CG + "handling") == {ids.caveat("SIPDIS")}
    from cablegraph.validate import check_store

    report = check_store(store)
    assert report.conforms, report.text


def test_provenance_says_file_record_time_and_converter_version():
    store = _store(_cable(DAWN))
    ids = t.Ids()
    graph = ids.cable_graph("06ISLAMABAD10261")
    activity = ids.ingest_activity("06ISLAMABAD10261")
    assert _values(store, graph, t.PROV + "wasGeneratedBy") == {activity}
    assert _values(store, graph, t.PROV + "generatedAtTime") == {"2026-11-28T04:00:00"}
    [agent] = _values(store, activity, t.PROV + "wasAssociatedWith")
    assert _values(store, agent, CG + "softwareVersion") == {"0.2.0"}
    source = ids.source("06ISLAMABAD10261")
    assert _values(store, source, CG + "sourcePath") == {str(DAWN.relative_to(SAMPLES.parent))} or \
        _values(store, source, CG + "sourcePath") == {str(DAWN)}
    assert _values(store, source, CG + "sourceRecord") == {"1"}
