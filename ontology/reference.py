"""Reference data as graphs: the ontology, posts, the TAGS concept scheme, classification levels and caveats.

Pure: the CSV tables in ontology/data/ (see ontology/data/PROVENANCE.md) in, pyoxigraph quads out, each table in
its own named graph. The composition root (cablegraph/reference.py) loads them into the store.
"""

from __future__ import annotations

import csv
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

from ontology import terms as t

GRAPHS = ("ontology", "reference-posts", "reference-tags", "reference-concepts")
POST_CLASSES = {"embassy": "Embassy", "consulate": "Consulate", "mission": "Mission", "department": "Department",
                "office": "Office"}
_TYPE = ox.NamedNode(t.RDF + "type")
_COMMENT = ox.NamedNode(t.RDFS + "comment")
_DECIMAL = ox.NamedNode(t.XSD + "decimal")
TAG_CLASSES = {"country": "CountryTag", "region": "RegionTag", "subject": "SubjectTag", "program": "ProgramTag",
               "organization": "OrganizationTag", "person": "PersonTag"}
_RUN_IN_PREFIXES = ("EFTO", "NOFORN", "SIPDIS", "NODIS", "EXDIS", "LIMDIS", "STADIS", "AMEMBASSY", "AMCONSUL")
_PERSON_TAG = re.compile(r"[ ,()]")


def _cg(name: str) -> ox.NamedNode:
    return ox.NamedNode(t.CG + name)


def _skos(name: str) -> ox.NamedNode:
    return ox.NamedNode(t.SKOS + name)


def _wd(qid: str) -> ox.NamedNode:
    return ox.NamedNode(t.WD + qid)


def _rows(name: str) -> list[dict[str, str]]:
    with (t.DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@dataclass(frozen=True)
class PostRow:
    """One reviewed post: station key, type, label, city, country (TAGS code) and Wikidata ids."""

    station_key: str
    type: str
    label: str
    city: str
    country_code: str
    country_name: str
    country_qid: str
    post_qid: str
    city_qid: str
    routing_indicators: tuple[str, ...]
    review: str


@lru_cache(maxsize=1)
def posts() -> dict[str, PostRow]:
    """The reviewed posts table by station key."""
    out = {}
    for row in _rows("posts.csv"):
        row["routing_indicators"] = tuple(r for r in row["routing_indicators"].split("|") if r)
        out[row["station_key"]] = PostRow(**row)
    return out


@lru_cache(maxsize=1)
def host_countries() -> dict[str, str]:
    """Station key to the ISO 3166-1 alpha-2 code of the government its post deals with, from the reviewed posts
    table: the post's country, but 'US' for a multilateral mission (USNATO, GENEVA) or a Washington office, which
    have no host government (and no bilateral chief of mission)."""
    iso = {row["code"]: row["iso2"] for row in _rows("countries.csv")}
    return {key: "US" if row.type in ("mission", "department") else iso.get(row.country_code, "")
            for key, row in posts().items()}


def resolve_station(key: str) -> PostRow | None:
    """The post of a station key, tolerating a word run into it (EFTOANKARA, NOFORNMOGADISHU) and misspellings."""
    table = posts()
    key = key.upper()
    if key in table:
        return table[key]
    for prefix in _RUN_IN_PREFIXES:
        if key.startswith(prefix) and key[len(prefix):] in table:
            return table[key[len(prefix):]]
    return _misspelt(key)


@lru_cache(maxsize=4096)
def _misspelt(key: str) -> PostRow | None:
    """The post of a misspelt station key (HONGKOG, NDJAENA): one close match of 6 letters or more, or None."""
    if len(key) < 6:
        return None
    matches = difflib.get_close_matches(key, list(posts()), n=2, cutoff=0.85)
    if len(matches) == 1 or (len(matches) == 2 and posts()[matches[0]].post_qid == posts()[matches[1]].post_qid
                             and posts()[matches[0]].post_qid):
        return posts()[matches[0]]
    return None


_ADDRESS_PREFIX = re.compile(r"^(?:AMEMBASSY|AMCONSUL(?:ATE)?|AMEMB|USMISSION|USMISSIN|US MISSION|USDEL|USLO|USINT)\s+")
_ADDRESS_SUFFIX = re.compile(r"\s+(?:[A-Z]{2}|NY|DC|PRIORITY|ROUTINE|IMMEDIATE|FLASH|NIACT)$")
_WASHINGTON = {"SECSTATE WASHDC", "SECSTATE WASHINGTON DC", "DEPT OF STATE WASHINGTON DC"}


@lru_cache(maxsize=1)
def _routes() -> dict[str, str]:
    """Routing indicator to station key (an indicator that names two posts is left out)."""
    seen: dict[str, set[str]] = {}
    for row in posts().values():
        for route in row.routing_indicators:
            seen.setdefault(route, set()).add(row.station_key)
    return {route: keys.pop() for route, keys in seen.items() if len(keys) == 1}


def resolve_addressee(name: str, route: str | None = None) -> PostRow | None:
    """The post a routing-header address names ('AMEMBASSY LONDON', 'SECSTATE WASHDC', RUEHLO), or None."""
    if route and route in _routes():
        return posts()[_routes()[route]]
    text = " ".join(name.upper().split())
    if text in _WASHINGTON:
        return posts().get("STATE")
    if not _ADDRESS_PREFIX.match(text):
        return posts().get(text.replace(" ", ""))  # an address that is a station key (USEU BRUSSELS)
    text = _ADDRESS_PREFIX.sub("", text)
    for candidate in (text, _ADDRESS_SUFFIX.sub("", text)):
        row = resolve_station(candidate.replace(" ", ""))
        if row is not None:
            return row
    return None


@lru_cache(maxsize=1)
def tag_table() -> dict[str, dict[str, str]]:
    """Every TAGS code the tables know: kind, label, Wikidata id, how the id was found and how sure it is."""
    table: dict[str, dict[str, str]] = {}

    def put(code: str, kind: str, label: str, qid: str = "", category: str = "", method: str = "",
            confidence: str = "") -> None:
        table[code] = {"kind": kind, "label": label, "qid": qid, "category": category, "method": method,
                       "confidence": confidence}

    for row in _rows("tags_organization.csv"):
        put(row["code"], "organization", row["label"], row["wikidata_qid"], method="tags_organization.csv")
    for row in _rows("tags_subject.csv"):
        kind = "program" if row["category"].startswith("Program") else "subject"
        put(row["code"], kind, row["label"], category=row["category"])
    countries = _rows("countries.csv")
    fips = {row["code"] for row in countries}
    for row in countries:  # a two-letter code that is no FIPS code may be an ISO code: lower confidence
        if row["iso2"] and row["iso2"] not in fips and row["iso2"] not in table and row["wikidata_qid"]:
            put(row["iso2"], "country", row["label"], row["wikidata_qid"],
                method="ISO 3166 alpha-2 fallback (not a FIPS code)", confidence="0.6")
    for row in countries:  # country codes win: cable country TAGS are FIPS (AU is Austria, not the African Union)
        high = row["source"].startswith("datasets") or "(high)" in row["source"]
        put(row["code"], "country", row["label"], row["wikidata_qid"], method=row["source"].split(":")[0],
            confidence="1.0" if high else "0.8")
    for row in _rows("tag_supplement.csv"):
        if row["tag_kind"] == "org":
            put(row["tag"], "organization", row["label"], row["wikidata_qid"], method="tag_supplement.csv",
                confidence="1.0" if row["confidence"] == "high" else "0.8")
    for row in _rows("tag_supplement_project.csv"):
        put(row["tag"], row["tag_kind"], row["label"], row["wikidata_qid"], method="tag_supplement_project.csv",
            confidence="1.0" if row["confidence"] == "high" else "0.8")
    return table


@lru_cache(maxsize=1)
def known_concepts() -> frozenset[str]:
    """The notations of the classification levels and caveats the concept table describes."""
    return frozenset(row["notation"] for row in _rows("concepts.csv"))


def tag_kind(code: str) -> str | None:
    """The kind of a TAGS code: country, region, subject, program, organization, person, or None when unknown.

    Codes the tables do not know get a kind by the TAGS handbook's form rules: two letters beginning with X or Z
    are regions, four letters beginning with K are programs, four letters beginning with A, B, C, E, M, O, P, S
    or T are subjects, and free text with spaces, commas or brackets names a person.
    """
    known = tag_table().get(code)
    if known:
        return known["kind"]
    if _PERSON_TAG.search(code):
        return "person"
    if re.fullmatch(r"[XZ][A-Z]", code):
        return "region"
    if re.fullmatch(r"K[A-Z]{3}", code):
        return "program"
    if re.fullmatch(r"[ABCEMOPST][A-Z]{3}", code):
        return "subject"
    return None


def ontology_quads(ids: t.Ids) -> Iterator[ox.Quad]:
    """The ontology itself (cables.ttl) in the `ontology` graph."""
    graph = ox.NamedNode(ids.graph("ontology"))
    with t.ONTOLOGY_FILE.open("rb") as handle:
        for triple in ox.parse(handle, format=ox.RdfFormat.TURTLE):
            yield ox.Quad(triple.subject, triple.predicate, triple.object, graph)


def post_quads(ids: t.Ids) -> Iterator[ox.Quad]:
    """Every reviewed post with its class, label, city, country and links."""
    g = ox.NamedNode(ids.graph("reference-posts"))
    for row in posts().values():
        post = ox.NamedNode(ids.post(row.station_key))
        yield ox.Quad(post, _TYPE, _cg("Post"), g)
        yield ox.Quad(post, _TYPE, _cg(POST_CLASSES[row.type]), g)
        yield ox.Quad(post, _cg("stationKey"), ox.Literal(row.station_key), g)
        yield ox.Quad(post, _skos("prefLabel"), ox.Literal(row.label, language="en"), g)
        if row.city:
            yield ox.Quad(post, _cg("cityName"), ox.Literal(row.city), g)
        if row.city_qid:
            yield ox.Quad(post, _cg("city"), _wd(row.city_qid), g)
        if row.country_code:
            yield ox.Quad(post, _cg("country"), ox.NamedNode(ids.topic(row.country_code)), g)
            yield ox.Quad(post, _cg("countryName"), ox.Literal(row.country_name), g)
        if row.post_qid:
            yield ox.Quad(post, ox.NamedNode(t.OWL + "sameAs"), _wd(row.post_qid), g)
            yield ox.Quad(post, _cg("linkMethod"), ox.Literal("reviewed table ontology/data/posts.csv"), g)
        for route in row.routing_indicators:
            yield ox.Quad(post, _cg("routingIndicator"), ox.Literal(route), g)
        if row.review:
            yield ox.Quad(post, _COMMENT, ox.Literal(f"review: {row.review}"), g)


def tag_quads(ids: t.Ids) -> Iterator[ox.Quad]:
    """The TAGS concept scheme: every code the tables know, with kind, label and Wikidata match."""
    g = ox.NamedNode(ids.graph("reference-tags"))
    scheme = ox.NamedNode(ids.scheme("tags"))
    yield ox.Quad(scheme, _TYPE, _skos("ConceptScheme"), g)
    yield ox.Quad(scheme, _skos("prefLabel"), ox.Literal("TAGS (Traffic Analysis by Geography and Subject)",
                                                          language="en"), g)
    classes = TAG_CLASSES
    for code, info in tag_table().items():
        topic = ox.NamedNode(ids.topic(code))
        yield ox.Quad(topic, _TYPE, _cg("Topic"), g)
        yield ox.Quad(topic, _TYPE, _cg(classes[info["kind"]]), g)
        yield ox.Quad(topic, _cg("tagCode"), ox.Literal(code), g)
        yield ox.Quad(topic, _skos("inScheme"), scheme, g)
        if info["label"]:
            yield ox.Quad(topic, _skos("prefLabel"), ox.Literal(info["label"], language="en"), g)
        if info["category"]:
            yield ox.Quad(topic, _cg("tagCategory"), ox.Literal(info["category"]), g)
        if info["qid"]:
            yield ox.Quad(topic, _skos("exactMatch"), _wd(info["qid"]), g)
            yield ox.Quad(topic, _cg("linkMethod"), ox.Literal(info["method"]), g)
            if info["confidence"]:
                yield ox.Quad(topic, _cg("linkConfidence"), ox.Literal(info["confidence"], datatype=_DECIMAL), g)


def concept_quads(ids: t.Ids) -> Iterator[ox.Quad]:
    """Classification levels and caveats/handling markers as SKOS concepts in two schemes."""
    g = ox.NamedNode(ids.graph("reference-concepts"))
    names = {"classification": "Classification levels", "caveats": "Caveats and handling markers"}
    for scheme_name, label in names.items():
        scheme = ox.NamedNode(ids.scheme(scheme_name))
        yield ox.Quad(scheme, _TYPE, _skos("ConceptScheme"), g)
        yield ox.Quad(scheme, _skos("prefLabel"), ox.Literal(label, language="en"), g)
    for row in _rows("concepts.csv"):
        is_level = row["scheme"] == "classification"
        node = ox.NamedNode(ids.classification(row["notation"]) if is_level else ids.caveat(row["notation"]))
        yield ox.Quad(node, _TYPE, _cg("ClassificationLevel" if is_level else "Caveat"), g)
        yield ox.Quad(node, _skos("notation"), ox.Literal(row["notation"]), g)
        yield ox.Quad(node, _skos("prefLabel"), ox.Literal(row["label"], language="en"), g)
        yield ox.Quad(node, _skos("definition"), ox.Literal(row["definition"], language="en"), g)
        yield ox.Quad(node, _skos("inScheme"), ox.NamedNode(ids.scheme(row["scheme"])), g)


def reference_quads(ids: t.Ids) -> dict[str, list[ox.Quad]]:
    """Every reference graph by name (see GRAPHS): the quads to load, one named graph each."""
    return {"ontology": list(ontology_quads(ids)), "reference-posts": list(post_quads(ids)),
            "reference-tags": list(tag_quads(ids)), "reference-concepts": list(concept_quads(ids))}
