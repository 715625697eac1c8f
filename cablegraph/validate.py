"""Validation: the ontology is consistent (owlready2 + HermiT) and the data conforms to the SHACL shapes (pyshacl).

The SHACL check streams the store: cable graphs are validated in batches, each batch together with the shared
and reference graphs (posts, topics, levels, caveats, ...), so memory does not grow with the corpus.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import rdflib

from ontology import terms as t


@dataclass
class OntologyReport:
    """What the reasoner said about the ontology."""

    consistent: bool
    classes: int = 0
    inconsistent_classes: list[str] = field(default_factory=list)
    message: str = ""


@dataclass
class ShaclReport:
    """What pyshacl said about the data: conforms, how many cables were checked, the violations in words."""

    conforms: bool = True
    cables: int = 0
    violations: int = 0
    text: str = ""
    results: list[str] = field(default_factory=list)


def ontology_as_rdfxml(path: Path, ttl: Path = t.ONTOLOGY_FILE) -> Path:
    """Write the Turtle ontology as RDF/XML (owlready2 reads no Turtle) and return the written path."""
    rdflib.Graph().parse(ttl).serialize(path, format="xml")
    return path


def check_ontology(ttl: Path = t.ONTOLOGY_FILE) -> OntologyReport:
    """Load the ontology with owlready2 and run HermiT; report consistency and unsatisfiable classes."""
    import owlready2

    with tempfile.TemporaryDirectory() as tmp:
        owl = ontology_as_rdfxml(Path(tmp) / "cables.owl", ttl)
        world = owlready2.World()
        onto = world.get_ontology(owl.as_uri()).load()
        try:
            with onto:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError as exc:
            return OntologyReport(consistent=False, message=f"inconsistent: {exc}")
        unsatisfiable = sorted(c.iri for c in world.inconsistent_classes())
        classes = len(list(onto.classes()))
        world.close()
    return OntologyReport(consistent=not unsatisfiable, classes=classes, inconsistent_classes=unsatisfiable,
                          message="consistent" if not unsatisfiable else "unsatisfiable classes")
