"""Scores of the extractor on the hand-annotated cables of tests/gold/ (see converters/people_eval.py)."""

from __future__ import annotations

import json
from pathlib import Path

from converters.people_eval import score

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"


def test_scores_against_the_gold_set():
    result = score(GOLD, ROOT)
    summary = {k: result[k] for k in ("cables", "persons", "statements", "persons_multiset", "statements_multiset")}
    print("\npeople/statement scores:", json.dumps(summary, default=lambda x: round(x, 3)))
    for ref, row in result["per_cable"].items():
        print(ref, f"persons F1 {row['persons']['f1']:.3f} statements F1 {row['statements']['f1']:.3f}",
              "missed", row["persons"]["missed"] + row["statements"]["missed"])
    assert result["cables"] >= 3
    assert result["persons"]["f1"] >= 0.85, summary
    assert result["statements"]["f1"] >= 0.70, summary
