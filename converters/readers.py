"""Readers: recognise the container a file is in and stream RawCable records out of it.

Formats:
- ``csv``: the cables.csv dump (no header row, backslash-escaped quotes, multi-line fields, CRLF,
  split files whose first line is a stray quote and whose last row is cut off).
- ``reprint``: a newspaper page (Dawn.com, 2011) around one flattened cables.csv row.
- ``jsonl``: one JSON object per line (the WikiLeaks viewer extract, the flattened MongoDB export, or
  any object with a text field).
- ``bodies``: cable bodies only, one per line, newlines collapsed.
- ``text``: one cable per file (for example PDF-converted text with a routing header).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from converters.record import RawCable, Source

FORMATS = ("csv", "reprint", "jsonl", "bodies", "text")

_CSV_ROW_START = re.compile(r'^"\d+","\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}",')
_REPRINT_ROW = re.compile(
    r"^\s*ID:\s*(?P<id>\d+)\s+(?P<date>\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d{2})\s+(?P<refid>\d{2}[A-Z][A-Z-]*\d+)"
    r"\s+(?P<origin>.+?)\s{2,}(?P<classification>[A-Z][A-Z/ ,-]*?)\s{2,}(?P<refs>\S*)\s*\"",
    re.MULTILINE,
)
_PAGE_FURNITURE = re.compile(r"^\s*(Read Comments|Comments \(\d+\)|Next Story|Published in Dawn)", re.MULTILINE)
_FILE_ID = re.compile(r"^\d{2}[A-Z][A-Z-]*\d+$")


def us_datetime_to_iso(value: str) -> str | None:
    """'6/2/2006 12:46' (the dump's M/D/YYYY H:MM) to '2006-06-02T12:46:00'; None when it is not such a date."""
    try:
        return datetime.strptime(" ".join(value.split()), "%m/%d/%Y %H:%M").isoformat()
    except ValueError:
        return None


def iso_datetime(value: str | None) -> str | None:
    """'2006-06-02 12:46' or an ISO string to '2006-06-02T12:46:00'; None when unreadable."""
    if not value:
        return None
    text = value.strip().replace(" ", "T", 1)
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None).isoformat()
    except ValueError:
        return us_datetime_to_iso(value)


def _split_refs(value: str) -> list[str]:
    return [r.strip() for r in re.split(r"[|,\s]+", value or "") if r.strip()]


def _dump_meta(row: list[str]) -> dict:
    return {
        "reference_id": row[2].strip(),
        "created": us_datetime_to_iso(row[1]),
        "origin": row[3].strip() or None,
        "classification": row[4].strip() or None,
        "references": _split_refs(row[5]),
    }


def _ends_unquoted(path: Path) -> bool:
    """True when the file's last row has no closing quote (a file cut off mid-row)."""
    with path.open("rb") as handle:
        handle.seek(0, 2)
        handle.seek(max(0, handle.tell() - 64))
        tail = handle.read().rstrip()
    return bool(tail) and not tail.endswith(b'"')


def read_csv(path: Path) -> Iterator[RawCable]:
    """Rows of the cables.csv dump: id, date, refid, origin, classification, references, header, content."""
    truncated = _ends_unquoted(path)
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        # A split file may begin inside the previous file's last row: skip to the first row start.
        skipped = 0
        while True:
            pos = handle.tell()
            line = handle.readline()
            if not line:
                return
            if _CSV_ROW_START.match(line):
                handle.seek(pos)
                break
            skipped += 1
        reader = csv.reader(handle, escapechar="\\", doublequote=False, strict=False)
        pending: RawCable | None = None
        start = skipped + 1
        for number, row in enumerate(reader, start=1):
            if pending is not None:
                yield pending
            src = Source(str(path), number, start, "csv")
            start = skipped + reader.line_num + 1
            warnings = [f"skipped {skipped} line(s) before the first row"] if skipped and number == 1 else []
            if len(row) < 8:
                pending = RawCable(body=",".join(row), source=src, warnings=[f"row has {len(row)} of 8 columns"])
                continue
            pending = RawCable(body=row[7], header=row[6], meta=_dump_meta(row), source=src, warnings=warnings)
        if pending is not None:
            if truncated:
                pending.warnings.append("last row of the file is cut off (no closing quote)")
            yield pending


def read_reprint(path: Path) -> Iterator[RawCable]:
    """A newspaper reprint: page furniture around one cables.csv row whose header lost its newlines."""
    text = path.read_text(encoding="utf-8", errors="replace")
    match = _REPRINT_ROW.search(text)
    if not match:
        yield RawCable(body=text, source=Source(str(path), 1, 1, "reprint"),
                       warnings=["no 'ID: ... refid origin classification' row found in the page"])
        return
    rest = text[match.end():]
    header, sep, content = rest.partition('"')
    content = content.lstrip()
    if content.startswith('"'):
        content = content[1:]
    warnings: list[str] = []
    end = content.rfind('"')
    furniture = _PAGE_FURNITURE.search(content)
    if furniture and (end < 0 or end > furniture.start()):
        content = content[: furniture.start()]
        warnings.append("cable text has no closing quote: cut at the page furniture")
    elif end >= 0:
        content = content[:end]
    line = text.count("\n", 0, match.start()) + 1
    meta = {
        "reference_id": match["refid"],
        "created": us_datetime_to_iso(match["date"]),
        "origin": match["origin"].strip(),
        "classification": match["classification"].strip(),
        "references": _split_refs(match["refs"]),
    }
    yield RawCable(body=content.rstrip(), header=header.strip(), meta=meta,
                   source=Source(str(path), 1, line, "reprint"), warnings=warnings)


def _json_meta(obj: dict) -> tuple[str, str, dict]:
    body = obj.get("content") or obj.get("body") or obj.get("text") or ""
    header = obj.get("header") or ""
    refs = obj.get("references")
    meta = {
        "reference_id": obj.get("refid") or obj.get("reference_id") or obj.get("_id"),
        "created": iso_datetime(obj.get("created") or obj.get("date_time") or obj.get("date")),
        "origin": obj.get("origin"),
        "classification": obj.get("classification"),
        "references": _split_refs(refs) if isinstance(refs, str) else list(refs or []),
    }
    return body, header, {k: v for k, v in meta.items() if v}


def read_jsonl(path: Path) -> Iterator[RawCable]:
    """One JSON object per line: the WikiLeaks viewer extract, the flattened export, or similar."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            src = Source(str(path), number, number, "jsonl")
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield RawCable(body=line, source=src, warnings=[f"not valid JSON: {exc}"])
                continue
            if not isinstance(obj, dict):
                yield RawCable(body=line, source=src, warnings=["JSON line is not an object"])
                continue
            body, header, meta = _json_meta(obj)
            yield RawCable(body=body, header=header, meta=meta, source=src)


def read_bodies(path: Path) -> Iterator[RawCable]:
    """Cable bodies, one per line, with no metadata at all."""
    with path.open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield RawCable(body=line.rstrip("\n"), source=Source(str(path), number, number, "bodies"))


def read_text(path: Path) -> Iterator[RawCable]:
    """One cable per file; a file named like a reference id lends it to the record."""
    text = path.read_text(encoding="utf-8", errors="replace")
    meta = {"reference_id": path.stem} if _FILE_ID.match(path.stem) else {}
    yield RawCable(body=text, meta=meta, source=Source(str(path), 1, 1, "text"))


READERS = {"csv": read_csv, "reprint": read_reprint, "jsonl": read_jsonl, "bodies": read_bodies, "text": read_text}


def detect_format(path: Path) -> str | None:
    """Which container a file is, from its name and first 64 KB; None when it is none we know."""
    suffix = path.suffix.lower()
    try:
        with path.open("rb") as handle:
            head = handle.read(65536).decode("utf-8", errors="replace")
    except OSError:
        return None
    if suffix in (".jsonl", ".ndjson", ".json") or head.lstrip().startswith("{"):
        return "jsonl"
    if suffix == ".csv" or _CSV_ROW_START.search(head[:2000]):
        return "csv"
    if suffix not in (".txt", ".text", ".cable", ""):
        return None
    if _REPRINT_ROW.search(head):
        return "reprint"
    lines = [ln for ln in head.splitlines() if ln.strip()]
    if not lines:
        return None
    if re.search(r"\b(TAGS?|SUBJECT|E\.?\s?O\.?\s?1\d{4})\b", head, re.IGNORECASE) is None:
        return None
    long_lines = sum(1 for ln in lines if len(ln) > 400)
    if long_lines and long_lines >= 0.8 * len(lines[:-1] or lines):
        return "bodies"
    return "text"


def iter_files(paths: list[Path]) -> Iterator[Path]:
    """Every file under the given files and folders (folders walked recursively, sorted, hidden ones skipped)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                    yield child
        else:
            yield path


def read(path: Path, fmt: str = "auto") -> Iterator[RawCable]:
    """Stream RawCables out of one file, in the given format or the detected one."""
    chosen = detect_format(path) if fmt == "auto" else fmt
    if chosen not in READERS:
        raise ValueError(f"{path}: not a cable file this tool recognises (format {fmt!r})")
    yield from READERS[chosen](path)


if __name__ == "__main__":  # pragma: no cover - a quick look at a file
    for raw in read(Path(sys.argv[1])):
        print(raw.source, raw.meta, raw.warnings, raw.body[:80].replace("\n", " "))
