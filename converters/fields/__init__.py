"""Field parsers: one small pure function per field of a cable, each working on multi-line and flattened text.

Grouped by where the field sits in a cable: ids, routing header, markings, head (TAGS, SUBJECT), references, body.
"""

from converters.fields.body import paragraph_starts, paragraphs, signer, summary
from converters.fields.dating import created_from_date_line, year_from_text
from converters.fields.head import subject, tags
from converters.fields.ids import canonical_id, reference_id, station, station_serial
from converters.fields.marking import classification, classified_by, declassify_on, handling, reasons
from converters.fields.refs import references
from converters.fields.routing import created_from_dtg, dtg, origin, recipients, transmission_id

__all__ = [
    "canonical_id", "classification", "created_from_date_line", "classified_by", "created_from_dtg", "declassify_on",
    "dtg", "handling",
    "origin", "paragraph_starts", "paragraphs", "reasons", "recipients", "reference_id", "references", "signer",
    "station", "station_serial", "subject", "summary", "tags", "transmission_id", "year_from_text",
]
