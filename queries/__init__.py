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


def load(path: Path) -> CannedQuery:
    """Read one .rq file into a CannedQuery."""
    text = path.read_text(encoding="utf-8")
    meta = _metadata(text)
    params = []
    for item in meta.get("params") or []:
        params.append(Param(
            name=item["name"], type=item.get("type", "string"), default=item.get("default"),
            description=item.get("description", ""), allowed=item.get("allowed"),
            required=item.get("required", item.get("default") is None)))
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
        if kind in ("post", "tag"):
            text = text.upper()
            if not _STATION.match(text.replace(" ", "")) and kind == "post":
                raise ValueError("is not a station key such as ISLAMABAD")
            if kind == "tag" and not re.match(r"^[A-Z0-9][A-Z0-9 ,.()/-]{0,60}$", text):
                raise ValueError("is not a TAGS code such as PREL")
            return Literal(text)
        if kind == "integer":
            return Literal(str(int(text)), datatype=NamedNode(XSD + "integer"))
        if kind == "date":
            return Literal(date.fromisoformat(text).isoformat(), datatype=NamedNode(XSD + "date"))
        if kind == "datetime":
            return Literal(datetime.fromisoformat(text).isoformat(), datatype=NamedNode(XSD + "dateTime"))
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
    """The query text with its parameters bound in a VALUES block at the top of the WHERE clause.

    Each value is first turned into a typed RDF term (see `to_term`) and written in its N-Triples form, which
    pyoxigraph escapes, so no value can change the query's structure.
    """
    terms = bind(query, values)
    if not terms:
        return query.text
    names = " ".join(str(v) for v in terms)
    row = " ".join(str(term) for term in terms.values())
    block = f"\n  VALUES ({names}) {{ ({row}) }}\n"
    match = _WHERE.search(query.text) or re.search(r"\{", query.text)
    if match is None:
        raise ParameterError(f"{query.name} has no WHERE clause to bind parameters in")
    return query.text[: match.end()] + block + query.text[match.end():]
