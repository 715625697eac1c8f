"""The cable parser: pure, text in and a Cable record out, with warnings for what it could not read.

Each field has its own small function in `converters.fields`; `parse` only composes them, so the
parser grows field by field.
"""

from __future__ import annotations

from converters import fields
from converters.normalize import normalize_text
from converters.record import Cable, RawCable, UnreadableCable


def parse(raw: RawCable) -> Cable:
    """Parse one RawCable into a Cable. Raises UnreadableCable when no reference id can be found."""
    body = normalize_text(raw.body or "")
    header = normalize_text(raw.header or "")
    meta = raw.meta
    warnings = list(raw.warnings)

    classification, caveats = fields.classification(body, meta.get("classification"))
    created = meta.get("created") or fields.created_from_dtg(header, body)
    ref_id, id_warnings = fields.reference_id(meta.get("reference_id"), body, created)
    warnings += id_warnings
    if not ref_id:
        raise UnreadableCable("no reference id: neither the container nor the text gives one")
    if created is None:
        warnings.append("no creation date found")
    station = fields.station(ref_id)
    tags = fields.tags(body)
    if not tags:
        warnings.append("no TAGS line found")
    subject = fields.subject(body)
    if subject is None:
        warnings.append("no SUBJECT line found")
    references = fields.references(body, ref_id, meta.get("references") or [])
    return Cable(
        reference_id=ref_id,
        station=station,
        origin=meta.get("origin") or fields.origin_from_header(header, body),
        created=created,
        classification=classification,
        caveats=caveats,
        handling=fields.handling(body),
        references=references,
        tags=tags,
        subject=subject,
        declassify_on=fields.declassify_on(body),
        dtg=fields.dtg(header, body),
        paragraphs=fields.paragraphs(body),
        signer=fields.signer(body),
        body=body,
        warnings=warnings,
        source=raw.source,
    )
