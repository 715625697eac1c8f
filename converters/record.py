"""The records that flow through the converters: RawCable (what a reader found) and Cable (what parse made)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Source:
    """Where a record came from: the file, the record number in it (1-based) and the line it starts on."""

    path: str
    record: int
    line: int | None = None
    format: str = ""


@dataclass
class RawCable:
    """One cable as a container gives it: routing header, body text, and the container's own metadata.

    `meta` keys, all optional: reference_id, created (ISO 8601), origin, classification, references (list).
    """

    body: str
    source: Source
    header: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Recipient:
    """One addressee of the routing header."""

    name: str
    route: str | None = None
    precedence: str | None = None
    serial: str | None = None


@dataclass
class Paragraph:
    """One numbered paragraph with its classification marking."""

    number: int
    classification: str | None
    text: str


@dataclass
class ClassifiedBy:
    """The official who classified the cable, their title and the reasons cited."""

    name: str | None
    title: str | None = None
    reasons: list[str] = field(default_factory=list)


@dataclass
class Cable:
    """A parsed cable: the JSON record of docs/architecture.md. Field names are a public contract."""

    reference_id: str
    station: str | None = None
    origin: str | None = None
    created: str | None = None
    classification: str | None = None
    caveats: list[str] = field(default_factory=list)
    handling: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    subject: str | None = None
    classified_by: ClassifiedBy | None = None
    declassify_on: str | None = None
    transmission_id: str | None = None
    dtg: str | None = None
    recipients: list[Recipient] = field(default_factory=list)
    info_recipients: list[Recipient] = field(default_factory=list)
    summary: str | None = None
    paragraphs: list[dict[str, Any]] = field(default_factory=list)  # {number, classification, text} (see Paragraph)
    signer: str | None = None
    persons: list[dict[str, Any]] = field(default_factory=list)
    statements: list[dict[str, Any]] = field(default_factory=list)
    body: str = ""
    warnings: list[str] = field(default_factory=list)
    source: Source | None = None
    # where the text of paragraph 1 starts in the body, as the parser found it (-1: no numbered paragraph); like the
    # body, not part of the JSON record
    paragraphs_start: int = -1

    def to_json(self) -> dict[str, Any]:
        """The record as a JSON-ready dict (the body and paragraphs_start are left out: the body is the paragraphs'
        source)."""
        data = asdict(self)
        data.pop("body", None)
        data.pop("paragraphs_start", None)
        if self.source is not None:
            data["source"] = {k: v for k, v in asdict(self.source).items() if v not in (None, "")}
        return data


class UnreadableCable(ValueError):
    """Raised by parse when a record cannot become a cable at all (no reference id can be found)."""
