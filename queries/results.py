"""Running a canned query and turning its answer into a table or a file (JSON, CSV, TSV)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from queries import CannedQuery, bound_text

FORMATS = ("json", "csv", "tsv", "sparql-json")
MEDIA_TYPES = {
    "json": "application/json",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "sparql-json": "application/sparql-results+json",
}


@dataclass
class Answer:
    """A SELECT answer pulled into memory: the column names, the RDF terms of each row, the query text run."""

    columns: list[str]
    terms: list[list[Any]]
    sparql: str

    @property
    def rows(self) -> list[list[str | None]]:
        """Each row's values as strings (None where a variable is unbound)."""
        return [[None if term is None else term.value for term in row] for row in self.terms]

    def records(self) -> list[dict[str, str | None]]:
        """The rows as dictionaries keyed by column name."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def run(store: ox.Store, query: CannedQuery, values: dict[str, Any], union: bool = True) -> Answer:
    """Bind the parameters (ParameterError when one does not fit), run the query, pull every row."""
    text = bound_text(query, values)
    return run_text(store, text, union)


def run_text(store: ox.Store, text: str, union: bool = True) -> Answer:
    """Run a SELECT query's text and pull every row as strings (ASK gives one `boolean` column)."""
    return answer_of(store.query(text, use_default_graph_as_union=union), text)


def answer_of(result: Any, text: str) -> Answer:
    """Pull a SELECT or ASK result (from a store or parsed from SPARQL results) into an Answer."""
    if isinstance(result, ox.QueryBoolean):
        return Answer(["boolean"], [[ox.Literal(str(bool(result)).lower())]], text)
    if isinstance(result, ox.QueryTriples):
        raise ValueError("canned queries must be SELECT or ASK queries, not CONSTRUCT or DESCRIBE")
    columns = [v.value for v in result.variables]
    return Answer(columns, [[row[c] for c in columns] for row in result], text)


def serialize(answer: Answer, fmt: str, name: str = "") -> bytes:
    """The answer as bytes in one of FORMATS: plain JSON records, CSV, TSV or SPARQL results JSON."""
    if fmt == "json":
        doc = {"query": name, "columns": answer.columns, "rows": answer.records(), "count": len(answer.rows)}
        return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\r\n")
        writer.writerow(answer.columns)
        for row in answer.rows:
            writer.writerow(["" if v is None else v.replace("\t", " ") if fmt == "tsv" else v for v in row])
        return buffer.getvalue().encode("utf-8")
    if fmt == "sparql-json":
        bindings = [{c: _term_json(term) for c, term in zip(answer.columns, row, strict=True) if term is not None}
                    for row in answer.terms]
        return json.dumps({"head": {"vars": answer.columns}, "results": {"bindings": bindings}}).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def _term_json(term: Any) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = term.datatype.value
    return out
