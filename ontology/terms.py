"""IRIs of the cablegraph vocabulary and the resources it names. The only module that spells them."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from urllib.parse import quote

ONTOLOGY_DIR = Path(__file__).parent
ONTOLOGY_FILE = ONTOLOGY_DIR / "cables.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"
DATA_DIR = ONTOLOGY_DIR / "data"

CG = "https://w3id.org/cablegraph/ontology#"
ONTOLOGY_IRI = "https://w3id.org/cablegraph/ontology"
DEFAULT_BASE = "https://w3id.org/cablegraph/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
DCTERMS = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
FOAF = "http://xmlns.com/foaf/0.1/"
SCHEMA = "https://schema.org/"
ORG = "http://www.w3.org/ns/org#"
WD = "http://www.wikidata.org/entity/"

PREFIXES: dict[str, str] = {
    "cg": CG,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "dcterms": DCTERMS,
    "skos": SKOS,
    "prov": PROV,
    "foaf": FOAF,
    "schema": SCHEMA,
    "org": ORG,
    "wd": WD,
}


def sparql_prefixes() -> str:
    """The PREFIX lines for every namespace above, to put in front of a query."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())


def _slug(value: str) -> str:
    return quote(value.strip().replace(" ", "_"), safe="_-.~")


def name_slug(name: str) -> str:
    """A person slug from a name: lower case ASCII words joined by hyphens ('Ryan C. Crocker' -> 'ryan-c-crocker')."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", folded.lower())) or "unknown"


class Ids:
    """Deterministic IRIs of the resources under one base (cables, posts, topics, people, graphs)."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base if base.endswith("/") else base + "/"

    def cable(self, ref_id: str) -> str:
        """The IRI of a cable, by reference id."""
        return f"{self.base}id/cable/{_slug(ref_id)}"

    def cable_graph(self, ref_id: str) -> str:
        """The named graph that holds everything one cable says."""
        return f"{self.base}graph/cable/{_slug(ref_id)}"

    def post(self, station: str) -> str:
        """The IRI of a sending post, by station key (ISLAMABAD, STATE, ...)."""
        return f"{self.base}id/post/{_slug(station)}"

    def topic(self, tag: str) -> str:
        """The IRI of a TAGS concept."""
        return f"{self.base}id/topic/{_slug(tag)}"

    def classification(self, level: str) -> str:
        """The IRI of a classification level concept."""
        return f"{self.base}id/classification/{_slug(level)}"

    def person(self, slug: str) -> str:
        """The IRI of a person, by a slug made from the name."""
        return f"{self.base}id/person/{_slug(slug)}"

    def statement(self, ref_id: str, paragraph: int | None, index: int) -> str:
        """The IRI of one statement: cable, paragraph, running number."""
        return f"{self.base}id/statement/{_slug(ref_id)}-{paragraph or 0}-{index}"

    def paragraph(self, ref_id: str, number: int) -> str:
        """The IRI of one numbered paragraph of a cable."""
        return f"{self.base}id/paragraph/{_slug(ref_id)}-{number}"

    def source(self, ref_id: str) -> str:
        """The IRI of the provenance record of a cable's current graph."""
        return f"{self.base}id/source/{_slug(ref_id)}"

    def graph(self, name: str) -> str:
        """The IRI of a reference-data graph (posts, tags, links, ontology)."""
        return f"{self.base}graph/{_slug(name)}"

    def signer(self, station: str, surname: str) -> str:
        """The IRI of the person who signs cables of a post under a surname (CROCKER at ISLAMABAD)."""
        return f"{self.base}id/person/signer-{_slug(station)}-{_slug(name_slug(surname))}"

    def addressee(self, name: str) -> str:
        """The IRI of a routing-header addressee by its plain-language address (SECSTATE WASHDC)."""
        return f"{self.base}id/addressee/{_slug(' '.join(name.upper().split()))}"

    def routing(self, ref_id: str, position: int) -> str:
        """The IRI of the n-th routing entry (TO or INFO line) of a cable."""
        return f"{self.base}id/routing/{_slug(ref_id)}-{position}"

    def caveat(self, code: str) -> str:
        """The IRI of a caveat or handling marker concept (NOFORN, SIPDIS, REL TO USA, AUS)."""
        return f"{self.base}id/caveat/{_slug(' '.join(code.upper().replace(',', ' ').split()))}"

    def ingest_activity(self, ref_id: str) -> str:
        """The IRI of the ingest activity that wrote a cable's current graph."""
        return f"{self.base}id/ingest/{_slug(ref_id)}"

    def agent(self, version: str) -> str:
        """The IRI of the software agent: one version of the cablegraph converters."""
        return f"{self.base}id/agent/cablegraph-converters/{_slug(version)}"

    def scheme(self, name: str) -> str:
        """The IRI of a SKOS concept scheme (tags, classification, caveats)."""
        return f"{self.base}id/scheme/{_slug(name)}"

    def prefixes(self) -> dict[str, str]:
        """Turtle prefixes for the resource namespaces under this base (cable:, post:, topic:, para:, ...)."""
        names = {"cable": "id/cable/", "post": "id/post/", "topic": "id/topic/", "person": "id/person/",
                 "para": "id/paragraph/", "routing": "id/routing/", "source": "id/source/", "ingest": "id/ingest/",
                 "addressee": "id/addressee/", "caveat": "id/caveat/", "level": "id/classification/",
                 "statement": "id/statement/", "scheme": "id/scheme/", "graph": "graph/cable/"}
        return {prefix: self.base + path for prefix, path in names.items()}
