"""What reading one capture yields, before anything is written."""

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Literal

from ..text import sha256_hex

CaptureKind = Literal["text", "html"]
ImportStatus = Literal["new", "update", "unchanged", "error"]


class CaptureError(Exception):
    """A capture that cannot be imported; the message is the reason shown to the user."""


@dataclass(frozen=True)
class RawCapture:
    """The bytes of one capture as they arrived (decompressed when they came gzipped)."""

    name: str
    raw: bytes
    kind: CaptureKind

    @cached_property
    def sha256(self) -> str:
        # Looked up before the write and stored with it: hash the bytes once.
        return sha256_hex(self.raw)


@dataclass(frozen=True)
class ImageRecord:
    url: str
    caption: str

    def as_json(self) -> dict[str, str]:
        return {"url": self.url, "caption": self.caption}


@dataclass
class ParsedCapture:
    """The article a capture holds. Empty strings and None mean the capture does not say."""

    paragraphs: list[str]
    title: str = ""
    title_derived: bool = False
    language: str | None = None
    language_hint: str | None = None
    published_on: date | None = None
    source_url: str | None = None
    outlet_name: str = ""
    outlet_domain: str = ""
    outlet_evidence: str = ""
    byline: str = ""
    images: list[ImageRecord] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass
class ImportResult:
    """What happened to one file; `record` is None when it could not be read."""

    file: str
    status: ImportStatus
    error: str = ""
    record: ParsedCapture | None = None
    outlet: str = ""
    article_id: int | None = None
    group: str | None = None
    group_score: float | None = None  # how strongly the proposed group holds together

    def as_json(self) -> dict[str, object]:
        record = self.record
        return {
            "file": self.file,
            "status": self.status,
            "error": self.error or None,
            "title": record.title if record else None,
            "title_derived": record.title_derived if record else None,
            "language": record.language if record else None,
            "published_on": (
                record.published_on.isoformat() if record and record.published_on else None
            ),
            "source_url": record.source_url if record else None,
            "outlet": self.outlet or None,
            "byline": (record.byline or None) if record else None,
            "paragraphs": list(record.paragraphs) if record else [],
            "images": [image.as_json() for image in record.images] if record else [],
            "warnings": list(record.warnings) if record else [],
            "group": self.group,
            "group_score": self.group_score,
        }
