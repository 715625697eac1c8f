"""Canned queries: `*.rq` files whose leading `#+` comment lines carry grlc-style metadata, and their binding.

Parameters are bound as RDF terms through pyoxigraph substitutions, never spliced into the query text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from pyoxigraph import Literal, NamedNode, Variable

QUERIES_DIR = Path(__file__).parent
XSD = "http://www.w3.org/2001/XMLSchema#"
_REF_ID = re.compile(r"^\d{2}[A-Z][A-Z-]*\d+$")
_STATION = re.compile(r"^[A-Z][A-Z-]*$")
_PERSON = re.compile(r"^[^\W\d_][\w .,'’-]{0,119}$")
TYPES = ("iri", "cable", "post", "tag", "person", "string", "integer", "date", "datetime")
RESERVED = ("format", "show")
"""Parameter names kept for the HTTP API's own options (answer format, show the SPARQL)."""
_LIMIT = re.compile(r"\bLIMIT\s+\d+", re.IGNORECASE)
_MARKER = re.compile(r"^[ \t]*# @values[ \t]*$", re.MULTILINE)
"""A comment line `# @values` marks where the VALUES block goes (each such line); else the top of the WHERE."""


class ParameterError(ValueError):
    """A parameter value is missing, unknown or of the wrong type; the message names the parameter."""


@dataclass
class Param:
    """One typed parameter of a canned query."""

    name: str
    type: str = "string"
    default: Any = None
    description: str = ""
    allowed: list[str] | None = None
    required: bool = True
    minimum: int | None = None
    maximum: int | None = None


@dataclass
class CannedQuery:
    """A canned query: its name, metadata, parameters and SPARQL text."""

    name: str
    summary: str
    description: str
    tags: list[str]
    params: list[Param]
    text: str
    example: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None


def _metadata(text: str) -> dict[str, Any]:
    lines = []
    for line in text.splitlines():
        if line.startswith("#+"):
            lines.append(line[2:].removeprefix(" "))
        elif line.strip() and not line.startswith("#"):
            break
    return yaml.safe_load("\n".join(lines)) or {} if lines else {}


def parse_params(items: list[dict[str, Any]], where: str = "") -> list[Param]:
    """Parameter declarations (name, type, default, description, allowed, required, min, max) as Params."""
    params = []
    for item in items:
        if item.get("type", "string") not in TYPES or item["name"] in RESERVED:
            raise ValueError(f"{where}: parameter {item['name']!r} has an unknown type or a reserved name")
        params.append(Param(
            name=item["name"], type=item.get("type", "string"), default=item.get("default"),
            description=item.get("description", ""), allowed=item.get("allowed"),
            required=item.get("required", item.get("default") is None),
            minimum=item.get("min"), maximum=item.get("max")))
    return params


def load(path: Path) -> CannedQuery:
    """Read one .rq file into a CannedQuery."""
    text = path.read_text(encoding="utf-8")
    meta = _metadata(text)
    params = parse_params(meta.get("params") or [], path.name)
    return CannedQuery(
        name=path.stem, summary=meta.get("summary", ""), description=meta.get("description", ""),
        tags=list(meta.get("tags") or []), params=params, text=text, example=meta.get("example") or {},
        path=path)


def catalogue(folder: Path = QUERIES_DIR) -> dict[str, CannedQuery]:
    """Every canned query in a folder, by name."""
    return {p.stem: load(p) for p in sorted(folder.glob("*.rq"))}


def to_term(param: Param, value: Any) -> NamedNode | Literal:
    """Turn a raw value into the RDF term for its parameter type; ParameterError when it does not fit."""
    text = str(value).strip()
    kind = param.type
    try:
        if param.allowed and text not in [str(a) for a in param.allowed]:
            raise ValueError(f"must be one of {', '.join(map(str, param.allowed))}")
        if kind == "iri":
            if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]*$", text):
                raise ValueError("is not an absolute IRI")
            return NamedNode(text)
        if kind == "cable":
            text = text.upper()
            if not _REF_ID.match(text):
                raise ValueError("is not a cable reference id such as 06ISLAMABAD10261")
            return Literal(text)
        if kind == "post":  # station keys are written without spaces: "New Delhi" is NEWDELHI
            text = text.upper().replace(" ", "")
            if not _STATION.match(text):
                raise ValueError("is not a station key such as ISLAMABAD")
            return Literal(text)
        if kind == "tag":
            text = text.upper()
            if not re.match(r"^[A-Z0-9][A-Z0-9 ,.()/-]{0,60}$", text):
                raise ValueError("is not a TAGS code such as PREL")
            return Literal(text)
        if kind == "person":
            if not _PERSON.match(text):
                raise ValueError("is not a person's name such as Kasuri or Ryan C. Crocker")
            return Literal(text)
        if kind == "integer":
            number = int(text)
            if param.minimum is not None and number < param.minimum:
                raise ValueError(f"is below the minimum {param.minimum}")
            if param.maximum is not None and number > param.maximum:
                raise ValueError(f"is above the maximum {param.maximum}")
            return Literal(str(number), datatype=NamedNode(XSD + "integer"))
        if kind == "date":
            return Literal(date.fromisoformat(text).isoformat(), datatype=NamedNode(XSD + "date"))
        if kind == "datetime":
            return Literal(datetime.fromisoformat(text).isoformat(), datatype=NamedNode(XSD + "dateTime"))
        if len(text) > 500:
            raise ValueError("is longer than 500 characters")
        return Literal(text)
    except ValueError as exc:
        raise ParameterError(f"parameter {param.name!r}: {value!r} {exc}") from exc


def bind(query: CannedQuery, values: dict[str, Any]) -> dict[Variable, NamedNode | Literal]:
    """The pyoxigraph substitutions for a call: typed terms for every parameter, defaults filled in."""
    known = {p.name for p in query.params}
    unknown = set(values) - known
    if unknown:
        raise ParameterError(f"unknown parameter(s) {', '.join(sorted(unknown))} for {query.name}")
    out: dict[Variable, NamedNode | Literal] = {}
    for param in query.params:
        value = values.get(param.name, param.default)
        if value is None:
            if param.required:
                raise ParameterError(f"parameter {param.name!r} is required for {query.name}")
            continue
        out[Variable(param.name)] = to_term(param, value)
    return out


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def bound_text(query: CannedQuery, values: dict[str, Any]) -> str:
    """The query text with its parameters bound in a VALUES block.

    The block goes at each `# @values` comment line (so that a UNION branch or a subquery can see the
    parameters), or at the top of the WHERE clause when there is none. Each value is first turned into a typed
    RDF term (see `to_term`) and written in its N-Triples form, which pyoxigraph escapes, so no value can change
    the query's structure. A `limit` parameter replaces the number of the query's last LIMIT clause.
    """
    terms = bind(query, values)
    text = query.text
    limit = terms.pop(Variable("limit"), None)
    limits = list(_LIMIT.finditer(text))
    if limit is not None and limits:
        # the one value written into the text: an integer already parsed by int() in to_term
        last = limits[-1]
        text = f"{text[: last.start()]}LIMIT {int(limit.value)}{text[last.end():]}"
    if not terms:
        return text
    names = " ".join(str(v) for v in terms)
    row = " ".join(str(term) for term in terms.values())
    block = f"VALUES ({names}) {{ ({row}) }}"
    if _MARKER.search(text):
        return _MARKER.sub(lambda m: m.group(0).replace("# @values", block), text)
    match = _WHERE.search(text) or re.search(r"\{", text)
    if match is None:
        raise ParameterError(f"{query.name} has no WHERE clause to bind parameters in")
    return f"{text[: match.end()]}\n  {block}\n{text[match.end():]}"
