"""Dump the persons and statements of every cable of a corpus to JSON, to compare extraction before and after a change.

Usage: python bench/dump_extract.py /work/shared/data/cables OUT.json

Keys are `reference_id|file|record number`, values {"persons": [...], "statements": [...]} as extract() gives them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from converters.parse import parse
from converters.readers import iter_files, read
from converters.record import UnreadableCable
from converters.statements import extract


def main() -> None:
    """Parse and extract every cable under the given folder and write the JSON dump."""
    out: dict[str, dict] = {}
    for path in iter_files([Path(sys.argv[1])]):
        for number, raw in enumerate(read(path)):
            try:
                cable = parse(raw)
            except UnreadableCable:
                continue
            persons, statements = extract(cable)
            out[f"{cable.reference_id}|{path}|{number}"] = {"persons": persons, "statements": statements}
    Path(sys.argv[2]).write_text(json.dumps(out, indent=0, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    print(f"{len(out)} cables")


if __name__ == "__main__":
    main()
