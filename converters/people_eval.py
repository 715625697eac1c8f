"""Score the people and statement extractor against hand-annotated cables (tests/gold/*.json).

Persons match by surname within a cable (case, diacritics and a leading al-/el- folded); statements match by
(paragraph, speaker surname), each distinct pair counted once (the figures the tests hold to). The same matching
one-to-one, counting every person and statement (`persons_multiset`, `statements_multiset`), is reported too: it
also charges two persons of one surname, and every statement of a speaker in a paragraph. Precision, recall and
F1 are micro-averaged.
A development file `dev-<REFID>.json` is skipped when `<REFID>.json` exists.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from itertools import islice
from pathlib import Path

from converters.parse import parse
from converters.people_tables import surname_key
from converters.readers import read
from converters.record import Cable
from converters.statements import extract

Extractor = Callable[[Cable], tuple[list[dict], list[dict]]]


def load_cable(root: Path, source: dict) -> Cable:
    """The parsed cable a gold file points at: `source.path` (relative to root) and its 1-based `record`."""
    raw = next(islice(read(root / source["path"]), int(source.get("record", 1)) - 1, None))
    return parse(raw)


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "tp": tp, "predicted": n_pred, "gold": n_gold}


def _keys(persons: list[dict], statements: list[dict]) -> tuple[set[str], set[tuple[int, str]]]:
    people = {surname_key(p["surname"]) for p in persons if p.get("surname")}
    said = {(int(s.get("paragraph") or 0), surname_key(s["speaker"])) for s in statements if s.get("speaker")}
    return people, said


def score(gold_dir: Path, root: Path, extractor: Extractor = extract) -> dict:
    """Scores over every gold file: overall persons and statements, and per cable."""
    totals = {"persons": [0, 0, 0], "statements": [0, 0, 0], "persons_multiset": [0, 0, 0],
              "statements_multiset": [0, 0, 0]}
    per_cable = {}
    paths = sorted(gold_dir.glob("*.json"))
    official = {p.name for p in paths if not p.name.startswith("dev-")}
    for path in paths:
        if path.name.startswith("dev-") and path.name.removeprefix("dev-") in official:
            continue  # the shared gold file of the same cable wins over a development annotation
        gold = json.loads(path.read_text(encoding="utf-8"))
        cable = load_cable(root, gold["source"])
        persons, statements = extractor(cable)
        gold_people, gold_said = _keys(gold["persons"], gold["statements"])
        pred_people, pred_said = _keys(persons, statements)
        row = {}
        for name, g, p in (("persons", gold_people, pred_people), ("statements", gold_said, pred_said)):
            tp = len(g & p)
            totals[name][0] += tp
            totals[name][1] += len(p)
            totals[name][2] += len(g)
            row[name] = _prf(tp, len(p), len(g))
            row[name]["missed"] = sorted(map(str, g - p))
            row[name]["extra"] = sorted(map(str, p - g))
        for name, g, p in zip(("persons_multiset", "statements_multiset"), _counts(gold["persons"], gold["statements"]),
                              _counts(persons, statements), strict=True):
            totals[name][0] += sum((g & p).values())
            totals[name][1] += sum(p.values())
            totals[name][2] += sum(g.values())
        per_cable[gold["reference_id"]] = row
    return {"cables": len(per_cable), **{name: _prf(*counts) for name, counts in totals.items()},
            "per_cable": per_cable}


def _counts(persons: list[dict], statements: list[dict]) -> tuple[Counter, Counter]:
    people = Counter(surname_key(p["surname"]) for p in persons if p.get("surname"))
    said = Counter((int(s.get("paragraph") or 0), surname_key(s["speaker"])) for s in statements if s.get("speaker"))
    return people, said
