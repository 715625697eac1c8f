"""Score the people and statement extractor on the blind held-out gold set (tests/gold_holdout/, issue 7).

Usage: python bench/people_holdout.py /work/shared/data [--gold DIR]

The held-out cables are not in samples/; each gold file's `source.path` is relative to the shared data
directory given as the first argument. Scoring is `converters.people_eval.score` (persons matched by surname,
statements by distinct (paragraph, speaker) pairs, micro-averaged). Prints the overall persons and statements
precision, recall and F1, then per cable the F1 of each with what the extractor missed and what it added.
Never tune the extractor on these files: see tests/gold_holdout/README.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from converters.people_eval import score  # noqa: E402

KINDS = ("persons", "statements")


def _overall(name: str, prf: dict) -> str:
    """One summary line: P/R/F1 and the counts behind them."""
    return (f"{name:<11} P {prf['precision']:.3f}  R {prf['recall']:.3f}  F1 {prf['f1']:.3f}"
            f"  (tp {prf['tp']}, predicted {prf['predicted']}, gold {prf['gold']})")


def _f1(prf: dict) -> str:
    """F1 to three places, or 'n/a' when neither the gold nor the extractor has anything (nothing to score)."""
    return "n/a" if prf["gold"] == prf["predicted"] == 0 else f"{prf['f1']:.3f}"


def _cable_lines(ref: str, row: dict) -> list[str]:
    """Per-cable lines: F1 of persons and statements, then the missed and extra keys of each."""
    head = "  ".join(f"{kind} F1 {_f1(row[kind])} ({row[kind]['tp']}/{row[kind]['gold']} gold, "
                     f"{row[kind]['predicted']} predicted)" for kind in KINDS)
    lines = [f"{ref}  {head}"]
    for kind in KINDS:
        for label in ("missed", "extra"):
            items = row[kind][label]
            if items:
                lines.append(f"    {kind} {label} ({len(items)}): {', '.join(items)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Score the held-out set against the cables under the given data root and print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="shared data directory the gold files' source paths are relative to")
    parser.add_argument("--gold", type=Path, default=REPO / "tests" / "gold_holdout", help="gold directory")
    args = parser.parse_args(argv)
    result = score(args.gold, args.root)
    print(f"gold set: {result['cables']} cables ({args.gold})")
    for kind in KINDS:
        print(_overall(kind, result[kind]))
    print("every person and statement counted (one-to-one):")
    for kind in KINDS:
        print(_overall(kind, result[f"{kind}_multiset"]))
    print()
    for ref, row in result["per_cable"].items():
        print("\n".join(_cable_lines(ref, row)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
