"""Robustness: random bytes and text, and mangled real cables, through the readers and the parser.

Nothing may raise except UnreadableCable (a record that cannot become a cable at all); every record that parses is
JSON-serialisable and carries the contract's fields.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from converters import readers
from converters.parse import parse
from converters.record import Cable, RawCable, Source, UnreadableCable

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CONTRACT = {"reference_id", "station", "origin", "created", "classification", "caveats", "references", "tags",
            "subject", "classified_by", "declassify_on", "transmission_id", "dtg", "recipients", "info_recipients",
            "summary", "paragraphs", "signer", "persons", "statements", "warnings", "source"}
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@cache
def sample_records() -> tuple[RawCable, ...]:
    """Every record of every bundled sample file."""
    out = []
    for path in readers.iter_files([SAMPLES]):
        fmt = readers.detect_format(path)
        if fmt:
            out.extend(readers.read(path, fmt))
    return tuple(out)


def parse_or_reject(raw: RawCable) -> Cable | None:
    """Parse; an UnreadableCable is an allowed outcome, anything else raised fails the test."""
    try:
        cable = parse(raw)
    except UnreadableCable:
        return None
    record = cable.to_json()
    assert CONTRACT <= set(record)
    json.dumps(record)
    return cable


def test_every_sample_record_parses():
    records = sample_records()
    assert len(records) > 400
    parsed = [parse_or_reject(raw) for raw in records]
    readable = [c for c in parsed if c is not None]
    assert len(readable) >= 0.9 * len(records)
    # rejected records are the metadata-less bodies whose year the text does not give
    assert all(raw.source.format == "bodies" for raw, c in zip(records, parsed, strict=True) if c is None)


@FAST
@given(st.text(max_size=4000))
def test_random_text(text):
    parse_or_reject(RawCable(body=text, source=Source("random", 1)))


@FAST
@given(st.text(max_size=2000), st.text(max_size=500), st.dictionaries(
    st.sampled_from(["reference_id", "created", "origin", "classification"]), st.text(max_size=40), max_size=4))
def test_random_text_with_random_metadata(body, header, meta):
    parse_or_reject(RawCable(body=body, header=header, meta=meta, source=Source("random", 1)))


MANGLE = st.sampled_from(["truncate", "drop_lines", "upper", "lower", "swapcase", "flatten", "spaces", "garbage"])


def mangle(text: str, how: str, data) -> str:
    """One of the ways real cables arrive damaged."""
    if how == "truncate":
        return text[: data.draw(st.integers(0, len(text)))]
    if how == "drop_lines":
        lines = text.split("\n")
        keep = data.draw(st.lists(st.booleans(), min_size=len(lines), max_size=len(lines)))
        return "\n".join(line for line, kept in zip(lines, keep, strict=True) if kept)
    if how in ("upper", "lower", "swapcase"):
        return getattr(text, how)()
    if how == "flatten":
        return text.replace("\n", "")
    if how == "spaces":
        return " ".join(text)
    at = data.draw(st.integers(0, len(text)))
    return text[:at] + data.draw(st.text(max_size=200)) + text[at:]


@FAST
@given(st.data())
def test_mangled_real_cables(data):
    raw = data.draw(st.sampled_from(sample_records()))
    hows = data.draw(st.lists(MANGLE, min_size=1, max_size=3))
    body, header = raw.body, raw.header
    for how in hows:
        body = mangle(body, how, data)
        header = mangle(header, data.draw(MANGLE), data)
    keep_meta = data.draw(st.booleans())
    parse_or_reject(replace(raw, body=body, header=header, meta=raw.meta if keep_meta else {}))


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=3000), st.sampled_from(readers.FORMATS))
def test_random_bytes_through_every_reader(blob, fmt):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"random.{ {'csv': 'csv', 'jsonl': 'jsonl'}.get(fmt, 'txt') }"
        path.write_bytes(blob)
        for raw in readers.read(path, fmt):
            parse_or_reject(raw)
        detected = readers.detect_format(path)
        if detected:
            for raw in readers.read(path, detected):
                parse_or_reject(raw)
