"""The cable parser: pure, text in and a Cable record out, with warnings for what it could not read.

Each field has its own small function in `converters.fields`; `parse` only composes them, so the
parser grows field by field.
"""

from __future__ import annotations

from datetime import datetime

from converters import fields
from converters.normalize import normalize_text
from converters.record import Cable, RawCable, UnreadableCable
from converters.statements import extract


def parse(raw: RawCable) -> Cable:
    """Parse one RawCable into a Cable. Raises UnreadableCable when no reference id can be found."""
    body = normalize_text(raw.body or "")
    header = normalize_text(raw.header or "")
    meta = raw.meta
    warnings = list(raw.warnings)
    if not body.strip():
        raise UnreadableCable("empty cable text")

    markers = fields.handling(body[:3000])
    classification, caveats = fields.classification(body[:3000], meta.get("classification"), markers)
    created = _iso(meta.get("created"), warnings)
    created = created or fields.created_from_dtg(header, body) or fields.created_from_date_line(body)
    starts = fields.paragraph_starts(body)
    head_end = starts[0][1] if starts else min(len(body), 3000)
    head = body[: max(head_end + 600, 3000)]  # the lines before the first paragraph: where the head fields are
    year, how = (int(created[:4]), None) if created else fields.year_from_text(header, body, head_end)
    ref_id, id_warnings = fields.reference_id(meta.get("reference_id"), body, year, how)
    warnings += id_warnings
    if not ref_id:
        detail = f" ({id_warnings[-1]})" if id_warnings else ""
        raise UnreadableCable("no reference id: neither the container nor the text gives one" + detail)
    if created is None:
        warnings.append("no creation date found")
    if classification is None:
        warnings.append("no classification found")
    station = fields.station(ref_id)
    tags = fields.tags(head)
    if not tags:
        warnings.append("no TAGS line found")
    subject = fields.subject(head)
    if subject is None:
        warnings.append("no SUBJECT line found")
    to, info = fields.recipients(header, body)
    by = fields.classified_by(head)
    if by is None and classification not in (None, "UNCLASSIFIED"):
        warnings.append("no 'Classified By' line found")
    return Cable(
        reference_id=ref_id,
        station=station,
        origin=meta.get("origin") or fields.origin(station, header, body),
        created=created,
        classification=classification,
        caveats=caveats,
        handling=markers,
        references=fields.references(body, ref_id, head_end, meta.get("references") or []),
        tags=tags,
        subject=subject,
        classified_by=by,
        declassify_on=fields.declassify_on(head),
        transmission_id=fields.transmission_id(header, body),
        dtg=fields.dtg(header, body),
        recipients=to,
        info_recipients=info,
        summary=fields.summary(body, head_end),
        paragraphs=fields.paragraphs(body, starts),
        signer=fields.signer(body),
        body=body,
        paragraphs_start=starts[0][2] if starts else -1,
        warnings=warnings,
        source=raw.source,
    )


def _iso(value: object, warnings: list[str]) -> str | None:
    """The container's creation time when it is ISO 8601; otherwise None and a warning."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value)).replace(tzinfo=None).isoformat()
    except ValueError:
        warnings.append(f"container date {value!r} is not ISO 8601: ignored")
        return None


def read_cable(raw: RawCable) -> Cable:
    """Parse a RawCable, then extract its people and statements: the whole record of `cablegraph parse --json`."""
    cable = parse(raw)
    cable.persons, cable.statements = extract(cable)
    return cable
