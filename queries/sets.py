"""Question sets (`queries/sets/*.yaml`): a title, a description, set-level parameters and a list of questions.

A question names a canned query with arguments, or carries inline SPARQL (with its own `params`, declared like a
canned query's). An argument written `{name}` takes the value of the set parameter `name`; every value is then
typed and bound by the query's own parameter declarations, so a set never pastes text into SPARQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from queries import QUERIES_DIR, CannedQuery, Param, ParameterError, catalogue, parse_params, to_term

SETS_DIR = QUERIES_DIR / "sets"
_REF = re.compile(r"^\{(\w+)\}$")


@dataclass
class Question:
    """One question of a set: a heading, a note, the query to run with its arguments, and an optional chart."""

    heading: str
    note: str
    query: CannedQuery
    args: dict[str, Any]
    chart: dict[str, Any] | None = None


@dataclass
class QuestionSet:
    """A named list of questions, with parameters shared by the questions."""

    name: str
    title: str
    description: str
    params: list[Param]
    questions: list[Question]
    path: Path | None = None
    meta: dict[str, Any] = field(default_factory=dict)


def load_set(path: Path, queries: dict[str, CannedQuery] | None = None) -> QuestionSet:
    """Read a question set; ValueError when a question names an unknown query or lacks a heading."""
    queries = queries if queries is not None else catalogue()
    doc = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    name = Path(path).stem
    questions = []
    for i, item in enumerate(doc.get("questions") or [], start=1):
        if not item.get("heading"):
            raise ValueError(f"{path}: question {i} has no heading")
        if "sparql" in item:
            query = CannedQuery(name=f"{name}-q{i:02d}", summary=item["heading"], description=item.get("note", ""),
                                tags=[], params=parse_params(item.get("params") or [], f"{path} question {i}"),
                                text=item["sparql"])
        elif item.get("query") in queries:
            query = queries[item["query"]]
        else:
            raise ValueError(f"{path}: question {i} names no known canned query ({item.get('query')!r})")
        questions.append(Question(heading=item["heading"], note=item.get("note", ""), query=query,
                                  args=dict(item.get("args") or {}), chart=item.get("chart")))
    return QuestionSet(name=name, title=doc.get("title", name), description=doc.get("description", ""),
                       params=parse_params(doc.get("params") or [], str(path)), questions=questions,
                       path=Path(path), meta=doc)


def set_catalogue(folder: Path = SETS_DIR) -> dict[str, Path]:
    """The shipped question sets, by name."""
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))}


def find_set(name_or_path: str) -> Path:
    """A shipped set's file by name, or the path given; FileNotFoundError naming the shipped sets."""
    shipped = set_catalogue()
    if name_or_path in shipped:
        return shipped[name_or_path]
    path = Path(name_or_path)
    if path.is_file():
        return path
    raise FileNotFoundError(f"no question set {name_or_path!r}; shipped sets: {', '.join(shipped)}")


def set_values(qset: QuestionSet, values: dict[str, Any]) -> dict[str, Any]:
    """The set's parameter values: given ones checked against their types, defaults for the rest."""
    known = {p.name for p in qset.params}
    unknown = set(values) - known
    if unknown:
        raise ParameterError(f"unknown parameter(s) {', '.join(sorted(unknown))} for the set {qset.name}")
    out = {}
    for param in qset.params:
        value = values.get(param.name, param.default)
        if value is None:
            raise ParameterError(f"parameter {param.name!r} is required for the set {qset.name}")
        to_term(param, value)  # raises ParameterError naming the parameter
        out[param.name] = value
    return out


def question_args(question: Question, values: dict[str, Any]) -> dict[str, Any]:
    """A question's arguments with `{name}` references replaced by the set's parameter values."""
    args = {}
    for key, value in question.args.items():
        match = _REF.match(str(value))
        args[key] = values[match.group(1)] if match and match.group(1) in values else value
    return args
